import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";

import { CopyForwardForm } from "@/components/budgets/copy-forward-form";
import { FiscalYearSelect } from "@/components/budgets/fiscal-year-select";
import { ImportPanel } from "@/components/budgets/import-panel";
import { PlanGrid } from "@/components/budgets/plan-grid";
import { SectionHeading } from "@/components/dashboard/stat-card";
import { MappedImportLinks } from "@/components/imports/mapped-import-links";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { UrlPicker } from "@/components/ui/url-picker";
import { requireMember } from "@/lib/auth";
import { getPlanGrid, listBudgetFiscalYears } from "@/lib/budgets/queries";
import { unitPath } from "@/lib/org/queries";
import { parseFinanceParams } from "@/lib/budgets/view-params";
import { parseSearch, type SearchParams, zOneOf, zParam } from "@/lib/search-params";
import { fiscalYearLabel, fiscalYearOf } from "@/lib/fiscal";
import { BudgetCategory } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";
import { hiddenPersonnelPlanUnits } from "@/lib/privacy/plan-lines";
import { cn } from "@/lib/utils";

export const metadata = { title: "Budget plan" };

// The page's own parameters; the fiscal year is read with the finance view's (lib/budgets/view-params.ts).
const ZSearch = z.object({ by: zOneOf(["month", "quarter"]).transform((v) => v ?? "month"), unit: zParam() });

export default async function Page({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const member = await requireMember((await params).org);
  const { org } = member;
  const now = new Date();
  const sp = await searchParams;
  const { fiscalYear } = parseFinanceParams(sp, org.fiscalYearStartMonth, now);
  const { by, unit: unitParam } = parseSearch(ZSearch, sp);
  const canEdit = can(member.role, "budgets:write");
  // ?unit= edits that unit and its direct children; none: the org's top units. A unit of another
  // org is a 404.
  const path = unitParam ? await unitPath(org.id, unitParam) : [];
  const unit = path.at(-1) ?? null;
  if (unitParam && !unit) notFound();
  const hide = await hiddenPersonnelPlanUnits(member, org.id, fiscalYear, org.fiscalYearStartMonth, now);
  const [grid, years] = await Promise.all([
    getPlanGrid(org.id, fiscalYear, org.fiscalYearStartMonth, hide, by, { unitId: unit?.id ?? null }),
    listBudgetFiscalYears(org.id, org.fiscalYearStartMonth, now),
  ]);
  const unitQuery = unit ? `&unit=${unit.id}` : "";
  const current = fiscalYearOf(now, org.fiscalYearStartMonth);
  const yearOptions = years.includes(fiscalYear) ? years : [...years, fiscalYear].sort((a, b) => b - a);
  const tab = (v: "month" | "quarter", label: string) => (
    <Link
      href={`/${org.slug}/budgets/plan?fy=${fiscalYear}&by=${v}${unitQuery}`}
      aria-current={by === v ? "page" : undefined}
      className={cn(buttonVariants({ variant: by === v ? "default" : "outline", size: "sm" }))}
    >
      {label}
    </Link>
  );

  return (
    <>
      <PageHeader
        title={`Budget plan ${fiscalYearLabel(fiscalYear)}`}
        description={
          canEdit && by === "month"
            ? "Click a cell to change it; Enter or leaving the cell saves. 0 or empty removes the line. Every change is audited."
            : "The plan by org unit, category and period."
        }
        actions={
          <>
            <Link href={`/${org.slug}/budgets?fy=${fiscalYear}`} className={buttonVariants({ variant: "outline" })}>
              Back to budgets
            </Link>
            <FiscalYearSelect years={yearOptions} value={fiscalYear} current={current} />
          </>
        }
      />
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <UrlPicker
          id="plan-unit"
          label="Org unit"
          param="unit"
          source={`/${org.slug}/teams/search`}
          initial={unit ? { id: unit.id, name: unit.name, title: unit.code } : null}
          emptyLabel="Top of the organization"
          placeholder="Top of the organization"
        />
        <div className="flex gap-2 pb-0.5">
          {tab("month", "Months")}
          {tab("quarter", "Quarters")}
        </div>
      </div>
      <p className="mb-3 text-sm text-muted-foreground">
        {path.length ? (
          <>
            <Link href={`/${org.slug}/budgets/plan?fy=${fiscalYear}&by=${by}`} className="text-primary hover:underline">
              Organization
            </Link>
            {path.map((u) => (
              <span key={u.id}>
                {" / "}
                {u.id === unit?.id ? (
                  <span className="font-medium text-foreground">{u.name}</span>
                ) : (
                  <Link href={`/${org.slug}/budgets/plan?fy=${fiscalYear}&by=${by}&unit=${u.id}`} className="text-primary hover:underline">
                    {u.name}
                  </Link>
                )}
              </span>
            ))}
            {": "}
          </>
        ) : null}
        The plan lines of{" "}
        {unit ? `${unit.name} and the units directly below it` : "the top units of the organization and the units directly below them"};
        pick a unit to edit the units below it. The totals are those of the rows shown.
      </p>
      {grid.hiddenPersonnelUnits.length ? (
        <p className="mb-3 text-sm text-muted-foreground">
          The personnel plan lines of {grid.hiddenPersonnelUnits.join(", ")} are not shown to your role: each would show the pay of too few
          people. The totals include them; someone who may read pay can change them.
        </p>
      ) : null}
      <PlanGrid
        key={`${fiscalYear}-${by}-${unit?.id ?? ""}`}
        org={org.slug}
        grid={grid}
        editable={canEdit && by === "month"}
        currency={org.currency}
        units={grid.units}
        unitHref={`/${org.slug}/budgets/plan?fy=${fiscalYear}&by=${by}&unit=`}
        currentUnitId={unit?.id ?? null}
        categories={Object.keys(BudgetCategory)}
      />
      {canEdit ? (
        <div className="mt-8 grid grid-cols-1 gap-8 lg:grid-cols-2">
          <section>
            <SectionHeading
              title="Copy forward"
              description={`Copy ${fiscalYearLabel(fiscalYear)}'s plan into ${fiscalYearLabel(fiscalYear + 1)}, every line changed by a percentage (rounded half-even to the cent).`}
            />
            <CopyForwardForm org={org.slug} fiscalYear={fiscalYear} />
          </section>
          <section>
            <SectionHeading title="Import plan lines" description="Each line sets one cell (replacing what is there)." />
            <ImportPanel org={org.slug} kind="plan" columns="month (YYYY-MM), cost centre code, category, amount" />
            <MappedImportLinks
              question="A budget spreadsheet in another shape?"
              href={`/${org.slug}/budgets/plan-import`}
              template="/samples/keel-plan-template.csv"
              templateLabel="Download Keel's plan template"
              className="mt-3 text-sm"
            />
          </section>
        </div>
      ) : null}
    </>
  );
}
