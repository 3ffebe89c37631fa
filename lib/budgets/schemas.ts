import { z } from "zod";

import { isIsoDate } from "@/lib/fiscal";
import { BudgetCategory } from "@/lib/generated/prisma/enums";
import { MAX_ABS_CENTS, parseMoneyToCents } from "@/lib/money";
import { ZCheckbox, ZFiscalYear, ZId } from "@/lib/validation";

export const ZImportFileInput = z.object({
  /** Opaque id of a file the upload route streamed to disk (lib/budgets/upload.ts). */
  uploadId: z.string().regex(/^[a-f0-9]{32}$/, "Upload the file again."),
  fileName: z.string().trim().min(1, "Choose a CSV file.").max(200, "File name is too long."),
});

export const ZRevertImportInput = z.object({ batchId: ZId("Choose an import.") });

/**
 * A plan amount as typed: a decimal string ("1234.56", "1,234.56", "-80", "(80.00)"), parsed by
 * the one money parser (lib/money.ts) into cents. Nothing else is an amount: not an empty string,
 * null, a number, an array or object, hex ("0x10"), an exponent ("1e3"), "Infinity" or more than
 * two decimals. Clearing a cell is its own action (budgets.cell.clear), so no bad value can
 * ever be read as "remove the line".
 */
const ZPlanAmount = z
  .string({ error: "Enter an amount like 1234.56." })
  .trim()
  .min(1, "Enter an amount like 1234.56, or clear the cell.")
  .max(40, "Enter an amount like 1234.56.")
  .transform((s, ctx) => {
    const cents = parseMoneyToCents(s);
    if (cents === null) {
      ctx.addIssue({ code: "custom", message: moneyProblem(s) });
      return z.NEVER;
    }
    return cents;
  });

const LIMIT_TEXT = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2 }).format(Number(MAX_ABS_CENTS) / 100);

/** Why a typed amount is not one, in words the person can act on. */
function moneyProblem(s: string): string {
  const plain = s.replace(/[$,()\s+-]/g, "");
  if (/^\d+\.\d{3,}$/.test(plain)) return "Use at most two decimals (whole cents).";
  const [whole, frac = ""] = plain.split(".");
  if (/^\d+(\.\d{1,2})?$/.test(plain) && BigInt(whole) * 100n + BigInt(frac.padEnd(2, "0")) > MAX_ABS_CENTS)
    return `The amount is too large: at most ${LIMIT_TEXT} either way.`;
  return "Enter an amount like 1234.56 (digits, an optional minus sign and at most two decimals).";
}

/** One plan cell: org unit × category × month (the first day, YYYY-MM-01). */
const ZPlanCell = {
  orgUnitId: ZId("Choose an org unit."),
  category: z.enum(BudgetCategory, { error: "Choose a category." }),
  month: z
    .string({ error: "Month must be the first day of a month." })
    .regex(/^\d{4}-(0[1-9]|1[0-2])-01$/, "Month must be the first day of a month.")
    .refine(isIsoDate, "Month is out of range."),
};

export const ZSetBudgetCellInput = z.object({ ...ZPlanCell, amount: ZPlanAmount });

export const ZClearBudgetCellInput = z.object(ZPlanCell);

export const ZCopyPlanForwardInput = z.object({
  fromFiscalYear: ZFiscalYear(),
  /** Percentage change applied to every line, e.g. 5 or -2.5 (at most two decimals). */
  percentChange: z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d{1,2})?$/, "Enter a percentage like 5 or -2.5.")
    .refine((s) => Number(s) > -100 && Number(s) <= 500, "Percentage must be above -100 and at most 500."),
  /** Replace lines already planned in the target year (otherwise they are refused). */
  overwrite: ZCheckbox,
});
