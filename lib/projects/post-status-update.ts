import { defineAction } from "@/lib/action";
import { invalid } from "@/lib/errors";
import { loadHealthFacts } from "@/lib/projects/health-facts";
import { isBetterThanSuggested, suggestHealth } from "@/lib/projects/health-rules";
import { projectInScopeOrThrow } from "@/lib/projects/guards";
import { ZPostStatusUpdateInput } from "@/lib/projects/schemas";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

export const postStatusUpdate = defineAction({
  name: "status-update.post",
  permission: "updates:write",
  input: ZPostStatusUpdateInput,
  async handler(ctx, input) {
    const project = await projectInScopeOrThrow(ctx, input.projectId);
    if (project.archivedAt) throw invalid({ _form: ["This project is archived: unarchive it before posting an update."] });
    const now = new Date();
    // The suggestion is recomputed here, inside the transaction, from the facts as they are now:
    // the one shown in the form is only a preview and is never trusted from the client.
    const facts = await loadHealthFacts(ctx.tx, ctx.org.id, project.id, now.toISOString().slice(0, 10));
    const suggestion = suggestHealth(facts!);
    const better = isBetterThanSuggested(input.health, suggestion.health);
    if (better && !input.overrideReason) {
      throw invalid({ overrideReason: ["You chose a better health than suggested: say briefly why."] });
    }
    const update = await ctx.tx.statusUpdate.create({
      data: {
        orgId: ctx.org.id,
        projectId: project.id,
        authorId: ctx.actor.userId,
        health: input.health,
        summary: input.summary,
        body: input.body,
        suggestedHealth: suggestion.health,
        overrideReason: better ? input.overrideReason : null,
        createdAt: now,
      },
      select: { id: true, health: true, summary: true, suggestedHealth: true, overrideReason: true },
    });
    await ctx.tx.project.update({
      where: { id: project.id },
      data: {
        health: input.health,
        lastUpdateAt: now,
        ...(project.health !== input.health ? { healthChangedAt: now } : {}),
      },
    });
    await ctx.audit({
      entityType: "StatusUpdate",
      entityId: update.id,
      before: { projectId: project.id, health: project.health },
      after: { projectId: project.id, ...update },
    });
    const projectRef = { id: project.id, name: project.name };
    await emitWebhookEvent(ctx.tx, ctx.org.id, "status_update.posted", {
      project: projectRef,
      statusUpdate: {
        id: update.id,
        health: update.health,
        summary: update.summary,
        authorId: ctx.actor.userId,
        postedAt: now.toISOString(),
      },
    });
    if (project.health !== input.health)
      await emitWebhookEvent(ctx.tx, ctx.org.id, "project.health_changed", {
        project: projectRef,
        from: project.health,
        to: input.health,
        statusUpdateId: update.id,
      });
    return { id: update.id, suggestedHealth: suggestion.health };
  },
});
