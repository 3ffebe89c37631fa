import type { z } from "zod";

import { type ActionContext, defineAction } from "@/lib/action";
import { ZSetUnitLeadInput } from "@/lib/org/schemas";
import { editableUnitOrThrow, leadOrThrow, lockTree, writeUnitOrThrow } from "@/lib/org/tree-guards";
import { recordUnitHistory } from "@/lib/org/unit-history";

/** Name, replace or remove a unit's lead (a person of the org who has not left); naming one ends an acting lead. */
export const setUnitLead = defineAction({
  name: "org-unit.set-lead",
  permission: "orgtree:write",
  input: ZSetUnitLeadInput,
  handler: setUnitLeadInTx,
});

/** The change itself, inside the caller's transaction (a reorg applies it as one of its steps). */
export async function setUnitLeadInTx(ctx: ActionContext, input: z.output<typeof ZSetUnitLeadInput>) {
  await lockTree(ctx);
  const before = await editableUnitOrThrow(ctx, input.unitId, input.version);
  const lead = input.leadId ? await leadOrThrow(ctx, input.leadId, before) : null;
  const after = await writeUnitOrThrow(ctx, before, { leadId: lead?.id ?? null, ...(lead ? { actingLeadId: null } : {}) });
  await recordUnitHistory(ctx, before, after, "lead");
  await ctx.audit({
    entityType: "OrgUnit",
    entityId: after.id,
    before: { leadId: before.leadId, ...(before.actingLeadId ? { actingLeadId: before.actingLeadId } : {}) },
    after: { leadId: after.leadId, leadName: lead?.name ?? null, ...(before.actingLeadId ? { actingLeadId: after.actingLeadId } : {}) },
  });
  return { unitId: after.id, version: after.version };
}
