import { CalendarClock, ClipboardList, Target, UserPlus, Users } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import { z } from "zod";

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
import { PageSkeleton } from "@/components/shell/page-skeleton";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { HowCounted } from "@/components/ui/how-counted";
import { requireMember, type Member } from "@/lib/auth";
import { fiscalPeriod, fiscalYearLabel, toDateString } from "@/lib/fiscal";
import { formatDate } from "@/lib/format";
import { planVsActual, unfilledCostByUnit } from "@/lib/headcount/plan";
import { describePositionFilter, parsePositionFilter, positionFilterQuery, type PositionFilter } from "@/lib/headcount/position-filter";
import { countPositions, listPositions } from "@/lib/headcount/queries";
import { parsePositionSort, parsePositionState } from "@/lib/headcount/position-sort";
import { PositionStatus } from "@/lib/generated/prisma/enums";
import { humanize } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { unitChoice } from "@/lib/org/search";
import { peopleFilterQuery } from "@/lib/people/list-filter";
import { writableUnitIds } from "@/lib/projects/access";
import { pageOf } from "@/lib/paging";
import { grantFor } from "@/lib/permissions";
import { parseSearch, type SearchParams, zParam, zText, zYearParam } from "@/lib/search-params";

export const metadata = { title: "Headcount" };

// The page's own parameters; the positions' filter, state, sort and pages are read by lib/headcount.
const ZSearch = z.object({ fy: zYearParam(), unit: zParam(), q: zText(100) });

