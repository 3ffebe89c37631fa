import { type ActionContext, defineAction } from "@/lib/action";
import { noticeImportFinished, noticeRefusedImport } from "@/lib/notifications/import-result";
import { type CsvHeader, PLAN_COLUMNS, parsePlanRecord, readCsvRows, type PlanLine } from "@/lib/budgets/csv";
import { checkHeader, loadCodeMap, RowErrors } from "@/lib/budgets/import-rows";
import { ZImportFileInput } from "@/lib/budgets/schemas";
import { uploadPath } from "@/lib/budgets/upload";
import type { Tx } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { fiscalYearOf } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import { ORG_MONEY_LIMIT_CENTS } from "@/lib/money";
import { lockOrgMoney, orgMoneyTotal, overLimitMessage } from "@/lib/money-limit";
import { HIDDEN_PLAN_LINE_MESSAGE, hiddenPersonnelPlanUnits } from "@/lib/privacy/plan-lines";

// Plan import (columns: month, cost centre code, category, amount): the same all-or-nothing,
// two-pass streaming rules as the ledger import. A line sets the plan of its unit × category ×
// month (replacing what was there); the same cell twice in one file is refused. Recorded as an
// ImportBatch of kind BUDGET with one audit event; plan imports are not revertible (plan lines
// carry no batch id) — edit or re-import instead.

const INSERT_BATCH = 2000;

async function upsertPlan(tx: Tx, orgId: string, lines: PlanLine[], codes: Map<string, string>) {
  if (lines.length === 0) return 0;
  const values = lines.map(
    (l) =>
      Prisma.sql`(gen_random_uuid()::text, ${orgId}, ${codes.get(l.code.toUpperCase())}, ${l.month}::date, ${l.category}::"BudgetCategory", ${l.amountCents}, now())`,
  );
  return tx.$executeRaw`
    INSERT INTO "BudgetLine" ("id", "orgId", "orgUnitId", "month", "category", "amountCents", "updatedAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("orgId", "orgUnitId", "month", "category") DO UPDATE SET "amountCents" = EXCLUDED."amountCents", "updatedAt" = now()`;
}

/**
 * The org's plan after the import within the money limit (lib/money-limit.ts), or a refusal
 * naming the row that crosses it: the plan lines the file does not replace, then the file's rows
 * in order. Runs after the upserts, under the plan's money lock, so the total is exact.
 */
async function checkPlanLimitOrThrow(tx: Tx, orgId: string, sizes: [number, bigint][], currency: string) {
  await lockOrgMoney(tx, orgId, "plan");
  const total = await orgMoneyTotal(tx, orgId, "plan");
  if (total <= ORG_MONEY_LIMIT_CENTS) return;
  let running = total - sizes.reduce((a, [, c]) => a + c, 0n);
  const crossing = sizes.find(([, c]) => (running += c) > ORG_MONEY_LIMIT_CENTS)?.[0];
  const message = overLimitMessage("plan", currency);
  throw invalid(
    { file: [`Row ${crossing ?? 2}: amount takes the total past the limit. ${message}`] },
    `The file was not imported. ${message}`,
  );
}

/**
 * How a source's row becomes a plan line: the line, the reasons it is refused, or null for a row
 * the source's mapping skips (a total line, an ignored account).
 */
export type PlanRowParser = (cells: string[], header: CsvHeader, known: (code: string) => boolean) => PlanLine | string[] | null;
type RowSource = () => AsyncIterable<[number, string[], CsvHeader]>;

export const importPlan = defineAction({
  name: "budgets.import",
  permission: "budgets:write",
  input: ZImportFileInput,
  timeoutMs: 5 * 60_000,
  // Only ever `run` by route handlers (the upload route, the API), never called from a browser:
  // the page that uploaded refreshes itself.
  revalidate: false,
  // A refused file (bad rows, a conflict) tells the importer what was wrong, from every entry point.
  afterRefusal: noticeRefusedImport("plan"),
  async handler(ctx, { uploadId, fileName }) {
    const filePath = uploadPath(uploadId);
    const keelLayout = (): PlanRowParser => {
      let first = true;
      return (cells, header, known) => {
        if (first) checkHeader(header, PLAN_COLUMNS);
        first = false;
        return parsePlanRecord(cells, header, known);
      };
    };
    return runPlanImport(ctx, fileName, () => readCsvRows(filePath), keelLayout);
  },
});

export type PlanImportResult = { batchId: string; rowCount: number; insertedCount: number; skippedCount: number };

