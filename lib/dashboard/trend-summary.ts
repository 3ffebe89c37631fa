import "server-only";

import { trendCte } from "@/lib/dashboard/trend-sql";
import { replicaDb, type Tx } from "@/lib/db";
import type { DataTable } from "@/lib/figures-memo";
import { toDateString } from "@/lib/fiscal";
import { currentStoredState, lockStoredFigure, writeStoredState } from "@/lib/stored-figures/state";

// The health trend kept by the writers (issue 23 item 1): active projects by health at the end of
// each of the last weeks (docs/figures.md `health-trend`), per project's own unit × week × health,
// stored by every transaction that writes projects or status updates (lib/stored-figures), so a
// dashboard sums a subtree's stored rows instead of reading every project's update history. The
// weeks end on today − 7i, so the rows are of one day; like the forecast (lib/budgets/forecast-summary.ts)
// they are read only while they are of today and of the org's current data, else computed.
// tests/integration/trend-summary.test.ts proves them equal to the computation after randomized writes.

/** The tables the trend reads (the subtree is read when the stored rows are summed). */
export const TREND_TABLES: readonly DataTable[] = ["Project", "StatusUpdate"];

/** Stores the org's trend of `today`, per unit (changed rows only), under the org's lock for it, held to the commit. */
export async function refreshHealthTrend(tx: Tx, orgId: string, today: Date = new Date()): Promise<void> {
  await lockStoredFigure(tx, orgId, "health-trend");
  await tx.$executeRaw`
    WITH ${trendCte(orgId, null, toDateString(today), true)},
    gone AS (
      DELETE FROM "DeliveryTrendWeekly" f
      WHERE f."orgId" = ${orgId}
        AND NOT EXISTS (SELECT 1 FROM trend t WHERE t."orgUnitId" = f."orgUnitId" AND t."week" = f."week" AND t."health" = f."health"::text)
    )
    INSERT INTO "DeliveryTrendWeekly" ("orgId", "orgUnitId", "week", "health", "n")
    SELECT ${orgId}, t."orgUnitId", t."week", t."health"::"Health", t."n" FROM trend t
    ON CONFLICT ("orgId", "orgUnitId", "week", "health") DO UPDATE SET "n" = EXCLUDED."n"
      WHERE "DeliveryTrendWeekly"."n" <> EXCLUDED."n"`;
  await writeStoredState(tx, orgId, "health-trend", TREND_TABLES, today);
}

/** Whether the stored trend is of `now`'s day and of the org's current data (read through the replica, as the rows are). */
export async function storedTrendCurrent(orgId: string, now: Date): Promise<boolean> {
  return (await currentStoredState(orgId, "health-trend", TREND_TABLES, now, replicaDb)) !== null;
}
