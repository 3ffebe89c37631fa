import { defineAction } from "@/lib/action";
import { conflict } from "@/lib/errors";
import { assertProjectRefs, changedFields, dateOrNull, PROJECT_AUDIT_SELECT, projectInScopeOrThrow } from "@/lib/projects/guards";
import { ZUpdateProjectInput } from "@/lib/projects/schemas";

export const PROJECT_CONFLICT =
  "Someone else changed this project since you opened it. Nothing was saved: reload to see their changes, then make yours again.";

export const updateProject = defineAction({
  name: "project.update",
  permission: "projects:write",
  input: ZUpdateProjectInput,
  async handler(ctx, { id, version, ...input }) {
    // Scope is checked for the unit the project is in now AND the one it moves to.
    const before = await projectInScopeOrThrow(ctx, id);
    await assertProjectRefs(ctx, input);
    await ctx.assertUnitInScope(input.orgUnitId);
    // Optimistic concurrency: check and bump the version in one conditional statement.
    const { count } = await ctx.tx.project.updateMany({
      where: { id, orgId: ctx.org.id, version },
      data: {
        orgUnitId: input.orgUnitId,
        leadId: input.leadId,
        initiativeId: input.initiativeId,
        name: input.name,
        description: input.description,
        startDate: dateOrNull(input.startDate),
        targetDate: dateOrNull(input.targetDate),
        budgetCents: input.budget,
        capex: input.capex,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw conflict(PROJECT_CONFLICT);
    const after = await ctx.tx.project.findUniqueOrThrow({ where: { id }, select: PROJECT_AUDIT_SELECT });
    await ctx.audit({ entityType: "Project", entityId: id, ...changedFields(before, after) });
    return { id, version: after.version };
  },
});
