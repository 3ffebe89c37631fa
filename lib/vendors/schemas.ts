import { z } from "zod";

import { BudgetCategory, ContractStatus } from "@/lib/generated/prisma/enums";
import { isIsoDate, MAX_INT4 } from "@/lib/fiscal";
import { parseMoneyToCents } from "@/lib/money";

// Inputs arrive from forms (strings): money is parsed exactly with parseMoneyToCents, dates are
// strict ISO calendar dates.

const isoDate = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} as YYYY-MM-DD.`)
    .refine(isIsoDate, `The ${label} is not a real date.`);

const optionalId = z
  .string()
  .trim()
  .transform((s) => (s === "" ? null : s))
  .nullable()
  .optional()
  .transform((s) => s ?? null);

export const ZVendorInput = z.object({
  name: z.string().trim().min(2, "Name must be at least 2 characters.").max(120, "Name must be at most 120 characters."),
  website: z
    .string()
    .trim()
    .max(300, "Website is too long.")
    .refine((s) => s === "" || /^https?:\/\/[^\s]+$/.test(s), "Website must start with http:// or https://.")
    .optional()
    .transform((s) => (s ? s : null)),
});

export const ZUpdateVendorInput = ZVendorInput.extend({ id: z.string().min(1) });

export const ZContractInput = z
  .object({
    vendorId: z.string().trim().min(1, "Choose a vendor."),
    orgUnitId: z.string().trim().min(1, "Choose the org unit that pays."),
    category: z.enum(BudgetCategory, { error: "Choose a category." }),
    name: z.string().trim().min(2, "Name must be at least 2 characters.").max(160, "Name must be at most 160 characters."),
    annualAmount: z
      .string({ error: "Enter the annual amount." })
      .transform((s, ctx) => {
        const cents = parseMoneyToCents(s);
        if (cents === null || cents < 0n || cents > 10_000_000_000_000n) {
          ctx.addIssue({ code: "custom", message: "Enter the annual amount like 12000.00." });
          return z.NEVER;
        }
        return cents;
      }),
    startDate: isoDate("start date"),
    endDate: isoDate("end date"),
    renewalNoticeDate: z
      .string()
      .trim()
      .optional()
      .transform((s) => s || null)
      .pipe(isoDate("renewal notice date").nullable()),
    autoRenew: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
    ownerId: optionalId,
    status: z.enum(ContractStatus, { error: "Choose a status." }),
  })
  .superRefine((c, ctx) => {
    if (c.endDate < c.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date is before the start date." });
    if (c.renewalNoticeDate && c.renewalNoticeDate > c.endDate) {
      ctx.addIssue({ code: "custom", path: ["renewalNoticeDate"], message: "The notice date is after the end date." });
    }
  });

export const ZUpdateContractInput = z.intersection(
  ZContractInput,
  z.object({ id: z.string().min(1), version: z.coerce.number().int().min(1).max(MAX_INT4, "Reload the page and try again.") }),
);
