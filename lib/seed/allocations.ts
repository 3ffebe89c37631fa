import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlannedProject } from "@/lib/seed/projects";
import type { PersonRow } from "@/lib/seed/types";

// Demo staffing: on every active project, two people of the owning team not yet staffed (by
// name, so the seed stays deterministic) at 60% and 40% until the target date. Nobody starts
// over-allocated; the allocation forms show the flag as soon as someone goes past 100%.
export function buildStaffing(
  orgId: string,
  planned: PlannedProject[],
  people: PersonRow[],
  today: Date,
  taken: Set<string>,
): Prisma.AllocationCreateManyInput[] {
  const rows: Prisma.AllocationCreateManyInput[] = [];
  for (const p of planned) {
    if (p.spec.status !== "ACTIVE") continue;
    const team = people
      .filter((x) => x.orgUnitId === p.unit.id && x.id !== p.leadId && !taken.has(x.id) && x.startDate <= today && !x.endDate)
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, 2);
    team.forEach((x, i) => {
      taken.add(x.id);
      rows.push({
        orgId,
        projectId: p.id,
        personId: x.id,
        percent: i === 0 ? 60 : 40,
        startDate: p.startDate < today ? p.startDate : today,
        endDate: p.targetDate,
      });
    });
  }
  return rows;
}
