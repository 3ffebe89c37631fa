import "server-only";

import { replicaDb as db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Health } from "@/lib/generated/prisma/enums";
import { scopeCte } from "@/lib/dashboard/director";

// Delivery panel figures of the dashboards (query counts: see lib/dashboard/director.ts).

const DAY_MS = 86_400_000;
export const MILESTONE_WINDOW_DAYS = 28;
export const TREND_WEEKS = 12;

export type HealthCounts = Record<Health, number>;
export type TrendWeek = { week: string } & HealthCounts;
export type MilestoneItem = { id: string; name: string; dueDate: string; projectId: string; projectName: string; overdue: boolean };
export type BlockedDependency = { id: string; blockedId: string; blockedName: string; blockedTeam: string; blockerId: string; blockerName: string; blockerTeam: string; blockerHealth: Health; note: string };
export type DeliveryFigures = {
  /** ACTIVE projects by current health. */
  health: HealthCounts;
  active: number;
  milestonesOverdue: number;
  milestonesDueSoon: number;
  milestones: MilestoneItem[];
  blocked: BlockedDependency[];
  /** Health of ACTIVE/PAUSED projects at the end of each of the last 12 weeks (latest update on or before that day). */
  trend: TrendWeek[];
};

const emptyHealth = (): HealthCounts => ({ ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, UNKNOWN: 0 });

