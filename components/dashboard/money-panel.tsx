import Link from "next/link";
import type * as React from "react";

import { VarianceAmount } from "@/components/budgets/variance";
import { BurnChart, VarianceBarChart } from "@/components/charts/lazy";
import { ChartTable, PanelTitle } from "@/components/dashboard/chart-table";
import { Empty, Figure, SubHeading, type PanelProps } from "@/components/dashboard/panel-parts";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { RenewalList } from "@/components/vendors/renewal-list";
import { drillForPeriod, ledgerLinesHref, planLinesHref } from "@/lib/budgets/drill-links";
import { personnelLinesVisible } from "@/lib/budgets/lines-privacy";
import { MIN_GROUP_SIZE } from "@/lib/budgets/salary-safe";
import { dashboardQuery, getMoneyFigures } from "@/lib/dashboard/director";
import { formatPercent, humanize } from "@/lib/format";
import { formatMoney } from "@/lib/money";

// Money panel of the dashboards: an async server component streamed behind its own <Suspense>.
export async function MoneyPanel({ member, params }: PanelProps) {
  const { org } = member;
  const m = await getMoneyFigures(org.id, org.fiscalYearStartMonth, member.role, params);
  const money = (c: number) => formatMoney(c, org.currency, { compact: true });
  const budgets = (extra: Record<string, string> = {}) =>
    `/${org.slug}/budgets?${new URLSearchParams({ fy: String(params.fiscalYear), period: params.period, ...(params.unitId ? { unit: params.unitId } : {}), ...extra })}`;
  const drill = (unit: string) => `/${org.slug}/dashboard?${dashboardQuery({ ...params, unitId: unit })}`;
  // The lines behind the money figures (lib/budgets/drill-links.ts): the period's and the YTD months.
  const lines = (period: typeof params.period) =>
    drillForPeriod(org.slug, { ...params, period, startMonth: org.fiscalYearStartMonth, today: new Date() }, { unitId: params.unitId, category: null }, personnelLinesVisible(member.role));
  const [inPeriod, ytd] = [lines(params.period), lines("ytd")];

  return (
    <Card>
      <CardHeader>
        <PanelTitle>Money</PanelTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Figure label="YTD plan" value={money(m.ytd.planCents)} href={(ytd && planLinesHref(ytd)) ?? budgets({ period: "ytd" })} />
          <Figure label="YTD actual" value={money(m.ytd.actualCents)} href={(ytd && ledgerLinesHref(ytd)) ?? budgets({ period: "ytd" })} />
          <Figure
            label="Year forecast"
            value={money(m.year.forecastCents)}
            href={budgets({ period: "year" })}
            hint={
              <>
                vs {money(m.year.planCents)} plan · <VarianceAmount cents={m.year.varianceCents} currency={org.currency} compact />
              </>
            }
          />
          <Figure
            label={`${m.periodLabel} variance`}
            value={<VarianceAmount cents={m.period.varianceCents} currency={org.currency} compact />}
            href={budgets()}
            hint={`${formatPercent(m.period.variancePct, { signed: true })} forecast vs plan · + is over`}
          />
        </div>
        {m.salarySafe ? (
          <p className="text-xs text-muted-foreground">Personnel cost of a unit with fewer than {MIN_GROUP_SIZE} people is shown in its parent.</p>
        ) : null}

        <section>
          <SubHeading>Variance by org unit ({m.periodLabel})</SubHeading>
          {m.children.length === 0 ? (
            <Empty>No org unit below this one.</Empty>
          ) : (
            <div className="overflow-x-auto">
              <VarianceBarChart points={m.children.map((r) => ({ name: r.name, varianceCents: r.varianceCents }))} currency={org.currency} />
              <table className="mt-3 w-full text-left text-sm tabular-nums">
                <caption className="sr-only">Plan, forecast and variance of each org unit directly below the selected one; a unit name opens its dashboard</caption>
                <thead>
                  <tr className="border-b border-border text-muted-foreground">
                    <th scope="col" className="px-2 py-1 font-medium">
                      Org unit
                    </th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">
                      Plan
                    </th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">
                      Forecast
                    </th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">
                      Variance
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {m.children.map((r) => (
                    <tr key={r.id} className="border-b border-border/60">
                      <th scope="row" className="px-2 py-1 font-normal">
                        <Link href={drill(r.id)} className="font-medium text-primary hover:underline">
                          {r.name}
                        </Link>
                      </th>
                      <td className="px-2 py-1 text-right">
                        <Link href={(inPeriod && planLinesHref(inPeriod, { unitId: r.id })) ?? budgets({ unit: r.id })} className="hover:underline">
                          {money(r.planCents)}
                        </Link>
                      </td>
                      <td className="px-2 py-1 text-right">
                        <Link href={budgets({ unit: r.id })} className="hover:underline">
                          {money(r.forecastCents)}
                        </Link>
                      </td>
                      <td className="px-2 py-1 text-right">
                        <VarianceAmount cents={r.varianceCents} currency={org.currency} compact /> ({formatPercent(r.variancePct, { signed: true })})
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section>
          <SubHeading>Burn: cumulative plan, actual and forecast for the year</SubHeading>
          <BurnChart points={m.months} currency={org.currency} />
          <ChartTable
            caption="Cumulative plan, actual and forecast by month"
            head={["Month", "Plan", "Actual", "Forecast"]}
            rows={m.months.map((p) => [p.month.slice(0, 7), money(p.cumPlanCents), p.cumActualCents == null ? "–" : money(p.cumActualCents), money(p.cumForecastCents)])}
          />
        </section>

        <div className="grid gap-6 lg:grid-cols-2">
          <section>
            <SubHeading>Top 5 variances ({m.periodLabel})</SubHeading>
            {m.top.length === 0 ? (
              <Empty>Forecast matches plan everywhere.</Empty>
            ) : (
              <ul className="space-y-1.5 text-sm">
                {m.top.map((v) => (
                  <li key={`${v.unitId}-${v.category}`} className="flex justify-between gap-2">
                    <Link
                      href={(inPeriod && ledgerLinesHref(inPeriod, { unitId: v.unitId, category: v.category, own: true })) ?? budgets({ unit: v.unitId, cat: v.category })}
                      className="hover:underline"
                      title={`Actual ${formatMoney(v.actualCents, org.currency)}`}
                    >
                      {v.unitName} · {humanize(v.category)}
                    </Link>
                    <VarianceAmount cents={v.varianceCents} currency={org.currency} compact />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section>
            <SubHeading>Renewals in the next 90 days ({m.renewalsTotal})</SubHeading>
            <RenewalList orgSlug={org.slug} currency={org.currency} renewals={m.renewals} />
            <Link href={`/${org.slug}/vendors`} className="mt-2 inline-block text-sm text-primary hover:underline">
              All vendors and contracts
            </Link>
          </section>
        </div>
      </CardContent>
    </Card>
  );
}

/** People: heads vs plan, open positions and time open, planned starts and departures, over-allocation. */
