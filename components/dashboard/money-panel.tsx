import Link from "next/link";
import type * as React from "react";

import { BurnChartAndTable } from "@/components/budgets/burn-table";
import { ForecastAssumptions } from "@/components/budgets/forecast-assumptions";
import { PayPrivacyNote } from "@/components/budgets/pay-privacy-note";
import { VarianceAmount } from "@/components/budgets/variance";
import { PanelTitle } from "@/components/dashboard/chart-table";
import { MoneyHeadline } from "@/components/dashboard/money-headline";
import { moneyView } from "@/components/dashboard/money-view";
import { Empty, panelMemo, SeeAll, SubHeading, type PanelProps } from "@/components/dashboard/panel-parts";
import { UnitVarianceSection } from "@/components/dashboard/unit-variance-section";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { HowCounted } from "@/components/ui/how-counted";
import { RenewalList } from "@/components/vendors/renewal-list";
import { noPlanMessage } from "@/lib/budgets/plan-coverage";
import { TreeBasisSwitch } from "@/components/budgets/tree-basis-switch";
import { ledgerLinesHref } from "@/lib/budgets/drill-links";
import { getForecastAssumptions } from "@/lib/budgets/assumptions-query";
import { getMoneyFigures } from "@/lib/dashboard/director";
import { humanize } from "@/lib/format";
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
  const v = moneyView({ member, params }, m);
  const { asof, periodBudgets, closed, self, periodEmpty, periodNoPlan, yearNoPlan, yearPeriod, periodRef, inPeriod } = v;

  return (
    <Card>
      <CardHeader>
        <PanelTitle subtitle={`Follows the period: ${m.periodLabel}; year to date and the year of ${m.yearLabel}`}>Money</PanelTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        <MoneyHeadline m={m} v={v} />
        <PayPrivacyNote disclosure={m.disclosure} published={m.published} />
        <TreeBasisSwitch basis={m.basis} closed={closed} restatedHref={self("restated")} asofHref={self("asof")} />
        {asof ? (
          <p className="-mt-4 text-xs text-muted-foreground">
            As it was applies to {m.periodLabel}&apos;s figures; year to date, month to date and the year are restated (current tree).
          </p>
        ) : null}
        <ForecastAssumptions assumptions={assumptions} settingsHref={can(member.role, "org:settings") ? `/${org.slug}/settings` : null} />
        <HowCounted figures={["plan", "actual", "ytd", "month-to-date", "plan-coverage", "variance-colour", "tree-basis"]} />

        <UnitVarianceSection m={m} v={v} />

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
