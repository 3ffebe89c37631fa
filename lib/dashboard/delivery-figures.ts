import "server-only";

import { replicaDb as db } from "@/lib/db";
import { memoFigures, type DataTable } from "@/lib/figures-memo";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Health } from "@/lib/generated/prisma/enums";
import { scopeCte } from "@/lib/org/closure";
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

// Delivery panel figures of the dashboards (query counts: see lib/dashboard/director.ts).

export const TREND_WEEKS = 12;
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

/**
 * CTE `trend(week, health, n)` for weeks 1 … TREND_WEEKS − 1 back (week i ends on the day
 * today − 7i; week 0 is today, whose counts are the tiles'): how many projects of the subtree were
 * Active on that day, by the health of their latest update on or before it (UNKNOWN when none).
 * Keel keeps no history of a project's status, only its dates, so "Active on day D" is: Active
 * today or Done with a completion date after D, started by D (start date, else creation date),
 * and not archived by D. Paused, planned and cancelled projects are in no week.
 * Rather than probing the history once per project and week, each project's history is read
 * once — its latest update before the window and the updates inside it — as intervals of
 * constant health, and each interval is spread over the weeks it covers by arithmetic: an update
 * booked on day `on` holds for the days from `on` to the day before the next update, and the
 * project counts for the weeks from its first to its last active day.
 * tests/integration/dashboard-trend.test.ts checks it against the per-week probe on random histories.
 */
function trendCte(orgId: string, unitId: string | null, today: string): Prisma.Sql {
  const last = TREND_WEEKS - 1;
  return Prisma.sql`
    trend_projects AS (
      SELECT p.id, LEAST(COALESCE(p."startDate", p."createdAt"::date), ${today}::date) AS "born",
             LEAST(${today}::date, CASE WHEN p.status = 'DONE' THEN p."completedDate" - 1 END, p."archivedAt"::date - 1) AS "lastDay"
      FROM "Project" p
      WHERE p."orgId" = ${orgId} AND p."orgUnitId" IN (${scopeCte(orgId, unitId)})
        AND (p.status = 'ACTIVE' OR (p.status = 'DONE' AND p."completedDate" > ${today}::date - ${7 * last}::int))
        AND (p."archivedAt" IS NULL OR p."archivedAt" >= ${today}::date - ${7 * last}::int)
    ),
    trend_spans AS (
      SELECT s.health,
             GREATEST(1, CASE WHEN s."next" IS NULL THEN 0 ELSE (${today}::date - s."next" + 7) / 7 END, (${today}::date - tp."lastDay" + 6) / 7) AS "lo",
             LEAST(${last}::int, (${today}::date - GREATEST(s."on", tp."born")) / 7) AS "hi"
      FROM trend_projects tp CROSS JOIN LATERAL (
        SELECT e.health, e."on", LEAD(e."on") OVER (ORDER BY e."at") AS "next"
        FROM (
          SELECT (SELECT su.health FROM "StatusUpdate" su
                  WHERE su."orgId" = ${orgId} AND su."projectId" = tp.id AND su."createdAt" < ${today}::date - ${7 * last}::int + 1
                  ORDER BY su."createdAt" DESC LIMIT 1),
                 '-infinity'::date, '-infinity'::timestamp
          UNION ALL
          (SELECT su.health, su."createdAt"::date, su."createdAt" FROM "StatusUpdate" su
           WHERE su."orgId" = ${orgId} AND su."projectId" = tp.id
             AND su."createdAt" >= ${today}::date - ${7 * last}::int + 1 AND su."createdAt" < ${today}::date + 1)
        ) e("health", "on", "at")
      ) s
      WHERE tp."lastDay" >= tp."born"
    ),
    trend AS (
      SELECT (${today}::date - 7 * i) AS "week", COALESCE(health::text, 'UNKNOWN') AS "health", COUNT(*)::int AS "n"
      FROM trend_spans, generate_series("lo", "hi") AS i
      GROUP BY 1, 2
    )`;
}

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
    db.$queryRaw<{ week: Date; health: Health; n: number }[]>`WITH ${trendCte(orgId, unitId, today)} SELECT * FROM trend`,
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
