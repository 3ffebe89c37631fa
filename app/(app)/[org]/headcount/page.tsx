import { CircleCheck, CircleDashed, Repeat, UserPlus } from "lucide-react";

import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { PositionsTable } from "@/components/headcount/positions-table";
import { PageHeader } from "@/components/shell/page-header";
import { requireMember } from "@/lib/auth";
import { countPositionsByStatus, listPositions } from "@/lib/headcount/queries";
import { can } from "@/lib/permissions";

export const metadata = { title: "Headcount" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const [positions, counts] = await Promise.all([
    listPositions(member.org.id, member.role),
    countPositionsByStatus(member.org.id),
  ]);
  const showPay = can(member.role, "compensation:read");

  return (
    <>
      <PageHeader
        title="Headcount"
        description="Every headcount slot, filled or not: the hiring plan, open requisitions and backfills."
      />
      <StatGrid className="lg:grid-cols-4">
        <StatCard label="Open" value={counts.OPEN} icon={UserPlus} hint="Actively hiring" />
        <StatCard label="Backfill" value={counts.BACKFILL} icon={Repeat} tone="warning" hint="Replacing a departure" />
        <StatCard label="Planned" value={counts.PLANNED} icon={CircleDashed} hint="Budgeted, not opened yet" />
        <StatCard label="Filled" value={counts.FILLED} icon={CircleCheck} tone="success" hint={`${counts.CLOSED} closed`} />
      </StatGrid>
      <PositionsTable positions={positions} currency={member.org.currency} showPay={showPay} />
    </>
  );
}
