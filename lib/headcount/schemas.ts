import { z } from "zod";

import { HIRING_PLAN_MAX_CHARS } from "@/lib/security/body-limits";
import { ZCents, ZCheckbox, ZDate, ZFiscalYear, ZId, ZOptionalCents, ZOptionalDate, ZOptionalId, ZVersion } from "@/lib/validation";

// Inputs arrive from forms (strings) or from code: coerce where a form sends text. An absent
// optional field is "not sent" (an edit keeps what is stored); see lib/validation.ts.

const ZRequiredId = ZId("Required.");

/** Pay: "185000" or "185,000.00" → cents (bigint), positive. */
const PAY = { message: "Enter the annual compensation as an amount, e.g. 185000.", min: 1n };
const ZAnnualComp = ZCents(PAY);
const ZOptionalMoney = ZOptionalCents(PAY);

/** A band needs both ends, low ≤ high, and the pay (when given) inside it. */
function checkBand(v: { compensation?: bigint | null; compBandMin?: bigint | null; compBandMax?: bigint | null }, ctx: z.RefinementCtx) {
  const { compBandMin: lo, compBandMax: hi, compensation: pay } = v;
  if ((lo == null) !== (hi == null))
    ctx.addIssue({
      code: "custom",
      path: [lo == null ? "compBandMin" : "compBandMax"],
      message: "Give both ends of the band, or neither.",
    });
  if (lo != null && hi != null) {
    if (lo > hi) ctx.addIssue({ code: "custom", path: ["compBandMax"], message: "The top of the band is below its bottom." });
    else if (pay != null && (pay < lo || pay > hi))
      ctx.addIssue({ code: "custom", path: ["compensation"], message: "The compensation is outside the band." });
  }
}

const ZMultiplier = z
  .string()
  .trim()
  .transform((s) => (s === "" ? null : s))
  .pipe(
    z
      .string()
      .regex(/^\d(\.\d{1,4})?$/, "Use a multiplier like 1.3 (up to four decimals).")
      .refine((s) => Number(s) >= 1 && Number(s) < 10, "The multiplier must be from 1 to 9.9999.")
      .nullable(),
  )
  .nullable()
  .optional();

// What a position is, the same when it is opened and when it is edited. Blank band ends keep the
// current band on an edit (see update-position.ts).
const POSITION_FIELDS = {
  title: z.string().trim().min(2, "Enter a title.").max(120, "At most 120 characters."),
  level: z.string().trim().min(1, "Enter a level, e.g. IC3.").max(20, "At most 20 characters."),
  targetStartDate: ZOptionalDate("target start date"),
  compBandMin: ZOptionalMoney,
  compBandMax: ZOptionalMoney,
  loadedCostMultiplier: ZMultiplier,
  budgetFiscalYear: ZFiscalYear("Enter a fiscal year like 2027."),
  budgetFiscalQuarter: z
    .union([z.literal(""), z.coerce.number().int().min(1).max(4)], { error: "Choose a quarter 1–4 or the whole year." })
    .transform((q) => (q === "" ? null : q))
    .nullable()
    .optional(),
};

export const ZCreatePositionInput = z
  .object({
    orgUnitId: ZRequiredId,
    ...POSITION_FIELDS,
    compensation: ZAnnualComp,
    /** Open for hiring at once instead of only planning it. */
    openNow: ZCheckbox,
    /** A requisition outside the hiring plan: never a planned head (lib/headcount/plan.ts). */
    outsidePlan: ZCheckbox,
  })
  .superRefine(checkBand);

export const ZPositionTransitionInput = z.object({
  positionId: ZRequiredId,
  version: ZVersion,
  event: z.enum(["open", "close"], { error: "Choose open or close." }),
});

export const ZFillPositionInput = z.discriminatedUnion(
  "mode",
  [
    z.object({
      mode: z.literal("new"),
      positionId: ZRequiredId,
      version: ZVersion,
      name: z.string().trim().min(2, "Enter the new hire's name.").max(120),
      email: z
        .string()
        .trim()
        .toLowerCase()
        .transform((s) => (s === "" ? null : s))
        .pipe(z.email("Enter a valid email address.").nullable())
        .nullable()
        .optional(),
      startDate: ZDate("start date"),
      managerId: ZOptionalId,
    }),
    z.object({
      mode: z.literal("existing"),
      positionId: ZRequiredId,
      version: ZVersion,
      personId: ZRequiredId,
      startDate: ZDate("start date"),
    }),
  ],
  { error: "Choose a new hire or an existing person." },
);

export const ZAllocationInput = z
  .object({
    projectId: ZRequiredId,
    personId: ZOptionalId,
    positionId: ZOptionalId,
    percent: z.coerce
      .number({ error: "Enter a percentage." })
      .int("Use a whole percentage.")
      .min(1, "At least 1%.")
      .max(100, "At most 100% per allocation."),
    startDate: ZDate("start date"),
    endDate: ZOptionalDate("end date"),
  })
  .superRefine((v, ctx) => {
    if (!v.personId === !v.positionId)
      ctx.addIssue({ code: "custom", path: ["personId"], message: "Choose a person or an unfilled position." });
    if (v.endDate && v.endDate < v.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date is before the start date." });
  });

export const ZRemoveAllocationInput = z.object({ allocationId: ZRequiredId });

export const ZImportHiringPlanInput = z.object({
  fileName: z.string().trim().min(1).max(200).default("hiring-plan.csv"),
  csv: z.string().min(1, "Choose a CSV file.").max(HIRING_PLAN_MAX_CHARS, "The file is too large (2 MB at most)."),
});

export const ZUpdatePositionInput = z
  .object({
    positionId: ZRequiredId,
    version: ZVersion,
    ...POSITION_FIELDS,
    /** Blank keeps the current pay: people who may not read it can still edit the rest. */
    compensation: ZOptionalMoney,
  })
  .superRefine(checkBand);
