import { Briefcase, Network, UserPlus, Users } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";

import { SectionHeading, StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { PageSkeleton } from "@/components/shell/page-skeleton";
import { HowCounted } from "@/components/ui/how-counted";
import { OrgTreePanel } from "@/components/org/org-tree-panel";
import { CapacityTable } from "@/components/teams/capacity-table";
import { OrgChart } from "@/components/teams/org-chart";
import { OrgUnitsTable } from "@/components/teams/org-units-table";
import { PeopleTable } from "@/components/teams/people-table";
import { type Member, requireMember } from "@/lib/auth";
import { toDateString } from "@/lib/fiscal";
import { can } from "@/lib/permissions";
import { listOrgUnits, orgUnitExists } from "@/lib/org/queries";
import { capacityByTeam } from "@/lib/headcount/staffing";
import { describePeopleFilter, parsePeopleFilter } from "@/lib/people/list-filter";
import { positionFilterQuery } from "@/lib/headcount/position-filter";
import { listOrgChart, listPeople } from "@/lib/people/queries";

export const metadata = { title: "Teams" };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * No loading.tsx here: its Suspense boundary would stream a 200 before the page could answer 404
 * for a foreign ?unit=. The page checks the unit first (one indexed lookup), then streams the
 * rest behind the same skeleton.
 */
export default async function Page({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const member = await requireMember((await params).org);
  const sp = await searchParams;
  const unitParam = Array.isArray(sp.unit) ? sp.unit[0] : sp.unit;
  // ?unit= filters the people list to that subtree; a unit of another org (or none) is a 404.
  if (unitParam && !(await orgUnitExists(member.org.id, unitParam))) notFound();
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Teams member={member} sp={sp} unitParam={unitParam} />
    </Suspense>
  );
}

async function Teams({ member, sp, unitParam }: { member: Member; sp: SearchParams; unitParam: string | undefined }) {
  const now = new Date();
  const today = toDateString(now);
  const monthStart = `${today.slice(0, 7)}-01`;
  const units = await listOrgUnits(member.org.id, now);
  const unit = unitParam ? units.find((u) => u.id === unitParam) : null;
  if (unit === undefined) notFound();
  const filter = parsePeopleFilter(sp, today);
  const [people, chart, capacity] = await Promise.all([
    listPeople(member.org.id, member, now, unit?.id ?? null, filter),
    listOrgChart(member.org.id, now),
    capacityByTeam(member.org.id, monthStart, 3),
  ]);
  const showPay = member.readsPay;
  // The roots' subtree counts are the org totals (computed in SQL by listOrgUnits).
  const roots = units.filter((u) => u.depth === 0);
  const headCount = roots.reduce((n, u) => n + u.headCount, 0);
  const openPositions = roots.reduce((n, u) => n + u.openPositions, 0);
  const filtered = filter.status !== "current" || unit !== null;

  const peopleSection = (
    <section id="people" className="scroll-mt-4">
      <SectionHeading
        title="People"
        description={`${describePeopleFilter(filter)}${unit ? ` in ${unit.name} and below` : ""}: ${people.length} ${people.length === 1 ? "person" : "people"}.${showPay ? " Pay is visible to admins and directors only." : ""}`}
      />
      {filtered ? (
        <p className="mb-3 text-sm">
          <Link className="underline" href={`/${member.org.slug}/teams#people`}>
            Show everyone in post
          </Link>
        </p>
      ) : null}
      {filter.status !== "current" ? (
        <div className="mb-3">
          <HowCounted figures={[filter.status === "in-post" ? "heads-in-post" : filter.status === "leaving" ? "departures" : "over-allocated"]} />
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
    </section>
  );

  return (
    <>
      <PageHeader title="Teams" description="The org structure, its cost centres and the people in each unit." />
      {/* A filtered list (a dashboard number's link) comes first: it is what the reader came for. */}
      {filtered ? <div className="mb-8">{peopleSection}</div> : null}
      <StatGrid>
        <StatCard label="Org units" value={units.length} icon={Network} hint={`${units.filter((u) => u.kind === "TEAM").length} teams`} />
        <StatCard label="People in post" value={headCount} icon={Users} hint="Employees and contractors" />
        <StatCard label="Open positions" value={openPositions} icon={UserPlus} hint="Open or backfill, vacant today" href={`/${member.org.slug}/headcount?${positionFilterQuery({ status: "open", on: today }, null)}#positions`} />
        <StatCard
          label="Starting soon"
          value={people.filter((p) => p.startDate > today).length}
          icon={Briefcase}
          hint="Accepted offers not yet started"
        />
      </StatGrid>
      <section className="mb-8">
        <SectionHeading title="Org units" description="In tree order. Head count and open positions include every unit below." />
        <OrgTreePanel org={member.org.slug} canEdit={can(member.role, "orgtree:write")} canReadHealth={can(member.role, "orghealth:read")} />
        <OrgUnitsTable units={units} org={member.org.slug} />
      </section>
      <section className="mb-8">
        <SectionHeading title="Org chart" description="Reporting lines of the people in post. Search to find someone and the managers above them." />
        <OrgChart people={chart} org={member.org.slug} />
      </section>
      <section className="mb-8">
        <SectionHeading title="Capacity vs demand" description="Per team, in full-time equivalents: allocations to projects against people in post plus open seats, on the first of each month." />
        <CapacityTable rows={capacity} />
      </section>
      {filtered ? null : peopleSection}
    </>
  );
}
