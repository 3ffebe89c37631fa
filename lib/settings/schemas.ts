import { z } from "zod";

import { NON_PERSONNEL_CATEGORIES } from "@/lib/budgets/forecast-assumptions";
import { BudgetCategory, Role, UpdateCadence, Weekday } from "@/lib/generated/prisma/enums";
import { ZCheckbox, ZExpectedUpdatedAt, ZId, ZOptionalId } from "@/lib/validation";

// Inputs arrive from forms (strings) or from code (numbers): coerce where a form sends text.

/** A whole number from a form field or code; an empty field is an error, not 0. */
const wholeNumber = (notANumber: string, notWhole: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? Number.NaN : v), z.coerce.number({ error: notANumber }).int(notWhole));

/** The checked categories (a form sends one string per box, code an array); duplicates collapse. */
const ZLumpyCategories = z
  .preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? [] : [v]) : v),
    z.array(z.unknown(), { error: "Choose the categories forecast from the plan." }).max(20, "Choose each category at most once."),
  )
  .superRefine((items, ctx) => {
    if (items.includes("PERSONNEL")) ctx.addIssue({ code: "custom", message: "Personnel is always forecast from people and positions." });
    else if (items.some((c) => !(NON_PERSONNEL_CATEGORIES as readonly unknown[]).includes(c)))
      ctx.addIssue({ code: "custom", message: "Choose categories from the list." });
  })
  .transform((items) => NON_PERSONNEL_CATEGORIES.filter((c) => items.includes(c)) as BudgetCategory[]);

const MULTIPLIER = /^\d(\.\d{1,4})?$/;

/**
 * The forecast's assumptions (docs/figures.md "Forecast assumptions"). Each is optional: left out,
 * the stored value stays (the settings form always sends all of them).
 */
const ZForecastAssumptions = {
  loadedCostMultiplier: z
    .union([z.string(), z.number()], { error: "Enter a multiplier like 1.3." })
    .transform((v) => String(v).trim())
    .pipe(
      z
        .string()
        .regex(MULTIPLIER, "Use a multiplier like 1.3 (up to four decimals).")
        // Only for a well-formed number: one message per mistake.
        .refine((s) => !MULTIPLIER.test(s) || Number(s) >= 1, "The multiplier must be from 1 to 9.9999."),
    )
    .optional(),
  hiringDelayDays: wholeNumber("Hiring delay must be a number of days.", "Hiring delay must be whole days.")
    .pipe(z.number().min(0, "Hiring delay cannot be negative.").max(365, "Hiring delay can be at most 365 days."))
    .optional(),
  forecastRunRateMonths: wholeNumber("Run-rate window must be a number of months.", "Run-rate window must be whole months.")
    .pipe(z.number().min(1, "Run-rate window must be from 1 to 12 months.").max(12, "Run-rate window must be from 1 to 12 months."))
    .optional(),
  forecastLumpyCategories: ZLumpyCategories.optional(),
};

/**
 * Org health's span thresholds (docs/figures.md `span-of-control`): optional like the forecast
 * assumptions; that the minimum stays below the maximum is checked against the stored values.
 */
const ZSpanThresholds = {
  spanMax: wholeNumber("The span maximum must be a number of reports.", "The span maximum must be whole reports.")
    .pipe(z.number().min(1, "The span maximum must be from 1 to 100.").max(100, "The span maximum must be from 1 to 100."))
    .optional(),
  spanMin: wholeNumber("The span minimum must be a number of reports.", "The span minimum must be whole reports.")
    .pipe(z.number().min(0, "The span minimum must be from 0 to 50.").max(50, "The span minimum must be from 0 to 50."))
    .optional(),
};

/** Notifications (docs/notifications.md): optional like the forecast assumptions. */
const ZNotificationThresholds = {
  positionOpenAlertDays: wholeNumber("The open-position alert must be a number of days.", "The open-position alert must be whole days.")
    .pipe(
      z
        .number()
        .min(1, "The open-position alert must be from 1 to 365 days.")
        .max(365, "The open-position alert must be from 1 to 365 days."),
    )
    .optional(),
};

export const ZUpdateOrgSettingsInput = z.object({
  name: z.string().trim().min(2, "Name must be at least 2 characters.").max(80, "Name must be at most 80 characters."),
  fiscalYearStartMonth: z.coerce
    .number({ error: "Choose the month your fiscal year starts." })
    .int()
    .min(1, "Fiscal year start must be a month from 1 to 12.")
    .max(12, "Fiscal year start must be a month from 1 to 12."),
  updateCadence: z.enum(UpdateCadence, { error: "Choose weekly or every two weeks." }),
  updateDueWeekday: z.enum(Weekday, { error: "Choose the weekday updates are due." }),
  updateGraceDays: z.coerce
    .number({ error: "Grace period must be a number of days." })
    .int("Grace period must be whole days.")
    .min(0, "Grace period cannot be negative.")
    .max(30, "Grace period can be at most 30 days."),
  ...ZForecastAssumptions,
  ...ZSpanThresholds,
  ...ZNotificationThresholds,
  /** The org's updatedAt when the form was opened: a concurrent edit is refused, not overwritten. */
  expectedUpdatedAt: ZExpectedUpdatedAt,
});

/** Pay privacy (docs/privacy.md): the minimum group and whether finance may read pay. */
export const ZUpdatePayPrivacyInput = z.object({
  payMinGroupSize: z.coerce
    .number({ error: "Enter the minimum group as a number of people." })
    .int("Enter a whole number of people.")
    .min(3, "The minimum group is at least 3 people.")
    .max(50, "The minimum group can be at most 50 people."),
  // A checkbox: "on" when ticked, absent otherwise; booleans from code.
  financeReadsPay: ZCheckbox,
  expectedUpdatedAt: ZExpectedUpdatedAt,
});

export const ZInviteMemberInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(320),
  role: z.enum(Role, { error: "Choose a role." }),
  scopeUnitId: ZOptionalId,
});

export const ZChangeMemberRoleInput = z.object({
  membershipId: ZId("Choose a member."),
  role: z.enum(Role, { error: "Choose a role." }),
  scopeUnitId: ZOptionalId,
});

export const ZRemoveMemberInput = z.object({ membershipId: ZId("Choose a member.") });
