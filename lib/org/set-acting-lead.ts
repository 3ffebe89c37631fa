import { type ActionContext, defineAction } from "@/lib/action";
import { invalid } from "@/lib/errors";
import { toDateString } from "@/lib/fiscal";
import { ZSetActingLeadInput } from "@/lib/org/schemas";
import { editableUnitOrThrow, label, leadOrThrow, lockTree, todayIso, writeUnitOrThrow } from "@/lib/org/tree-guards";
import { recordUnitHistory } from "@/lib/org/unit-history";

/**
 * Name or end a unit's acting lead: someone standing in while the unit has no lead in post (none,
 * or one who has left or not started). Kept in the unit history like every tree edit, so who stood
 * in when is on record; naming a lead (set-unit-lead.ts) ends it.
 */
export const setActingLead = defineAction({
  name: "org-unit.set-acting-lead",
  permission: "orgtree:write",
  input: ZSetActingLeadInput,
  async handler(ctx: ActionContext, input) {
    await lockTree(ctx);
    const before = await editableUnitOrThrow(ctx, input.unitId, input.version);
    let acting: { id: string; name: string } | null = null;
    if (input.actingLeadId) {
      acting = await leadOrThrow(ctx, input.actingLeadId, before, "actingLeadId");
      const lead = before.leadId
        ? await ctx.tx.person.findFirst({
            where: { id: before.leadId, orgId: ctx.org.id },
            select: { id: true, name: true, startDate: true, endDate: true },
          })
        : null;
      const today = todayIso();
      const leadInPost = lead && toDateString(lead.startDate) <= today && (!lead.endDate || toDateString(lead.endDate) >= today);
      if (lead && leadInPost)
        throw invalid({
          actingLeadId: [`${label(before)} has a lead in post, ${lead.name}: an acting lead stands in only when it has none.`],
        });
      if (lead && lead.id === acting.id)
        throw invalid({ actingLeadId: [`${acting.name} is the lead of ${label(before)}; choose someone to stand in for them.`] });
    }
    const after = await writeUnitOrThrow(ctx, before, { actingLeadId: acting?.id ?? null });
    await recordUnitHistory(ctx, before, after, "acting-lead");
    await ctx.audit({
      entityType: "OrgUnit",
      entityId: after.id,
      before: { actingLeadId: before.actingLeadId },
      after: { actingLeadId: after.actingLeadId, actingLeadName: acting?.name ?? null },
    });
    return { unitId: after.id, version: after.version };
  },
});
