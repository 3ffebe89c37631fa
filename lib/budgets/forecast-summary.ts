import "server-only";

import { forecastCtes } from "@/lib/budgets/forecast-sql";
import { type ForecastWindow, monthStart } from "@/lib/budgets/forecast-window";
import type { Tx } from "@/lib/db";
import type { DataTable } from "@/lib/figures-memo";
import { fiscalYearOf, fiscalYearRange, toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import { beginRefresh, currentStoredState, formulaOf, type StoredFigureSpec, writeStoredState } from "@/lib/stored-figures/state";

// The forecast kept by the writers (issue 23 item 1; migration stored_figures). Computing the
// forecast (lib/budgets/forecast-sql.ts) reads people, positions, contracts, the plan and the
// ledger's run-rates: most of what the first finance view after a write waited for. So every
// transaction that writes one of the tables it reads stores the org's forecast cells again before
// it commits (lib/stored-figures: the action pipeline, and the pay publication for its own
// variant), and a view reads the stored cells (`forecastSummaryCovers`) when they are of:
//   * today (the forecast moves with the day: open months, days in post, hiring delays);
//   * the org's current data (lib/stored-figures/state.ts): a write that did not store them (a
//     seed, psql, a script) or a concurrent one that committed after the refresh makes the view
//     compute the forecast as before;
//   * the view's months, and the view's variant (live, or the published version it reads).
// So a stored cell is never read stale: at worst a view computes what it computed before. The job
// worker stores them again for every org where they are not current every 10 minutes, so the day's
// first views read them too. tests/integration/forecast-summary.test.ts proves the stored cells
// equal the computed ones after randomized writes of every kind, and each rule above.

/** Every table the forecast reads (forecast-sql.ts and its CTEs), live or published. */
export const FORECAST_TABLES: readonly DataTable[] = [
  "ActualEntry",
  "ActualMonthly",
  "BudgetLine",
  "Contract",
  "Organization",
  "OrgUnitClosure",
  "PayPublication",
  "Person",
  "Position",
  "PublishedPaySource",
];

/** The stored forecast: its tables and the hash of the statements it is computed by (live and published). */
export const FORECAST: StoredFigureSpec = {
  name: "forecast",
  tables: FORECAST_TABLES,
  formula: formulaOf(
    ...[null, 1].map((published) =>
      forecastCtes({
        orgId: "",
        from: new Date(Date.UTC(2000, 0, 1)),
        to: new Date(Date.UTC(2000, 11, 1)),
        today: new Date(Date.UTC(2000, 0, 15)),
        published,
      }),
    ),
  ),
};

/** The months a summary holds: the current month to the end of the next fiscal year (the views' usual span). */
export function summaryMonths(today: Date, startMonth: number): { from: Date; to: Date } {
  const next = fiscalYearRange(fiscalYearOf(today, startMonth) + 1, startMonth);
  return { from: monthStart(today), to: monthStart(next.end) };
}

/**
 * Stores one variant's cells: changed cells updated, new ones added, gone ones removed (one
 * statement). What changed is found by a full join of the computed cells with the stored ones,
 * which PostgreSQL runs as a hash or merge join: a NOT EXISTS over the computed cells was planned
 * as a nested loop (their row count is estimated at a handful), 64,000² comparisons at the large org.
 */
async function storeVariant(tx: Tx, w: ForecastWindow, variant: number, only: "all" | "window"): Promise<void> {
  const { orgId } = w;
  // "window": only the window's months are stored again (the others are left as they are).
  const months =
    only === "window" ? Prisma.sql`AND "month" BETWEEN ${toDateString(w.from)}::date AND ${toDateString(w.to)}::date` : Prisma.empty;
  await tx.$executeRaw`
    WITH ${forecastCtes(w)},
    cur AS (SELECT "orgUnitId", "category", "month", "amountCents", "source" FROM "ForecastMonthly" WHERE "orgId" = ${orgId} AND "variant" = ${variant} ${months}),
    d AS (
      SELECT COALESCE(n."orgUnitId", c."orgUnitId") AS "orgUnitId", COALESCE(n."category", c."category") AS "category",
             COALESCE(n."month", c."month") AS "month", n."amountCents", n."source", n."orgUnitId" IS NULL AS "gone"
      FROM fc n FULL JOIN cur c ON c."orgUnitId" = n."orgUnitId" AND c."category" = n."category" AND c."month" = n."month"
      WHERE n."orgUnitId" IS NULL OR c."orgUnitId" IS NULL OR (c."amountCents", c."source") IS DISTINCT FROM (n."amountCents", n."source")
    ),
    gone AS (
      DELETE FROM "ForecastMonthly" f USING d
      WHERE d."gone" AND f."orgId" = ${orgId} AND f."variant" = ${variant}
        AND f."orgUnitId" = d."orgUnitId" AND f."category" = d."category" AND f."month" = d."month"
    )
    INSERT INTO "ForecastMonthly" ("orgId", "variant", "orgUnitId", "category", "month", "amountCents", "source")
    SELECT ${orgId}, ${variant}, d."orgUnitId", d."category", d."month", d."amountCents", d."source" FROM d WHERE NOT d."gone"
    ON CONFLICT ("orgId", "variant", "month", "orgUnitId", "category") DO UPDATE
      SET "amountCents" = EXCLUDED."amountCents", "source" = EXCLUDED."source"`;
}

/**
 * Stores the org's forecast cells of `today`, live and of its latest publication, in `tx` (under
 * the org's lock for it, held to the commit). Call it last in a transaction, after every write.
 * `planMonths`: the transaction wrote plan lines of these months and no other table the forecast
 * reads; when the stored cells were current before it, only those months are stored again.
 * `ifStale`: nothing is done when the stored cells are current (the worker's refresh).
 */
export async function refreshForecastSummary(
  tx: Tx,
  orgId: string,
  today: Date = new Date(),
  planMonths: Date[] | null = null,
  ifStale = false,
): Promise<void> {
  const { base, current } = await beginRefresh(tx, orgId, FORECAST, today);
  const [org] = await tx.$queryRaw<{ startMonth: number; published: number | null }[]>`
    SELECT o."fiscalYearStartMonth" AS "startMonth",
           (SELECT MAX(p."version") FROM "PayPublication" p WHERE p."orgId" = o."id")::int AS "published"
    FROM "Organization" o WHERE o."id" = ${orgId}`;
  if (!org) return;
  const { from, to } = summaryMonths(today, org.startMonth);
  const same =
    current !== null &&
    current.published === org.published &&
    current.fromMonth?.getTime() === from.getTime() &&
    current.toMonth?.getTime() === to.getTime();
  if (ifStale && same) return;
  const window = { orgId, from, to, today, unitId: null };
  const variants = org.published === null ? [null] : [null, org.published];
  if (planMonths && same) {
    const months = [...new Set(planMonths.map((m) => monthStart(m).getTime()))].map((t) => new Date(t)).filter((m) => m >= from && m <= to);
    for (const m of months) for (const v of variants) await storeVariant(tx, { ...window, from: m, to: m, published: v }, v ?? 0, "window");
  } else {
    for (const v of variants) await storeVariant(tx, { ...window, published: v }, v ?? 0, "all");
    // Variants of earlier publications go (readers pinned to one compute it).
    await tx.$executeRaw`
      DELETE FROM "ForecastMonthly" WHERE "orgId" = ${orgId} AND "variant" <> 0 AND "variant" IS DISTINCT FROM ${org.published}::int`;
  }
  await writeStoredState(tx, orgId, FORECAST, base, today, { fromMonth: from, toMonth: to, published: org.published });
}

/**
 * Whether `w`'s forecast may be read from the stored cells: they are of today, of the org's
 * current data, of the window's months and of its variant. One statement.
 */
export async function forecastSummaryCovers(w: ForecastWindow): Promise<boolean> {
  if (w.from > w.to) return false;
  const s = await currentStoredState(w.orgId, FORECAST, w.today);
  return (
    s !== null &&
    s.fromMonth !== null &&
    s.toMonth !== null &&
    s.fromMonth <= w.from &&
    s.toMonth >= w.to &&
    (w.published == null || s.published === w.published)
  );
}
