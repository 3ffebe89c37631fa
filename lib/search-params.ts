import { z } from "zod";

// Reading a page's search parameters. Next gives each one as a string, an array (repeated key)
// or undefined; a route handler has URLSearchParams. Each page (or area, when a page and its CSV
// export share filters) declares one zod object of the fields below and reads it with
// parseSearch. Every field ends in `.catch`, so a value from the URL that does not fit reads as
// the default and the page renders instead of failing: the URL is input nobody vouches for.

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a repeated key; "" reads as absent. */
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v) || undefined;

const raw = z.preprocess(first, z.string().optional());

/** An optional string value: the first one of a repeated key, "" as undefined. */
export const zParam = () => raw.catch(undefined);

/** Free text (a search box): trimmed and cut to `max` characters; "" when absent. */
export const zText = (max = 100) => raw.transform((v) => (v ?? "").trim().slice(0, max)).catch("");

/** One of a list of words, or undefined. */
export const zOneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(first, z.enum(values).optional()).catch(undefined);

/**
 * A member of an enum object, or undefined. Only its values: `value in Enum` also accepted
 * inherited keys ("toString", "constructor"), which then reached the database and gave a 500.
 */
export const zEnum = <E extends Record<string, string>>(values: E) =>
  z.preprocess(first, z.enum(values).optional()).catch(undefined) as z.ZodType<E[keyof E] | undefined, unknown>;

/** "1" is on; anything else is off. */
export const zFlag = () => raw.transform((v) => v === "1").catch(false);

/** An id-shaped value (letters, digits, _ and -; at most 64), or undefined. */
export const zIdParam = () =>
  z
    .preprocess(
      first,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/)
        .optional(),
    )
    .catch(undefined);

/** A calendar day YYYY-MM-DD that Date can read, or undefined. */
export const zDayParam = () =>
  z
    .preprocess(
      first,
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
        .optional(),
    )
    .catch(undefined);

/** A four-digit fiscal year between 2000 and 2100, or undefined. */
export const zYearParam = () =>
  z
    .preprocess(
      first,
      z
        .string()
        .regex(/^\d{4}$/)
        .transform(Number)
        .pipe(z.number().min(2000).max(2100))
        .optional(),
    )
    .catch(undefined);

/** An integer, clamped to [min, max]; `fallback` when absent or not a number. */
export const zIntParam = (min: number, max: number, fallback: number) =>
  raw
    .transform((v) => {
      const n = Number.parseInt(v ?? "", 10);
      return Number.isFinite(n) ? Math.max(min, Math.min(max, n)) : fallback;
    })
    .catch(fallback);

/** A search-as-you-type picker's query (?q=), "" when absent; the search functions bound and clean it. */
export const ZPickerSearch = z.object({ q: zParam().transform((v) => v ?? "") });

/** A page's (or a request's) search parameters read through its schema; never throws for bad values. */
export function parseSearch<S extends z.ZodType>(schema: S, sp: SearchParams | URLSearchParams): z.output<S> {
  return schema.parse(sp instanceof URLSearchParams ? fromUrl(sp) : sp);
}

// URLSearchParams.get reads the first of a repeated key; so does a page.
function fromUrl(sp: URLSearchParams): SearchParams {
  const out: SearchParams = {};
  for (const [key, value] of sp) if (!Object.hasOwn(out, key)) out[key] = value;
  return out;
}
