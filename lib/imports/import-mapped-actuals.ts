import { z } from "zod";

import { defineAction, type ActionContext } from "@/lib/action";
import { runLedgerImport } from "@/lib/budgets/import-actuals";
import { ZImportFileInput } from "@/lib/budgets/schemas";
import { uploadPath } from "@/lib/budgets/upload";
import { AppError } from "@/lib/errors";
import { ledgerRowMapper, mappedLedgerRows, type MappingTally } from "@/lib/imports/ledger-file";
import { headerSignature, LEDGER_FIELDS, ZLedgerMapping } from "@/lib/imports/ledger-mapping";
import { noticeRefusedImport } from "@/lib/notifications/import-result";

// A ledger export imported through a mapping (docs/imports.md). "Check" reads every row through
// the mapping and refuses exactly what the import would, writing no ledger line; "import" is the
// one ledger import (runLedgerImport) fed with the mapped rows. Either way, a file that passes
// saves its mapping for the org and the file's shape, to be offered for the next such file.

export const ZImportMappedInput = ZImportFileInput.extend({ mapping: ZLedgerMapping });

async function importMapped(ctx: ActionContext, input: z.output<typeof ZImportMappedInput>, mode: "check" | "import") {
  const { uploadId, fileName, mapping } = input;
  const tally: MappingTally = { summaryRows: 0, ignoredRows: 0, unmapped: {} };
  let header: string[] = [];
  const rows = mappedLedgerRows(uploadPath(uploadId), mapping, (cells) => (header = cells));
  const parse = ledgerRowMapper(mapping, ctx.org.currency, tally);
  let result: { rowCount: number; newVendorCount: number; batchId?: string; insertedCount?: number; skippedCount?: number };
  try {
    result =
      mode === "check" ? await runLedgerImport(ctx, fileName, rows, parse, "check") : await runLedgerImport(ctx, fileName, rows, parse);
  } catch (e) {
    throw withUnmapped(e, tally);
  }
  const signature = headerSignature(header);
  const saved = await ctx.tx.importMapping.upsert({
    where: { orgId_kind_signature: { orgId: ctx.org.id, kind: "ACTUALS", signature } },
    create: { orgId: ctx.org.id, kind: "ACTUALS", signature, header, mapping, updatedById: ctx.actor.userId },
    update: { header, mapping, updatedById: ctx.actor.userId },
    select: { id: true },
  });
  const out = { ...result, mode, mappingId: saved.id, summaryRows: tally.summaryRows, ignoredRows: tally.ignoredRows };
  await ctx.audit({ entityType: "ImportMapping", entityId: saved.id, after: { fileName, signature, ...out } });
  return out;
}

/**
 * A refusal with every value no mapping covered listed once (the rows name where each is):
 * `unmapped` in words, and the values themselves (`unmappedAccount`, `unmappedCostCentre`) so the
 * wizard can offer them for mapping.
 */
function withUnmapped(e: unknown, tally: MappingTally): unknown {
  const lists = (["account", "costCentre"] as const).flatMap((f) =>
    tally.unmapped[f]?.size ? [[f, [...tally.unmapped[f]]] as const] : [],
  );
  if (!(e instanceof AppError) || e.code !== "VALIDATION" || lists.length === 0) return e;
  const fieldErrors: Record<string, string[]> = { ...e.fieldErrors };
  fieldErrors.unmapped = lists.map(([field, values]) => {
    const shown = values.slice(0, 50).map((v) => `"${v}"`);
    if (values.length > 50) shown.push(`and ${values.length - 50} more`);
    return `${LEDGER_FIELDS[field]}: ${shown.join(", ")}`;
  });
  for (const [field, values] of lists) fieldErrors[field === "account" ? "unmappedAccount" : "unmappedCostCentre"] = values.slice(0, 500);
  return new AppError("VALIDATION", e.message, fieldErrors);
}

export const checkMappedActuals = defineAction({
  name: "actuals.import.check",
  permission: "actuals:write",
  input: ZImportMappedInput,
  timeoutMs: 10 * 60_000,
  moneyChecked: ["ledger"],
  handler: (ctx, input) => importMapped(ctx, input, "check"),
});

export const importMappedActuals = defineAction({
  name: "actuals.import.mapped",
  permission: "actuals:write",
  input: ZImportMappedInput,
  timeoutMs: 10 * 60_000,
  moneyChecked: ["ledger"],
  handler: (ctx, input) => importMapped(ctx, input, "import"),
  afterRefusal: noticeRefusedImport("actuals"),
});
