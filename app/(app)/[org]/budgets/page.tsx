import Link from "next/link";

import { FinanceFilters } from "@/components/budgets/finance-filters";
import { FinanceSections, loadFinanceSections } from "@/components/budgets/finance-sections";
import { FiscalYearSelect } from "@/components/budgets/fiscal-year-select";
import { ImportHistory } from "@/components/budgets/import-history";
import { ImportActualsDialog } from "@/components/budgets/import-dialog";
import { SectionHeading } from "@/components/dashboard/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { requireMember } from "@/lib/auth";
import { periodOptions } from "@/lib/budgets/period";
import { listBudgetFiscalYears, listImportBatches } from "@/lib/budgets/queries";
import { unitChoice } from "@/lib/org/search";
import { treeBasisLabel } from "@/lib/budgets/tree-basis";
import { parseFinanceParams } from "@/lib/budgets/view-params";
import { fiscalYearLabel, fiscalYearOf } from "@/lib/fiscal";
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

  const [sections, years, unit, batches] = await Promise.all([
    loadFinanceSections(member, p, now),
    listBudgetFiscalYears(org.id, org.fiscalYearStartMonth, now),
    // The unit filter searches as you type: only the picked unit's name is read.
    unitChoice(org.id, p.unitId),
    canImport ? listImportBatches(org.id) : Promise.resolve([]),
  ]);
  const { view } = sections;
  const yearOptions = years.includes(p.fiscalYear) ? years : [...years, p.fiscalYear].sort((a, b) => b - a);

  return (
    <>
      <PageHeader
        title="Budgets"
        description={`Plan, actual and forecast by org unit and category: ${view.period.label}${view.period.months ? `, ${formatDate(view.period.start)} – ${formatDate(view.period.end)}` : ""}. ${treeBasisLabel(view.basis)}.`}
        actions={
          <>
            {canPlan ? (
              <Link href={`/${org.slug}/budgets/plan?fy=${p.fiscalYear}`} className={buttonVariants({ variant: "outline" })}>
                Edit plan
              </Link>
            ) : null}
            {canImport ? <ImportActualsDialog org={org.slug} /> : null}
          </>
        }
      />
      <FinanceFilters
        org={org.slug}
        year={<FiscalYearSelect years={yearOptions} value={p.fiscalYear} current={current} stacked />}
        periods={periodOptions(p.fiscalYear, org.fiscalYearStartMonth, now).map((o) => ({
          value: o.key,
          label: withinYear(o.label, p.fiscalYear),
        }))}
        unit={unit}
        categories={[{ value: "", label: "All categories" }, ...Object.keys(BudgetCategory).map((c) => ({ value: c, label: humanize(c) }))]}
        value={{ period: p.period, unit: p.unitId ?? "", cat: p.category ?? "" }}
      />
      <FinanceSections host="budgets" member={member} params={p} data={sections} now={now} className="mb-8" />

      {canImport ? (
        <section className="mb-8 space-y-4">
          <SectionHeading
            title="Imports"
            description="Ledger and plan imports; a ledger import can be reverted. Import actuals from the button at the top of the page."
          />
          <ImportHistory org={org.slug} batches={batches} canRevert={canImport} now={now.toISOString()} />
        </section>
      ) : null}
    </>
  );
}

/** "FY2027 Q1" → "Q1", "FY2027 full year" → "Full year": the year is the fiscal-year control's. */
function withinYear(label: string, fiscalYear: number): string {
  const rest = label.startsWith(`${fiscalYearLabel(fiscalYear)} `) ? label.slice(fiscalYearLabel(fiscalYear).length + 1) : label;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
