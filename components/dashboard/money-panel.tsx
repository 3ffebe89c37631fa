import Link from "next/link";
import type * as React from "react";

import { BurnChartAndTable } from "@/components/budgets/burn-table";
import { ForecastAssumptions } from "@/components/budgets/forecast-assumptions";
import { PayPrivacyNote } from "@/components/budgets/pay-privacy-note";
import { VarianceAmount } from "@/components/budgets/variance";
import { VARIANCE_THRESHOLD_PCT } from "@/components/budgets/variance-tone";
import { VarianceBarChart } from "@/components/charts/lazy";
import { PanelTitle } from "@/components/dashboard/chart-table";
import { Empty, Figure, panelMemo, SeeAll, SubHeading, type PanelProps } from "@/components/dashboard/panel-parts";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { HowCounted } from "@/components/ui/how-counted";
import { RenewalList } from "@/components/vendors/renewal-list";
import { noPlanMessage, planStatus } from "@/lib/budgets/plan-coverage";
import { TreeBasisSwitch } from "@/components/budgets/tree-basis-switch";
import { drillForPeriod, ledgerLinesHref, planLinesHref } from "@/lib/budgets/drill-links";
import { resolvePeriod } from "@/lib/budgets/period";
import { periodClosed, type TreeBasis, type TreeMode } from "@/lib/budgets/tree-basis";
import { personnelLinesVisible } from "@/lib/budgets/lines-privacy";
import { getForecastAssumptions } from "@/lib/budgets/assumptions-query";
import { dashboardQuery, getMoneyFigures } from "@/lib/dashboard/director";
import { formatPercent, humanize } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { can } from "@/lib/permissions";
import { ensurePublished } from "@/lib/privacy/publication";
import { vendorsRenewalsHref } from "@/lib/vendors/links";

// Money panel of the dashboards: an async server component streamed behind its own <Suspense>.
// Every money figure follows the period switcher. Year to date covers closed months only (plan
// and actual over the same months); the month in progress is "month to date" beside it. A period
// without any plan shows the forecast and no variance (lib/budgets/plan-coverage.ts).
// Reused while the org's data is unchanged (panelMemo), per salary-safety class: whether the reader
// reads pay, and the role (its links).
// A reader without pay access reads the published forecast: publishing first (when one is due)
// keys the panel on the versions after it, so the next view reuses it.
export async function MoneyPanel({ member, params }: PanelProps) {
  if (!member.readsPay) await ensurePublished(member.org.id, member.org.fiscalYearStartMonth, new Date());
  return panelMemo(member, "money", [member.role, member.readsPay, params], () => renderMoneyPanel({ member, params }));
}

