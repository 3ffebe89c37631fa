import "server-only";

import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Health } from "@/lib/generated/prisma/enums";
import { scopeCte } from "@/lib/org/closure";
import { addDaysIso } from "@/lib/dates";

// Open milestones (overdue, due in the next 4 weeks) and blocked cross-team dependencies of an
// org-unit subtree: ONE definition each, used by the dashboard's counts and capped lists
// (lib/dashboard/delivery-figures.ts) and by the full lists on /[org]/projects/attention.

export const MILESTONE_WINDOW_DAYS = 28;

export type MilestoneDue = "overdue" | "soon" | "all";
export type MilestoneItem = { id: string; name: string; dueDate: string; projectId: string; projectName: string; overdue: boolean };
export type BlockedDependency = {
  id: string;
  blockedId: string;
  blockedName: string;
  blockedTeam: string;
  blockerId: string;
  blockerName: string;
  blockerTeam: string;
  blockerHealth: Health;
  note: string;
};

export function milestoneWindow(now: Date): { today: string; soon: string } {
  const today = toDateString(now);
  return { today, soon: addDaysIso(today, MILESTONE_WINDOW_DAYS) };
}

/**
 * CTEs `scope` (unit ids) and `proj` (the subtree's unarchived live projects: ACTIVE, PAUSED,
 * PLANNED — every delivery figure reads a subset of those — with the columns they read). The
 * dashboard's tiles, the review's lists and the milestone and dependency lists all start here, so
 * a unit's figures and the lists they link to count the same projects.
 */
export function projectsCte(orgId: string, unitId: string | null): Prisma.Sql {
  return Prisma.sql`
    scope AS (${scopeCte(orgId, unitId)}),
    proj AS (
      SELECT p.id, p.name, p.status, p.health, p."orgUnitId", p."createdAt", p."startDate", p."leadId", p."lastUpdateAt", p."healthChangedAt" FROM "Project" p
      WHERE p."orgId" = ${orgId} AND p."archivedAt" IS NULL AND p.status IN ('ACTIVE', 'PAUSED', 'PLANNED') AND p."orgUnitId" IN (SELECT "id" FROM scope)
    )`;
}

/** "Active" (glossary `active-projects`) on a row of proj: the base of the health tiles, at risk, stale and updates due. */
export const ACTIVE_SQL = (alias = "p") => Prisma.sql`${Prisma.raw(alias)}.status = 'ACTIVE'`;

/** "At risk and off track" (glossary `at-risk-and-off-track`) on a row of proj: active, with either health. */
export const AT_RISK_SQL = (alias = "p") => Prisma.sql`${ACTIVE_SQL(alias)} AND ${Prisma.raw(alias)}.health IN ('AT_RISK', 'OFF_TRACK')`;

/**
 * FROM … WHERE of open milestones of live projects (m, p: proj holds only live ones — a repeated
 * status test on it made the planner expect ~1% of its rows and probe milestones per project):
 * overdue = due before today; soon = due today up to 4 weeks ahead.
 */
export function milestonesFrom(orgId: string, due: MilestoneDue, w: { today: string; soon: string }): Prisma.Sql {
  const when =
    due === "overdue"
      ? Prisma.sql`m."dueDate" < ${w.today}::date`
      : due === "soon"
        ? Prisma.sql`m."dueDate" BETWEEN ${w.today}::date AND ${w.soon}::date`
        : Prisma.sql`m."dueDate" <= ${w.soon}::date`;
  return Prisma.sql`
    FROM "Milestone" m JOIN proj p ON p.id = m."projectId"
    WHERE m."orgId" = ${orgId} AND m."doneDate" IS NULL AND ${when}`;
}

/** FROM … WHERE of live projects (p, from proj) waiting on an at-risk or off-track project (b) of another team. */
export function blockedFrom(orgId: string): Prisma.Sql {
  return Prisma.sql`
    FROM "ProjectDependency" d
    JOIN proj p ON p.id = d."blockedId"
    JOIN "Project" b ON b.id = d."blockerId" AND b."orgId" = d."orgId"
    WHERE d."orgId" = ${orgId} AND b."orgUnitId" <> p."orgUnitId"
      AND b.status NOT IN ('DONE', 'CANCELLED') AND b.health IN ('AT_RISK', 'OFF_TRACK')`;
}

type ListRow = { kind: "milestone" | "blocked"; total: number } & Record<string, string | Date | number | null>;

/**
 * Both lists in one statement, soonest milestones and worst blockers first; `limit` caps each,
 * from `offset` (milestones) and `blockedOffset` (blocked) on: one page of each. The totals are
 * counted in the same statement (a window count, before the limit); they are 0 when a page past
 * the end returns no rows.
 */
export async function listAttention(
  orgId: string,
  unitId: string | null,
  now = new Date(),
  opts: { due?: MilestoneDue; limit?: number; offset?: number; blockedOffset?: number } = {},
): Promise<{ milestones: MilestoneItem[]; blocked: BlockedDependency[]; milestoneTotal: number; blockedTotal: number }> {
  const w = milestoneWindow(now);
  const page = (offset = 0) => (opts.limit ? Prisma.sql`LIMIT ${opts.limit} OFFSET ${offset}` : Prisma.empty);
  const rows = await db.$queryRaw<ListRow[]>`
    WITH ${projectsCte(orgId, unitId)}
    (SELECT 'milestone' AS "kind", m.id, m.name, m."dueDate"::text AS "dueDate", p.id AS "projectId", p.name AS "projectName",
            NULL AS "blockerId", NULL AS "blockerName", NULL AS "blockedTeam", NULL AS "blockerTeam", NULL AS "blockerHealth", NULL AS "note",
            (COUNT(*) OVER ())::int AS "total"
     ${milestonesFrom(orgId, opts.due ?? "all", w)}
     ORDER BY m."dueDate", m.name, m.id ${page(opts.offset)})
    UNION ALL
    (SELECT 'blocked', d.id, NULL, NULL, p.id, p.name, b.id, b.name, pu.name, bu.name, b.health::text, d.note, (COUNT(*) OVER ())::int
     FROM (SELECT d.id AS "depId" ${blockedFrom(orgId)}) x
     JOIN "ProjectDependency" d ON d.id = x."depId"
     JOIN "Project" p ON p.id = d."blockedId"
     JOIN "Project" b ON b.id = d."blockerId"
     JOIN "OrgUnit" pu ON pu.id = p."orgUnitId"
     JOIN "OrgUnit" bu ON bu.id = b."orgUnitId"
     ORDER BY b.health DESC, p.name, d.id ${page(opts.blockedOffset)})`;
  const str = (v: string | Date | number | null) => (v == null ? "" : String(v));
  return {
    milestoneTotal: rows.find((r) => r.kind === "milestone")?.total ?? 0,
    blockedTotal: rows.find((r) => r.kind === "blocked")?.total ?? 0,
    milestones: rows
      .filter((r) => r.kind === "milestone")
      .map((r) => ({
        id: str(r.id),
        name: str(r.name),
        dueDate: str(r.dueDate),
        projectId: str(r.projectId),
        projectName: str(r.projectName),
        overdue: str(r.dueDate) < w.today,
      })),
    blocked: rows
      .filter((r) => r.kind === "blocked")
      .map((r) => ({
        id: str(r.id),
        blockedId: str(r.projectId),
        blockedName: str(r.projectName),
        blockedTeam: str(r.blockedTeam),
        blockerId: str(r.blockerId),
        blockerName: str(r.blockerName),
        blockerTeam: str(r.blockerTeam),
        blockerHealth: str(r.blockerHealth) as Health,
        note: str(r.note),
      })),
  };
}
