import { defineAction } from "@/lib/action";
import { ZUpdateUnitInput } from "@/lib/org/schemas";
import { assertCodeFree, editableUnitOrThrow, lockTree, writeUnitOrThrow } from "@/lib/org/tree-guards";
import { recordUnitHistory } from "@/lib/org/unit-history";

/** Rename a unit, change its cost-centre code or its kind. */
export const updateUnit = defineAction({
  name: "org-unit.update",
  permission: "orgtree:write",
  input: ZUpdateUnitInput,
  async handler(ctx, input) {
    await lockTree(ctx);
    const before = await editableUnitOrThrow(ctx, input.unitId, input.version);
    if (input.code !== before.code) await assertCodeFree(ctx, input.code, before.id);
    const after = await writeUnitOrThrow(ctx, before, { name: input.name, code: input.code, kind: input.kind });
    const change = input.code !== before.code ? "recoded" : "renamed";
    await recordUnitHistory(ctx, before, after, change);
    await ctx.audit({
      action: `org-unit.${change === "recoded" ? "recode" : "rename"}`,
      entityType: "OrgUnit",
      entityId: after.id,
      before,
      after,
    });
    return { unitId: after.id, version: after.version };
  },
});
