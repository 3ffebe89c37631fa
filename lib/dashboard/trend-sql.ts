import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { scopeCte } from "@/lib/org/closure";

/** Weeks of the health trend, the last one ending today (docs/figures.md `health-trend`). */
export const TREND_WEEKS = 12;

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
export function trendCte(orgId: string, unitId: string | null, today: string, byUnit = false): Prisma.Sql {
  const last = TREND_WEEKS - 1;
  // byUnit: also per project's own unit (what lib/dashboard/trend-summary.ts stores).
  const unitCol = byUnit ? Prisma.sql`, "orgUnitId"` : Prisma.empty;
  return Prisma.sql`
    trend_projects AS (
      SELECT p.id, p."orgUnitId", LEAST(COALESCE(p."startDate", p."createdAt"::date), ${today}::date) AS "born",
             LEAST(${today}::date, CASE WHEN p.status = 'DONE' THEN p."completedDate" - 1 END, p."archivedAt"::date - 1) AS "lastDay"
      FROM "Project" p
      WHERE p."orgId" = ${orgId} AND p."orgUnitId" IN (${scopeCte(orgId, unitId)})
        AND (p.status = 'ACTIVE' OR (p.status = 'DONE' AND p."completedDate" > ${today}::date - ${7 * last}::int))
        AND (p."archivedAt" IS NULL OR p."archivedAt" >= ${today}::date - ${7 * last}::int)
    ),
    trend_spans AS (
      SELECT s.health, tp."orgUnitId",
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
      SELECT (${today}::date - 7 * i) AS "week", COALESCE(health::text, 'UNKNOWN') AS "health", COUNT(*)::int AS "n" ${unitCol}
      FROM trend_spans, generate_series("lo", "hi") AS i
      GROUP BY 1, 2 ${unitCol}
    )`;
}
