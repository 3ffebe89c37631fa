import type { Db, Tx } from "@/lib/db-factory";
import { scopeTwoWeeksAgoSql } from "@/lib/delivery-signals/scope";
import type { Health, ProjectStatus } from "@/lib/generated/prisma/enums";
import type { HealthFacts } from "@/lib/projects/health-rules";
import { centsToNumber } from "@/lib/money";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The counted facts the health rules judge: tagged spend and the open positions it waits on. */
export type HealthCounts = {
  spentCents: bigint | null;
  lines: number;
  allocations: number;
  allocatedOpen: number;
  teamOpen: number;
  /** Delivery signals (lib/delivery-signals/): connected sources, issues now and two weeks ago, last change. */
  deliverySources: number;
  deliveryTotal: number;
  deliveryTotalBefore: number | null;
  deliveryLastActivity: Date | null;
};

/**
 * Every count the rules need in one statement (the database aggregates; each sub-select uses an
 * org-leading index). The owning team comes from the project row itself, so callers need not
 * have read it first.
 */
export async function healthCounts(client: Tx | Db, orgId: string, projectId: string): Promise<HealthCounts> {
  const [row] = await client.$queryRaw<HealthCounts[]>`
    SELECT
      (SELECT sum(e."amountCents") FROM "ActualEntry" e WHERE e."orgId" = ${orgId} AND e."projectId" = ${projectId})::bigint AS "spentCents",
      (SELECT count(*) FROM "ActualEntry" e WHERE e."orgId" = ${orgId} AND e."projectId" = ${projectId})::int AS "lines",
      (SELECT count(*) FROM "Allocation" a WHERE a."orgId" = ${orgId} AND a."projectId" = ${projectId})::int AS "allocations",
      (SELECT count(*) FROM "Allocation" a JOIN "Position" ps ON ps."orgId" = a."orgId" AND ps.id = a."positionId"
        WHERE a."orgId" = ${orgId} AND a."projectId" = ${projectId} AND ps.status IN ('OPEN', 'BACKFILL'))::int AS "allocatedOpen",
      (SELECT count(*) FROM "Position" ps JOIN "Project" p ON p."orgId" = ps."orgId" AND p.id = ${projectId}
        WHERE ps."orgId" = ${orgId} AND ps."orgUnitId" = p."orgUnitId" AND ps.status IN ('OPEN', 'BACKFILL'))::int AS "teamOpen",
      (SELECT count(*) FROM "DeliverySource" s WHERE s."orgId" = ${orgId} AND s."projectId" = ${projectId})::int AS "deliverySources",
      (SELECT count(*) FROM "DeliveryItem" i WHERE i."orgId" = ${orgId} AND i."projectId" = ${projectId} AND i.kind = 'ISSUE')::int AS "deliveryTotal",
      ${scopeTwoWeeksAgoSql(orgId, projectId)} AS "deliveryTotalBefore",
      (SELECT max(i."changedAt") FROM "DeliveryItem" i WHERE i."orgId" = ${orgId} AND i."projectId" = ${projectId}) AS "deliveryLastActivity"`;
  return row;
}

export type HealthFactsBase = {
  status: ProjectStatus;
  targetDate: string | null;
  budgetCents: number | null;
  milestones: { name: string; dueDate: string; doneDate: string | null }[];
  blockers: { name: string; health: Health }[];
};

/** Assembles the rules' input from the project's own fields and its counts. */
export function healthFacts(today: string, base: HealthFactsBase, counts: HealthCounts): HealthFacts {
  return {
    today,
    ...base,
    spentCents: counts.lines === 0 ? null : centsToNumber(counts.spentCents ?? 0n),
    // Staffing: when the project has allocations, only the open positions allocated to it count.
    openPositions: counts.allocations > 0 ? counts.allocatedOpen : counts.teamOpen,
    delivery:
      counts.deliverySources > 0
        ? { total: counts.deliveryTotal, totalBefore: counts.deliveryTotalBefore, lastActivity: day(counts.deliveryLastActivity) }
        : null,
  };
}

/**
 * Gathers the facts the health rules judge, with aggregates done by the database. Used inside the
 * post-update transaction, so the stored suggestion is what the rules said at that moment. (The
 * project page has the project's fields already and calls healthCounts + healthFacts itself.)
 */
export async function loadHealthFacts(client: Tx | Db, orgId: string, projectId: string, today: string): Promise<HealthFacts | null> {
  const project = await client.project.findFirst({
    where: { id: projectId, orgId },
    select: {
      status: true,
      targetDate: true,
      budgetCents: true,
      // Relation reads repeat the org so they use the org-leading indexes.
      milestones: { where: { orgId }, select: { name: true, dueDate: true, doneDate: true }, orderBy: { dueDate: "asc" } },
      blockedBy: { where: { orgId }, select: { blocker: { select: { name: true, health: true } } } },
    },
  });
  if (!project) return null;
  const counts = await healthCounts(client, orgId, projectId);
  return healthFacts(
    today,
    {
      status: project.status,
      targetDate: day(project.targetDate),
      budgetCents: project.budgetCents === null ? null : centsToNumber(project.budgetCents),
      milestones: project.milestones.map((m) => ({ name: m.name, dueDate: day(m.dueDate)!, doneDate: day(m.doneDate) })),
      blockers: project.blockedBy.map((d) => d.blocker),
    },
    counts,
  );
}
