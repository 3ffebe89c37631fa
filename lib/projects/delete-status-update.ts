import { defineAction } from "@/lib/action";
import { ownRecentUpdateOrThrow, syncProjectWithLatestUpdate } from "@/lib/projects/own-update";
import { ZDeleteStatusUpdateInput } from "@/lib/projects/schemas";

// The author withdraws an update posted by mistake, within the edit window. The row goes; the
// audit log keeps what it said, and the project falls back to its previous latest update.
export const deleteStatusUpdate = defineAction({
  name: "status-update.delete",
  permission: "updates:write",
  input: ZDeleteStatusUpdateInput,
  async handler(ctx, { updateId }) {
    const now = new Date();
    const update = await ownRecentUpdateOrThrow(ctx, updateId, now);
    await ctx.tx.statusUpdate.delete({ where: { id: update.id } });
    await syncProjectWithLatestUpdate(ctx, update.projectId, now);
    const { project: _project, ...deleted } = update;
    await ctx.audit({ entityType: "StatusUpdate", entityId: update.id, before: deleted, after: null });
    return { id: update.id, projectId: update.projectId };
  },
});
