import { type ActionContext, defineAction } from "@/lib/action";
import { cellShapeErrors, type CsvHeader, readCsvText } from "@/lib/budgets/csv";
import { AppError, invalid } from "@/lib/errors";
import { fiscalPeriod, isIsoDate } from "@/lib/fiscal";
import { utcDate } from "@/lib/headcount/position-helpers";
import { ZImportHiringPlanInput } from "@/lib/headcount/schemas";
import { parseMoneyToCents } from "@/lib/money";
import { noticeImportFinished, noticeRefusedImport } from "@/lib/notifications/import-result";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

// Hiring-plan CSV: title, level, org unit code, target start, annual compensation. All or
// nothing: every row is checked first and any bad row refuses the whole file, with every
// problem listed by its line number in the file (the header is line 1). Read by the one CSV
// reader (lib/budgets/csv.ts, as the ledger and plan imports); messages name a column as below.

const MAX_ROWS = 1000;
/** Normalised header name (normaliseHeader) → the name this import's messages use. */
const COLUMNS = {
  title: "title",
  level: "level",
  orgunitcode: "orgUnitCode",
  targetstart: "targetStart",
  annualcompensation: "annualCompensation",
} as const;
type Column = keyof typeof COLUMNS;
const EXPECTED = Object.keys(COLUMNS) as Column[];
const label = (name: string) => (Object.hasOwn(COLUMNS, name) ? COLUMNS[name as Column] : name);

/** A hiring-plan row as Keel's layout writes it, before its values are checked. */
export type HiringPlanRow = { title: string; level: string; code: string; targetStart: string; annualCompensation: string };
/** How a source's row becomes a hiring-plan row: the row, the reasons it is refused, or null for a row skipped on purpose. */
export type HiringPlanRowParser = (cells: string[], header: CsvHeader, known: (code: string) => boolean) => HiringPlanRow | string[] | null;

export const importHiringPlan = defineAction({
  name: "hiring-plan.import",
  permission: "positions:write",
  input: ZImportHiringPlanInput,
  // A refused file tells the importer what was wrong, as the ledger and plan imports do.
  afterRefusal: noticeRefusedImport("positions"),
  handler: async (ctx, input) => {
    let first = true;
    const { batchId, created } = await runHiringPlanImport(ctx, input.fileName, readCsvText(input.csv), (cells, header) => {
      if (first) checkColumnsOrThrow(header);
      first = false;
      const cell = (c: Column) => header.cell(cells, c).trim();
      // (NUL never gets here: the action pipeline refuses it in any input string.)
      const problems = cellShapeErrors(cells, header);
      if (problems.length) return problems;
      return {
        title: cell("title"),
        level: cell("level"),
        code: cell("orgunitcode"),
        targetStart: cell("targetstart"),
        annualCompensation: cell("annualcompensation"),
      };
    });
    return { batchId, created };
  },
});

function checkColumnsOrThrow(header: CsvHeader) {
  const missing = header.missing(EXPECTED);
  const doubled = header.doubled(EXPECTED);
  if (!missing.length && !doubled.length) return;
  const problem = missing.length ? `Missing: ${missing.map(label).join(", ")}.` : `Named twice: ${doubled.map(label).join(", ")}.`;
  throw invalid(
    { file: [`The header must name these columns once each: title, level, org unit code, target start, annual compensation. ${problem}`] },
    "Nothing was imported.",
  );
}

/**
 * THE hiring-plan import, whatever the file's layout: Keel's own CSV (importHiringPlan) or a
 * mapped recruiting plan (lib/imports/import-mapped-positions.ts) feed their rows through here,
 * so both meet the same checks and the same write. "check" checks every row and writes nothing.
 */
