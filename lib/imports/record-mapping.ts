import type { ActionContext } from "@/lib/action";
import { AppError } from "@/lib/errors";
import type { MappingTally } from "@/lib/imports/ledger-file";
import { headerSignature, LEDGER_FIELDS, type LedgerMapping, type MappedKind } from "@/lib/imports/ledger-mapping";

// What every mapped import does around its kind's one import: a file that passes (checked or
// imported) saves its mapping for the org and the file's shape, audited with what the pass found;
// a refusal lists the values no mapping covered so the wizard can offer them.

/** Saves the mapping for this file's shape and audits the pass; returns what the wizard shows. */
export async function recordMapping<R extends object>(
  ctx: ActionContext,
  kind: MappedKind,
  pass: { fileName: string; header: string[]; mapping: LedgerMapping; tally: MappingTally; mode: "check" | "import" },
  result: R,
) {
  const { fileName, header, mapping, tally, mode } = pass;
  const signature = headerSignature(header);
  const saved = await ctx.tx.importMapping.upsert({
    where: { orgId_kind_signature: { orgId: ctx.org.id, kind, signature } },
    create: { orgId: ctx.org.id, kind, signature, header, mapping, updatedById: ctx.actor.userId },
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
export function withUnmapped(e: unknown, tally: MappingTally): unknown {
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
