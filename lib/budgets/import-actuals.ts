import { type ActionContext, defineAction } from "@/lib/action";
import { ACTUALS_COLUMNS, type ActualsLine, type CsvHeader, parseActualsRecord, readCsvRows } from "@/lib/budgets/csv";
import { checkHeader, loadCodeMap, RowErrors } from "@/lib/budgets/import-rows";
import { lockLedger } from "@/lib/budgets/ledger-lock";
import { ZImportFileInput } from "@/lib/budgets/schemas";
import { uploadPath } from "@/lib/budgets/upload";
import { emptyColumns, insertActualsBatch } from "@/lib/budgets/ledger-insert";
import { conflict } from "@/lib/errors";
import { ORG_MONEY_LIMIT_CENTS } from "@/lib/money";
import { lockOrgMoney, orgMoneyTotal, overLimitMessage } from "@/lib/money-limit";
import { noticeImportFinished, noticeRefusedImport } from "@/lib/notifications/import-result";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

// Ledger import, all or nothing, in ONE streaming pass over the uploaded file inside the
// action's one transaction: rows are checked and written in batches of INSERT_BATCH as they
// are read. The first bad row stops the writing (the rest is still checked, so every bad row is
// reported with its row number) and the transaction rolls back: nothing of a bad file is kept.
// `ON CONFLICT ("orgId", "externalRef") DO NOTHING` skips lines whose external reference was
// already imported (or repeats within the file): they are counted, never double-counted.
// Only one batch is being filled at a time, as one array per column, so memory stays flat.
//
// Reading overlaps writing: a batch's INSERT is sent and the next batch is parsed while the
// database works on it (one statement in flight at a time: the transaction has one connection).
// The INSERT is the database's work (per line: the heap, 4–5 index entries, 4 foreign-key checks),
// the parsing is Node's; on two cores they take about as long as the slower of the two.

// Two batches are alive at once (one being sent, one being filled), and Prisma copies a
// statement's parameters several times: 5,000 keeps peak memory where one 10,000 batch had it.
const INSERT_BATCH = 5_000;
const MAX_NEW_VENDORS = 500;

export type LedgerImportResult = { batchId: string; rowCount: number; insertedCount: number; skippedCount: number; newVendorCount: number };
export type LedgerCheckResult = { rowCount: number; newVendorCount: number };

/**
 * How a source's row becomes a ledger line: the line, the reasons it is refused, or null for a
 * row the source's mapping skips (a total line, an ignored account). `known` says whether a
 * cost centre code is an open org unit of the org.
 * `numbersRepeats`: the source derives each line's external reference from what the line says,
 * so two identical lines of one file are two real lines (two equal charges on one day): the n-th
 * gets "<ref>/<n>" as it is written, and a file imported again still skips every line. Without
 * it a reference is the file's own, and a repeat within the file is skipped like any other.
 */
export type LedgerRowParser = ((cells: string[], header: CsvHeader, known: (code: string) => boolean) => ActualsLine | string[] | null) & {
  numbersRepeats?: boolean;
};

export const importActuals = defineAction({
  name: "actuals.import",
  permission: "actuals:write",
  input: ZImportFileInput,
  timeoutMs: 10 * 60_000,
  // Only ever `run` by route handlers (the upload route, the API), never called from a browser:
  // the page that uploaded refreshes itself.
  revalidate: false,
  // A refused file (bad rows, a conflict) tells the importer what was wrong, from every entry point.
  afterRefusal: noticeRefusedImport("actuals"),
  moneyChecked: ["ledger"],
  async handler(ctx, { uploadId, fileName }) {
    let first = true;
    return runLedgerImport(ctx, fileName, readCsvRows(uploadPath(uploadId)), (cells, header, known) => {
      if (first) {
        checkHeader(header, ACTUALS_COLUMNS);
        first = false;
      }
      return parseActualsRecord(cells, header, known);
    });
  },
});

