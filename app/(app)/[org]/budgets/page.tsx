import Link from "next/link";

import { BurnTable } from "@/components/budgets/burn-table";
import { BurnChart } from "@/components/charts/lazy";
import { ExportLink } from "@/components/ui/export-link";
import { FinanceFilters } from "@/components/budgets/finance-filters";
import { ForecastAssumptions } from "@/components/budgets/forecast-assumptions";
import { ForecastBasisLinks } from "@/components/budgets/forecast-basis-links";
import { CategoryTable, TopVariancesTable } from "@/components/budgets/finance-tables";
import { FinanceTreeTable } from "@/components/budgets/finance-tree-table";
import { toTreeTuples } from "@/components/budgets/finance-tree-wire";
import { FinanceTotals } from "@/components/budgets/finance-totals";
import { FiscalYearSelect } from "@/components/budgets/fiscal-year-select";
import { ImportHistory } from "@/components/budgets/import-history";
import { ImportPanel } from "@/components/budgets/import-panel";
import { MonthToDate } from "@/components/budgets/month-to-date";
import { PayPrivacyNote } from "@/components/budgets/pay-privacy-note";
import { VARIANCE_THRESHOLD_PCT } from "@/components/budgets/variance-tone";
import { SectionHeading } from "@/components/dashboard/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth";
import { getForecastAssumptions } from "@/lib/budgets/assumptions-query";
import { drillContext, ledgerLinesHref, planLinesHref } from "@/lib/budgets/drill-links";
import { personnelLinesVisible } from "@/lib/budgets/lines-privacy";
import { currentMonthKey, monthToDateLabel, periodOptions, yearProgress } from "@/lib/budgets/period";
import { noPlanMessage, planStatus } from "@/lib/budgets/plan-coverage";
import { listBudgetFiscalYears, listImportBatches } from "@/lib/budgets/queries";
import { unitChoice } from "@/lib/org/search";
import { getFinanceViews } from "@/lib/budgets/rollup";
import { financeQueryString, parseFinanceParams } from "@/lib/budgets/view-params";
import { fiscalYearOf } from "@/lib/fiscal";
import { formatDate, humanize } from "@/lib/format";
import { BudgetCategory } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";

