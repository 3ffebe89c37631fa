import { defineAction } from "@/lib/action";
import { conflict, invalid } from "@/lib/errors";
import { positionInScopeOrThrow, updatePositionVersioned, utcDate } from "@/lib/headcount/position-helpers";
import { ZUpdatePositionInput } from "@/lib/headcount/schemas";

const PAY_TOGETHER = "To change the pay or the band, enter the pay and both ends of the band together.";

/** Edit a position's title, level, target start, pay, multiplier and budget period. */
export const updatePosition = defineAction({
  name: "position.update",
  permission: "positions:write",
  input: ZUpdatePositionInput,
  async handler(ctx, input) {
    const before = await positionInScopeOrThrow(ctx, input.positionId);
    // Authorization (above), then the version, and only then anything about pay: a refusal must
    // never depend on a stored amount the actor may not read (docs/privacy.md).
    if (before.version !== input.version) throw conflict();
    if (before.status === "CLOSED")
      throw invalid({ status: ["A closed position cannot be edited."] }, "A closed position cannot be edited.");
    const changesPay = input.compensation != null || input.compBandMin != null || input.compBandMax != null;
    if (changesPay && !ctx.actor.readsPay) {
      // Someone who may not read pay sets pay and band together; the schema checks them against
      // each other, never against what is stored.
      if (input.compensation == null || input.compBandMin == null || input.compBandMax == null) {
        throw invalid({ compensation: [PAY_TOGETHER] }, PAY_TOGETHER);
      }
    } else if (changesPay) {
      // A pay reader may change one and keep the other: the result must still sit inside the band.
      const current = await ctx.tx.position.findUniqueOrThrow({
        where: { id: before.id },
        select: { annualCompCents: true, compBandMinCents: true, compBandMaxCents: true },
      });
      const pay = input.compensation ?? current.annualCompCents;
      const lo = input.compBandMin ?? current.compBandMinCents;
      const hi = input.compBandMax ?? current.compBandMaxCents;
      if (lo !== null && hi !== null && (pay < lo || pay > hi)) throw invalid({ compensation: ["The compensation is outside the band."] });
    }
    const after = await updatePositionVersioned(ctx, before.id, input.version, {
      title: input.title,
      level: input.level,
      targetStartDate: input.targetStartDate ? utcDate(input.targetStartDate) : null,
      loadedCostMultiplier: input.loadedCostMultiplier ?? null,
      budgetFiscalYear: input.budgetFiscalYear,
      budgetFiscalQuarter: input.budgetFiscalQuarter ?? null,
      ...(input.compensation ? { annualCompCents: input.compensation, compIsEstimate: false } : {}),
      ...(input.compBandMin && input.compBandMax ? { compBandMinCents: input.compBandMin, compBandMaxCents: input.compBandMax } : {}),
    });
    await ctx.audit({
      entityType: "Position",
      entityId: before.id,
      before,
      after: { ...after, compensationChanged: !!input.compensation, bandChanged: !!input.compBandMin },
    });
    return { positionId: after.id, version: after.version };
  },
});
