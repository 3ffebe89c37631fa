import Link from "next/link";

import { HealthBadge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";
import type { BlockedDependency, MilestoneItem } from "@/lib/projects/attention";

// One row of each "needs attention" list, shared by the delivery panel (a few) and
// /[org]/projects/attention (all of them): the two lists show the same items the same way.

export function MilestoneDueRow({ orgSlug, m }: { orgSlug: string; m: MilestoneItem }) {
  return (
    <>
      <span className={m.overdue ? "font-medium text-health-off-track-text" : "text-muted-foreground"}>
        {m.overdue ? "Overdue " : "Due "}
        {formatDate(m.dueDate)}
      </span>
      <span>{m.name}</span>
      <Link href={`/${orgSlug}/projects/${m.projectId}`} prefetch={false} className="text-primary hover:underline">
        {m.projectName}
      </Link>
    </>
  );
}

export function BlockedDependencyRow({ orgSlug, b, showNote = false }: { orgSlug: string; b: BlockedDependency; showNote?: boolean }) {
  return (
    <>
      <Link href={`/${orgSlug}/projects/${b.blockedId}`} prefetch={false} className="font-medium hover:underline">
        {b.blockedName}
      </Link>{" "}
      <span className="text-muted-foreground">({b.blockedTeam}) waits on</span>{" "}
      <Link href={`/${orgSlug}/projects/${b.blockerId}`} prefetch={false} className="font-medium hover:underline">
        {b.blockerName}
      </Link>{" "}
      <span className="text-muted-foreground">({b.blockerTeam})</span> <HealthBadge health={b.blockerHealth} />
      {showNote && b.note ? <p className="text-xs text-muted-foreground">{b.note}</p> : null}
    </>
  );
}