/**
 * THE plan import, whatever the file's layout: Keel's own CSV (importPlan) or a mapped plan
 * (lib/imports/import-mapped-plan.ts) feed their rows through here. Two streaming passes over
 * the source (`open` reads it afresh; `parser` makes a row parser for each pass): the first
 * checks every row, the second writes. "check" runs both and the money limit, then rolls the
 * writes back to a savepoint: the same refusals as the import, nothing written.
 */
export async function runPlanImport(
  ctx: ActionContext,
  fileName: string,
  open: RowSource,
  parser: () => PlanRowParser,
): Promise<PlanImportResult>;
export async function runPlanImport(
  ctx: ActionContext,
  fileName: string,
  open: RowSource,
  parser: () => PlanRowParser,
  mode: "check",
): Promise<{ rowCount: number }>;
export async function runPlanImport(
  ctx: ActionContext,
  fileName: string,
  open: RowSource,
  parser: () => PlanRowParser,
  mode: "import" | "check" = "import",
): Promise<PlanImportResult | { rowCount: number }> {
  const orgId = ctx.org.id;
  const codes = await loadCodeMap(ctx.tx, orgId);
  const known = (code: string) => codes.has(code.toUpperCase());
  // Cells seen so far (unit × category × month: bounded by the plan's size, not the file's).
  const seen = new Map<string, number>();
  // Withheld PERSONNEL lines per fiscal year, for an importer without pay access (lib/privacy/plan-lines.ts).
  const hidden = new Map<number, Promise<ReadonlySet<string>>>();
  const today = new Date();
  const hiddenIn = (fy: number) => {
    if (!hidden.has(fy)) hidden.set(fy, hiddenPersonnelPlanUnits(ctx.actor, orgId, fy, ctx.org.fiscalYearStartMonth, today, ctx.tx));
    return hidden.get(fy)!;
  };
  // Each row's |amount| in file order, to name the row that crosses the org's money limit.
  const sizes: [number, bigint][] = [];
  const errors = new RowErrors();
  let rowCount = 0;
  const check = parser();
  for await (const [row, cells, header] of open()) {
    const line = check(cells, header, known);
    if (line === null) continue;
    rowCount++;
    if (Array.isArray(line)) {
      errors.add(row, line);
      continue;
    }
    const key = `${line.code.toUpperCase()}|${line.category}|${line.month.toISOString()}`;
    const first = seen.get(key);
    if (first) {
      errors.add(row, [`the same cost centre, category and month as row ${first}`]);
      continue;
    }
    seen.set(key, row);
    sizes.push([row, line.amountCents < 0n ? -line.amountCents : line.amountCents]);
    if (line.category === "PERSONNEL" && !ctx.actor.readsPay) {
      const units = await hiddenIn(fiscalYearOf(line.month, ctx.org.fiscalYearStartMonth));
      if (units.has(codes.get(line.code.toUpperCase())!)) errors.add(row, [HIDDEN_PLAN_LINE_MESSAGE]);
    }
  }
  errors.check(rowCount);

  if (mode === "check") await ctx.tx.$executeRaw`SAVEPOINT plan_check`;
  let written = 0;
  let pending: PlanLine[] = [];
  const write = parser();
  for await (const [, cells, header] of open()) {
    const line = write(cells, header, known);
    if (line === null) continue;
    if (Array.isArray(line)) throw new Error("Upload changed between validation and insert");
    pending.push(line);
    if (pending.length >= INSERT_BATCH) {
      written += await upsertPlan(ctx.tx, orgId, pending, codes);
      pending = [];
    }
  }
  written += await upsertPlan(ctx.tx, orgId, pending, codes);
  await checkPlanLimitOrThrow(ctx.tx, orgId, sizes, ctx.org.currency);
  if (mode === "check") {
    await ctx.tx.$executeRaw`ROLLBACK TO SAVEPOINT plan_check`;
    return { rowCount };
  }
  const batch = await ctx.tx.importBatch.create({
    data: { orgId, kind: "BUDGET", fileName, rowCount, insertedCount: written, createdById: ctx.actor.userId },
    select: { id: true },
  });
  const result = { batchId: batch.id, rowCount, insertedCount: written, skippedCount: 0 };
  await ctx.audit({ entityType: "ImportBatch", entityId: batch.id, after: { kind: "BUDGET", fileName, ...result } });
  await noticeImportFinished(ctx.tx, { orgId, orgSlug: ctx.org.slug, userId: ctx.actor.userId, kind: "plan", fileName, ...result });
  return result;
}
