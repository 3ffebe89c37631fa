import Link from "next/link";

import { PositionStatusBadge } from "@/components/headcount/position-status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import type { ProjectStaffingDto } from "@/lib/headcount/staffing";

/** Who is on the project and which unfilled positions it waits for. */
export function ProjectStaffing({ orgSlug, staffing }: { orgSlug: string; staffing: ProjectStaffingDto }) {
  const span = (s: { startDate: string; endDate: string | null }) =>
    `${formatDate(s.startDate)} – ${s.endDate ? formatDate(s.endDate) : "open-ended"}`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Staffing</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        <div>
          <p className="mb-1 text-xs font-medium text-muted-foreground uppercase">People</p>
          {staffing.people.length === 0 ? (
            <p className="text-muted-foreground">Nobody is allocated.</p>
          ) : (
            <ul className="space-y-1.5">
              {staffing.people.map((s) => (
                <li key={s.allocationId} className="flex items-start justify-between gap-2">
                  <span>
                    <Link className="hover:underline" href={`/${orgSlug}/people/${s.person!.id}`}>
                      {s.person!.name}
                    </Link>
                    {s.person!.overallocated ? (
                      <Badge variant="danger" className="ml-1">
                        Over-allocated
                      </Badge>
                    ) : null}
                    <span className="block text-xs text-muted-foreground">{span(s)}</span>
                  </span>
                  <span className="tabular-nums">{s.percent}%</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <p className="mb-1 text-xs font-medium text-muted-foreground uppercase">Waiting on hires</p>
          {staffing.waitingOn.length === 0 ? (
            <p className="text-muted-foreground">
              No unfilled positions allocated.
              {staffing.openInOwningTeam > 0
                ? ` The owning team has ${staffing.openInOwningTeam} open position${staffing.openInOwningTeam === 1 ? "" : "s"}.`
                : ""}
            </p>
          ) : (
            <ul className="space-y-1.5">
              {staffing.waitingOn.map((s) => (
                <li key={s.allocationId} className="flex items-start justify-between gap-2">
                  <span>
                    {s.position!.title} <PositionStatusBadge status={s.position!.status} />
                    <span className="block text-xs text-muted-foreground">
                      Target start {formatDate(s.position!.targetStartDate)} · {span(s)}
                    </span>
                  </span>
                  <span className="tabular-nums">{s.percent}%</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
