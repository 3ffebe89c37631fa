import { z } from "zod";

import { defineAction, type ActionContext } from "@/lib/action";
import { ZImportFileInput } from "@/lib/budgets/schemas";
import { uploadPath } from "@/lib/budgets/upload";
import { runHiringPlanImport } from "@/lib/headcount/import-hiring-plan";
import { mappedLedgerRows, newTally, positionRowMapper } from "@/lib/imports/ledger-file";
import { ZPositionsMapping } from "@/lib/imports/ledger-mapping";
import { withMappedUnits } from "@/lib/imports/mapped-units";
import { recordMapping, withUnmapped } from "@/lib/imports/record-mapping";
import { noticeRefusedImport } from "@/lib/notifications/import-result";

// A hiring plan in another shape (a recruiting spreadsheet: role, level, team, start date,
// salary) imported through a mapping (docs/imports.md): the mapped rows become rows of Keel's
// hiring-plan layout and go through the one hiring-plan import (runHiringPlanImport), with its
// rules: the importer's scope, a positive annual compensation, at most 1,000 rows, one
// ImportBatch. "Check" writes nothing.

const ZImportMappedPositionsInput = ZImportFileInput.extend({ mapping: ZPositionsMapping });

async function importMapped(ctx: ActionContext, input: z.output<typeof ZImportMappedPositionsInput>, mode: "check" | "import") {
  const { uploadId, fileName, mapping } = input;
  const tally = newTally();
  let header: string[] = [];
  const rows = mappedLedgerRows(uploadPath(uploadId), mapping, (cells) => (header = cells));
  const parse = positionRowMapper(mapping, ctx.org.currency, tally);
  let result: { rowCount: number; batchId?: string; created?: number };
  let saved: typeof mapping;
  try {
    ({ result, saved } = await withMappedUnits(ctx, { fileName, mapping, mode }, () =>
      mode === "check" ? runHiringPlanImport(ctx, fileName, rows, parse, "check") : runHiringPlanImport(ctx, fileName, rows, parse),
    ));
  } catch (e) {
    throw withUnmapped(e, tally);
  }
  return recordMapping(ctx, "HIRING_PLAN", { fileName, header, mapping: saved, tally, mode }, result);
}

export const checkMappedPositions = defineAction({
  name: "hiring-plan.import.check",
  permission: "positions:write",
  input: ZImportMappedPositionsInput,
  handler: (ctx, input) => importMapped(ctx, input, "check"),
});

export const importMappedPositions = defineAction({
  name: "hiring-plan.import.mapped",
  permission: "positions:write",
  input: ZImportMappedPositionsInput,
  handler: (ctx, input) => importMapped(ctx, input, "import"),
  afterRefusal: noticeRefusedImport("positions"),
});
