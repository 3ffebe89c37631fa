import type { Db, Tx } from "@/lib/db-factory";
import type { HealthFacts } from "@/lib/projects/health-rules";
import { centsToNumber } from "@/lib/money";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * Gathers the facts the health rules judge, with aggregates done by the database (one SUM over
 * tagged actuals, COUNTs of open positions). Used inside the post-update transaction (so the
 * stored suggestion is what the rules said at that moment) and by the project page.
 */
export async function loadHealthFacts(client: Tx | Db, orgId: string, projectId: string, today: string): Promise<HealthFacts | null> {
  const project = await client.project.findFirst({
    where: { id: projectId, orgId },
    select: {
      status: true,
      orgUnitId: true,
      targetDate: true,
      budgetCents: true,
      // Relation reads repeat the org so they use the org-leading indexes.
      milestones: { where: { orgId }, select: { name: true, dueDate: true, doneDate: true }, orderBy: { dueDate: "asc" } },
      blockedBy: { where: { orgId }, select: { blocker: { select: { name: true, health: true } } } },
    },
  });
  if (!project) return null;
  const [spend, allocatedOpen, allocationCount, teamOpen] = await Promise.all([
    client.actualEntry.aggregate({ where: { orgId, projectId }, _sum: { amountCents: true }, _count: { _all: true } }),
    client.allocation.count({ where: { orgId, projectId, position: { status: { in: ["OPEN", "BACKFILL"] } } } }),
    client.allocation.count({ where: { orgId, projectId } }),
    client.position.count({ where: { orgId, orgUnitId: project.orgUnitId, status: { in: ["OPEN", "BACKFILL"] } } }),
  ]);
  return {
    today,
    status: project.status,
    targetDate: day(project.targetDate),
    milestones: project.milestones.map((m) => ({ name: m.name, dueDate: day(m.dueDate)!, doneDate: day(m.doneDate) })),
    blockers: project.blockedBy.map((d) => d.blocker),
    budgetCents: project.budgetCents === null ? null : centsToNumber(project.budgetCents),
    spentCents: spend._count._all === 0 ? null : centsToNumber(spend._sum.amountCents ?? 0n),
    // Staffing: when the project has allocations, only the open positions allocated to it count.
    openPositions: allocationCount > 0 ? allocatedOpen : teamOpen,
  };
}
