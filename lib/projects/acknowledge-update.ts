import { defineAction } from "@/lib/action";
import { AppError, conflict } from "@/lib/errors";
import { ZAcknowledgeUpdateInput } from "@/lib/projects/schemas";

// The reviewer (the lead's manager, or the manager of the owning unit) acknowledges an update.
// Managers may acknowledge inside their scope, directors anywhere; nobody acknowledges their own.
export const acknowledgeUpdate = defineAction({
  name: "status-update.acknowledge",
  permission: "updates:acknowledge",
  input: ZAcknowledgeUpdateInput,
  async handler(ctx, { updateId }) {
    const update = await ctx.tx.statusUpdate.findFirst({
      where: { id: updateId, orgId: ctx.org.id },
      select: { id: true, authorId: true, projectId: true, acknowledgedAt: true, project: { select: { orgUnitId: true } } },
    });
    if (!update) throw new AppError("NOT_FOUND", "That update does not exist.");
    await ctx.assertUnitInScope(update.project.orgUnitId);
    if (update.authorId === ctx.actor.userId) throw new AppError("FORBIDDEN", "You cannot acknowledge your own update.");
    const now = new Date();
    const { count } = await ctx.tx.statusUpdate.updateMany({
      where: { id: updateId, orgId: ctx.org.id, acknowledgedAt: null },
      data: { acknowledgedAt: now, acknowledgedById: ctx.actor.userId },
    });
    if (count === 0) throw conflict("This update was already acknowledged.");
    await ctx.audit({
      entityType: "StatusUpdate",
      entityId: updateId,
      before: { projectId: update.projectId, acknowledgedAt: null },
      after: { projectId: update.projectId, acknowledgedAt: now, acknowledgedById: ctx.actor.userId },
    });
    return { id: updateId };
  },
});