export default async function Page({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const member = await requireMember((await params).org);
  const { org } = member;
  const sp = await searchParams;
  const current = fiscalPeriod(new Date(), org.fiscalYearStartMonth);
  // The header is in the first HTML the server sends (no loading.tsx here: its boundary held it
  // back with the rest) and the figures stream after it: the header is what a phone paints first.
  return (
    <>
      <PageHeader
        title="Headcount"
        description="Every headcount slot, filled or not: the hiring plan, open requisitions and backfills, against the people in post."
        actions={
          grantFor(member.role, "positions:write") !== null ? (
            <>
              <ImportHiringPlanDialog org={org.slug} />
              <NewPositionDialog org={org.slug} fiscalYear={current.fiscalYear} quarter={current.quarter} />
            </>
          ) : undefined
        }
      />
      <Suspense fallback={<PageSkeleton header={false} />}>
        <HeadcountBody member={member} sp={sp} />
      </Suspense>
    </>
  );
}

async function HeadcountBody({ member, sp }: { member: Member; sp: SearchParams }) {
  const { org } = member;
  const now = new Date();
  const today = toDateString(now);
  const current = fiscalPeriod(now, org.fiscalYearStartMonth);
  const search = parseSearch(ZSearch, sp);
  const fiscalYear = search.fy ?? current.fiscalYear;
  // An unknown or foreign unit id is simply ignored: the whole org is shown. The filter searches
  // units as you type and the new-position form loads its units when it opens: only the picked
  // unit's name is read here (a large org has ~500 units).
  const unit = await unitChoice(org.id, search.unit);
  const unitId = unit?.id ?? null;
  const positionsGrant = grantFor(member.role, "positions:write");
  const canWrite = positionsGrant !== null;
  const projectsGrant = grantFor(member.role, "projects:write");
  // A manager writes only inside their subtree: their rows get the actions (the actions check again).
  const writable = canWrite ? await writableUnitIds(member, "positions:write") : null;
  const showPay = member.readsPay;

  // The positions list shows a figure's rows when a figure links here (?status=…): the same
  // definitions as the counts (lib/headcount/position-filter.ts). One page is read (a large org
  // has thousands): count first, then that page.
  const filter = parsePositionFilter(sp, today);
  const state = parsePositionState(sp);
  const { q } = search;
  const sort = parsePositionSort(sp, showPay);
  const positionsPage = countPositions(org.id, { unitId, filter, state, q }).then(async (total) => {
    const paging = pageOf(sp, total);
    const rows = await listPositions(org.id, member, {
      unitId,
      filter,
      state,
      q,
      sort,
      page: { skip: (paging.page - 1) * paging.pageSize, take: paging.pageSize },
    });
    return { paging, rows };
  });
  const [{ paging, rows: positions }, plan, costs, openNow, unfilled] = await Promise.all([
    positionsPage,
    planVsActual(org.id, { unitId, fiscalYear, startMonth: org.fiscalYearStartMonth, today: now }),
    unfilledCostByUnit(org.id, unitId, member, now),
    countPositions(org.id, { unitId, filter: { status: "open", on: today } }),
    countPositions(org.id, { unitId, filter: { status: "unfilled" } }),
  ]);
  const years = [current.fiscalYear - 1, current.fiscalYear, current.fiscalYear + 1];
  const scopeLabel = unit ? `${unit.name} and below` : "Whole organization";
  // The quarter the tiles show: today's, or the last (a past year) or first (a future year) of the year shown.
  const quarter = plan.find((r) => r.start <= today && today <= r.end) ?? (fiscalYear < current.fiscalYear ? plan[3] : plan[0]);
  const positionsHref = (f: PositionFilter, u = unitId) => `/${org.slug}/headcount?${positionFilterQuery(f, u, fiscalYear)}#positions`;
  const headsOn = quarter.end < today ? quarter.end : today;
  const chips: { label: string; f: PositionFilter }[] = [
    { label: "All", f: { status: "all" } },
    { label: "Open today", f: { status: "open", on: today } },
    { label: `Planned starts ${quarter.label}`, f: { status: "starting", from: quarter.start, to: quarter.end } },
    { label: "Unfilled", f: { status: "unfilled" } },
  ];

  return (
    <>
      <div className="mb-6">
        <PlanFilter org={org.slug} unit={unit} years={years} fiscalYear={fiscalYear} />
      </div>
      <StatGrid className="lg:grid-cols-5">
        <StatCard
          label={`Heads in post · ${quarter.label}`}
          value={quarter.actual ?? "–"}
          icon={Users}
          hint={quarter.actual === null ? "Quarter not started" : `On ${formatDate(headsOn)}`}
          href={
            quarter.actual === null
              ? undefined
              : `/${org.slug}/teams?${peopleFilterQuery({ status: "in-post", on: headsOn }, unitId)}#people`
          }
        />
        <StatCard
          label={`Planned heads · ${quarter.label}`}
          value={quarter.planned}
          icon={Target}
          hint={fiscalYearLabel(fiscalYear)}
          href="#plan"
        />
        <StatCard
          label="Open positions"
          value={openNow}
          icon={UserPlus}
          hint="Open or backfill, vacant today"
          href={positionsHref({ status: "open", on: today })}
        />
        <StatCard
          label={`Planned starts · ${quarter.label}`}
          value={quarter.hiring}
          icon={CalendarClock}
          hint="Open, target start in the quarter"
          href={positionsHref({ status: "starting", from: quarter.start, to: quarter.end })}
        />
        <StatCard
          label="Unfilled positions"
          value={unfilled}
          icon={ClipboardList}
          tone="warning"
          hint="Planned, open or backfill"
          href={positionsHref({ status: "unfilled" })}
        />
      </StatGrid>
      <div className="mb-8">
        <HowCounted
          figures={["heads-in-post", "planned-heads", "open-positions", "planned-starts", "unfilled-positions"]}
          note="Open and unfilled positions are counted today, whatever year they are budgeted in."
        />
      </div>

      <Card id="plan" className="mb-8 scroll-mt-4">
        <CardHeader>
          <CardTitle>Plan vs actual · {fiscalYearLabel(fiscalYear)}</CardTitle>
          <CardDescription>{scopeLabel}. Heads at the end of each quarter (today for the current quarter).</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <PlanVsActualChart data={plan.map((r) => ({ label: r.label, planned: r.planned, actual: r.actual, open: r.open }))} />
          <PlanTable rows={plan} currentQuarter={fiscalYear === current.fiscalYear ? current.quarter : null} />
          <HowCounted figures={["planned-heads", "heads-in-post", "open-positions", "planned-starts", "joiners", "departures"]} />
        </CardContent>
      </Card>

      <section className="mb-8">
        <SectionHeading
          title="Cost of unfilled positions"
          description={`${scopeLabel}: planned, open and backfill positions at loaded cost.`}
        />
        <UnitCostTable
          rows={costs}
          currency={org.currency}
          showCost={member.readsPay}
          listHref={(u, status) => positionsHref(status === "open" ? { status, on: today } : { status }, u)}
        />
      </section>

      <section id="positions" className="scroll-mt-4">
        <SectionHeading
          title="Positions"
          description={`${describePositionFilter(filter, formatDate)}, ${unit ? `${unit.name} and below` : "whole organization"}: ${paging.total}.`}
        />
        <nav aria-label="Position filters" className="mb-3 flex flex-wrap gap-2 text-sm">
          {chips.map((c) => {
            const active =
              c.f.status === filter.status &&
              (c.f.status !== "starting" || (filter.status === "starting" && filter.from === c.f.from && filter.to === c.f.to));
            return (
              <Link
                key={c.label}
                href={positionsHref(c.f)}
                aria-current={active ? "page" : undefined}
                className={
                  active
                    ? "rounded-md border border-primary bg-primary-soft px-2.5 py-1 font-medium text-primary"
                    : "rounded-md border border-border px-2.5 py-1 hover:bg-muted"
                }
              >
                {c.label}
              </Link>
            );
          })}
        </nav>
        <form
          method="get"
          action={`/${org.slug}/headcount#positions`}
          className="mb-3 flex flex-wrap items-end gap-2"
          aria-label="Filter positions"
        >
          {Object.entries(sp).flatMap(([k, v]) =>
            typeof v === "string" && v && !["q", "state", "page"].includes(k) ? [<input key={k} type="hidden" name={k} value={v} />] : [],
          )}
          <div className="flex flex-col gap-1">
            <label htmlFor="positions-q" className="text-xs font-medium text-muted-foreground">
              Position title
            </label>
            <Input id="positions-q" name="q" type="search" defaultValue={q} placeholder="Search titles" className="w-56" />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="positions-state" className="text-xs font-medium text-muted-foreground">
              Status
            </label>
            <NativeSelect id="positions-state" name="state" defaultValue={state ?? ""} className="w-40">
              <option value="">Any</option>
              {Object.keys(PositionStatus).map((v) => (
                <option key={v} value={v}>
                  {humanize(v)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <Button type="submit" size="sm">
            Apply
          </Button>
          <p className="pb-2 text-sm text-muted-foreground">
            {paging.total} {paging.total === 1 ? "position" : "positions"}
          </p>
        </form>
        <PositionsTable
          sort={sort}
          positions={positions}
          currency={org.currency}
          showPay={showPay}
          writer={
            canWrite
              ? {
                  org: org.slug,
                  today,
                  canStaff: !!projectsGrant && (projectsGrant === "org" || !!member.scopeUnitId),
                  unitIds: writable === "all" ? null : [...(writable ?? [])],
                }
              : null
          }
        />
        <Pager info={paging} base={`/${org.slug}/headcount`} searchParams={sp} label="Positions" />
        {filter.status !== "all" ? (
          <div className="mt-3">
            <HowCounted
              figures={[
                filter.status === "open" ? "open-positions" : filter.status === "starting" ? "planned-starts" : "unfilled-positions",
              ]}
            />
          </div>
        ) : null}
      </section>
    </>
  );
}
