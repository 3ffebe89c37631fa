import { Briefcase, Network, UserPlus, Users } from "lucide-react";

import { SectionHeading, StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { CapacityTable } from "@/components/teams/capacity-table";
import { OrgChart } from "@/components/teams/org-chart";
import { OrgUnitsTable } from "@/components/teams/org-units-table";
import { PeopleTable } from "@/components/teams/people-table";
import { requireMember } from "@/lib/auth";
import { toDateString } from "@/lib/fiscal";
import { listOrgUnits } from "@/lib/org/queries";
import { capacityByTeam } from "@/lib/headcount/staffing";
import { listOrgChart, listPeople } from "@/lib/people/queries";
import { can } from "@/lib/permissions";

export const metadata = { title: "Teams" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const now = new Date();
  const monthStart = `${toDateString(now).slice(0, 7)}-01`;
  const [units, people, chart, capacity] = await Promise.all([
    listOrgUnits(member.org.id, now),
    listPeople(member.org.id, member.role, now),
    listOrgChart(member.org.id, now),
    capacityByTeam(member.org.id, monthStart, 3),
  ]);
  const showPay = can(member.role, "compensation:read");
  // The roots' subtree counts are the org totals (computed in SQL by listOrgUnits).
  const roots = units.filter((u) => u.depth === 0);
  const headCount = roots.reduce((n, u) => n + u.headCount, 0);
  const openPositions = roots.reduce((n, u) => n + u.openPositions, 0);
  const today = toDateString(now);

  return (
    <>
      <PageHeader title="Teams" description="The org structure, its cost centres and the people in each unit." />
      <StatGrid>
        <StatCard label="Org units" value={units.length} icon={Network} hint={`${units.filter((u) => u.kind === "TEAM").length} teams`} />
        <StatCard label="People in post" value={headCount} icon={Users} hint="Employees and contractors" />
        <StatCard label="Open positions" value={openPositions} icon={UserPlus} hint="Open and backfill" href={`/${member.org.slug}/headcount`} />
        <StatCard
          label="Starting soon"
          value={people.filter((p) => p.startDate > today).length}
          icon={Briefcase}
          hint="Accepted offers not yet started"
        />
      </StatGrid>
      <section className="mb-8">
        <SectionHeading title="Org units" description="In tree order. Head count and open positions include every unit below." />
        <OrgUnitsTable units={units} />
      </section>
      <section className="mb-8">
        <SectionHeading title="Org chart" description="Reporting lines of the people in post. Search to find someone and the managers above them." />
        <OrgChart people={chart} org={member.org.slug} />
      </section>
      <section className="mb-8">
        <SectionHeading title="Capacity vs demand" description="Per team, in full-time equivalents: allocations to projects against people in post plus open seats, on the first of each month." />
        <CapacityTable rows={capacity} />
      </section>
      <section>
        <SectionHeading
          title="People"
          description={showPay ? "People in post and future starters. Pay is visible to admins and directors only." : "People in post and future starters."}
        />
        <PeopleTable people={people} currency={member.org.currency} today={today} showPay={showPay} org={member.org.slug} />
      </section>
    </>
  );
}
