import { z } from "zod";

import { isInputInstant } from "@/lib/fiscal";
import { Role, UpdateCadence, Weekday } from "@/lib/generated/prisma/enums";

// Inputs arrive from forms (strings) or from code (numbers): coerce where a form sends text.

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
  /** The org's updatedAt when the form was opened: a concurrent edit is refused, not overwritten. */
  expectedUpdatedAt: z.string().datetime({ error: "Reload the page and try again." }).refine(isInputInstant, "Reload the page and try again."),
});
export type UpdateOrgSettingsInput = z.input<typeof ZUpdateOrgSettingsInput>;

/** Pay privacy (docs/privacy.md): the minimum group and whether finance may read pay. */
export const ZUpdatePayPrivacyInput = z.object({
  payMinGroupSize: z.coerce
    .number({ error: "Enter the minimum group as a number of people." })
    .int("Enter a whole number of people.")
    .min(3, "The minimum group is at least 3 people.")
    .max(50, "The minimum group can be at most 50 people."),
  // A checkbox: "on" when ticked, absent otherwise; booleans from code.
  financeReadsPay: z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")]).optional().transform((v) => v === true || v === "on" || v === "true"),
  expectedUpdatedAt: z.string().datetime({ error: "Reload the page and try again." }).refine(isInputInstant, "Reload the page and try again."),
});
export type UpdatePayPrivacyInput = z.input<typeof ZUpdatePayPrivacyInput>;

const ZScope = z
  .string()
  .trim()
  .transform((s) => (s === "" || s === "none" ? null : s))
  .nullable()
  .optional();

export const ZInviteMemberInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(320),
  role: z.enum(Role, { error: "Choose a role." }),
  scopeUnitId: ZScope,
});
export type InviteMemberInput = z.input<typeof ZInviteMemberInput>;

export const ZChangeMemberRoleInput = z.object({
  membershipId: z.string().min(1, "Choose a member."),
  role: z.enum(Role, { error: "Choose a role." }),
  scopeUnitId: ZScope,
});
export type ChangeMemberRoleInput = z.input<typeof ZChangeMemberRoleInput>;

export const ZRemoveMemberInput = z.object({ membershipId: z.string().min(1, "Choose a member.") });
