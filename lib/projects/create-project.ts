import { defineAction } from "@/lib/action";
import { assertProjectRefs, dateOrNull, PROJECT_AUDIT_SELECT } from "@/lib/projects/guards";
import { ZCreateProjectInput } from "@/lib/projects/schemas";

export const createProject = defineAction({
  name: "project.create",
  permission: "projects:write",
  input: ZCreateProjectInput,
  async handler(ctx, input) {
    await assertProjectRefs(ctx, input);
    await ctx.assertUnitInScope(input.orgUnitId);
    const project = await ctx.tx.project.create({
      data: {
        orgId: ctx.org.id,
        orgUnitId: input.orgUnitId,
        leadId: input.leadId,
        initiativeId: input.initiativeId,
        name: input.name,
        description: input.description,
        status: input.status,
        startDate: dateOrNull(input.startDate),
        targetDate: dateOrNull(input.targetDate),
        budgetCents: input.budget,
        capex: input.capex,
      },
      select: PROJECT_AUDIT_SELECT,
    });
    await ctx.audit({ entityType: "Project", entityId: project.id, after: project });
    return { id: project.id };
  },
});
