import { defineAction } from "@/lib/action";
import { invalid } from "@/lib/errors";
import { loadHealthFacts } from "@/lib/projects/health-facts";
import { isBetterThanSuggested, suggestHealth } from "@/lib/projects/health-rules";
import { ownRecentUpdateOrThrow, syncProjectWithLatestUpdate } from "@/lib/projects/own-update";
import { ZEditStatusUpdateInput } from "@/lib/projects/schemas";

// The author corrects their update within the edit window. A changed health is a different
// statement from the one a reviewer acknowledged, so it asks for acknowledgement again; a
// reworded summary or details keep it.
export const editStatusUpdate = defineAction({
  name: "status-update.edit",
  permission: "updates:write",
  input: ZEditStatusUpdateInput,
  async handler(ctx, input) {
    const now = new Date();
    const before = await ownRecentUpdateOrThrow(ctx, input.updateId, now);
    if (before.project.archivedAt) throw invalid({ _form: ["This project is archived: unarchive it before changing its updates."] });
    const facts = await loadHealthFacts(ctx.tx, ctx.org.id, before.projectId, now.toISOString().slice(0, 10));
    const suggestion = suggestHealth(facts!);
    const better = isBetterThanSuggested(input.health, suggestion.health);
    if (better && !input.overrideReason) {
      throw invalid({ overrideReason: ["You chose a better health than suggested: say briefly why."] });
    }
    const healthChanged = before.health !== input.health;
    const after = await ctx.tx.statusUpdate.update({
      where: { id: before.id },
      data: {
        health: input.health,
        summary: input.summary,
        body: input.body,
        suggestedHealth: suggestion.health,
        overrideReason: better ? input.overrideReason : null,
        editedAt: now,
        ...(healthChanged ? { acknowledgedAt: null, acknowledgedById: null } : {}),
      },
      select: { id: true, health: true, summary: true, body: true, suggestedHealth: true, overrideReason: true, acknowledgedAt: true },
    });
    await syncProjectWithLatestUpdate(ctx, before.projectId, now);
    await ctx.audit({
      entityType: "StatusUpdate",
      entityId: before.id,
      before: {
        projectId: before.projectId,
        health: before.health,
        summary: before.summary,
        body: before.body,
        overrideReason: before.overrideReason,
        acknowledgedAt: before.acknowledgedAt,
      },
      after: { projectId: before.projectId, ...after },
    });
    return { id: after.id };
  },
});
