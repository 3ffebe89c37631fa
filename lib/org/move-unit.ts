import type { z } from "zod";

import { type ActionContext, defineAction } from "@/lib/action";
import { invalid } from "@/lib/errors";
import { moveUnitClosure } from "@/lib/org/closure";
import { ZMoveUnitInput } from "@/lib/org/schemas";
import { editableUnitOrThrow, isWithin, label, lockTree, openUnitOrThrow, writeUnitOrThrow } from "@/lib/org/tree-guards";
import { recordUnitHistory } from "@/lib/org/unit-history";

/**
 * Move a unit, with everything below it, under another parent. A parent inside the unit's own
 * subtree would make a cycle and is refused naming both units.
 */
export const moveUnit = defineAction({
  name: "org-unit.move",
  permission: "orgtree:write",
  input: ZMoveUnitInput,
  handler: moveUnitInTx,
});

/** The change itself, inside the caller's transaction (a reorg applies it as one of its steps). */
export async function moveUnitInTx(ctx: ActionContext, input: z.output<typeof ZMoveUnitInput>) {
  await lockTree(ctx);
  const before = await editableUnitOrThrow(ctx, input.unitId, input.version);
  const parent = await openUnitOrThrow(ctx, input.parentId, "parentId");
  if (parent.id === before.id) throw invalid({ parentId: [`${label(before)} cannot be its own parent.`] });
  if (await isWithin(ctx, before.id, parent.id)) {
    throw invalid({ parentId: [`${label(parent)} is inside ${label(before)}: moving ${before.name} under it would make a cycle.`] });
  }
  if (parent.id === before.parentId) throw invalid({ parentId: [`${label(before)} is already directly under ${label(parent)}.`] });
  await moveUnitClosure(ctx.tx, ctx.org.id, before.id, parent.id);
  const after = await writeUnitOrThrow(ctx, before, { parentId: parent.id });
  await recordUnitHistory(ctx, before, after, "moved");
  await ctx.audit({
    entityType: "OrgUnit",
    entityId: after.id,
    before: { parentId: before.parentId, depth: before.depth },
    after: { parentId: after.parentId, parentName: parent.name, depth: after.depth },
  });
  return { unitId: after.id, version: after.version };
}
