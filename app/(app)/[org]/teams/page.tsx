import { Briefcase, Network, UserPlus, Users } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { z } from "zod";

import { SectionHeading, StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { PageSkeleton } from "@/components/shell/page-skeleton";
import { Button } from "@/components/ui/button";
import { HowCounted } from "@/components/ui/how-counted";
import { Input } from "@/components/ui/input";
import { Pager } from "@/components/ui/pager";
import { UrlPicker } from "@/components/ui/url-picker";
import { OrgTreePanel } from "@/components/org/org-tree-panel";
import { CapacityTable } from "@/components/teams/capacity-table";
import { OrgChart } from "@/components/teams/org-chart";
import { OrgUnitsTable } from "@/components/teams/org-units-table";
import { HrisSyncDialog } from "@/components/teams/hris-sync-dialog";
import { listCostCentres } from "@/lib/imports/queries";
import { listHrisMappings } from "@/lib/people/hris/queries";
import { PeopleTable } from "@/components/teams/people-table";
import { type Member, requireMember } from "@/lib/auth";
import { toDateString } from "@/lib/fiscal";
import { grantScope } from "@/lib/scope";
import { countUnits, listOrgUnits, orgUnitExists, unitPath } from "@/lib/org/queries";
import { pageOf } from "@/lib/paging";
import { can } from "@/lib/permissions";
import { capacityByTeam } from "@/lib/headcount/staffing";
import { regretFilterFor } from "@/lib/org-health/scope";
import { describePeopleFilter, parsePeopleFilter } from "@/lib/people/list-filter";
import { positionFilterQuery } from "@/lib/headcount/position-filter";
import { parseSearch, type SearchParams, zParam, zText } from "@/lib/search-params";
import { countFutureStarters, listOrgChart, listPeoplePage } from "@/lib/people/queries";

export const metadata = { title: "Teams" };

// The page's own parameters; the people filter, sort and pages are read by lib/people.
const ZSearch = z.object({ unit: zParam(), q: zText(100) });

/**
 * No loading.tsx here: its Suspense boundary would stream a 200 before the page could answer 404
 * for a foreign ?unit=. The page checks the unit first (one indexed lookup), then streams the
 * rest behind the same skeleton.
 */
export default async function Page({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const member = await requireMember((await params).org);
  const sp = await searchParams;
  const search = parseSearch(ZSearch, sp);
  const unitParam = search.unit;
  // ?unit= filters the people list to that subtree; a unit of another org (or none) is a 404.
  if (unitParam && !(await orgUnitExists(member.org.id, unitParam))) notFound();
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Teams member={member} sp={sp} search={search} />
    </Suspense>
  );
}

// The org chart is drawn for a subtree of at most this many people; a larger one asks for a
// smaller unit. Capacity shows this many teams per page.
const CHART_LIMIT = 400;
const CAPACITY_PAGE = 50;
// Below the chosen unit the units table shows this many levels (a large org's root: its
// divisions and departments, not its 500 units).
const UNIT_LEVELS = 2;

async function Teams({ member, sp, search }: { member: Member; sp: SearchParams; search: z.output<typeof ZSearch> }) {
  const { unit: unitParam, q } = search;
  const now = new Date();
  const today = toDateString(now);
  const monthStart = `${today.slice(0, 7)}-01`;
  const orgId = member.org.id;
  const path = unitParam ? await unitPath(orgId, unitParam) : [];
  const unit = unitParam ? (path.at(-1) ?? null) : null;
  if (unitParam && !unit) notFound();
  const unitId = unit?.id ?? null;
  const filter = await regretFilterFor(member, parsePeopleFilter(sp, today), unitId);
  const [units, counts] = await Promise.all([
    listOrgUnits(orgId, now, { unitId, levels: unitId ? UNIT_LEVELS : UNIT_LEVELS - 1 }),
    countUnits(orgId, unitId),
  ]);
  const capacityPaging = pageOf(sp, counts.teams, CAPACITY_PAGE, "cpage");
  const [{ rows: people, paging }, chart, capacity, startingSoon] = await Promise.all([
    listPeoplePage(orgId, member, sp, now, unitId, filter, q),
    listOrgChart(orgId, now, unitId, CHART_LIMIT),
    capacityByTeam(orgId, monthStart, 3, unitId, { skip: (capacityPaging.page - 1) * CAPACITY_PAGE, take: CAPACITY_PAGE }),
    countFutureStarters(orgId, now, unitId),
  ]);
  const showPay = member.readsPay;
  // The shown unit's subtree counts (the roots' when none is chosen: the org totals), from SQL.
  const tops = unit ? units.filter((u) => u.id === unit.id) : units.filter((u) => u.depth === 0);
  const headCount = tops.reduce((n, u) => n + u.headCount, 0);
  const openPositions = tops.reduce((n, u) => n + u.openPositions, 0);
  const filtered = filter.status !== "current" || unit !== null || q !== "";
  const base = `/${member.org.slug}/teams`;
  const unitQuery = unit ? `?unit=${unit.id}` : "";

  const peopleSection = (
    <section id="people" className="scroll-mt-4">
      <SectionHeading
        title="People"
        description={`${describePeopleFilter(filter)}${unit ? ` in ${unit.name} and below` : ""}${q ? ` named like “${q}”` : ""}: ${paging.total} ${paging.total === 1 ? "person" : "people"}.${showPay ? " Pay is visible to admins and directors only." : ""}`}
      />
      <form method="get" action={`${base}#people`} className="mb-3 flex flex-wrap items-end gap-2" aria-label="Search people">
        {Object.entries(sp).flatMap(([k, v]) =>
          typeof v === "string" && v && !["q", "page"].includes(k) ? [<input key={k} type="hidden" name={k} value={v} />] : [],
        )}
        <div className="flex flex-col gap-1">
          <label htmlFor="people-q" className="text-xs font-medium text-muted-foreground">
            Name
          </label>
          <Input id="people-q" name="q" type="search" defaultValue={q} placeholder="Search by name" className="w-64" />
        </div>
        <Button type="submit" size="sm">
          Search
        </Button>
      </form>
      {filtered ? (
        <p className="mb-3 text-sm">
          <Link className="underline" href={`${base}#people`}>
            Show everyone in post
          </Link>
        </p>
      ) : null}
      {filter.status !== "current" ? (
        <div className="mb-3">
          <HowCounted
            figures={[filter.status === "in-post" ? "heads-in-post" : filter.status === "leaving" ? "departures" : "over-allocated"]}
          />
        </div>
      ) : null}
      <PeopleTable
        people={people}
        currency={member.org.currency}
        today={today}
        showPay={showPay}
        org={member.org.slug}
        empty={filtered ? { title: "Nobody matches", description: "No one in this unit matches the filter above." } : undefined}
      />
      <Pager info={paging} base={base} searchParams={sp} label="People" />
    </section>
  );

  // A sync covers the whole org: offered to members who may change people anywhere in it.
  const hris =
    grantScope(member, "people:write")?.unitId === null
      ? await Promise.all([listHrisMappings(member.org.id), listCostCentres(member.org.id)])
      : null;
  return (
    <>
      <PageHeader
        title={unit ? `Teams · ${unit.name}` : "Teams"}
        description="The org structure, its cost centres and the people in each unit. Pick a unit to see its part of the org."
        actions={
          hris ? (
            <HrisSyncDialog
              org={member.org.slug}
              canFill={grantScope(member, "positions:write")?.unitId === null}
              saved={hris[0]}
              units={hris[1]}
            />
          ) : null
        }
      />
      <div className="mb-6 flex flex-wrap items-end gap-4">
        <UrlPicker
          id="teams-unit"
          label="Org unit"
          param="unit"
          source={`/${member.org.slug}/teams/search`}
          initial={unit ? { id: unit.id, name: unit.name, title: unit.code } : null}
          emptyLabel="Whole organization"
          placeholder="Whole organization"
          resets={["cpage", "q"]}
        />
        {path.length ? (
          <nav aria-label="Unit path" className="pb-2 text-sm">
            <Link href={base} className="text-primary hover:underline">
              Organization
            </Link>
            {path.map((u) => (
              <span key={u.id}>
                {" / "}
                {u.id === unit?.id ? (
                  <span aria-current="page" className="font-medium">
                    {u.name}
                  </span>
                ) : (
                  <Link href={`${base}?unit=${u.id}`} className="text-primary hover:underline">
                    {u.name}
                  </Link>
                )}
              </span>
            ))}
          </nav>
        ) : null}
      </div>
      {/* A filtered list (a dashboard number's link) comes first: it is what the reader came for. */}
      {filtered ? <div className="mb-8">{peopleSection}</div> : null}
      <StatGrid>
        <StatCard label="Org units" value={counts.units} icon={Network} hint={`${counts.teams} teams`} />
        <StatCard label="People in post" value={headCount} icon={Users} hint="Employees and contractors" />
        <StatCard
          label="Open positions"
          value={openPositions}
          icon={UserPlus}
          hint="Open or backfill, vacant today"
          href={`/${member.org.slug}/headcount?${positionFilterQuery({ status: "open", on: today }, null)}#positions`}
        />
        <StatCard label="Starting soon" value={startingSoon} icon={Briefcase} hint="Accepted offers not yet started" />
      </StatGrid>
      <section className="mb-8">
        <SectionHeading
          title="Org units"
          description={`In tree order, ${unit ? `${unit.name} and ${UNIT_LEVELS} levels below it` : `the top ${UNIT_LEVELS} levels`}: pick a unit to go deeper. Head count and open positions include every unit below.`}
        />
        <OrgTreePanel
          org={member.org.slug}
          canEdit={can(member.role, "orgtree:write")}
          canPropose={grantScope(member, "reorg:propose") !== null}
          canReadHealth={can(member.role, "orghealth:read")}
        />
        <OrgUnitsTable units={units} org={member.org.slug} hrefPrefix={`${base}?unit=`} />
      </section>
      <section className="mb-8">
        <SectionHeading
          title="Org chart"
          description="Reporting lines of the people in post. Search to find someone and the managers above them."
        />
        {chart.length > CHART_LIMIT ? (
          <p className="rounded-lg border border-border p-3 text-sm text-muted-foreground">
            {unit ? `${unit.name} has` : "The organization has"} more than {CHART_LIMIT} people in post: pick a smaller unit above to see
            its reporting lines.
          </p>
        ) : (
          <OrgChart people={chart} org={member.org.slug} />
        )}
      </section>
      <section className="mb-8">
        <SectionHeading
          title="Capacity vs demand"
          description={`Per team${unit ? ` in ${unit.name}` : ""}, in full-time equivalents: allocations to projects against people in post plus open seats, on the first of each month.`}
        />
        <CapacityTable rows={capacity} />
        <Pager info={capacityPaging} base={`${base}${unitQuery}`} searchParams={sp} label="Capacity" />
      </section>
      {filtered ? null : peopleSection}
    </>
  );
}
