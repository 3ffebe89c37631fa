import type { z } from "zod";

import { type ActionContext, defineAction } from "@/lib/action";
import { insertUnitClosure } from "@/lib/org/closure";
import { ZCreateUnitInput } from "@/lib/org/schemas";
import { assertCodeFree, leadOrThrow, lockTree, openUnitOrThrow, UNIT_SELECT } from "@/lib/org/tree-guards";
import { recordUnitHistory } from "@/lib/org/unit-history";

/** A new org unit under an open parent, with its closure rows and first history period. */
export const createUnit = defineAction({
  name: "org-unit.create",
  permission: "orgtree:write",
  input: ZCreateUnitInput,
  handler: createUnitInTx,
});

/** The change itself, inside the caller's transaction (a reorg applies it as one of its steps). */
export async function createUnitInTx(ctx: ActionContext, input: z.output<typeof ZCreateUnitInput>) {
  await lockTree(ctx);
  const parent = await openUnitOrThrow(ctx, input.parentId, "parentId");
  await assertCodeFree(ctx, input.code, null);
  const lead = input.leadId ? await leadOrThrow(ctx, input.leadId, input) : null;
  const unit = await ctx.tx.orgUnit.create({
    data: {
      orgId: ctx.org.id,
      parentId: parent.id,
      name: input.name,
      code: input.code,
      kind: input.kind,
      leadId: lead?.id ?? null,
      depth: parent.depth + 1,
    },
    select: UNIT_SELECT,
  });
  await insertUnitClosure(ctx.tx, ctx.org.id, unit.id, parent.id);
  await recordUnitHistory(ctx, null, unit, "created");
  await ctx.audit({ entityType: "OrgUnit", entityId: unit.id, after: { ...unit, parentName: parent.name, leadName: lead?.name ?? null } });
  return { unitId: unit.id, version: unit.version };
}
