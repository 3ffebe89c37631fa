import Link from "next/link";
import type * as React from "react";

import { PayPrivacyNote } from "@/components/budgets/pay-privacy-note";
import { VarianceAmount } from "@/components/budgets/variance";
import { BurnChart, VarianceBarChart } from "@/components/charts/lazy";
import { ChartTable, PanelTitle } from "@/components/dashboard/chart-table";
import { Empty, Figure, SeeAll, SubHeading, type PanelProps } from "@/components/dashboard/panel-parts";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { HowCounted } from "@/components/ui/how-counted";
import { RenewalList } from "@/components/vendors/renewal-list";
import { dashboardQuery, getMoneyFigures } from "@/lib/dashboard/director";
import { formatPercent, humanize } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { vendorsRenewalsHref } from "@/lib/vendors/links";

// Money panel of the dashboards: an async server component streamed behind its own <Suspense>.
export async function MoneyPanel({ member, params }: PanelProps) {
  const { org } = member;
  const m = await getMoneyFigures(org.id, org.fiscalYearStartMonth, member.readsPay, params);
  const money = (c: number | null) => (c === null ? "–" : formatMoney(c, org.currency, { compact: true }));
  const budgets = (extra: Record<string, string> = {}) =>
    `/${org.slug}/budgets?${new URLSearchParams({ fy: String(params.fiscalYear), period: params.period, ...(params.unitId ? { unit: params.unitId } : {}), ...extra })}`;
  const drill = (unit: string) => `/${org.slug}/dashboard?${dashboardQuery({ ...params, unitId: unit })}`;

  return (
    <Card>
      <CardHeader>
        <PanelTitle>Money</PanelTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Figure label="YTD plan" value={money(m.ytd.planCents)} href={budgets({ period: "ytd" })} />
          <Figure label="YTD actual" value={money(m.ytd.actualCents)} href={budgets({ period: "ytd" })} />
          <Figure
            label="Year forecast"
            value={money(m.year.forecastCents)}
            href={budgets({ period: "year" })}
            hint={
              m.year.withheld ?? (
                <>
                  vs {money(m.year.planCents)} plan · <VarianceAmount cents={m.year.varianceCents} currency={org.currency} compact />
                </>
              )
            }
          />
          <Figure
            label={`${m.periodLabel} variance`}
            value={<VarianceAmount cents={m.period.varianceCents} currency={org.currency} compact reason={m.period.withheld} />}
            href={budgets()}
            hint={m.period.withheld ?? `${formatPercent(m.period.variancePct, { signed: true })} forecast vs plan · + is over`}
          />
        </div>
        <PayPrivacyNote disclosure={m.disclosure} />

        <section>
          <SubHeading>Variance by org unit ({m.periodLabel})</SubHeading>
          {m.children.length === 0 ? (
            <Empty>No org unit below this one.</Empty>
          ) : (
            <div className="overflow-x-auto">
              {m.children.some((r) => r.varianceCents !== null) ? (
                <VarianceBarChart
                  points={m.children.flatMap((r) => (r.varianceCents === null ? [] : [{ name: r.name, varianceCents: r.varianceCents }]))}
                  currency={org.currency}
                />
              ) : null}
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
                        <Link href={budgets({ unit: r.id })} className="hover:underline">
                          {money(r.planCents)}
                        </Link>
                      </td>
                      <td className="px-2 py-1 text-right">{money(r.forecastCents)}</td>
                      <td className="px-2 py-1 text-right">
                        <VarianceAmount cents={r.varianceCents} currency={org.currency} compact reason={r.withheld} />
                        {r.varianceCents === null ? null : ` (${formatPercent(r.variancePct, { signed: true })})`}
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
            rows={m.months.map((p) => [p.month.slice(0, 7), money(p.cumPlanCents), money(p.cumActualCents), money(p.cumForecastCents)])}
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
                    <Link href={budgets({ unit: v.unitId, cat: v.category })} className="hover:underline">
                      {v.unitName} · {humanize(v.category)}
                    </Link>
                    <VarianceAmount cents={v.varianceCents} currency={org.currency} compact />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-label="Renewals due">
            <SubHeading>Renewals due in the next 90 days ({m.renewalsTotal})</SubHeading>
            <RenewalList orgSlug={org.slug} currency={org.currency} renewals={m.renewals} />
            <SeeAll href={vendorsRenewalsHref(org.slug, params.unitId)} count={m.renewalsTotal} shown={m.renewals.length} label={m.renewalsTotal ? undefined : "All vendors and contracts"} />
            <HowCounted figures={["renewals-due"]} />
          </section>
        </div>
      </CardContent>
    </Card>
  );
}

/** People: heads vs plan, open positions and time open, planned starts and departures, over-allocation. */
