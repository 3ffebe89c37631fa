import { defineAction, type ActionContext } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { dateOrNull, projectInScopeOrThrow } from "@/lib/projects/guards";
import { ZCompleteMilestoneInput, ZCreateMilestoneInput, ZUpdateMilestoneInput } from "@/lib/projects/schemas";

const SELECT = { id: true, projectId: true, name: true, dueDate: true, doneDate: true } as const;

async function milestoneInScopeOrThrow(ctx: ActionContext, id: string) {
  const milestone = await ctx.tx.milestone.findFirst({
    where: { id, orgId: ctx.org.id },
    select: { ...SELECT, project: { select: { orgUnitId: true } } },
  });
  if (!milestone) throw new AppError("NOT_FOUND", "That milestone does not exist.");
  await ctx.assertUnitInScope(milestone.project.orgUnitId);
  const { project: _project, ...rest } = milestone;
  return rest;
}

export const createMilestone = defineAction({
  name: "milestone.create",
  permission: "projects:write",
  input: ZCreateMilestoneInput,
  async handler(ctx, input) {
    const project = await projectInScopeOrThrow(ctx, input.projectId);
    const milestone = await ctx.tx.milestone.create({
      data: { orgId: ctx.org.id, projectId: project.id, name: input.name, dueDate: dateOrNull(input.dueDate)! },
      select: SELECT,
    });
    await ctx.audit({ entityType: "Milestone", entityId: milestone.id, after: milestone });
    return { id: milestone.id };
  },
});

export const updateMilestone = defineAction({
  name: "milestone.update",
  permission: "projects:write",
  input: ZUpdateMilestoneInput,
  async handler(ctx, input) {
    const before = await milestoneInScopeOrThrow(ctx, input.id);
    const after = await ctx.tx.milestone.update({
      where: { id: before.id },
      data: {
        name: input.name,
        dueDate: dateOrNull(input.dueDate)!,
        // A new due date can be missed again: its webhook event is written anew.
        ...(before.dueDate.getTime() !== dateOrNull(input.dueDate)!.getTime() ? { missedAnnouncedAt: null } : {}),
      },
      select: SELECT,
    });
    await ctx.audit({ entityType: "Milestone", entityId: after.id, before, after });
    return { id: after.id };
  },
});

export const completeMilestone = defineAction({
  name: "milestone.complete",
  permission: "projects:write",
  input: ZCompleteMilestoneInput,
  async handler(ctx, input) {
    const before = await milestoneInScopeOrThrow(ctx, input.id);
    const doneDate = input.done ? (dateOrNull(input.doneDate) ?? new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`)) : null;
    const after = await ctx.tx.milestone.update({ where: { id: before.id }, data: { doneDate }, select: SELECT });
    await ctx.audit({
      action: input.done ? "milestone.complete" : "milestone.reopen",
      entityType: "Milestone",
      entityId: after.id,
      before,
      after,
    });
    return { id: after.id, done: input.done };
  },
});
