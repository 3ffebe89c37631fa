import "server-only";

import { replicaDb as db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import type { Health } from "@/lib/generated/prisma/enums";
import { blockedFrom, listAttention, milestonesFrom, milestoneWindow, projectsCte, type BlockedDependency, type MilestoneItem } from "@/lib/projects/attention";

// Delivery panel figures of the dashboards (query counts: see lib/dashboard/director.ts).

const DAY_MS = 86_400_000;
export const TREND_WEEKS = 12;
export { MILESTONE_WINDOW_DAYS, type BlockedDependency, type MilestoneItem } from "@/lib/projects/attention";

export type HealthCounts = Record<Health, number>;
export type TrendWeek = { week: string } & HealthCounts;
export type DeliveryFigures = {
  /** ACTIVE projects by current health. */
  health: HealthCounts;
  active: number;
  milestonesOverdue: number;
  milestonesDueSoon: number;
  /** Overdue and due-soon milestones, soonest first, at most LIST_CAP (the full list: /projects/attention). */
  milestones: MilestoneItem[];
  /** All blocked cross-team dependencies (the list holds at most LIST_CAP of them). */
  blockedCount: number;
  blocked: BlockedDependency[];
  /** Health of ACTIVE/PAUSED projects at the end of each of the last 12 weeks (latest update on or before that day). */
  trend: TrendWeek[];
};

/** How many milestones and blocked dependencies the dashboard lists before "See all". */
export const LIST_CAP = 12;

const emptyHealth = (): HealthCounts => ({ ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, UNKNOWN: 0 });

/** Three queries: counts, trend, and the milestone + blocked-dependency lists. */
export async function getDeliveryFigures(orgId: string, unitId: string | null, now = new Date()): Promise<DeliveryFigures> {
  const w = milestoneWindow(now);
  const today = w.today;
  const proj = projectsCte(orgId, unitId);
  const [counts, trend, lists] = await Promise.all([
    db.$queryRaw<{ health: Record<string, number> | null; overdue: number; soon: number; blocked: number }[]>`
      WITH ${proj}
      SELECT
        (SELECT json_object_agg(x.h, x.n) FROM (SELECT p.health::text AS h, COUNT(*)::int AS n FROM proj p WHERE p.status = 'ACTIVE' GROUP BY p.health) x) AS "health",
        (SELECT COUNT(*)::int ${milestonesFrom(orgId, "overdue", w)}) AS "overdue",
        (SELECT COUNT(*)::int ${milestonesFrom(orgId, "soon", w)}) AS "soon",
        (SELECT COUNT(*)::int ${blockedFrom(orgId)}) AS "blocked"`,
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
    listAttention(orgId, unitId, now, { limit: LIST_CAP }),
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
  return {
    health,
    active: Object.values(health).reduce((a, b) => a + b, 0),
    milestonesOverdue: counts[0]?.overdue ?? 0,
    milestonesDueSoon: counts[0]?.soon ?? 0,
    milestones: lists.milestones,
    blockedCount: counts[0]?.blocked ?? 0,
    blocked: lists.blocked,
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