export async function runHiringPlanImport(
  ctx: ActionContext,
  fileName: string,
  source: AsyncIterable<[number, string[], CsvHeader]>,
  parse: HiringPlanRowParser,
): Promise<{ batchId: string; created: number; rowCount: number }>;
export async function runHiringPlanImport(
  ctx: ActionContext,
  fileName: string,
  source: AsyncIterable<[number, string[], CsvHeader]>,
  parse: HiringPlanRowParser,
  mode: "check",
): Promise<{ rowCount: number }>;
export async function runHiringPlanImport(
  ctx: ActionContext,
  fileName: string,
  source: AsyncIterable<[number, string[], CsvHeader]>,
  parse: HiringPlanRowParser,
  mode: "import" | "check" = "import",
): Promise<{ batchId: string; created: number; rowCount: number } | { rowCount: number }> {
  const units = new Map(
    (await ctx.tx.orgUnit.findMany({ where: { orgId: ctx.org.id, closedOn: null }, select: { id: true, code: true } })).map((u) => [
      u.code.toUpperCase(),
      u.id,
    ]),
  );
  const errors: string[] = [];
  const inScope = new Map<string, boolean>();
  const data: {
    orgUnitId: string;
    title: string;
    level: string;
    targetStartDate: Date;
    annualCompCents: bigint;
    budgetFiscalYear: number;
    budgetFiscalQuarter: number;
  }[] = [];
  let rows = 0;
  for await (const [line, cells, header] of source) {
    const row = parse(cells, header, (code) => units.has(code.toUpperCase()));
    if (row === null) continue;
    if (++rows > MAX_ROWS) throw invalid({ file: [`At most ${MAX_ROWS} rows per file.`] }, "Nothing was imported.");
    if (Array.isArray(row)) {
      errors.push(`Row ${line}: ${row.join("; ")}.`);
      continue;
    }
    const problems: string[] = [];
    const { title, level, code, targetStart: start } = row;
    if (title.length < 2 || title.length > 120) problems.push("title must be 2–120 characters");
    if (!level || level.length > 20) problems.push("level is required (at most 20 characters)");
    const unitId = units.get(code.toUpperCase());
    if (!unitId) problems.push(code ? `org unit code "${code}" does not exist` : "org unit code is required");
    else {
      if (!inScope.has(unitId)) {
        try {
          await ctx.assertUnitInScope(unitId);
          inScope.set(unitId, true);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          inScope.set(unitId, false);
        }
      }
      if (!inScope.get(unitId)) problems.push(`org unit ${code} is outside the part of the organization you manage`);
    }
    if (!isIsoDate(start)) problems.push(`target start "${start}" is not a date (YYYY-MM-DD)`);
    const comp = parseMoneyToCents(row.annualCompensation);
    if (comp === null || comp <= 0n) problems.push(`annual compensation "${row.annualCompensation}" is not a positive amount`);
    if (problems.length) {
      errors.push(`Row ${line}: ${problems.join("; ")}.`);
      continue;
    }
    const period = fiscalPeriod(utcDate(start), ctx.org.fiscalYearStartMonth);
    data.push({
      orgUnitId: unitId!,
      title,
      level,
      targetStartDate: utcDate(start),
      annualCompCents: comp!,
      budgetFiscalYear: period.fiscalYear,
      budgetFiscalQuarter: period.quarter,
    });
  }
  if (rows === 0) throw invalid({ file: ["The file has no rows."] }, "Nothing was imported.");
  if (errors.length) {
    throw invalid({ file: errors }, `Nothing was imported: ${errors.length} row${errors.length === 1 ? " has" : "s have"} errors.`);
  }
  if (mode === "check") return { rowCount: rows };
  const batch = await ctx.tx.importBatch.create({
    data: { orgId: ctx.org.id, kind: "HIRING_PLAN", fileName, rowCount: rows, insertedCount: data.length, createdById: ctx.actor.userId },
    select: { id: true },
  });
  await ctx.tx.position.createMany({ data: data.map((d) => ({ ...d, orgId: ctx.org.id, status: "PLANNED" as const })) });
  await ctx.audit({ entityType: "ImportBatch", entityId: batch.id, after: { kind: "HIRING_PLAN", fileName, rows: data.length } });
  await emitWebhookEvent(ctx.tx, ctx.org.id, "import.completed", {
    kind: "HIRING_PLAN",
    fileName,
    batchId: batch.id,
    rowCount: data.length,
    insertedCount: data.length,
  });
  await noticeImportFinished(ctx.tx, {
    orgId: ctx.org.id,
    orgSlug: ctx.org.slug,
    userId: ctx.actor.userId,
    kind: "positions",
    fileName,
    batchId: batch.id,
    rowCount: rows,
    insertedCount: data.length,
    skippedCount: 0,
  });
  return { batchId: batch.id, created: data.length, rowCount: rows };
}
