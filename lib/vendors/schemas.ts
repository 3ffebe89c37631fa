import { z } from "zod";

import { BudgetCategory, ContractStatus } from "@/lib/generated/prisma/enums";
import { ZCents, ZDate, ZDateOrNull, ZId, ZIdOrNull, ZVersion } from "@/lib/validation";

// Inputs arrive from forms (strings): money is parsed exactly with parseMoneyToCents, dates are
// strict ISO calendar dates.

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

export const ZUpdateVendorInput = ZVendorInput.extend({ id: ZId() });

export const ZContractInput = z
  .object({
    vendorId: ZId("Choose a vendor."),
    orgUnitId: ZId("Choose the org unit that pays."),
    category: z.enum(BudgetCategory, { error: "Choose a category." }),
    name: z.string().trim().min(2, "Name must be at least 2 characters.").max(160, "Name must be at most 160 characters."),
    annualAmount: ZCents({ message: "Enter the annual amount like 12000.00.", max: 10_000_000_000_000n }),
    startDate: ZDate("start date"),
    endDate: ZDate("end date"),
    renewalNoticeDate: ZDateOrNull("renewal notice date"),
    autoRenew: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
    ownerId: ZIdOrNull,
    status: z.enum(ContractStatus, { error: "Choose a status." }),
  })
  .superRefine((c, ctx) => {
    if (c.endDate < c.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date is before the start date." });
    if (c.renewalNoticeDate && c.renewalNoticeDate > c.endDate) {
      ctx.addIssue({ code: "custom", path: ["renewalNoticeDate"], message: "The notice date is after the end date." });
    }
  });

export const ZUpdateContractInput = z.intersection(ZContractInput, z.object({ id: ZId(), version: ZVersion }));
