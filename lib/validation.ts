import { z } from "zod";

import { isInputInstant, isIsoDate, MAX_INPUT_YEAR, MAX_INT4, MIN_INPUT_YEAR } from "@/lib/fiscal";
import { parseMoneyToCents } from "@/lib/money";

// The zod primitives the input schemas (lib/<area>/schemas.ts) are built from, so an id, a date
// or a version has one shape and one limit everywhere. Inputs arrive from forms as strings (""
// for an empty field) or from code. A field left out is read one of two ways, named apart:
// `ZOptional…` keeps an absent field undefined ("not sent": keep what is stored) and reads "" as
// null ("cleared"); `Z…OrNull` reads both as null.

/** Longest id accepted: ids are checked against the org on the server, this only bounds them. */
export const ID_MAX = 64;

/** A required id; `message` is what the field says when it is missing. */
export const ZId = (message = "Missing id.") => z.string({ error: message }).trim().min(1, message).max(ID_MAX, message);

// A picker's value: "" or "none" is "no choice".
const pickedId = z
  .string()
  .trim()
  .max(ID_MAX, "That choice is not one of the options.")
  .transform((s) => (s === "" || s === "none" ? null : s))
  .nullable();

/** An optional picker: "", "none" or null is null; absent stays undefined (not sent). */
export const ZOptionalId = pickedId.optional();

/** An optional picker read as a value: "", "none", null and absent are all null. */
export const ZIdOrNull = pickedId.optional().transform((v) => v ?? null);

/** A calendar date "YYYY-MM-DD" in the input years; `label` names the field in messages. */
export const ZDate = (label = "date") =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `Enter the ${label} as YYYY-MM-DD.`, abort: true })
    .refine(isIsoDate, `Enter the ${label} as a real date between ${MIN_INPUT_YEAR} and ${MAX_INPUT_YEAR}.`);

const blankDate = (label: string) =>
  z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : s))
    .pipe(ZDate(label).nullable())
    .nullable();

/** An optional date: "" or null is null; absent stays undefined (not sent). */
export const ZOptionalDate = (label = "date") => blankDate(label).optional();

/** An optional date read as a value: "", null and absent are all null. */
export const ZDateOrNull = (label = "date") =>
  blankDate(label)
    .optional()
    .transform((v) => v ?? null);

const RELOAD = "Reload the page and try again.";

/** The row version a form was opened with (optimistic concurrency): a positive int4. */
export const ZVersion = z.coerce.number({ error: RELOAD }).int(RELOAD).min(1, RELOAD).max(MAX_INT4, RELOAD);

/** The updatedAt a form was opened with, echoed back: a concurrent edit is refused. */
export const ZExpectedUpdatedAt = z.string().datetime({ error: RELOAD, abort: true }).refine(isInputInstant, RELOAD);

/** A fiscal year as typed, 2000–2100. */
export const ZFiscalYear = (message = "Enter the fiscal year, e.g. 2027.") =>
  z.coerce.number({ error: message }).int(message).min(2000, message).max(2100, message);

/** What an amount field accepts: `message` says how to write one; `min`/`max` in cents. */
type CentsRule = { message: string; min?: bigint; max?: bigint };

/** An amount as people type it ("185000", "185,000.00"), parsed exactly into cents by lib/money.ts. */
export const ZCents = ({ message, min = 0n, max }: CentsRule) =>
  z
    .string({ error: message })
    .trim()
    .transform((s, ctx) => {
      const cents = parseMoneyToCents(s);
      if (cents === null || cents < min || (max !== undefined && cents > max)) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return cents;
    });

/** An optional amount: "" or null is null; absent stays undefined (not sent). */
export const ZOptionalCents = (rule: CentsRule) =>
  z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : s))
    .pipe(ZCents(rule).nullable())
    .nullable()
    .optional();

/** An optional amount read as a value (a number from code too): "", null and absent are null. */
export const ZCentsOrNull = (rule: CentsRule) =>
  z
    .union([z.string(), z.number().transform(String)])
    .transform((s) => (s.trim() === "" ? null : s))
    .pipe(ZCents(rule).nullable())
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** A checkbox: "on" when ticked, absent when not; booleans and "true"/"false" from code. */
export const ZCheckbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");
