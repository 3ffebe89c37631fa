import { type ActionContext, defineAction } from "@/lib/action";
import { conflict, invalid } from "@/lib/errors";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertNoScheduledConflict, reorgOrThrow } from "@/lib/org/reorg/guards";
import { measureAfter, type ReorgImpact, snapshotBefore } from "@/lib/org/reorg/impact";
import { type ReorgStep, ZApplyReorgInput } from "@/lib/org/reorg/schemas";
import { runReorgSteps, touchedUnitIds } from "@/lib/org/reorg/steps";
import { lockTree } from "@/lib/org/tree-guards";

/**
 * The steps and their measured impact, inside the caller's transaction: the apply keeps it, the
 * preview rolls it back. Takes the tree lock first, as every tree edit does.
 */
export async function runReorg(ctx: ActionContext, reorg: { id: string; steps: ReorgStep[] }, now = new Date()): Promise<ReorgImpact> {
  await lockTree(ctx);
  const unitIds = await touchedUnitIds(ctx, reorg.steps);
  await assertNoScheduledConflict(ctx, reorg.id, unitIds);
  await snapshotBefore(ctx.tx, ctx.org.id, ctx.org.fiscalYearStartMonth, now, unitIds);
  await runReorgSteps(ctx, reorg.id, reorg.steps);
  return measureAfter(ctx.tx, ctx.org.id, ctx.org.fiscalYearStartMonth, now);
}

/**
 * Apply a reorg: a draft or a scheduled one at once, or (with `dueOn`, from applyDueReorgs) a
 * scheduled one whose day has come. The claim is one conditional UPDATE on the row: of two
 * runs, the second waits for the first's row lock, then finds the reorg no longer in that
 * state and changes nothing. All steps and the claim commit together or not at all.
 */
export const applyReorg = defineAction({
  name: "reorg.apply",
  permission: "orgtree:write",
  input: ZApplyReorgInput,
  timeoutMs: 60_000,
  async handler(ctx, input) {
    const today = toDateString(new Date());
    const due = input.dueOn
      ? Prisma.sql`"status" = 'SCHEDULED' AND "effectiveOn" <= ${input.dueOn}::date`
      : Prisma.sql`"status" IN ('DRAFT', 'SCHEDULED')`;
    const claimed = await ctx.tx.$queryRaw<{ id: string; steps: unknown; status: string }[]>`
      UPDATE "Reorg" SET "status" = 'APPLIED', "appliedAt" = now(), "appliedById" = ${ctx.actor.userId}, "failure" = NULL,
             "version" = "version" + 1, "updatedAt" = now()
      WHERE "id" = ${input.reorgId} AND "orgId" = ${ctx.org.id} AND "version" = ${input.version} AND ${due}
      RETURNING "id", "steps", "status"::text`;
    if (claimed.length === 0) {
      const reorg = await reorgOrThrow(ctx, input.reorgId);
      if (reorg.status === "APPLIED")
        throw conflict(`“${reorg.name}” was already applied${reorg.appliedAt ? ` on ${toDateString(reorg.appliedAt)}` : ""}.`);
      if (reorg.status === "CANCELLED") throw conflict(`“${reorg.name}” was cancelled.`);
      if (input.dueOn && reorg.effectiveOn && toDateString(reorg.effectiveOn) > input.dueOn)
        throw conflict(`“${reorg.name}” is not due until ${toDateString(reorg.effectiveOn)}.`);
      throw conflict(`“${reorg.name}” was changed by someone else since you opened it. Reload to see the change, then try again.`);
    }
    const reorg = await reorgOrThrow(ctx, input.reorgId);
    if (reorg.steps.length === 0) throw invalid({ _form: ["Add at least one step before applying."] });
    const impact = await runReorg(ctx, reorg);
    await ctx.tx.reorg.updateMany({
      where: { id: reorg.id, orgId: ctx.org.id },
      data: { impact: impact as unknown as Prisma.InputJsonValue },
    });
    await ctx.audit({
      entityType: "Reorg",
      entityId: reorg.id,
      after: {
        status: "APPLIED",
        day: today,
        scheduled: Boolean(input.dueOn),
        steps: reorg.steps.length,
        rowCounts: impact.rowCounts,
        units: impact.units.length,
      },
    });
    return { reorgId: reorg.id, impact };
  },
  // The page shows the impact from the reorg row after a reload; the browser's answer stays small.
  afterCommit: async (data) => ({ reorgId: data.reorgId }),
});
