import { defineAction } from "@/lib/action";
import { doubledColumns, readCsvRecords, ACTUALS_COLUMNS, parseActualsRecord, type ActualsLine } from "@/lib/budgets/csv";
import { ZImportFileInput } from "@/lib/budgets/schemas";
import { uploadPath } from "@/lib/budgets/upload";
import type { Tx } from "@/lib/db";
import { invalid } from "@/lib/errors";

// Ledger import, all or nothing, in two streaming passes over the uploaded file:
//   1. validate every row (nothing is written; every bad row is reported with its row number);
//   2. insert in batches of INSERT_BATCH rows with multi-row INSERTs, inside the action's one
//      transaction. `ON CONFLICT ("orgId", "externalRef") DO NOTHING` skips lines whose external
//      reference was already imported (or repeats within the file): they are counted, never
//      double-counted.
// Only one batch of rows is in memory at a time, so 100,000-line files import in flat memory.

const INSERT_BATCH = 5000;
/** How many row errors are listed; the rest are counted. */
const MAX_LISTED_ERRORS = 100;
const MAX_NEW_VENDORS = 500;

export type ImportResult = { batchId: string; rowCount: number; insertedCount: number; skippedCount: number };

export async function loadCodeMap(tx: Tx, orgId: string): Promise<Map<string, string>> {
  const units = await tx.orgUnit.findMany({ where: { orgId }, select: { id: true, code: true } });
  return new Map(units.map((u) => [u.code.toUpperCase(), u.id]));
}

/** Pass 1: every row, every reason. Throws a VALIDATION AppError listing row numbers. */
export async function validateFile(
  filePath: string,
  columns: readonly string[],
  check: (record: Record<string, string>) => unknown,
): Promise<number> {
  const errors: string[] = [];
  let bad = 0;
  let rows = 0;
  let headerChecked = false;
  for await (const [row, record] of readCsvRecords(filePath)) {
    if (!headerChecked) {
      headerChecked = true;
      const missing = columns.filter((c) => !(c in record));
      const doubled = doubledColumns(Object.keys(record), columns);
      if (missing.length || doubled.length) {
        const problem = missing.length ? `Missing column(s): ${missing.join(", ")}.` : `Column(s) named twice in the header: ${doubled.join(", ")}.`;
        throw invalid({ file: [`${problem} Expected: ${columns.join(", ")}.`] }, "The file's header row is not right; nothing was imported.");
      }
    }
    rows++;
    const result = check(record);
    if (Array.isArray(result)) {
      bad++;
      if (errors.length < MAX_LISTED_ERRORS) errors.push(`Row ${row}: ${result.join("; ")}`);
    }
  }
  if (rows === 0) throw invalid({ file: ["The file has no data rows."] }, "The file is empty; nothing was imported.");
  if (bad > 0) {
    if (bad > errors.length) errors.push(`…and ${bad - errors.length} more bad row(s).`);
    throw invalid({ file: errors }, `${bad} of ${rows} row(s) are not valid, so nothing was imported. Fix them and upload the file again.`);
  }
  return rows;
}

async function insertActuals(tx: Tx, orgId: string, batchId: string, lines: ActualsLine[], codes: Map<string, string>, vendors: Map<string, string>) {
  if (lines.length === 0) return 0;
  // One array parameter per column (unnest) rather than one parameter per value: binding 8 arrays
  // is far cheaper than 50,000 scalars, and the statement text stays the same for every batch.
  const col = <T>(f: (l: ActualsLine) => T) => lines.map(f);
  return tx.$executeRaw`
    INSERT INTO "ActualEntry" ("id", "orgId", "orgUnitId", "bookedOn", "category", "amountCents", "vendorId", "memo", "externalRef", "importBatchId")
    SELECT gen_random_uuid()::text, ${orgId}, t."unit", t."day", t."category"::"BudgetCategory", t."cents", t."vendor", t."memo", t."ref", ${batchId}
    FROM unnest(
      ${col((l) => codes.get(l.code.toUpperCase()) ?? null)}::text[],
      ${col((l) => l.bookedOn.toISOString().slice(0, 10))}::date[],
      ${col((l) => l.category as string)}::text[],
      ${col((l) => l.amountCents.toString())}::bigint[],
      ${col((l) => vendors.get(l.vendor.toLowerCase()) ?? null)}::text[],
      ${col((l) => l.memo)}::text[],
      ${col((l) => l.externalRef)}::text[]
    ) AS t("unit", "day", "category", "cents", "vendor", "memo", "ref")
    ON CONFLICT ("orgId", "externalRef") DO NOTHING`;
}

export const importActuals = defineAction({
  name: "actuals.import",
  permission: "actuals:write",
  input: ZImportFileInput,
  timeoutMs: 10 * 60_000,
  async handler(ctx, { uploadId, fileName }) {
    const filePath = uploadPath(uploadId);
    const orgId = ctx.org.id;
    const codes = await loadCodeMap(ctx.tx, orgId);
    const known = (code: string) => codes.has(code.toUpperCase());
    const loadVendors = async () =>
      new Map((await ctx.tx.vendor.findMany({ where: { orgId }, select: { id: true, name: true } })).map((v) => [v.name.toLowerCase(), v.id]));
    let vendors = await loadVendors();
    // Vendor names the org does not know yet become vendors (matched case-insensitively), so
    // spend per vendor is complete. Bounded: a file may introduce at most MAX_NEW_VENDORS.
    const newVendors = new Map<string, string>();
    const rowCount = await validateFile(filePath, ACTUALS_COLUMNS, (r) => {
      const line = parseActualsRecord(r, known);
      if (Array.isArray(line) || !line.vendor) return line;
      const key = line.vendor.toLowerCase();
      if (vendors.has(key) || newVendors.has(key)) return line;
      if (newVendors.size >= MAX_NEW_VENDORS) return [`more than ${MAX_NEW_VENDORS} vendor names that are not vendors yet; add vendors first`];
      newVendors.set(key, line.vendor);
      return line;
    });
    if (newVendors.size > 0) {
      await ctx.tx.vendor.createMany({ data: [...newVendors.values()].map((name) => ({ orgId, name })), skipDuplicates: true });
      vendors = await loadVendors();
    }
    const batch = await ctx.tx.importBatch.create({
      data: { orgId, kind: "ACTUALS", fileName, rowCount, insertedCount: 0, createdById: ctx.actor.userId },
      select: { id: true },
    });

    let inserted = 0;
    let pending: ActualsLine[] = [];
    for await (const [, record] of readCsvRecords(filePath)) {
      // Pass 1 proved every row valid; a file changed in between would fail here and roll back.
      const line = parseActualsRecord(record, known);
      if (Array.isArray(line)) throw new Error("Upload changed between validation and insert");
      pending.push(line);
      if (pending.length >= INSERT_BATCH) {
        inserted += await insertActuals(ctx.tx, orgId, batch.id, pending, codes, vendors);
        pending = [];
      }
    }
    inserted += await insertActuals(ctx.tx, orgId, batch.id, pending, codes, vendors);

    const result = { batchId: batch.id, rowCount, insertedCount: inserted, skippedCount: rowCount - inserted, newVendorCount: newVendors.size };
    await ctx.tx.importBatch.update({ where: { id: batch.id }, data: { insertedCount: inserted, skippedCount: rowCount - inserted } });
    await ctx.audit({ entityType: "ImportBatch", entityId: batch.id, after: { kind: "ACTUALS", fileName, ...result } });
    return result;
  },
});
