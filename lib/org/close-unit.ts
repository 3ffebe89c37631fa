import type { z } from "zod";

import { type ActionContext, defineAction } from "@/lib/action";
import { invalid } from "@/lib/errors";
import { utcDate } from "@/lib/headcount/position-helpers";
import { moveUnitClosure } from "@/lib/org/closure";
import { ZCloseUnitInput, ZMergeUnitInput } from "@/lib/org/schemas";
import {
  editableUnitOrThrow,
  isWithin,
  label,
  lockTree,
  openUnitOrThrow,
  todayIso,
  UNIT_SELECT,
  writeUnitOrThrow,
  type UnitSnapshot,
} from "@/lib/org/tree-guards";
import { recordUnitHistory } from "@/lib/org/unit-history";
import { describeContents, isEmpty, moveUnitContents, unitContents } from "@/lib/org/unit-contents";

/**
 * Closes `unit`: with a target, what is live inside it (people, positions, projects,
 * initiatives, plan lines from this month, contracts, managers' scopes, and the units below it)
 * first moves there; without one it must already be empty. The closed unit keeps its history.
 */
async function closeInto(ctx: ActionContext, unit: UnitSnapshot, target: UnitSnapshot | null, change: "closed" | "merged") {
  const today = todayIso();
  const contents = await unitContents(ctx.tx, ctx.org.id, unit.id, today);
  if (!target && !isEmpty(contents)) {
    throw invalid(
      { targetId: [`Choose a unit to move them to, or move them first.`] },
      `${label(unit)} is not empty: ${describeContents(contents)}.`,
    );
  }
  if (target) {
    await moveUnitContents(ctx.tx, ctx.org.id, unit.id, target.id, today);
    const children = await ctx.tx.orgUnit.findMany({
      where: { orgId: ctx.org.id, parentId: unit.id, closedOn: null },
      select: UNIT_SELECT,
      orderBy: { id: "asc" },
    });
    for (const child of children) {
      await moveUnitClosure(ctx.tx, ctx.org.id, child.id, target.id);
      const moved = await writeUnitOrThrow(ctx, child, { parentId: target.id });
      await recordUnitHistory(ctx, child, moved, "moved");
    }
    const t = await ctx.tx.orgUnit.findUniqueOrThrow({ where: { id: target.id }, select: UNIT_SELECT });
    await recordUnitHistory(ctx, target, t, "absorbed", unit.id);
  }
  const after = await writeUnitOrThrow(ctx, unit, { closedOn: utcDate(today) });
  await recordUnitHistory(ctx, unit, after, change, target?.id ?? null);
  await ctx.audit({
    entityType: "OrgUnit",
    entityId: unit.id,
    before: { ...unit, contents },
    after: { closedOn: today, movedTo: target ? { id: target.id, name: target.name, code: target.code } : null },
  });
  return { unitId: unit.id, movedTo: target?.id ?? null, contents };
}

/** Close a unit: only when empty, or moving what is inside to a target outside it. */
export const closeUnit = defineAction({
  name: "org-unit.close",
  permission: "orgtree:write",
  input: ZCloseUnitInput,
  async handler(ctx, input) {
    await lockTree(ctx);
    const unit = await editableUnitOrThrow(ctx, input.unitId, input.version);
    let target: UnitSnapshot | null = null;
    if (input.targetId) {
      target = await openUnitOrThrow(ctx, input.targetId, "targetId");
      if (await isWithin(ctx, unit.id, target.id)) {
        throw invalid({
          targetId: [
            `${label(target)} is ${target.id === unit.id ? "the unit being closed" : `inside ${label(unit)}`}: choose a unit outside it.`,
          ],
        });
      }
    }
    return closeInto(ctx, unit, target, "closed");
  },
});

/** Merge a unit into a sibling (same parent): everything live moves there and the unit closes. */
export const mergeUnit = defineAction({
  name: "org-unit.merge",
  permission: "orgtree:write",
  input: ZMergeUnitInput,
  handler: mergeUnitInTx,
});

/** The merge itself, inside the caller's transaction (a reorg applies it as one of its steps). */
export async function mergeUnitInTx(ctx: ActionContext, input: z.output<typeof ZMergeUnitInput>) {
  await lockTree(ctx);
  const unit = await editableUnitOrThrow(ctx, input.unitId, input.version);
  const target = await openUnitOrThrow(ctx, input.targetId, "targetId");
  if (target.id === unit.id) throw invalid({ targetId: [`${label(unit)} cannot be merged into itself.`] });
  if (target.parentId !== unit.parentId) {
    throw invalid({
      targetId: [`${label(target)} is not a sibling of ${label(unit)}: a merge joins two units under the same parent (move one first).`],
    });
  }
  return closeInto(ctx, unit, target, "merged");
}