export const metadata = { title: "Budgets" };

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember((await params).org);
  const { org } = member;
  const now = new Date();
  const current = fiscalYearOf(now, org.fiscalYearStartMonth);
  const p = parseFinanceParams(await searchParams, org.fiscalYearStartMonth, now);
  const canImport = can(member.role, "actuals:write");
  const canPlan = can(member.role, "budgets:write");

  // Year to date shows the month in progress beside it (same statement).
  const mtdKey = p.period === "ytd" ? currentMonthKey(p.fiscalYear, org.fiscalYearStartMonth, now) : null;
  const [[view, mtd], years, unit, batches, assumptions] = await Promise.all([
    getFinanceViews({ orgId: org.id, startMonth: org.fiscalYearStartMonth, payReader: member.readsPay, today: now, ...p }, [
      { period: p.period, parts: ["categories", "tree", "months", "top"] },
      ...(mtdKey ? [{ period: mtdKey, parts: [] }] : []),
    ]),
    listBudgetFiscalYears(org.id, org.fiscalYearStartMonth, now),
    // The unit filter searches as you type: only the picked unit's name is read.
    unitChoice(org.id, p.unitId),
    canImport ? listImportBatches(org.id) : Promise.resolve([]),
    getForecastAssumptions(org.id),
  ]);
  const yearOptions = years.includes(p.fiscalYear) ? years : [...years, p.fiscalYear].sort((a, b) => b - a);
  const { totals } = view;
  const exportHref = (v: string) => `/${org.slug}/budgets/export?${financeQueryString(p, { view: v })}`;
  // Year to date before a month has closed has nothing to show below the totals' notice.
  const noPlan = view.period.months > 0 && planStatus(view.plan) === "none";
  const inProgress = yearProgress(p.fiscalYear, org.fiscalYearStartMonth, now).current;
  // Every Plan and Actual figure below links to the lines it sums (same unit, months, category).
  const drill = drillContext(org.slug, view.period, p, personnelLinesVisible(member));

  return (
    <>
      <PageHeader
        title="Budgets"
        description={`Plan, actual and forecast by org unit and category: ${view.period.label}${view.period.months ? `, ${formatDate(view.period.start)} – ${formatDate(view.period.end)}` : ""}. Restated (current tree): every period rolls up along today's org tree.`}
        actions={
          <>
            {canPlan ? (
              <Link href={`/${org.slug}/budgets/plan?fy=${p.fiscalYear}`} className={buttonVariants({ variant: "outline" })}>
                Edit plan
              </Link>
            ) : null}
            <FiscalYearSelect years={yearOptions} value={p.fiscalYear} current={current} />
          </>
        }
      />
      <FinanceFilters
        org={org.slug}
        periods={periodOptions(p.fiscalYear, org.fiscalYearStartMonth, now).map((o) => ({ value: o.key, label: o.label }))}
        unit={unit}
        categories={[{ value: "", label: "All categories" }, ...Object.keys(BudgetCategory).map((c) => ({ value: c, label: humanize(c) }))]}
        value={{ period: p.period, unit: p.unitId ?? "", cat: p.category ?? "" }}
      />
      <FinanceTotals view={view} currency={org.currency} today={now} links={{ plan: planLinesHref(drill), actual: ledgerLinesHref(drill) }} />
      <div className="mb-8 -mt-4">
        <ForecastAssumptions assumptions={assumptions} settingsHref={can(member.role, "org:settings") ? `/${org.slug}/settings` : null} />
      </div>
      {mtd && inProgress ? (
        <MonthToDate mtd={mtd.totals} label={monthToDateLabel(inProgress)} currency={org.currency} href={`/${org.slug}/budgets?${financeQueryString({ ...p, period: mtdKey! })}`} />
      ) : null}

      {view.period.months === 0 ? null : (
        <>
          <section className="mb-8">
            <SectionHeading
              title="By org unit"
              description={`Each row includes everything below it. ${noPlan ? `${noPlanMessage(view.period)}: forecast only, no variance.` : `Variance beyond ±${VARIANCE_THRESHOLD_PCT}% of plan is coloured.`}`}
              actions={<ExportLink href={exportHref("tree")} />}
            />
            <FinanceTreeTable tree={toTreeTuples(view.tree)} totals={totals} currency={org.currency} noPlan={noPlan} drill={drill} />
            <PayPrivacyNote disclosure={view.disclosure} />
          </section>

          <div className="mb-8 grid grid-cols-1 gap-6">
            <Card>
              <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
                <CardTitle>Burn: cumulative plan, actual, forecast</CardTitle>
                <ExportLink href={exportHref("months")} />
              </CardHeader>
              <CardContent>
                <BurnChart points={view.months} currency={org.currency} currentMonth={view.currentMonth} hasPlan={!noPlan} />
                <BurnTable points={view.months} currency={org.currency} currentMonth={view.currentMonth} hasPlan={!noPlan} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
                <CardTitle>Top variances</CardTitle>
                <ExportLink href={exportHref("top")} />
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

          <section className="mb-8">
            <SectionHeading
              title="By category"
              description="Forecast basis: personnel from people and positions at loaded cost by day; other categories from their run-rate (lumpy ones and those without recent actuals from the plan), plus commitments no forecast covers; the current month at least what is booked."
              actions={<ExportLink href={exportHref("categories")} />}
            />
            <ForecastBasisLinks drill={drill} currentMonth={view.currentMonth} />
            <CategoryTable rows={view.categories} currency={org.currency} noPlan={noPlan} drill={drill} />
          </section>
        </>
      )}

      {canImport ? (
        <section className="mb-8 space-y-4">
          <SectionHeading title="Import actuals" description="Ledger lines already imported (same external reference) are skipped and counted." />
          <ImportPanel org={org.slug} kind="actuals" columns="date, cost centre code, category, amount, vendor, memo, external reference" />
          <ImportHistory org={org.slug} batches={batches} canRevert={canImport} now={now.toISOString()} />
        </section>
      ) : null}
    </>
  );
}
