import { ExportLink } from "@/components/ui/export-link";
import { FinanceTotals } from "@/components/budgets/finance-totals";
import { ForecastAssumptions } from "@/components/budgets/forecast-assumptions";
import { CategoryTable, TopVariancesTable } from "@/components/budgets/finance-tables";
import { FinanceTreeTable } from "@/components/budgets/finance-tree-table";
import { toTreeTuples } from "@/components/budgets/finance-tree-wire";
import { ImportHistory } from "@/components/budgets/import-history";
import { BurnTable } from "@/components/budgets/burn-table";
import { MonthToDate } from "@/components/budgets/month-to-date";
import { PayPrivacyNote } from "@/components/budgets/pay-privacy-note";
import { BurnChart } from "@/components/charts/lazy";
import { PanelTitle } from "@/components/dashboard/chart-table";
import { SectionHeading } from "@/components/dashboard/stat-card";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { SeeAll } from "@/components/dashboard/panel-parts";
import { HowCounted } from "@/components/ui/how-counted";
import { RenewalList } from "@/components/vendors/renewal-list";
import type { Member } from "@/lib/auth";
import { getForecastAssumptions } from "@/lib/budgets/assumptions-query";
import { listImportBatches } from "@/lib/budgets/queries";
import { drillContext, ledgerLinesHref, planLinesHref } from "@/lib/budgets/drill-links";
import { personnelLinesVisible } from "@/lib/budgets/lines-privacy";
import { currentMonthKey, monthToDateLabel, yearProgress } from "@/lib/budgets/period";
import { noPlanMessage, planStatus } from "@/lib/budgets/plan-coverage";
import { getFinanceViews } from "@/lib/budgets/rollup";
import { financeQueryString, type FinanceParams } from "@/lib/budgets/view-params";
import { can } from "@/lib/permissions";
import { vendorsRenewalsHref } from "@/lib/vendors/links";
import { listUpcomingRenewals } from "@/lib/vendors/queries";

/**
 * The finance view: the budgets rollup for the fiscal year (tree, burn, categories, top
 * variances) plus the imports log and renewals. Queries: the finance view (3 + forecast inputs
 * + 4), imports log 1, renewals 2 — in parallel.
 */
/** Renewals listed on the finance dashboard; the vendors page has them all. */
const FINANCE_RENEWALS_SHOWN = 8;

export async function FinanceDashboard({ member, params }: { member: Member; params: FinanceParams }) {
  const { org } = member;
  const now = new Date();
  // Year to date shows the month in progress beside it (same statement).
  const mtdKey = params.period === "ytd" ? currentMonthKey(params.fiscalYear, org.fiscalYearStartMonth, now) : null;
  const [[view, mtd], batches, renewals, assumptions] = await Promise.all([
    getFinanceViews({ orgId: org.id, startMonth: org.fiscalYearStartMonth, payReader: member.readsPay, today: now, ...params }, [
      { period: params.period, parts: ["categories", "tree", "months", "top"] },
      ...(mtdKey ? [{ period: mtdKey, parts: [] }] : []),
    ]),
    can(member.role, "actuals:write") ? listImportBatches(org.id, 8) : Promise.resolve([]),
    listUpcomingRenewals(org.id, now, null, FINANCE_RENEWALS_SHOWN),
    getForecastAssumptions(org.id),
  ]);
  const { totals } = view;
  // Year to date before a month has closed has nothing to show below the totals' notice.
  const noPlan = view.period.months > 0 && planStatus(view.plan) === "none";
  const current = yearProgress(params.fiscalYear, org.fiscalYearStartMonth, now).current;
  const exportHref = (v: string) => `/${org.slug}/budgets/export?${financeQueryString(params, { view: v })}`;
  const budgets = `/${org.slug}/budgets?${financeQueryString(params)}`;
  const drill = drillContext(org.slug, view.period, params, personnelLinesVisible(member));
  return (
    <div className="space-y-8">
      <div>
        <FinanceTotals view={view} currency={org.currency} href={budgets} today={now} links={{ plan: planLinesHref(drill), actual: ledgerLinesHref(drill) }} />
        <div className="-mt-4">
          <ForecastAssumptions assumptions={assumptions} settingsHref={can(member.role, "org:settings") ? `/${org.slug}/settings` : null} />
        </div>
      </div>
      {mtd && current ? (
        <MonthToDate mtd={mtd.totals} label={monthToDateLabel(current)} currency={org.currency} href={`/${org.slug}/budgets?${financeQueryString({ ...params, period: mtdKey! })}`} />
      ) : null}
      {view.period.months === 0 ? null : (
        <>
          <section>
            <SectionHeading
              title="Org tree rollup"
              description={`Each row includes everything below it.${noPlan ? ` ${noPlanMessage(view.period)}: forecast only, no variance.` : ""}`}
              actions={<ExportLink href={exportHref("tree")} />}
            />
            <FinanceTreeTable tree={toTreeTuples(view.tree)} totals={totals} currency={org.currency} noPlan={noPlan} drill={drill} />
            <PayPrivacyNote disclosure={view.disclosure} />
          </section>
          <div className="grid grid-cols-1 gap-6">
            <Card>
              <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
                <PanelTitle>Burn: cumulative plan, actual, forecast</PanelTitle>
                <ExportLink href={exportHref("months")} label="Export burn CSV" />
              </CardHeader>
              <CardContent>
                <BurnChart points={view.months} currency={org.currency} currentMonth={view.currentMonth} hasPlan={!noPlan} />
                <BurnTable points={view.months} currency={org.currency} currentMonth={view.currentMonth} hasPlan={!noPlan} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
                <PanelTitle>Biggest variances</PanelTitle>
                <ExportLink href={exportHref("top")} label="Export variances CSV" />
              </CardHeader>
              <CardContent>
                {noPlan ? (
                  <p className="text-sm text-muted-foreground">{noPlanMessage(view.period)}, so there are no variances to rank.</p>
                ) : (
                  <TopVariancesTable rows={view.top} currency={org.currency} drill={drill} />
                )}
              </CardContent>
            </Card>
          </div>
          <section>
            <SectionHeading title="Category mix" actions={<ExportLink href={exportHref("categories")} label="Export categories CSV" />} />
            <CategoryTable rows={view.categories} currency={org.currency} noPlan={noPlan} drill={drill} />
          </section>
        </>
      )}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <section>
          <SectionHeading title="Imports log" description="Latest actuals and plan imports." />
          {batches.length ? (
            <ImportHistory org={org.slug} batches={batches} canRevert={false} now={now.toISOString()} />
          ) : (
            <p className="text-sm text-muted-foreground">No import yet.</p>
          )}
        </section>
        <section>
          <SectionHeading title={`Renewals due in the next 90 days (${renewals.total})`} />
          <RenewalList orgSlug={org.slug} currency={org.currency} renewals={renewals.rows} />
          {renewals.total > 0 ? <SeeAll href={vendorsRenewalsHref(org.slug, null)} count={renewals.total} shown={renewals.rows.length} /> : null}
          <HowCounted figures={["renewals-due"]} />
        </section>
      </div>
    </div>
  );
}
