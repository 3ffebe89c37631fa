import "server-only";

import { forecastCtes } from "@/lib/budgets/forecast-sql";
import { type ForecastWindow, monthStart } from "@/lib/budgets/forecast-window";
import { db, type Tx } from "@/lib/db";
import type { Db } from "@/lib/db-factory";
import type { DataTable } from "@/lib/figures-memo";
import { fiscalYearOf, fiscalYearRange, toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";

// The forecast kept by the writers (issue 23 item 1; migration forecast_summary). Computing the
// forecast (lib/budgets/forecast-sql.ts) reads people, positions, contracts, the plan and the
// ledger's run-rates: most of what the first finance view after a write waited for. So every
// transaction that writes one of the tables it reads stores the org's forecast cells again before
// it commits (`refreshForecastIfInputsWritten`, called by the action pipeline and by the pay
// publication), and a view reads the stored cells (`forecastSummaryCovers`) when they are of:
//   * today (the forecast moves with the day: open months, days in post, hiring delays);
//   * the org's current data: the summary records the sum of the org's data versions of
//     FORECAST_TABLES as they are once its transaction has committed (the versions bump at
//     commit, one per table written: migration org_data_version). A write that did not refresh
//     (a seed, psql, a script) or a concurrent one that committed after the refresh moves the
//     sum, and the view computes the forecast as before;
//   * the view's months, and the view's variant (live, or the published version it reads).
// So a stored cell is never read stale: at worst a view computes what it computed before. The job
// worker refreshes every org whose cells are not current every 10 minutes and after midnight
// (`refreshStaleForecastSummaries`), so the first view of the day reads them too.
// tests/integration/forecast-summary.test.ts proves the stored cells equal the computed ones
// after randomized writes of every kind, and each rule above.

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

/**
 * The stored forecast's own tables. A memo need not be keyed on them (lib/figures-memo.ts): their
 * rows are read only while they are current, i.e. as a function of FORECAST_TABLES and the day,
 * which a memoized forecast is keyed on already. (Keyed on them, a publication's refresh of the
 * published cells would drop every live figure memoized.)
 */
export const STORED_FORECAST_TABLES: readonly DataTable[] = ["ForecastMonthly", "ForecastSummary"];

/** The months a summary holds: the current month to the end of the next fiscal year (the views' usual span). */
export function summaryMonths(today: Date, startMonth: number): { from: Date; to: Date } {
  const next = fiscalYearRange(fiscalYearOf(today, startMonth) + 1, startMonth);
  return { from: monthStart(today), to: monthStart(next.end) };
}

// The stored sum of versions is of the tables after this transaction commits: those written now
// (noted in OrgDataChange under this transaction's id) bump once each then.
const versionAfterCommit = (orgId: string) => Prisma.sql`(
  (SELECT COALESCE(SUM("version"), 0) FROM "OrgDataVersion" WHERE "orgId" = ${orgId} AND "tbl" = ANY (${FORECAST_TABLES as string[]}::text[]))
  + (SELECT COUNT(*) FROM "OrgDataChange" WHERE "orgId" = ${orgId} AND "txid" = pg_current_xact_id()::text::bigint
       AND "tbl" = ANY (${FORECAST_TABLES as string[]}::text[])))`;

/** Stores one variant's cells: changed cells updated, new ones added, gone ones removed (one statement). */
async function storeVariant(tx: Tx, w: ForecastWindow, variant: number): Promise<void> {
  const { orgId } = w;
  await tx.$executeRaw`
    WITH ${forecastCtes(w)},
    gone AS (
      DELETE FROM "ForecastMonthly" f
      WHERE f."orgId" = ${orgId} AND f."variant" = ${variant}
        AND NOT EXISTS (SELECT 1 FROM fc WHERE fc."orgUnitId" = f."orgUnitId" AND fc."category" = f."category" AND fc."month" = f."month")
    )
    INSERT INTO "ForecastMonthly" ("orgId", "variant", "orgUnitId", "category", "month", "amountCents", "source")
    SELECT ${orgId}, ${variant}, fc."orgUnitId", fc."category", fc."month", fc."amountCents", fc."source" FROM fc
    ON CONFLICT ("orgId", "variant", "month", "orgUnitId", "category") DO UPDATE
      SET "amountCents" = EXCLUDED."amountCents", "source" = EXCLUDED."source"
      WHERE ("ForecastMonthly"."amountCents", "ForecastMonthly"."source") IS DISTINCT FROM (EXCLUDED."amountCents", EXCLUDED."source")`;
}

/**
 * Stores the org's forecast cells of `today`, live and of its latest publication, in `tx`. Takes
 * the org's forecast lock, held to the commit: refreshes of one org run one after the other, each
 * seeing the writes committed before it. Call it last in a transaction (after every write).
 */
export async function refreshForecastSummary(tx: Tx, orgId: string, today: Date = new Date()): Promise<void> {
  const [org] = await tx.$queryRaw<{ startMonth: number; published: number | null }[]>`
    WITH l AS (SELECT pg_advisory_xact_lock(hashtext(${`keel:forecast-summary:${orgId}`})) AS "locked")
    SELECT o."fiscalYearStartMonth" AS "startMonth",
           (SELECT MAX(p."version") FROM "PayPublication" p WHERE p."orgId" = o."id")::int AS "published"
    FROM l CROSS JOIN "Organization" o WHERE o."id" = ${orgId}`;
  if (!org) return;
  const { from, to } = summaryMonths(today, org.startMonth);
  const window = { orgId, from, to, today, unitId: null };
  await storeVariant(tx, { ...window, published: null }, 0);
  if (org.published !== null) await storeVariant(tx, { ...window, published: org.published }, org.published);
  // Variants of earlier publications go (readers pinned to one read the forecast computed).
  await tx.$executeRaw`
    DELETE FROM "ForecastMonthly" WHERE "orgId" = ${orgId} AND "variant" <> 0 AND "variant" IS DISTINCT FROM ${org.published}::int`;
  await tx.$executeRaw`
    INSERT INTO "ForecastSummary" ("orgId", "day", "fromMonth", "toMonth", "published", "inputsVersion", "refreshedAt")
    VALUES (${orgId}, ${toDateString(today)}::date, ${toDateString(from)}::date, ${toDateString(to)}::date, ${org.published}::int,
            ${versionAfterCommit(orgId)}, now())
    ON CONFLICT ("orgId") DO UPDATE SET "day" = EXCLUDED."day", "fromMonth" = EXCLUDED."fromMonth", "toMonth" = EXCLUDED."toMonth",
      "published" = EXCLUDED."published", "inputsVersion" = EXCLUDED."inputsVersion", "refreshedAt" = EXCLUDED."refreshedAt"`;
}

/** Refreshes the org's forecast cells when this transaction wrote a table the forecast reads. */
export async function refreshForecastIfInputsWritten(tx: Tx, orgId: string, today: Date = new Date()): Promise<boolean> {
  const [w] = await tx.$queryRaw<{ wrote: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "OrgDataChange" WHERE "orgId" = ${orgId} AND "txid" = pg_current_xact_id()::text::bigint
                     AND "tbl" = ANY (${FORECAST_TABLES as string[]}::text[])) AS "wrote"`;
  if (!w.wrote) return false;
  await refreshForecastSummary(tx, orgId, today);
  return true;
}

/**
 * Whether `w`'s forecast may be read from the stored cells: they are of today, of the org's
 * current data, of the window's months and of its variant. One statement.
 */
export async function forecastSummaryCovers(w: ForecastWindow): Promise<boolean> {
  if (w.from > w.to) return false;
  const [s] = await db.$queryRaw<{ usable: boolean }[]>`
    SELECT (s."day" = ${toDateString(w.today)}::date AND s."fromMonth" <= ${toDateString(w.from)}::date AND s."toMonth" >= ${toDateString(w.to)}::date
            AND (${w.published ?? null}::int IS NULL OR s."published" = ${w.published ?? null}::int)
            AND s."inputsVersion" = (SELECT COALESCE(SUM("version"), 0) FROM "OrgDataVersion"
                                      WHERE "orgId" = s."orgId" AND "tbl" = ANY (${FORECAST_TABLES as string[]}::text[]))) AS "usable"
    FROM "ForecastSummary" s WHERE s."orgId" = ${w.orgId}`;
  return s?.usable ?? false;
}

/**
 * Refreshes, each in its own transaction, every org whose stored cells are missing, of another
 * day or of older data (the job worker, every 10 minutes: the day's first views then read them).
 * Returns how many were refreshed.
 */
export async function refreshStaleForecastSummaries(client: Db = db, today: Date = new Date(), stop = () => false): Promise<number> {
  const stale = await client.$queryRaw<{ id: string }[]>`
    SELECT o."id" FROM "Organization" o LEFT JOIN "ForecastSummary" s ON s."orgId" = o."id"
    WHERE s."orgId" IS NULL OR s."day" <> ${toDateString(today)}::date
       OR s."inputsVersion" <> (SELECT COALESCE(SUM("version"), 0) FROM "OrgDataVersion"
                                 WHERE "orgId" = o."id" AND "tbl" = ANY (${FORECAST_TABLES as string[]}::text[]))
    ORDER BY o."id"`;
  let n = 0;
  for (const { id } of stale) {
    if (stop()) break;
    await client.$transaction((tx) => refreshForecastSummary(tx, id, today), { timeout: 120_000, maxWait: 30_000 });
    n++;
  }
  return n;
}
