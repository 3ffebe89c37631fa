import { defineAction } from "@/lib/action";
import { invalid } from "@/lib/errors";
import { saveOrgRowIfUnchanged } from "@/lib/settings/save-org-row";
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
  positionOpenAlertDays: true,
  updatedAt: true,
} as const;

export const updateOrgSettings = defineAction({
  name: "org.settings.update",
  permission: "org:settings",
  input: ZUpdateOrgSettingsInput,
  async handler(ctx, { expectedUpdatedAt, ...changes }) {
    const before = await ctx.tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: SETTINGS_SELECT });
    const spanMin = changes.spanMin ?? before.spanMin;
    const spanMax = changes.spanMax ?? before.spanMax;
    if (spanMin >= spanMax) throw invalid({ spanMin: [`The span minimum (${spanMin}) must be below the span maximum (${spanMax}).`] });
    return saveOrgRowIfUnchanged(ctx, { select: SETTINGS_SELECT, before, expectedUpdatedAt, changes });
  },
});
