import type { ActionContext } from "@/lib/action";
import { AppError, invalid } from "@/lib/errors";
import type { LedgerMapping } from "@/lib/imports/ledger-mapping";
import { createUnitInTx } from "@/lib/org/create-unit";
import { taggedContext } from "@/lib/org/tree-guards";

// "Create a new unit" for a file's department value (docs/imports.md): the units a mapping asks
// for are made by the org tree's own createUnitInTx in the import's transaction, before its rows
// are read (a refused import creates none), each audited as "org-unit.create" tagged with the
// file. A check makes them inside a savepoint and rolls them back after reading the file, so it
// meets every refusal the import would: a code in use, a parent that is not an open unit of the org.

const FIELD_WORDS: Record<string, string> = { parentId: "its parent unit", code: "its code" };

/**
 * Runs a mapped import (`run`) after creating the new units its mapping asks for. Returns what
 * `run` returned and the mapping to save: after an import each new unit is mapped by its plain
 * code (the next file of the shape maps onto it, never creates it twice); a check saves the
 * mapping as sent, since it created nothing.
 */
export async function withMappedUnits<R>(
  ctx: ActionContext,
  pass: { fileName: string; mapping: LedgerMapping; mode: "check" | "import" },
  run: () => Promise<R>,
): Promise<{ result: R; saved: LedgerMapping }> {
  const { fileName, mapping, mode } = pass;
  const creates = mapping.costCentres.filter((c) => c.create);
  if (creates.length === 0) return { result: await run(), saved: mapping };
  // The wizard offers "create" only to those who may edit the org tree; this refuses anyone else.
  if (!ctx.may("orgtree:write")) {
    const values = creates.map((c) => `"${c.value}"`).join(", ");
    throw new AppError(
      "FORBIDDEN",
      `Creating org units needs permission to change the org tree, which your role does not have. Map ${values} to existing cost centres or Ignore ${creates.length === 1 ? "it" : "them"}; nothing was imported.`,
      { costCentres: creates.map((c) => `New unit for "${c.value}": only members who may change the org tree can create units.`) },
    );
  }
  if (mode === "check") await ctx.tx.$executeRaw`SAVEPOINT mapped_units`;
  const errors: string[] = [];
  for (const c of creates) {
    const { parentId, name, kind } = c.create!;
    try {
      await createUnitInTx(taggedContext(ctx, "org-unit.create", { importFile: fileName, importValue: c.value }), {
        parentId,
        name,
        code: c.code,
        kind,
        leadId: null,
      });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const [field, messages] = Object.entries(e.fieldErrors ?? {})[0] ?? ["", [e.message]];
      errors.push(`New unit for "${c.value}" (${c.code}): ${FIELD_WORDS[field] ?? "it"}: ${messages[0]}`);
    }
  }
  if (errors.length)
    throw invalid(
      { costCentres: errors },
      `${errors.length === 1 ? "A new unit" : `${errors.length} new units`} the mapping asks for cannot be created, so nothing was imported.`,
    );
  const result = await run();
  if (mode === "check") {
    await ctx.tx.$executeRaw`ROLLBACK TO SAVEPOINT mapped_units`;
    return { result, saved: mapping };
  }
  return { result, saved: { ...mapping, costCentres: mapping.costCentres.map((c) => ({ value: c.value, code: c.code })) } };
}
