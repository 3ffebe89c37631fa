import { z } from "zod";

import { isIsoDate } from "@/lib/fiscal";
import { BudgetCategory } from "@/lib/generated/prisma/enums";

export const ZImportFileInput = z.object({
  /** Opaque id of a file the upload route streamed to disk (lib/budgets/upload.ts). */
  uploadId: z.string().regex(/^[a-f0-9]{32}$/, "Upload the file again."),
  fileName: z.string().trim().min(1, "Choose a CSV file.").max(200, "File name is too long."),
});

export const ZRevertImportInput = z.object({ batchId: z.string().min(1, "Choose an import.") });

const ZCents = z.coerce
  .number({ error: "Enter an amount." })
  .int("Amount must be whole cents.")
  .min(-10_000_000_000_000, "Amount is too large.")
  .max(10_000_000_000_000, "Amount is too large.");

export const ZSetBudgetCellInput = z.object({
  orgUnitId: z.string().min(1, "Choose an org unit."),
  category: z.enum(BudgetCategory, { error: "Choose a category." }),
  /** First day of the month, YYYY-MM-01. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-01$/, "Month must be the first day of a month.").refine(isIsoDate, "Month is out of range."),
  amountCents: ZCents,
});

export const ZCopyPlanForwardInput = z.object({
  fromFiscalYear: z.coerce.number().int().min(2000).max(2100),
  /** Percentage change applied to every line, e.g. 5 or -2.5 (at most two decimals). */
  percentChange: z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d{1,2})?$/, "Enter a percentage like 5 or -2.5.")
    .refine((s) => Number(s) > -100 && Number(s) <= 500, "Percentage must be above -100 and at most 500."),
  /** Replace lines already planned in the target year (otherwise they are refused). */
  overwrite: z.coerce.boolean().default(false),
});
