import type { Tx } from "@/lib/db";

// The one write of imported ledger lines (lib/budgets/import-actuals.ts streams a file into it
// batch by batch): a batch held column by column, sent as one INSERT … SELECT FROM unnest.

/** One batch of ledger lines, column by column (resolved ids, not codes or names). */
type ActualsColumns = {
  unitIds: string[];
  days: string[];
  categories: string[];
  cents: string[];
  vendorIds: (string | null)[];
  memos: string[];
  refs: (string | null)[];
};

export const emptyColumns = (): ActualsColumns => ({
  unitIds: [],
  days: [],
  categories: [],
  cents: [],
  vendorIds: [],
  memos: [],
  refs: [],
});

/**
 * THE write of imported ledger lines (anything derived from ActualEntry that must follow an
 * import hooks in here; the monthly summary ActualMonthly follows by itself: a trigger adds the
 * lines this statement really inserted, not the skipped duplicates). One array parameter per
 * column (unnest): the statement text is the same for every batch. Ids are the batch id plus the
 * line's ordinal, so they arrive in key order and the primary-key index grows at its right edge
 * instead of at thousands of random pages.
 * Each column goes over as ONE text parameter in PostgreSQL's array syntax (pgTextArray), cast
 * to an array in SQL: passed as JS arrays, Prisma's query compiler handles every value of the
 * batch one by one; as seven strings it handles seven.
 * `numbered`: the refs are derived from what a line says, and the n-th line of the file with one
 * ref gets "<ref>/<n>" (n > 1), counted across batches in a temporary table of the transaction.
 * Returns the number of lines inserted (duplicates of an external reference are skipped).
 */
export async function insertActualsBatch(
  tx: Tx,
  orgId: string,
  batchId: string,
  firstOrdinal: number,
  c: ActualsColumns,
  numbered: boolean,
): Promise<number> {
  if (c.unitIds.length === 0) return 0;
  const [units, days, categories, cents, vendors, memos, refs] = [
    c.unitIds,
    c.days,
    c.categories,
    c.cents,
    c.vendorIds,
    c.memos,
    c.refs,
  ].map(pgTextArray);
  if (!numbered)
    return tx.$executeRaw`
    INSERT INTO "ActualEntry" ("id", "orgId", "orgUnitId", "bookedOn", "category", "amountCents", "vendorId", "memo", "externalRef", "importBatchId")
    SELECT ${batchId} || '-' || lpad((${firstOrdinal}::int + t."ord")::text, 9, '0'), ${orgId}, t."unit", t."day", t."category"::"BudgetCategory", t."cents", t."vendor", t."memo", t."ref", ${batchId}
    FROM unnest(
      ${units}::text[], ${days}::date[], ${categories}::text[], ${cents}::bigint[], ${vendors}::text[], ${memos}::text[], ${refs}::text[]
    ) WITH ORDINALITY AS t("unit", "day", "category", "cents", "vendor", "memo", "ref", "ord")
    ON CONFLICT ("orgId", "externalRef") DO NOTHING`;
  // A line's occurrence = the file's earlier lines with its ref (the repeats table, before this
  // batch: its count after, less this batch's) + its place among this batch's.
  return tx.$executeRaw`
    WITH t AS (
      SELECT u.*, count(*) OVER (PARTITION BY u."ref") AS "inBatch", row_number() OVER (PARTITION BY u."ref" ORDER BY u."ord") AS "k"
      FROM unnest(
        ${units}::text[], ${days}::date[], ${categories}::text[], ${cents}::bigint[], ${vendors}::text[], ${memos}::text[], ${refs}::text[]
      ) WITH ORDINALITY AS u("unit", "day", "category", "cents", "vendor", "memo", "ref", "ord")
    ), seen AS (
      INSERT INTO pg_temp."ledger_import_repeats" AS s ("ref", "n")
      SELECT "ref", count(*) FROM t GROUP BY "ref"
      ON CONFLICT ("ref") DO UPDATE SET "n" = s."n" + EXCLUDED."n"
      RETURNING s."ref", s."n"
    )
    INSERT INTO "ActualEntry" ("id", "orgId", "orgUnitId", "bookedOn", "category", "amountCents", "vendorId", "memo", "externalRef", "importBatchId")
    SELECT ${batchId} || '-' || lpad((${firstOrdinal}::int + t."ord")::text, 9, '0'), ${orgId}, t."unit", t."day", t."category"::"BudgetCategory", t."cents", t."vendor", t."memo",
      CASE WHEN seen."n" - t."inBatch" + t."k" = 1 THEN t."ref" ELSE t."ref" || '/' || (seen."n" - t."inBatch" + t."k") END, ${batchId}
    FROM t JOIN seen ON seen."ref" = t."ref"
    ORDER BY t."ord"
    ON CONFLICT ("orgId", "externalRef") DO NOTHING`;
}

const NEEDS_ESCAPE = /["\\]/;

/**
 * A text array in PostgreSQL's array input syntax: every element double-quoted with `"` and `\`
 * backslash-escaped (so commas, braces, quotes, spaces and line breaks inside a value survive
 * exactly), null as the unquoted NULL. Values never contain NUL (cellShapeErrors refuses it).
 */
function pgTextArray(values: readonly (string | null)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ",";
    out += v === null ? "NULL" : `"${NEEDS_ESCAPE.test(v) ? v.replace(/["\\]/g, "\\$&") : v}"`;
  }
  return `${out}}`;
}
