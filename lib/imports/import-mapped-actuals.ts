import { z } from "zod";

import { defineAction, type ActionContext, type OrgActionDef } from "@/lib/action";
import { runLedgerImport } from "@/lib/budgets/import-actuals";
import { ZImportFileInput } from "@/lib/budgets/schemas";
import { uploadPath } from "@/lib/budgets/upload";
import { ledgerRowMapper, mappedLedgerRows, newTally } from "@/lib/imports/ledger-file";
import { ZLedgerMapping } from "@/lib/imports/ledger-mapping";
import { withMappedUnits } from "@/lib/imports/mapped-units";
import { recordMapping, withUnmapped } from "@/lib/imports/record-mapping";
import { noticeRefusedImport } from "@/lib/notifications/import-result";

// A ledger export imported through a mapping (docs/imports.md). "Check" reads every row through
// the mapping and refuses exactly what the import would, writing no ledger line; "import" is the
// one ledger import (runLedgerImport) fed with the mapped rows. Either way, a file that passes
// saves its mapping for the org and the file's shape, to be offered for the next such file.

export const ZImportMappedInput = ZImportFileInput.extend({ mapping: ZLedgerMapping });

async function importMapped(ctx: ActionContext, input: z.output<typeof ZImportMappedInput>, mode: "check" | "import") {
  const { uploadId, fileName, mapping } = input;
  const tally = newTally();
  let header: string[] = [];
  const rows = mappedLedgerRows(uploadPath(uploadId), mapping, (cells) => (header = cells));
  const parse = ledgerRowMapper(mapping, ctx.org.currency, tally);
  let result: { rowCount: number; newVendorCount: number; batchId?: string; insertedCount?: number; skippedCount?: number };
  let saved: typeof mapping;
  try {
    ({ result, saved } = await withMappedUnits(ctx, { fileName, mapping, mode }, () =>
      mode === "check" ? runLedgerImport(ctx, fileName, rows, parse, "check") : runLedgerImport(ctx, fileName, rows, parse),
    ));
  } catch (e) {
    throw withUnmapped(e, tally);
  }
  return recordMapping(ctx, "ACTUALS", { fileName, header, mapping: saved, tally, mode }, result);
}

/** What the check and the import share: who may run them, their input, how long they may take, the money limits. */
const MAPPED = {
  permission: "actuals:write",
  input: ZImportMappedInput,
  timeoutMs: 10 * 60_000,
  moneyChecked: ["ledger"],
} satisfies Partial<OrgActionDef<typeof ZImportMappedInput, unknown>>;

export const checkMappedActuals = defineAction({
  name: "actuals.import.check",
  ...MAPPED,
  handler: (ctx, input) => importMapped(ctx, input, "check"),
});

export const importMappedActuals = defineAction({
  name: "actuals.import.mapped",
  ...MAPPED,
  handler: (ctx, input) => importMapped(ctx, input, "import"),
  afterRefusal: noticeRefusedImport("actuals"),
});
