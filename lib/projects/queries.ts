import "server-only";

import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import type { Health, ProjectStatus } from "@/lib/generated/prisma/enums";
import { centsToNumber } from "@/lib/money";

export type ProjectRow = {
  id: string;
  name: string;
  teamId: string;
  teamName: string;
  leadName: string | null;
  initiativeName: string | null;
  status: ProjectStatus;
  health: Health;
  /** ISO timestamp of the last status update */
  lastUpdateAt: string | null;
  /** ISO date */
  targetDate: string | null;
  /** Project budget (not individual pay), cents */
  budgetCents: number | null;
};

/** Every non-archived project with its team, lead and initiative names: one query with joins. */
export async function listProjects(orgId: string): Promise<ProjectRow[]> {
  const rows = await db.project.findMany({
    where: { orgId, archivedAt: null },
    select: {
      id: true,
      name: true,
      status: true,
      health: true,
      lastUpdateAt: true,
      targetDate: true,
      budgetCents: true,
      orgUnit: { select: { id: true, name: true } },
      lead: { select: { name: true } },
      initiative: { select: { name: true } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    teamId: r.orgUnit.id,
    teamName: r.orgUnit.name,
    leadName: r.lead?.name ?? null,
    initiativeName: r.initiative?.name ?? null,
    status: r.status,
    health: r.health,
    lastUpdateAt: r.lastUpdateAt?.toISOString() ?? null,
    targetDate: r.targetDate ? toDateString(r.targetDate) : null,
    budgetCents: r.budgetCents === null ? null : centsToNumber(r.budgetCents),
  }));
}

export type ProjectStatusCounts = Record<ProjectStatus, number>;

/** Non-archived projects per status (GROUP BY status). */
export async function countProjectsByStatus(orgId: string): Promise<ProjectStatusCounts> {
  const groups = await db.project.groupBy({ by: ["status"], where: { orgId, archivedAt: null }, _count: { _all: true } });
  const counts: ProjectStatusCounts = { PLANNED: 0, ACTIVE: 0, PAUSED: 0, DONE: 0, CANCELLED: 0 };
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}