/** Three queries: counts, trend, and the milestone + blocked-dependency lists. */
export async function getDeliveryFigures(orgId: string, unitId: string | null, now = new Date()): Promise<DeliveryFigures> {
  const today = toDateString(now);
  const soon = toDateString(new Date(Date.parse(today) + MILESTONE_WINDOW_DAYS * DAY_MS));
  const scope = scopeCte(orgId, unitId);
  const proj = Prisma.sql`
    scope AS (${scope}),
    proj AS (
      SELECT p.* FROM "Project" p
      WHERE p."orgId" = ${orgId} AND p."archivedAt" IS NULL AND p."orgUnitId" IN (SELECT "id" FROM scope)
    )`;
  const [counts, trend, lists] = await Promise.all([
    db.$queryRaw<{ health: Record<string, number> | null; overdue: number; soon: number }[]>`
      WITH ${proj}
      SELECT
        (SELECT json_object_agg(x.h, x.n) FROM (SELECT p.health::text AS h, COUNT(*)::int AS n FROM proj p WHERE p.status = 'ACTIVE' GROUP BY p.health) x) AS "health",
        (SELECT COUNT(*)::int FROM "Milestone" m JOIN proj p ON p.id = m."projectId"
          WHERE m."orgId" = ${orgId} AND m."doneDate" IS NULL AND p.status IN ('ACTIVE', 'PAUSED', 'PLANNED') AND m."dueDate" < ${today}::date) AS "overdue",
        (SELECT COUNT(*)::int FROM "Milestone" m JOIN proj p ON p.id = m."projectId"
          WHERE m."orgId" = ${orgId} AND m."doneDate" IS NULL AND p.status IN ('ACTIVE', 'PAUSED', 'PLANNED') AND m."dueDate" BETWEEN ${today}::date AND ${soon}::date) AS "soon"`,
    db.$queryRaw<{ week: Date; health: Health; n: number }[]>`
      WITH ${proj},
      weeks AS (SELECT (${today}::date - (i * 7)) AS "day" FROM generate_series(0, ${TREND_WEEKS - 1}) AS i)
      SELECT w."day" AS "week", COALESCE(s.health::text, 'UNKNOWN') AS "health", COUNT(*)::int AS "n"
      FROM weeks w
      JOIN proj p ON p.status IN ('ACTIVE', 'PAUSED') AND p."createdAt"::date <= w."day"
      LEFT JOIN LATERAL (
        SELECT su.health FROM "StatusUpdate" su
        WHERE su."orgId" = ${orgId} AND su."projectId" = p.id AND su."createdAt" < w."day" + 1
        ORDER BY su."createdAt" DESC LIMIT 1
      ) s ON true
      GROUP BY w."day", COALESCE(s.health::text, 'UNKNOWN')
      ORDER BY w."day"`,
    db.$queryRaw<({ kind: "milestone" | "blocked" } & Record<string, string | Date | null>)[]>`
      WITH ${proj}
      (SELECT 'milestone' AS "kind", m.id, m.name, m."dueDate"::text AS "dueDate", p.id AS "projectId", p.name AS "projectName",
              NULL AS "blockerId", NULL AS "blockerName", NULL AS "blockedTeam", NULL AS "blockerTeam", NULL AS "blockerHealth", NULL AS "note"
       FROM "Milestone" m JOIN proj p ON p.id = m."projectId"
       WHERE m."orgId" = ${orgId} AND m."doneDate" IS NULL AND p.status IN ('ACTIVE', 'PAUSED', 'PLANNED') AND m."dueDate" <= ${soon}::date
       ORDER BY m."dueDate", m.name LIMIT 12)
      UNION ALL
      (SELECT 'blocked', d.id, NULL, NULL, p.id, p.name, b.id, b.name, pu.name, bu.name, b.health::text, d.note
       FROM "ProjectDependency" d
       JOIN proj p ON p.id = d."blockedId"
       JOIN "Project" b ON b.id = d."blockerId" AND b."orgId" = d."orgId"
       JOIN "OrgUnit" pu ON pu.id = p."orgUnitId"
       JOIN "OrgUnit" bu ON bu.id = b."orgUnitId"
       WHERE d."orgId" = ${orgId} AND b."orgUnitId" <> p."orgUnitId" AND p.status IN ('ACTIVE', 'PAUSED', 'PLANNED')
         AND b.status NOT IN ('DONE', 'CANCELLED') AND b.health IN ('AT_RISK', 'OFF_TRACK')
       ORDER BY b.health DESC, p.name LIMIT 12)`,
  ]);

  const health = emptyHealth();
  for (const [h, n] of Object.entries(counts[0]?.health ?? {})) health[h as Health] = n;
  const weeks = new Map<string, TrendWeek>();
  for (let i = TREND_WEEKS - 1; i >= 0; i--) {
    const week = toDateString(new Date(Date.parse(today) - i * 7 * DAY_MS));
    weeks.set(week, { week, ...emptyHealth() });
  }
  for (const r of trend) {
    const w = weeks.get(toDateString(r.week));
    if (w) w[r.health] = r.n;
  }
  const str = (v: string | Date | null) => (v == null ? "" : String(v));
  return {
    health,
    active: Object.values(health).reduce((a, b) => a + b, 0),
    milestonesOverdue: counts[0]?.overdue ?? 0,
    milestonesDueSoon: counts[0]?.soon ?? 0,
    milestones: lists
      .filter((r) => r.kind === "milestone")
      .map((r) => ({ id: str(r.id), name: str(r.name), dueDate: str(r.dueDate), projectId: str(r.projectId), projectName: str(r.projectName), overdue: str(r.dueDate) < today })),
    blocked: lists
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
    trend: [...weeks.values()],
  };
}

export type LatestUpdate = { projectId: string; summary: string; createdAt: string; suggestedHealth: Health | null; overrideReason: string | null };

/** Latest update of each given project (one query, DISTINCT ON). */
export async function getLatestUpdates(orgId: string, projectIds: string[]): Promise<Map<string, LatestUpdate>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ projectId: string; summary: string; createdAt: Date; suggestedHealth: Health | null; overrideReason: string | null }[]>`
    SELECT DISTINCT ON (su."projectId") su."projectId", su.summary, su."createdAt", su."suggestedHealth"::text AS "suggestedHealth", su."overrideReason"
    FROM "StatusUpdate" su
    WHERE su."orgId" = ${orgId} AND su."projectId" = ANY(${projectIds}::text[])
    ORDER BY su."projectId", su."createdAt" DESC`;
  return new Map(rows.map((r) => [r.projectId, { ...r, createdAt: r.createdAt.toISOString() }]));
}
