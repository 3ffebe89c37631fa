import Link from "next/link";

import { BurnChart } from "@/components/charts/lazy";
import { ExportLink } from "@/components/ui/export-link";
import { FinanceFilters } from "@/components/budgets/finance-filters";
import { ForecastBasisLinks } from "@/components/budgets/forecast-basis-links";
import { CategoryTable, TopVariancesTable } from "@/components/budgets/finance-tables";
import { FinanceTreeTable } from "@/components/budgets/finance-tree-table";
import { toTreeTuples } from "@/components/budgets/finance-tree-wire";
import { FinanceTotals } from "@/components/budgets/finance-totals";
import { FiscalYearSelect } from "@/components/budgets/fiscal-year-select";
import { ImportHistory } from "@/components/budgets/import-history";
import { ImportPanel } from "@/components/budgets/import-panel";
import { VARIANCE_THRESHOLD_PCT } from "@/components/budgets/variance-tone";
import { SectionHeading } from "@/components/dashboard/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth";
import { drillContext, ledgerLinesHref, planLinesHref } from "@/lib/budgets/drill-links";
import { personnelLinesVisible } from "@/lib/budgets/lines-privacy";
import { periodOptions } from "@/lib/budgets/period";
import { listBudgetFiscalYears, listImportBatches } from "@/lib/budgets/queries";
import { unitChoice } from "@/lib/org/search";
import { getFinanceView } from "@/lib/budgets/rollup";
import { MIN_GROUP_SIZE } from "@/lib/budgets/salary-safe";
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

  const [view, years, unit, batches] = await Promise.all([
    getFinanceView({ orgId: org.id, startMonth: org.fiscalYearStartMonth, role: member.role, today: now, ...p }),
    listBudgetFiscalYears(org.id, org.fiscalYearStartMonth, now),
    // The unit filter searches as you type: only the picked unit's name is read.
    unitChoice(org.id, p.unitId),
    canImport ? listImportBatches(org.id) : Promise.resolve([]),
  ]);
  const yearOptions = years.includes(p.fiscalYear) ? years : [...years, p.fiscalYear].sort((a, b) => b - a);
  const { totals } = view;
  const exportHref = (v: string) => `/${org.slug}/budgets/export?${financeQueryString(p, { view: v })}`;
  // Every Plan and Actual figure below links to the lines it sums (same unit, months, category).
  const drill = drillContext(org.slug, view.period, p, personnelLinesVisible(member.role));

  return (
    <>
      <PageHeader
        title="Budgets"
        description={`Plan, actual and forecast by org unit and category: ${view.period.label}, ${formatDate(view.period.start)} – ${formatDate(view.period.end)}.`}
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
        periods={periodOptions(p.fiscalYear, org.fiscalYearStartMonth).map((o) => ({ value: o.key, label: o.label }))}
        unit={unit}
        categories={[{ value: "", label: "All categories" }, ...Object.keys(BudgetCategory).map((c) => ({ value: c, label: humanize(c) }))]}
        value={{ period: p.period, unit: p.unitId ?? "", cat: p.category ?? "" }}
      />
      <FinanceTotals totals={totals} periodLabel={view.period.label} currency={org.currency} links={{ plan: planLinesHref(drill), actual: ledgerLinesHref(drill) }} />

      <section className="mb-8">
        <SectionHeading
          title="By org unit"
          description={`Each row includes everything below it. Variance beyond ±${VARIANCE_THRESHOLD_PCT}% of plan is coloured.${
            view.salarySafe ? ` Personnel cost of a unit with fewer than ${MIN_GROUP_SIZE} people is shown in its parent.` : ""
          }`}
          actions={<ExportLink href={exportHref("tree")} />}
        />
        <FinanceTreeTable tree={toTreeTuples(view.tree)} totals={totals} currency={org.currency} drill={drill} />
      </section>

      <div className="mb-8 grid gap-6">
        <Card>
          <CardHeader className="flex flex-row items-center justify-between gap-2">
            <CardTitle>Burn: cumulative plan, actual, forecast</CardTitle>
            <ExportLink href={exportHref("months")} />
          </CardHeader>
          <CardContent>
            <BurnChart points={view.months} currency={org.currency} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader className="flex flex-row items-center justify-between gap-2">
            <CardTitle>Top variances</CardTitle>
            <ExportLink href={exportHref("top")} />
          </CardHeader>
          <CardContent>
            <TopVariancesTable rows={view.top} currency={org.currency} drill={drill} />
          </CardContent>
        </Card>
      </div>

      <section className="mb-8">
        <SectionHeading
          title="By category"
          description="Forecast basis: personnel from people and positions at loaded cost; other categories use the plan, the trailing 3-month average of actuals when higher, or committed contracts when higher still."
          actions={<ExportLink href={exportHref("categories")} />}
        />
        <ForecastBasisLinks drill={drill} currentMonth={view.currentMonth} />
        <CategoryTable rows={view.categories} currency={org.currency} drill={drill} />
      </section>

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
