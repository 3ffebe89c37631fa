import { z } from "zod";

import { isIsoDate, MAX_INPUT_YEAR, MAX_INT4, MIN_INPUT_YEAR } from "@/lib/fiscal";
import { parseMoneyToCents } from "@/lib/money";
import { HIRING_PLAN_MAX_CHARS } from "@/lib/security/body-limits";

// Inputs arrive from forms (strings) or from code: coerce where a form sends text. Dates are
// calendar dates "YYYY-MM-DD".

export const ZDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.")
  .refine(isIsoDate, `Enter a real date between ${MIN_INPUT_YEAR} and ${MAX_INPUT_YEAR}.`);
const ZOptionalDate = z.string().trim().transform((s) => (s === "" ? null : s)).pipe(ZDate.nullable()).nullable().optional();
const ZId = z.string().trim().min(1, "Required.").max(64);
const ZOptionalId = z.string().trim().max(64).transform((s) => (s === "" || s === "none" ? null : s)).nullable().optional();
export const ZVersion = z.coerce.number({ error: "Reload the page and try again." }).int().min(1).max(MAX_INT4, "Reload the page and try again.");

/** "185000" or "185,000.00" → cents (bigint), positive. */
const ZAnnualComp = z.string().trim().transform((s, ctx) => {
  const cents = parseMoneyToCents(s);
  if (cents === null || cents <= 0n) {
    ctx.addIssue({ code: "custom", message: "Enter the annual compensation as an amount, e.g. 185000." });
    return z.NEVER;
  }
  return cents;
});

const ZOptionalMoney = z.string().trim().transform((s) => (s === "" ? null : s)).pipe(ZAnnualComp.nullable()).nullable().optional();

/** A band needs both ends, low ≤ high, and the pay (when given) inside it. */
function checkBand(v: { compensation?: bigint | null; compBandMin?: bigint | null; compBandMax?: bigint | null }, ctx: z.RefinementCtx) {
  const { compBandMin: lo, compBandMax: hi, compensation: pay } = v;
  if ((lo == null) !== (hi == null)) ctx.addIssue({ code: "custom", path: [lo == null ? "compBandMin" : "compBandMax"], message: "Give both ends of the band, or neither." });
  if (lo != null && hi != null) {
    if (lo > hi) ctx.addIssue({ code: "custom", path: ["compBandMax"], message: "The top of the band is below its bottom." });
    else if (pay != null && (pay < lo || pay > hi)) ctx.addIssue({ code: "custom", path: ["compensation"], message: "The compensation is outside the band." });
  }
}

const ZMultiplier = z.string().trim().transform((s) => (s === "" ? null : s))
  .pipe(z.string().regex(/^\d(\.\d{1,4})?$/, "Use a multiplier like 1.3 (up to four decimals).").refine((s) => Number(s) >= 1 && Number(s) < 10, "The multiplier must be from 1 to 9.9999.").nullable())
  .nullable().optional();

export const ZCreatePositionInput = z.object({
  orgUnitId: ZId,
  title: z.string().trim().min(2, "Enter a title.").max(120, "At most 120 characters."),
  level: z.string().trim().min(1, "Enter a level, e.g. IC3.").max(20, "At most 20 characters."),
  targetStartDate: ZOptionalDate,
  compensation: ZAnnualComp,
  compBandMin: ZOptionalMoney,
  compBandMax: ZOptionalMoney,
  loadedCostMultiplier: ZMultiplier,
  budgetFiscalYear: z.coerce.number({ error: "Enter a fiscal year." }).int().min(2000, "Enter a fiscal year like 2027.").max(2100, "Enter a fiscal year like 2027."),
  budgetFiscalQuarter: z.union([z.literal(""), z.coerce.number().int().min(1).max(4)], { error: "Choose a quarter 1–4 or the whole year." })
    .transform((q) => (q === "" ? null : q)).nullable().optional(),
  /** Open for hiring at once instead of only planning it. */
  openNow: z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")]).optional().transform((v) => v === true || v === "on" || v === "true"),
  /** A requisition outside the hiring plan: never a planned head (lib/headcount/plan.ts). */
  outsidePlan: z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")]).optional().transform((v) => v === true || v === "on" || v === "true"),
}).superRefine(checkBand);

export const ZPositionTransitionInput = z.object({
  positionId: ZId,
  version: ZVersion,
  event: z.enum(["open", "close"], { error: "Choose open or close." }),
});

export const ZFillPositionInput = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("new"),
    positionId: ZId,
    version: ZVersion,
    name: z.string().trim().min(2, "Enter the new hire's name.").max(120),
    email: z.string().trim().toLowerCase().transform((s) => (s === "" ? null : s)).pipe(z.email("Enter a valid email address.").nullable()).nullable().optional(),
    startDate: ZDate,
    managerId: ZOptionalId,
  }),
  z.object({
    mode: z.literal("existing"),
    positionId: ZId,
    version: ZVersion,
    personId: ZId,
    startDate: ZDate,
  }),
], { error: "Choose a new hire or an existing person." });

export const ZAllocationInput = z.object({
  projectId: ZId,
  personId: ZOptionalId,
  positionId: ZOptionalId,
  percent: z.coerce.number({ error: "Enter a percentage." }).int("Use a whole percentage.").min(1, "At least 1%.").max(100, "At most 100% per allocation."),
  startDate: ZDate,
  endDate: ZOptionalDate,
}).superRefine((v, ctx) => {
  if (!v.personId === !v.positionId) ctx.addIssue({ code: "custom", path: ["personId"], message: "Choose a person or an unfilled position." });
  if (v.endDate && v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date is before the start date." });
});

export const ZRemoveAllocationInput = z.object({ allocationId: ZId });

export const ZImportHiringPlanInput = z.object({
  fileName: z.string().trim().min(1).max(200).default("hiring-plan.csv"),
  csv: z.string().min(1, "Choose a CSV file.").max(HIRING_PLAN_MAX_CHARS, "The file is too large (2 MB at most)."),
});

export const ZUpdatePositionInput = z.object({
  positionId: ZId,
  version: ZVersion,
  title: z.string().trim().min(2, "Enter a title.").max(120, "At most 120 characters."),
  level: z.string().trim().min(1, "Enter a level, e.g. IC3.").max(20, "At most 20 characters."),
  targetStartDate: ZOptionalDate,
  /** Blank keeps the current pay: people who may not read it can still edit the rest. */
  compensation: ZOptionalMoney,
  /** Blank band ends keep the current band (see update-position.ts). */
  compBandMin: ZOptionalMoney,
  compBandMax: ZOptionalMoney,
  loadedCostMultiplier: ZMultiplier,
  budgetFiscalYear: z.coerce.number({ error: "Enter a fiscal year." }).int().min(2000, "Enter a fiscal year like 2027.").max(2100, "Enter a fiscal year like 2027."),
  budgetFiscalQuarter: z.union([z.literal(""), z.coerce.number().int().min(1).max(4)], { error: "Choose a quarter 1–4 or the whole year." })
    .transform((q) => (q === "" ? null : q)).nullable().optional(),
}).superRefine(checkBand);
