import { defineAction } from "@/lib/action";
import { invalid } from "@/lib/errors";
import { positionInScopeOrThrow, updatePositionVersioned, utcDate } from "@/lib/headcount/position-helpers";
import { ZUpdatePositionInput } from "@/lib/headcount/schemas";

/** Edit a position's title, level, target start, pay, multiplier and budget period. */
export const updatePosition = defineAction({
  name: "position.update",
  permission: "positions:write",
  input: ZUpdatePositionInput,
  async handler(ctx, input) {
    const before = await positionInScopeOrThrow(ctx, input.positionId);
    if (before.status === "CLOSED") throw invalid({ status: ["A closed position cannot be edited."] }, "A closed position cannot be edited.");
    const after = await updatePositionVersioned(ctx, before.id, input.version, {
      title: input.title,
      level: input.level,
      targetStartDate: input.targetStartDate ? utcDate(input.targetStartDate) : null,
      loadedCostMultiplier: input.loadedCostMultiplier ?? null,
      budgetFiscalYear: input.budgetFiscalYear,
      budgetFiscalQuarter: input.budgetFiscalQuarter ?? null,
      ...(input.compensation ? { annualCompCents: input.compensation } : {}),
    });
    await ctx.audit({ entityType: "Position", entityId: before.id, before, after: { ...after, compensationChanged: !!input.compensation } });
    return { positionId: after.id, version: after.version };
  },
});
