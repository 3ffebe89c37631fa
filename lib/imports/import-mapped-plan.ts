import { z } from "zod";

import { defineAction, type ActionContext, type OrgActionDef } from "@/lib/action";
import { runPlanImport } from "@/lib/budgets/import-plan";
import { uploadPath } from "@/lib/budgets/upload";
import { ZImportMappedInput } from "@/lib/imports/import-mapped-actuals";
import { mappedLedgerRows, newTally, planRowMapper } from "@/lib/imports/ledger-file";
import { withMappedUnits } from "@/lib/imports/mapped-units";
import { recordMapping, withUnmapped } from "@/lib/imports/record-mapping";
import { noticeRefusedImport } from "@/lib/notifications/import-result";

// A plan in another system's shape (a budget spreadsheet: period, department, GL account,
// budget) imported through a mapping (docs/imports.md): the mapped rows become rows of Keel's plan
// layout and go through the one plan import (runPlanImport), with its rules: the same cell twice
// refused, the money limit, withheld personnel lines, one ImportBatch. "Check" writes nothing.

async function importMapped(ctx: ActionContext, input: z.output<typeof ZImportMappedInput>, mode: "check" | "import") {
  const { uploadId, fileName, mapping } = input;
  let tally = newTally();
  let header: string[] = [];
  const open = () => mappedLedgerRows(uploadPath(uploadId), mapping, (cells) => (header = cells));
  // Each pass counts afresh: the tally reported is one pass's.
  const parser = () => planRowMapper(mapping, ctx.org.currency, (tally = newTally()));
  let result: { rowCount: number; batchId?: string; insertedCount?: number; skippedCount?: number };
  let saved: typeof mapping;
  try {
    ({ result, saved } = await withMappedUnits(ctx, { fileName, mapping, mode }, () =>
      mode === "check" ? runPlanImport(ctx, fileName, open, parser, "check") : runPlanImport(ctx, fileName, open, parser),
    ));
  } catch (e) {
    throw withUnmapped(e, tally);
  }
  return recordMapping(ctx, "BUDGET", { fileName, header, mapping: saved, tally, mode }, result);
}

/** What the check and the import share: who may run them, their input, how long they may take. */
const MAPPED = {
  permission: "budgets:write",
  input: ZImportMappedInput,
  timeoutMs: 5 * 60_000,
} satisfies Partial<OrgActionDef<typeof ZImportMappedInput, unknown>>;

export const checkMappedPlan = defineAction({
  name: "budgets.import.check",
  ...MAPPED,
  handler: (ctx, input) => importMapped(ctx, input, "check"),
});

export const importMappedPlan = defineAction({
  name: "budgets.import.mapped",
  ...MAPPED,
  handler: (ctx, input) => importMapped(ctx, input, "import"),
  afterRefusal: noticeRefusedImport("plan"),
});