async function renderMoneyPanel({ member, params }: PanelProps) {
  const { org } = member;
  const [m, assumptions] = await Promise.all([
    getMoneyFigures(org.id, org.fiscalYearStartMonth, member.readsPay, params),
    getForecastAssumptions(org.id),
  ]);
  // A figure withheld from a reader without pay access is a dash, as everywhere (docs/privacy.md).
  const money = (c: number | null) => (c === null ? "—" : formatMoney(c, org.currency, { compact: true }));
  const budgets = (extra: Record<string, string> = {}) =>
    `/${org.slug}/budgets?${new URLSearchParams({ fy: String(params.fiscalYear), period: params.period, ...(params.unitId ? { unit: params.unitId } : {}), ...extra })}`;
  // The period's figures may be "as it was" (a closed period, ?tree=asof); their links keep that.
  const asof = m.basis.mode === "asof";
  const periodBudgets = (extra: Record<string, string> = {}) => budgets({ ...extra, ...(asof ? { tree: "asof" } : {}) });
  const closed = asof || periodClosed(resolvePeriod(params.period, params.fiscalYear, org.fiscalYearStartMonth, new Date()), new Date());
  const self = (tree: TreeMode) => `/${org.slug}/dashboard?${dashboardQuery({ ...params, tree })}`;
  const drill = (unit: string) => `/${org.slug}/dashboard?${dashboardQuery({ ...params, unitId: unit })}`;
  // Year to date before a month has closed: nothing to compare, said once per section.
  const periodEmpty = m.periodMonths === 0;
  const periodNoPlan = !periodEmpty && planStatus(m.periodPlan) === "none";
  const yearNoPlan = planStatus(m.yearPlan) === "none";
  const yearPeriod = { key: "year" as const, label: m.yearLabel };
  const periodRef = { key: params.period, label: m.periodLabel };
  const pct = (a: { variancePct: number | null }) => formatPercent(a.variancePct, { signed: true });
  // The lines behind the money figures (lib/budgets/drill-links.ts): the period's and the YTD months.
  const lines = (period: typeof params.period, basis: TreeBasis | null = null) =>
    drillForPeriod(
      org.slug,
      { ...params, period, startMonth: org.fiscalYearStartMonth, today: new Date() },
      { unitId: params.unitId, category: null },
      personnelLinesVisible(member),
      basis,
    );
  const [inPeriod, ytd] = [lines(params.period, m.basis), lines("ytd")];

  return (
    <Card>
      <CardHeader>
        <PanelTitle subtitle={`Follows the period: ${m.periodLabel}; year to date and the year of ${m.yearLabel}`}>Money</PanelTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {m.ytd.closedMonths === 0 ? (
            <Figure
              label="Year to date"
              value="—"
              href={budgets({ period: "ytd" })}
              hint={
                m.ytd.state === "future"
                  ? `${m.yearLabel} ${m.ytd.span}: no month to compare yet`
                  : `No month of ${m.yearLabel} has closed yet${m.mtd ? ": see month to date" : ""}`
              }
            />
          ) : (
            <Figure
              label={`YTD ${m.ytd.span}`}
              value={money(m.ytd.actualCents)}
              href={(ytd && ledgerLinesHref(ytd)) ?? budgets({ period: "ytd" })}
              hint={
                planStatus(m.ytd.plan) === "none" ? (
                  <>actual · {noPlanMessage({ key: "ytd", label: m.yearLabel })}</>
                ) : (
                  <>
                    actual vs {money(m.ytd.planCents)} plan · <VarianceAmount of={m.ytd} currency={org.currency} compact /> ({pct(m.ytd)})
                  </>
                )
              }
            />
          )}
          {m.mtd ? (
            <Figure
              label="Month to date"
              value={money(m.mtd.actualCents)}
              href={budgets({ period: m.mtd.periodKey })}
              hint={`${m.mtd.label} · partial month: booked so far, of ${money(m.mtd.planCents)} planned for the whole month`}
            />
          ) : null}
          <Figure
            label="Year forecast"
            value={money(m.year.forecastCents)}
            href={budgets({ period: "year" })}
            hint={
              m.year.withheld ? (
                m.year.withheld
              ) : yearNoPlan ? (
                `${noPlanMessage(yearPeriod)}: forecast only`
              ) : (
                <>
                  vs {money(m.year.planCents)} plan · <VarianceAmount of={m.year} currency={org.currency} compact />
                  {planStatus(m.yearPlan) === "partial" ? ` · plan covers ${m.yearPlan.months} of 12 months` : ""}
                </>
              )
            }
          />
          {periodEmpty ? null : periodNoPlan ? (
            <Figure
              label={`${m.periodLabel} forecast`}
              value={money(m.period.forecastCents)}
              href={periodBudgets()}
              hint={`${noPlanMessage(periodRef)}: no variance`}
            />
          ) : (
            <Figure
              label={`${m.periodLabel} variance`}
              value={<VarianceAmount of={m.period} currency={org.currency} compact />}
              href={periodBudgets()}
              hint={m.period.withheld ?? `${pct(m.period)} forecast vs plan · + is over · coloured beyond ±${VARIANCE_THRESHOLD_PCT}%`}
            />
          )}
        </div>
        <PayPrivacyNote disclosure={m.disclosure} published={m.published} />
        <TreeBasisSwitch basis={m.basis} closed={closed} restatedHref={self("restated")} asofHref={self("asof")} />
        {asof ? (
          <p className="-mt-4 text-xs text-muted-foreground">
            As it was applies to {m.periodLabel}&apos;s figures; year to date, month to date and the year are restated (current tree).
          </p>
        ) : null}
        <ForecastAssumptions assumptions={assumptions} settingsHref={can(member.role, "org:settings") ? `/${org.slug}/settings` : null} />
        <HowCounted figures={["plan", "actual", "ytd", "month-to-date", "plan-coverage", "variance-colour", "tree-basis"]} />

        <section>
          <SubHeading>{periodNoPlan ? `Forecast by org unit (${m.periodLabel})` : `Variance by org unit (${m.periodLabel})`}</SubHeading>
          {periodEmpty ? (
            <Empty>{m.periodLabel}: no month has closed yet.</Empty>
          ) : m.children.length === 0 ? (
            <Empty>No org unit below this one.</Empty>
          ) : (
            <div className="overflow-x-auto">
              {periodNoPlan ? (
                <Empty>{noPlanMessage(periodRef)}: each unit&apos;s forecast, no variance.</Empty>
              ) : m.children.some((r) => r.varianceCents !== null) ? (
                <VarianceBarChart
                  points={m.children.flatMap((r) =>
                    r.varianceCents === null || r.planCents === null
                      ? []
                      : [{ name: r.name, varianceCents: r.varianceCents, planCents: r.planCents }],
                  )}
                  currency={org.currency}
                />
              ) : null}
              <table className="mt-3 w-full text-left text-sm tabular-nums">
                <caption className="sr-only">
                  Plan, forecast and variance of each org unit directly below the selected one; a unit name opens its dashboard
                </caption>
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
                        <Link prefetch={false} href={drill(r.id)} className="font-medium text-primary hover:underline">
                          {r.name}
                        </Link>
                      </th>
                      <td className="px-2 py-1 text-right">
                        <Link
                          prefetch={false}
                          href={(inPeriod && planLinesHref(inPeriod, { unitId: r.id })) ?? periodBudgets({ unit: r.id })}
                          className="hover:underline"
                        >
                          {periodNoPlan ? "—" : money(r.planCents)}
                        </Link>
                      </td>
                      <td className="px-2 py-1 text-right">
                        <Link prefetch={false} href={periodBudgets({ unit: r.id })} className="hover:underline">
                          {money(r.forecastCents)}
                        </Link>
                      </td>
                      <td className="px-2 py-1 text-right">
                        {periodNoPlan ? (
                          "—"
                        ) : r.varianceCents === null ? (
                          <VarianceAmount of={r} currency={org.currency} compact />
                        ) : (
                          <>
                            <VarianceAmount of={r} currency={org.currency} compact /> (
                            {r.planCents === 0 && r.varianceCents !== 0 ? "no plan" : pct(r)})
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section>
          <SubHeading>
            Burn: cumulative {yearNoPlan ? "" : "plan, "}actual and forecast for {m.yearLabel}
          </SubHeading>
          {yearNoPlan ? <Empty>{noPlanMessage(yearPeriod)}: the chart has no plan line.</Empty> : null}
          <BurnChartAndTable
            points={m.months}
            currency={org.currency}
            currentMonth={m.currentMonth}
            hasPlan={!yearNoPlan}
            withheld={m.year.withheld}
          />
        </section>

        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <section>
            <SubHeading>Top 5 variances ({m.periodLabel})</SubHeading>
            {periodEmpty ? (
              <Empty>{m.periodLabel}: no month has closed yet.</Empty>
            ) : periodNoPlan ? (
              <Empty>{noPlanMessage(periodRef)}, so there are no variances to rank.</Empty>
            ) : m.top.length === 0 ? (
              <Empty>Forecast matches plan everywhere.</Empty>
            ) : (
              <ul className="space-y-1.5 text-sm">
                {m.top.map((v) => (
                  <li key={`${v.unitId}-${v.category}`} className="flex justify-between gap-2">
                    <Link
                      prefetch={false}
                      href={
                        (inPeriod && ledgerLinesHref(inPeriod, { unitId: v.unitId, category: v.category, own: true })) ??
                        periodBudgets({ unit: v.unitId, cat: v.category })
                      }
                      className="hover:underline"
                      title={`Actual ${formatMoney(v.actualCents, org.currency)}`}
                    >
                      {v.unitName} · {humanize(v.category)}
                    </Link>
                    <VarianceAmount of={v} currency={org.currency} compact />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-label="Renewals due">
            <SubHeading>Renewals due in the next 90 days ({m.renewalsTotal})</SubHeading>
            <RenewalList orgSlug={org.slug} currency={org.currency} renewals={m.renewals} />
            <SeeAll
              href={vendorsRenewalsHref(org.slug, params.unitId)}
              count={m.renewalsTotal}
              shown={m.renewals.length}
              label={m.renewalsTotal ? undefined : "All vendors and contracts"}
            />
            <HowCounted figures={["renewals-due"]} />
          </section>
        </div>
      </CardContent>
    </Card>
  );
}

/** People: heads vs plan, open positions and time open, planned starts and departures, over-allocation. */
