import "server-only";

import { trendCte } from "@/lib/dashboard/trend-sql";
import { replicaDb, type Tx } from "@/lib/db";
import type { DataTable } from "@/lib/figures-memo";
import { toDateString } from "@/lib/fiscal";
import type { Health } from "@/lib/generated/prisma/enums";
import { scopeCte } from "@/lib/org/closure";
import { beginRefresh, formulaOf, isCurrentSql, type StoredFigureSpec, writeStoredState } from "@/lib/stored-figures/state";

// The health trend kept by the writers (issue 23 item 1): active projects by health at the end of
// each of the last weeks (docs/figures.md `health-trend`), per project's own unit × week × health,
// stored by every transaction that writes projects or status updates (lib/stored-figures), so a
// dashboard sums a subtree's stored rows instead of reading every project's update history. The
// weeks end on today − 7i, so the rows are of one day; like the forecast (lib/budgets/forecast-summary.ts)
// they are read only while they are of today and of the org's current data, else computed.
// tests/integration/trend-summary.test.ts proves them equal to the computation after randomized writes.

/** The tables the trend reads (the subtree is read when the stored rows are summed). */
const TREND_TABLES: readonly DataTable[] = ["Project", "StatusUpdate"];

/** The stored trend: its tables and the hash of the statement it is computed by. */
export const TREND: StoredFigureSpec = {
  name: "health-trend",
  tables: TREND_TABLES,
  formula: formulaOf(trendCte("", null, "2000-01-15", true)),
};

/**
 * Stores the org's trend of `today`, per unit, under the org's lock for it, held to the commit.
 * `ifStale`: nothing is done when the stored rows are current (the worker's refresh).
 */
export async function refreshHealthTrend(tx: Tx, orgId: string, today: Date = new Date(), ifStale = false): Promise<void> {
  const { base, current } = await beginRefresh(tx, orgId, TREND, today);
  if (ifStale && current) return;
  // Changed rows only, found by a full join (a hash or merge join; see storeVariant in lib/budgets/forecast-summary.ts).
  await tx.$executeRaw`
    WITH ${trendCte(orgId, null, toDateString(today), true)},
    cur AS (SELECT "orgUnitId", "week", "health"::text AS "health", "n" FROM "DeliveryTrendWeekly" WHERE "orgId" = ${orgId}),
    d AS (
      SELECT COALESCE(t."orgUnitId", c."orgUnitId") AS "orgUnitId", COALESCE(t."week", c."week") AS "week",
             COALESCE(t."health", c."health") AS "health", t."n", t."orgUnitId" IS NULL AS "gone"
      FROM trend t FULL JOIN cur c ON c."orgUnitId" = t."orgUnitId" AND c."week" = t."week" AND c."health" = t."health"
      WHERE t."orgUnitId" IS NULL OR c."orgUnitId" IS NULL OR c."n" <> t."n"
    ),
    gone AS (
      DELETE FROM "DeliveryTrendWeekly" f USING d
      WHERE d."gone" AND f."orgId" = ${orgId} AND f."orgUnitId" = d."orgUnitId" AND f."week" = d."week" AND f."health" = d."health"::"Health"
    )
    INSERT INTO "DeliveryTrendWeekly" ("orgId", "orgUnitId", "week", "health", "n")
    SELECT ${orgId}, d."orgUnitId", d."week", d."health"::"Health", d."n" FROM d WHERE NOT d."gone"
    ON CONFLICT ("orgId", "orgUnitId", "week", "health") DO UPDATE SET "n" = EXCLUDED."n"`;
  await writeStoredState(tx, orgId, TREND, base, today);
}

/**
 * The stored trend of the unit's subtree (the whole org when null), summed per week and health,
 * when it is current; null when it is not (compute it). One statement through the replica, so the
 * check and the rows see one snapshot of one database.
 */
export async function storedTrend(
  orgId: string,
  unitId: string | null,
  now: Date,
): Promise<{ week: Date; health: Health; n: number }[] | null> {
  const rows = await replicaDb.$queryRaw<{ current: boolean; week: Date | null; health: Health | null; n: number | null }[]>`
    WITH cur AS (SELECT ${isCurrentSql(orgId, TREND, now)} AS "ok")
    SELECT (SELECT "ok" FROM cur) AS "current", NULL::date AS "week", NULL::text AS "health", NULL::int AS "n"
    UNION ALL
    SELECT true, "week", "health"::text, SUM("n")::int FROM "DeliveryTrendWeekly"
    WHERE (SELECT "ok" FROM cur) AND "orgId" = ${orgId} AND "orgUnitId" IN (${scopeCte(orgId, unitId)})
    GROUP BY "week", "health"`;
  if (!rows.find((r) => r.week === null)?.current) return null;
  return rows.flatMap((r) => (r.week === null ? [] : [{ week: r.week, health: r.health!, n: r.n! }]));
}
