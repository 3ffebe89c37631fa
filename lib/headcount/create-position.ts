import { defineAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { POSITION_AUDIT_SELECT, utcDate } from "@/lib/headcount/position-helpers";
import { ZCreatePositionInput } from "@/lib/headcount/schemas";

export const createPosition = defineAction({
  name: "position.create",
  permission: "positions:write",
  input: ZCreatePositionInput,
  async handler(ctx, input) {
    const unit = await ctx.tx.orgUnit.findFirst({ where: { id: input.orgUnitId, orgId: ctx.org.id }, select: { id: true } });
    if (!unit) throw new AppError("NOT_FOUND", "That org unit does not exist.");
    await ctx.assertUnitInScope(unit.id);
    const now = new Date();
    const position = await ctx.tx.position.create({
      data: {
        orgId: ctx.org.id,
        orgUnitId: unit.id,
        title: input.title,
        level: input.level,
        status: input.openNow ? "OPEN" : "PLANNED",
        targetStartDate: input.targetStartDate ? utcDate(input.targetStartDate) : null,
        annualCompCents: input.compensation,
        compBandMinCents: input.compBandMin ?? null,
        compBandMaxCents: input.compBandMax ?? null,
        loadedCostMultiplier: input.loadedCostMultiplier ?? null,
        budgetFiscalYear: input.budgetFiscalYear,
        budgetFiscalQuarter: input.budgetFiscalQuarter ?? null,
        outsidePlan: input.outsidePlan,
        openedAt: input.openNow ? now : null,
      },
      select: POSITION_AUDIT_SELECT,
    });
    await ctx.audit({ entityType: "Position", entityId: position.id, after: { ...position, annualCompCents: input.compensation } });
    return { positionId: position.id, status: position.status };
  },
});
