import { MAX_INPUT_YEAR, MIN_INPUT_YEAR } from "@/lib/fiscal";
import { MAX_ABS_CENTS } from "@/lib/money";

// Cell values as ledger exports write them, read into Keel's canonical forms. Pure functions,
// shared by the import (server) and the wizard's preview (browser). Each returns null for a
// value it cannot read; the caller words the problem with the row and column.

/** How a file writes calendar dates: chosen in the mapping, never guessed. */
export const DATE_FORMATS = { MDY: "US (MM/DD/YYYY)", DMY: "EU (DD/MM/YYYY)", YMD: "ISO (YYYY-MM-DD)" } as const;
export type DateFormat = keyof typeof DATE_FORMATS;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function isoDay(y: number, m: number, d: number): string | null {
  if (y < MIN_INPUT_YEAR || y > MAX_INPUT_YEAR || m < 1 || m > 12 || d < 1) return null;
  // Day 0 of the next month is the last day of this one: "02/30/2026" is refused, not rolled on.
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * A date cell → "YYYY-MM-DD". Numeric dates are read in `format` only; dates with a month name
 * ("1 Mar 2026", "Mar 1, 2026", "01-Mar-2026") are unambiguous and read in any format. A time of
 * day after the date (" 00:00:00") is ignored.
 */
export function parseLedgerDate(cell: string, format: DateFormat): string | null {
  const s = cell.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2})?(\.\d+)?( ?[AP]M)?$/i, "");
  const named = /^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-,]+(\d{4})$/.exec(s) ?? null;
  if (named) return monthNamed(named[3], named[2], named[1]);
  const namedFirst = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (namedFirst) return monthNamed(namedFirst[3], namedFirst[1], namedFirst[2]);
  const m = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/.exec(s);
  if (!m) return null;
  const [a, b, c] = [m[1], m[2], m[3]];
  if (format === "YMD") return a.length === 4 ? isoDay(+a, +b, +c) : null;
  if (c.length !== 4) return null;
  return format === "MDY" ? isoDay(+c, +a, +b) : isoDay(+c, +b, +a);
}

function monthNamed(year: string, month: string, day: string): string | null {
  const i = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
  return i < 0 ? null : isoDay(+year, i + 1, +day);
}

/**
 * Which formats read every sample date. The wizard pre-selects a format only when exactly one
 * does (e.g. "31/03/2026" rules out US); "11/03/2026" alone leaves both open, and the person
 * must choose.
 */
export function dateFormatsReading(samples: readonly string[], read: DateReader = parseLedgerDate): DateFormat[] {
  const cells = samples.map((s) => s.trim()).filter(Boolean);
  if (cells.length === 0) return [];
  return (Object.keys(DATE_FORMATS) as DateFormat[]).filter((f) => cells.every((c) => read(c, f) !== null));
}

export type DateReader = (cell: string, format: DateFormat) => string | null;

/**
 * A plan's month cell → "YYYY-MM". A month with its year alone is unambiguous and read in any
 * format: "Nov 2026", "November-2026", "2026-11", "11/2026". A full date is read in `format`
 * only and stands for its month ("11/03/2026" is November in US, March in EU).
 */
export function parseLedgerMonth(cell: string, format: DateFormat): string | null {
  const s = cell.trim();
  const named = /^([A-Za-z]{3,9})\.?[\s-]+(\d{4})$/.exec(s);
  if (named) return monthNamed(named[2], named[1], "1")?.slice(0, 7) ?? null;
  const yearFirst = /^(\d{4})[/.-](\d{1,2})$/.exec(s);
  if (yearFirst) return isoDay(+yearFirst[1], +yearFirst[2], 1)?.slice(0, 7) ?? null;
  const monthFirst = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (monthFirst) return isoDay(+monthFirst[2], +monthFirst[1], 1)?.slice(0, 7) ?? null;
  return parseLedgerDate(s, format)?.slice(0, 7) ?? null;
}

/** How a file writes amounts: "1,234.56" (decimal point) or "1.234,56" (decimal comma). */
export type DecimalMark = "." | ",";

/**
 * An amount cell → cents. Accepts thousands separators (",", ".", space, apostrophe — whichever
 * is not the decimal mark), a currency symbol or code, a leading or trailing minus, parentheses
 * for negatives and "CR"/"DR" suffixes (CR negative). Empty → 0n when `emptyIsZero` (debit and
 * credit columns leave one side blank), else null.
 */
export function parseLedgerAmount(cell: string, decimal: DecimalMark, emptyIsZero = false): bigint | null {
  let s = cell.trim();
  if (s === "" || s === "-") return emptyIsZero ? 0n : null;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1].trim();
  }
  const suffix = /\s*(CR|DR)$/i.exec(s);
  if (suffix) {
    if (suffix[1].toUpperCase() === "CR") negative = !negative;
    s = s.slice(0, suffix.index);
  }
  s = s.replace(/^[A-Z]{3}\s+|\s+[A-Z]{3}$/, "").replace(/^[$€£¥]\s*|\s*[$€£¥]$/g, "");
  if (s.startsWith("-") || s.endsWith("-")) {
    negative = !negative;
    s = s.startsWith("-") ? s.slice(1) : s.slice(0, -1);
  } else if (s.startsWith("+")) s = s.slice(1);
  s = s.replace(/^[$€£¥]\s*/, "").trim();
  const group = decimal === "." ? "[,\\s'\\u00a0\\u202f]" : "[.\\s'\\u00a0\\u202f]";
  const dec = decimal === "." ? "\\." : ",";
  const shape = new RegExp(`^(\\d{1,3}(${group}\\d{3})*|\\d+)(${dec}\\d{1,2})?$`);
  if (s.length > 40 || !shape.test(s)) return null;
  const [whole, frac = ""] = s.split(decimal);
  const cents = BigInt(whole.replace(/\D/g, "")) * 100n + BigInt(frac.padEnd(2, "0"));
  if (cents > MAX_ABS_CENTS) return null;
  return negative ? -cents : cents;
}