/**
 * THE ledger import, whatever the file's layout: Keel's own CSV (importActuals) or a mapped
 * ledger export (lib/imports/import-mapped-actuals.ts) feed their rows through here, so both are
 * one streaming, all-or-nothing pass with the same checks, limits and write.
 */
export async function runLedgerImport(
  ctx: ActionContext,
  fileName: string,
  source: AsyncIterable<[number, string[], CsvHeader]>,
  parse: LedgerRowParser,
): Promise<LedgerImportResult>;
/** Only checks every row ("check"): the same reading and refusals, nothing written. */
export async function runLedgerImport(
  ctx: ActionContext,
  fileName: string,
  source: AsyncIterable<[number, string[], CsvHeader]>,
  parse: LedgerRowParser,
  mode: "check",
): Promise<LedgerCheckResult>;
export async function runLedgerImport(
  ctx: ActionContext,
  fileName: string,
  source: AsyncIterable<[number, string[], CsvHeader]>,
  parse: LedgerRowParser,
  mode: "import" | "check" = "import",
): Promise<LedgerImportResult | LedgerCheckResult> {
  const checkOnly = mode === "check";
  const orgId = ctx.org.id;
  // Imports into one org run one at a time (the ledger summary's lock; lib/budgets/ledger-lock.ts).
  await lockLedger(ctx.tx, orgId);
  // The org's ledger stays within the money limit (lib/money-limit.ts): the lines already held
  // plus every row of the file (skipped duplicates too: an upper bound, so the pipeline need
  // not scan the ledger again), refused at the row that crosses it.
  await lockOrgMoney(ctx.tx, orgId, "ledger");
  let ledgerTotal = await orgMoneyTotal(ctx.tx, orgId, "ledger");
  let overLimitRow = false;
  const codes = await loadCodeMap(ctx.tx, orgId);
  const known = (code: string) => codes.has(code.toUpperCase());
  // Vendor names the org does not know yet become vendors (matched case-insensitively), so
  // spend per vendor is complete. Bounded: a file may introduce at most MAX_NEW_VENDORS.
  const vendors = new Map(
    (await ctx.tx.vendor.findMany({ where: { orgId }, select: { id: true, name: true } })).map((v) => [v.name.toLowerCase(), v.id]),
  );
  const newVendors = new Map<string, string>();
  let vendorsToCreate: string[] = [];
  const batch = checkOnly
    ? { id: "" }
    : await ctx.tx.importBatch.create({
        data: { orgId, kind: "ACTUALS", fileName, rowCount: 0, insertedCount: 0, createdById: ctx.actor.userId },
        select: { id: true },
      });
  // Repeats are counted by the database, not in memory: a 100 MB file holds a million refs.
  // The table lives as long as the import's transaction.
  const numbered = !!parse.numbersRepeats;
  if (numbered && !checkOnly)
    await ctx.tx.$executeRaw`CREATE TEMP TABLE "ledger_import_repeats" ("ref" text PRIMARY KEY, "n" integer NOT NULL) ON COMMIT DROP`;

  const errors = new RowErrors();
  let rows = 0;
  let inserted = 0;
  let written = 0;
  let pending = emptyColumns();
  // Pending vendor names are only known by name until created: their lines wait in `pending`
  // with the lower-cased name in vendorIds, resolved to ids just before the batch is written.
  const pendingNames: (string | null)[] = [];
  // The batch INSERT being executed while the next batch is parsed. Awaited (its count added)
  // before anything else is sent on the transaction, and before the action ends either way.
  let inFlight = null as Promise<number> | null;
  const settle = async () => {
    const p = inFlight;
    inFlight = null;
    if (p) inserted += await p;
  };
  const flush = async () => {
    await settle();
    if (vendorsToCreate.length) {
      await ctx.tx.vendor.createMany({ data: vendorsToCreate.map((name) => ({ orgId, name })), skipDuplicates: true });
      const created = await ctx.tx.vendor.findMany({ where: { orgId, name: { in: vendorsToCreate } }, select: { id: true, name: true } });
      for (const v of created) vendors.set(v.name.toLowerCase(), v.id);
      vendorsToCreate = [];
    }
    pendingNames.forEach((key, i) => {
      if (key !== null) pending.vendorIds[i] = vendors.get(key) ?? null;
    });
    inFlight = insertActualsBatch(ctx.tx, orgId, batch.id, written, pending, numbered);
    // Rejections are taken by settle(); this only stops an unhandled-rejection report while parsing.
    inFlight.catch(() => {});
    written += pending.unitIds.length;
    pending = emptyColumns();
    pendingNames.length = 0;
  };

  try {
    for await (const [row, cells, header] of source) {
      const line = parse(cells, header, known);
      if (line === null) continue;
      rows++;
      if (Array.isArray(line)) {
        errors.add(row, line);
        continue;
      }
      ledgerTotal += line.amountCents < 0n ? -line.amountCents : line.amountCents;
      if (ledgerTotal > ORG_MONEY_LIMIT_CENTS && !overLimitRow) {
        overLimitRow = true;
        errors.add(row, [`amount takes the total past the limit. ${overLimitMessage("ledger", ctx.org.currency)}`]);
        continue;
      }
      const key = line.vendor ? line.vendor.toLowerCase() : null;
      if (key !== null && !vendors.has(key) && !newVendors.has(key)) {
        if (newVendors.size >= MAX_NEW_VENDORS) {
          errors.add(row, [`more than ${MAX_NEW_VENDORS} vendor names that are not vendors yet; add vendors first`]);
          continue;
        }
        newVendors.set(key, line.vendor);
        vendorsToCreate.push(line.vendor);
      }
      if (errors.bad > 0 || checkOnly) continue; // nothing more is written; the rest is only checked
      pending.unitIds.push(codes.get(line.code.toUpperCase())!);
      pending.days.push(line.bookedOn.toISOString().slice(0, 10));
      pending.categories.push(line.category);
      pending.cents.push(line.amountCents.toString());
      pending.vendorIds.push(key === null ? null : (vendors.get(key) ?? null));
      pendingNames.push(key !== null && !vendors.has(key) ? key : null);
      pending.memos.push(line.memo);
      pending.refs.push(line.externalRef);
      if (pending.unitIds.length >= INSERT_BATCH) await flush();
    }
    await settle();
    errors.check(rows); // throws: the action's transaction rolls back what was written
    if (checkOnly) return { rowCount: rows, newVendorCount: newVendors.size };
    await flush();
    await settle();
  } catch (e) {
    // The rollback must not overtake a statement still running on the transaction.
    await inFlight?.catch(() => 0);
    throw e;
  }

  // A file whose every line is already in adds nothing: no empty batch ("Completed, 0 imported")
  // is left behind; the refusal rolls back the batch row and any vendor it created.
  if (inserted === 0)
    throw conflict(
      `Nothing new: all ${rows} ${rows === 1 ? "row was" : "rows were"} already imported (same external reference). Nothing was written.`,
    );
  const result: LedgerImportResult = {
    batchId: batch.id,
    rowCount: rows,
    insertedCount: inserted,
    skippedCount: rows - inserted,
    newVendorCount: newVendors.size,
  };
  await ctx.tx.importBatch.update({
    where: { id: batch.id },
    data: { rowCount: rows, insertedCount: inserted, skippedCount: rows - inserted },
  });
  await ctx.audit({ entityType: "ImportBatch", entityId: batch.id, after: { kind: "ACTUALS", fileName, ...result } });
  await emitWebhookEvent(ctx.tx, orgId, "import.completed", { kind: "ACTUALS", fileName, ...result });
  await noticeImportFinished(ctx.tx, { orgId, orgSlug: ctx.org.slug, userId: ctx.actor.userId, kind: "actuals", fileName, ...result });
  return result;
}
