import "server-only";

import { replicaDb as db } from "@/lib/db";
import { memoFigures, type DataTable } from "@/lib/figures-memo";
import { toDateString } from "@/lib/fiscal";
import type { Health } from "@/lib/generated/prisma/enums";
import {
  ACTIVE_SQL,
  blockedFrom,
  listAttention,
  milestonesFrom,
  milestoneWindow,
  projectsCte,
  type BlockedDependency,
  type MilestoneItem,
} from "@/lib/projects/attention";
import { addDaysIso } from "@/lib/dates";
import { TREND_WEEKS, trendCte } from "@/lib/dashboard/trend-sql";
import { storedTrend } from "@/lib/dashboard/trend-summary";

// Delivery panel figures of the dashboards (query counts: see lib/dashboard/director.ts).

export { MILESTONE_WINDOW_DAYS } from "@/lib/projects/attention";

type HealthCounts = Record<Health, number>;
type TrendWeek = { week: string } & HealthCounts;
export type DeliveryFigures = {
  /** Active projects by current health (glossary `on-track`, `at-risk`, `off-track`, `unknown-health`). */
  health: HealthCounts;
  /** glossary `active-projects` */
  active: number;
  milestonesOverdue: number;
  milestonesDueSoon: number;
  /** Overdue and due-soon milestones, soonest first, at most LIST_CAP (the full list: /projects/attention). */
  milestones: MilestoneItem[];
  /** All blocked cross-team dependencies (the list holds at most LIST_CAP of them). */
  blockedCount: number;
  blocked: BlockedDependency[];
  /** glossary `health-trend`: the last 12 weeks, oldest first; the last week is today, i.e. `health`. */
  trend: TrendWeek[];
};

/** How many milestones and blocked dependencies the dashboard lists before "See all". */
export const LIST_CAP = 12;

const emptyHealth = (): HealthCounts => ({ ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, UNKNOWN: 0 });

/** The tables delivery figures read (memo versions; tests/integration/figures-memo.test.ts checks the SQL). */
export const DELIVERY_TABLES: readonly DataTable[] = [
  "Milestone",
  "OrgUnit",
  "OrgUnitClosure",
  "Project",
  "ProjectDependency",
  "StatusUpdate",
];

/** Three queries: counts, trend, and the milestone + blocked-dependency lists; memoized per org data version and day (lib/figures-memo.ts). */
export function getDeliveryFigures(orgId: string, unitId: string | null, now = new Date()): Promise<DeliveryFigures> {
  return memoFigures(orgId, "delivery", [unitId, toDateString(now)], DELIVERY_TABLES, () => computeDeliveryFigures(orgId, unitId, now));
}

async function computeDeliveryFigures(orgId: string, unitId: string | null, now: Date): Promise<DeliveryFigures> {
  const w = milestoneWindow(now);
  const today = w.today;
  const proj = projectsCte(orgId, unitId);
  const [counts, trend, lists] = await Promise.all([
    db.$queryRaw<{ health: Record<string, number> | null; overdue: number; soon: number; blocked: number }[]>`
      WITH ${proj}
      SELECT
        (SELECT json_object_agg(x.h, x.n) FROM (SELECT p.health::text AS h, COUNT(*)::int AS n FROM proj p WHERE ${ACTIVE_SQL("p")} GROUP BY p.health) x) AS "health",
        (SELECT COUNT(*)::int ${milestonesFrom(orgId, "overdue", w)}) AS "overdue",
        (SELECT COUNT(*)::int ${milestonesFrom(orgId, "soon", w)}) AS "soon",
        (SELECT COUNT(*)::int ${blockedFrom(orgId)}) AS "blocked"`,
    // As the writers stored it (lib/dashboard/trend-summary.ts) while it is current, else computed.
    storedTrend(orgId, unitId, now).then(
      (stored) =>
        stored ?? db.$queryRaw<{ week: Date; health: Health; n: number }[]>`WITH ${trendCte(orgId, unitId, today)} SELECT * FROM trend`,
    ),
    listAttention(orgId, unitId, now, { limit: LIST_CAP }),
  ]);

  const health = emptyHealth();
  for (const [h, n] of Object.entries(counts[0]?.health ?? {})) health[h as Health] = n;
  const weeks = new Map<string, TrendWeek>();
  for (let i = TREND_WEEKS - 1; i >= 0; i--) {
    const week = addDaysIso(today, -7 * i);
    weeks.set(week, { week, ...emptyHealth() });
  }
  for (const r of trend) {
    const w = weeks.get(toDateString(r.week));
    if (w) w[r.health] = r.n;
  }
  // Today's point is the tiles: the same projects, by their current health.
  Object.assign(weeks.get(today)!, health);
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

export type LatestUpdate = {
  projectId: string;
  summary: string;
  createdAt: string;
  suggestedHealth: Health | null;
  overrideReason: string | null;
};

/** Latest update of each given project (one query, DISTINCT ON). */
export async function getLatestUpdates(orgId: string, projectIds: string[]): Promise<Map<string, LatestUpdate>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db.$queryRaw<
    { projectId: string; summary: string; createdAt: Date; suggestedHealth: Health | null; overrideReason: string | null }[]
  >`
    SELECT DISTINCT ON (su."projectId") su."projectId", su.summary, su."createdAt", su."suggestedHealth"::text AS "suggestedHealth", su."overrideReason"
    FROM "StatusUpdate" su
    WHERE su."orgId" = ${orgId} AND su."projectId" = ANY(${projectIds}::text[])
    ORDER BY su."projectId", su."createdAt" DESC`;
  return new Map(rows.map((r) => [r.projectId, { ...r, createdAt: r.createdAt.toISOString() }]));
}
