import { defineAction } from "@/lib/action";
import { conflict, invalid } from "@/lib/errors";
import { toDateString } from "@/lib/fiscal";
import { utcDate } from "@/lib/headcount/position-helpers";
import { assertNoScheduledConflict, reorgInStateOrThrow } from "@/lib/org/reorg/guards";
import { ZCancelReorgInput, ZScheduleReorgInput } from "@/lib/org/reorg/schemas";
import { touchedUnitIds } from "@/lib/org/reorg/steps";
import { label, lockTree } from "@/lib/org/tree-guards";

const monthName = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

/**
 * The effective day of a reorg: today or later. The months before this one are closed (their
 * figures are reported), so a day in them is refused as such; a day earlier this month would
 * backdate the tree's history, which the tree edits never do.
 */
function effectiveDayProblem(day: string, today: string): string | null {
  const monthStart = `${today.slice(0, 7)}-01`;
  if (day < monthStart)
    return `${day} is in a closed period (months before ${monthName.format(utcDate(monthStart))} are closed): choose today or a later day.`;
  if (day < today) return `${day} is in the past: a reorg takes effect today or later.`;
  return null;
}

/** Schedule a draft for a day: applyDueReorgs applies it on the first run on or after that day. */
export const scheduleReorg = defineAction({
  name: "reorg.schedule",
  permission: "orgtree:write",
  input: ZScheduleReorgInput,
  async handler(ctx, input) {
    // The tree lock orders this check against other schedules and applies of the same org.
    await lockTree(ctx);
    const reorg = await reorgInStateOrThrow(ctx, input.reorgId, input.version, ["DRAFT"], "scheduled");
    const problem = effectiveDayProblem(input.effectiveOn, toDateString(new Date()));
    const unitIds = await touchedUnitIds(ctx, reorg.steps);
    if (problem) {
      // The summary names the units the reorg would change on that day.
      const units = await ctx.tx.orgUnit.findMany({
        where: { orgId: ctx.org.id, id: { in: unitIds } },
        select: { name: true, code: true },
        orderBy: [{ name: "asc" }, { code: "asc" }],
        take: 3,
      });
      const named = units.length ? ` It changes ${units.map(label).join(", ")}${unitIds.length > units.length ? " and more" : ""}.` : "";
      throw invalid({ effectiveOn: [problem] }, `“${reorg.name}”: ${problem}${named}`);
    }
    if (reorg.steps.length === 0) throw invalid({ _form: ["Add at least one step before scheduling."] });
    await assertNoScheduledConflict(ctx, reorg.id, unitIds);
    const { count } = await ctx.tx.reorg.updateMany({
      where: { id: reorg.id, orgId: ctx.org.id, version: reorg.version, status: "DRAFT" },
      data: {
        status: "SCHEDULED",
        effectiveOn: utcDate(input.effectiveOn),
        unitIds,
        scheduledById: ctx.actor.userId,
        failure: null,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw conflict();
    await ctx.audit({
      entityType: "Reorg",
      entityId: reorg.id,
      before: { status: reorg.status },
      after: { status: "SCHEDULED", effectiveOn: input.effectiveOn, unitIds },
    });
    return { reorgId: reorg.id, version: reorg.version + 1 };
  },
});

/** Cancel a draft or a scheduled reorg; one being applied right now wins (the update finds it applied). */
export const cancelReorg = defineAction({
  name: "reorg.cancel",
  permission: "orgtree:write",
  input: ZCancelReorgInput,
  async handler(ctx, input) {
    const reorg = await reorgInStateOrThrow(ctx, input.reorgId, input.version, ["DRAFT", "SCHEDULED", "FAILED"], "cancelled");
    const { count } = await ctx.tx.reorg.updateMany({
      where: { id: reorg.id, orgId: ctx.org.id, version: reorg.version, status: { in: ["DRAFT", "SCHEDULED", "FAILED"] } },
      data: { status: "CANCELLED", cancelledAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw conflict(`“${reorg.name}” was applied or changed meanwhile. Reload to see it.`);
    await ctx.audit({ entityType: "Reorg", entityId: reorg.id, before: { status: reorg.status }, after: { status: "CANCELLED" } });
    return { reorgId: reorg.id, version: reorg.version + 1 };
  },
});
