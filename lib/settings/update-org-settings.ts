import { defineAction } from "@/lib/action";
import { AppError, invalid } from "@/lib/errors";
import { ZUpdateOrgSettingsInput } from "@/lib/settings/schemas";

const SETTINGS_SELECT = {
  name: true,
  fiscalYearStartMonth: true,
  updateCadence: true,
  updateDueWeekday: true,
  updateGraceDays: true,
  loadedCostMultiplier: true,
  hiringDelayDays: true,
  forecastRunRateMonths: true,
  forecastLumpyCategories: true,
  spanMax: true,
  spanMin: true,
  updatedAt: true,
} as const;

export const updateOrgSettings = defineAction({
  name: "org.settings.update",
  permission: "org:settings",
  revalidate: { path: "/{org}", type: "layout" },
  input: ZUpdateOrgSettingsInput,
  async handler(ctx, { expectedUpdatedAt, ...changes }) {
    const before = await ctx.tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: SETTINGS_SELECT });
    const spanMin = changes.spanMin ?? before.spanMin;
    const spanMax = changes.spanMax ?? before.spanMax;
    if (spanMin >= spanMax) throw invalid({ spanMin: [`The span minimum (${spanMin}) must be below the span maximum (${spanMax}).`] });
    // Optimistic concurrency: the row must still be the one the form was opened on. The
    // conditional update makes the check and the write one atomic statement.
    const { count } = await ctx.tx.organization.updateMany({
      where: { id: ctx.org.id, updatedAt: new Date(expectedUpdatedAt) },
      data: changes,
    });
    if (count === 0) throw new AppError("CONFLICT");
    const after = await ctx.tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: SETTINGS_SELECT });
    await ctx.audit({ entityType: "Organization", entityId: ctx.org.id, before, after });
    return { updatedAt: after.updatedAt.toISOString() };
  },
});
