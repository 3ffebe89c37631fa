import { CircleCheck, CircleDashed, Repeat, UserPlus } from "lucide-react";

import { PlanVsActualChart } from "@/components/charts/lazy";
import { SectionHeading, StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { ImportHiringPlanDialog } from "@/components/headcount/import-hiring-plan-dialog";
import { NewPositionDialog } from "@/components/headcount/new-position-dialog";
import { PlanFilter } from "@/components/headcount/plan-filter";
import { PlanTable } from "@/components/headcount/plan-table";
import { PositionsTable } from "@/components/headcount/positions-table";
import { Pager } from "@/components/ui/pager";
import { UnitCostTable } from "@/components/headcount/unit-cost-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth";
import { fiscalPeriod, fiscalYearLabel, toDateString } from "@/lib/fiscal";
import { hiringFunnel, planVsActual, unfilledCostByUnit } from "@/lib/headcount/plan";
import { countPositions, listPositions } from "@/lib/headcount/queries";
import { unitChoice } from "@/lib/org/search";
import { writableUnitIds } from "@/lib/projects/access";
import { pageOf } from "@/lib/paging";
import { grantFor } from "@/lib/permissions";

export const metadata = { title: "Headcount" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember((await params).org);
  const { org } = member;
  const sp = await searchParams;
  const now = new Date();
  const today = toDateString(now);
  const current = fiscalPeriod(now, org.fiscalYearStartMonth);
  const fyParam = Number(one(sp.fy));
  const fiscalYear = Number.isInteger(fyParam) && fyParam >= 2000 && fyParam <= 2100 ? fyParam : current.fiscalYear;
  // An unknown or foreign unit id is simply ignored: the whole org is shown. The filter searches
  // units as you type and the new-position form loads its units when it opens: only the picked
  // unit's name is read here (a large org has ~500 units).
  const unit = await unitChoice(org.id, one(sp.unit));
  const unitId = unit?.id ?? null;
  const positionsGrant = grantFor(member.role, "positions:write");
  const canWrite = positionsGrant !== null;
  const projectsGrant = grantFor(member.role, "projects:write");
  // A manager writes only inside their subtree: their rows get the actions (the actions check again).
  const writable = canWrite ? await writableUnitIds(member, "positions:write") : null;
  const showPay = member.readsPay;

  // One page of positions is read (a large org has thousands): count first, then that page.
  const positionsPage = countPositions(org.id, { unitId }).then(async (total) => {
    const paging = pageOf(sp, total);
    const rows = await listPositions(org.id, member, { unitId, page: { skip: (paging.page - 1) * paging.pageSize, take: paging.pageSize } });
    return { paging, rows };
  });
  const [{ paging, rows: positions }, funnel, plan, costs] = await Promise.all([
    positionsPage,
    hiringFunnel(org.id, { unitId, fiscalYear }),
    planVsActual(org.id, { unitId, fiscalYear, startMonth: org.fiscalYearStartMonth, today: now }),
    unfilledCostByUnit(org.id, unitId, member),
  ]);
  const years = [current.fiscalYear - 1, current.fiscalYear, current.fiscalYear + 1];
  const scopeLabel = unit ? `${unit.name} and below` : "Whole organization";

  return (
    <>
      <PageHeader
        title="Headcount"
        description="Every headcount slot, filled or not: the hiring plan, open requisitions and backfills, against the people in post."
        actions={
          canWrite ? (
            <>
              <ImportHiringPlanDialog org={org.slug} />
              <NewPositionDialog org={org.slug} fiscalYear={current.fiscalYear} quarter={current.quarter} />
            </>
          ) : undefined
        }
      />
      <div className="mb-6">
        <PlanFilter org={org.slug} unit={unit} years={years} fiscalYear={fiscalYear} />
      </div>
      <StatGrid className="lg:grid-cols-4">
        <StatCard label="Open" value={funnel.OPEN} icon={UserPlus} hint={`Actively hiring · ${fiscalYearLabel(fiscalYear)}`} />
        <StatCard label="Backfill" value={funnel.BACKFILL} icon={Repeat} tone="warning" hint="Replacing a departure" />
        <StatCard label="Planned" value={funnel.PLANNED} icon={CircleDashed} hint="Budgeted, not opened yet" />
        <StatCard label="Filled" value={funnel.FILLED} icon={CircleCheck} tone="success" hint={`${funnel.CLOSED} closed`} />
      </StatGrid>

      <Card className="mb-8">
        <CardHeader>
          <CardTitle>Plan vs actual · {fiscalYearLabel(fiscalYear)}</CardTitle>
          <CardDescription>{scopeLabel}. Heads at the end of each quarter (today for the current quarter).</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <PlanVsActualChart data={plan.map((r) => ({ label: r.label, planned: r.planned, actual: r.actual, open: r.open }))} />
          <PlanTable rows={plan} currentQuarter={fiscalYear === current.fiscalYear ? current.quarter : null} />
          <details className="text-xs text-muted-foreground">
            <summary className="cursor-pointer">How these are counted</summary>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              <li>Planned heads: people in post on the first day of the fiscal year, plus positions budgeted in the year up to that quarter that add a head (not closed; backfills of people counted on day one replace them).</li>
              <li>Actual heads: people in post on the quarter&apos;s last day (today for the current quarter).</li>
              <li>Open seats: open and backfill positions budgeted up to the quarter and vacant by its end; a backfill is vacant from the day after its holder&apos;s last day.</li>
              <li>Hiring: vacant positions whose target start falls in the quarter. Joiners and attrition: first and last days in the quarter.</li>
            </ul>
          </details>
        </CardContent>
      </Card>

      <section className="mb-8">
        <SectionHeading title="Cost of unfilled positions" description={`${scopeLabel}: planned, open and backfill positions at loaded cost.`} />
        <UnitCostTable rows={costs} currency={org.currency} showCost={member.readsPay} />
      </section>

      <section>
        <SectionHeading title="Positions" description={scopeLabel} />
        <PositionsTable
          positions={positions}
          currency={org.currency}
          showPay={showPay}
          writer={canWrite ? { org: org.slug, today, canStaff: !!projectsGrant && (projectsGrant === "org" || !!member.scopeUnitId), unitIds: writable === "all" ? null : [...(writable ?? [])] } : null}
        />
        <Pager info={paging} base={`/${org.slug}/headcount`} searchParams={sp} label="Positions" />
      </section>
    </>
  );
}
