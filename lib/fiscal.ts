// The fiscal calendar, in one place. An org's fiscal year starts on the first day of
// `startMonth` (1 = January … 12 = December) and is named after the calendar year in which it
// ENDS: with startMonth 2, FY2027 runs Feb 2026 – Jan 2027. With startMonth 1 it is simply the
// calendar year. Periods are derived at read time, never stored (see prisma/schema.prisma).
//
// Dates are calendar dates: we read their UTC year/month, which is how @db.Date columns come
// back from Prisma (UTC midnight), and we return UTC-midnight Date objects.

export type FiscalPeriod = {
  fiscalYear: number;
  /** 1–4 */
  quarter: number;
  /** 1–2 */
  half: number;
  /** 1–12: month of the fiscal year (1 = the start month). */
  month: number;
  /** "FY27 Q2" */
  label: string;
};

function assertStartMonth(startMonth: number) {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`Fiscal start month must be 1–12, got ${startMonth}`);
  }
}

/** The fiscal year a calendar month (year, 1–12) falls in. */
function fiscalYearOfMonth(year: number, month: number, startMonth: number): number {
  assertStartMonth(startMonth);
  // A year starting in January ends in the same calendar year; any later start ends next year.
  return startMonth !== 1 && month >= startMonth ? year + 1 : year;
}

export function fiscalYearOf(date: Date, startMonth: number): number {
  return fiscalYearOfMonth(date.getUTCFullYear(), date.getUTCMonth() + 1, startMonth);
}

export function fiscalPeriod(date: Date, startMonth: number): FiscalPeriod {
  const fiscalYear = fiscalYearOf(date, startMonth);
  const month = ((date.getUTCMonth() + 1 - startMonth + 12) % 12) + 1;
  const quarter = Math.ceil(month / 3);
  return { fiscalYear, quarter, half: month <= 6 ? 1 : 2, month, label: `${fiscalYearLabel(fiscalYear)} Q${quarter}` };
}

/** "FY27" */
export function fiscalYearLabel(fiscalYear: number): string {
  return `FY${String(((fiscalYear % 100) + 100) % 100).padStart(2, "0")}`;
}

/** "FY27", "FY27 Q2" or "FY27 H1": how a stored period (e.g. an initiative's) is shown. */
export function formatFiscalPeriod(p: { fiscalYear: number; fiscalQuarter?: number | null; fiscalHalf?: number | null }): string {
  const fy = fiscalYearLabel(p.fiscalYear);
  if (p.fiscalQuarter) return `${fy} Q${p.fiscalQuarter}`;
  if (p.fiscalHalf) return `${fy} H${p.fiscalHalf}`;
  return fy;
}

/** First day of the fiscal year's first month. */
function fiscalYearStart(fiscalYear: number, startMonth: number): { year: number; monthIndex: number } {
  assertStartMonth(startMonth);
  return { year: startMonth === 1 ? fiscalYear : fiscalYear - 1, monthIndex: startMonth - 1 };
}

/**
 * The calendar dates of a fiscal year: `start` is its first day, `end` its LAST day (inclusive,
 * so `date <= end` for date columns), both UTC midnight.
 */
export function fiscalYearRange(fiscalYear: number, startMonth: number): { start: Date; end: Date } {
  const { year, monthIndex } = fiscalYearStart(fiscalYear, startMonth);
  // Day 0 of the month after the 12th month = the last day of the 12th month.
  return { start: new Date(Date.UTC(year, monthIndex, 1)), end: new Date(Date.UTC(year, monthIndex + 12, 0)) };
}

/** First and last day of a fiscal quarter (1–4), inclusive. */
export function fiscalQuarterRange(fiscalYear: number, quarter: number, startMonth: number): { start: Date; end: Date } {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`Quarter must be 1–4, got ${quarter}`);
  const { year, monthIndex } = fiscalYearStart(fiscalYear, startMonth);
  const first = monthIndex + (quarter - 1) * 3;
  return { start: new Date(Date.UTC(year, first, 1)), end: new Date(Date.UTC(year, first + 3, 0)) };
}

/** First and last day of fiscal month 1–12 (1 = the start month), inclusive. */
export function fiscalMonthRange(fiscalYear: number, month: number, startMonth: number): { start: Date; end: Date } {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Fiscal month must be 1–12, got ${month}`);
  const { year, monthIndex } = fiscalYearStart(fiscalYear, startMonth);
  const index = monthIndex + month - 1;
  return { start: new Date(Date.UTC(year, index, 1)), end: new Date(Date.UTC(year, index + 1, 0)) };
}

/** The first days of the 12 months of a fiscal year, in order. */
export function fiscalMonths(fiscalYear: number, startMonth: number): Date[] {
  const { year, monthIndex } = fiscalYearStart(fiscalYear, startMonth);
  return Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(year, monthIndex + i, 1)));
}

/** "2026-02-01": a Date as a calendar-date string (UTC), for DTOs and SQL parameters. */
/**
 * The years a calendar date in Keel's inputs may have: wide enough for any plan or history, and
 * far inside what PostgreSQL's date and JS Dates hold (year 0000 or 275760 would fail in the
 * database as an internal error instead of a message).
 */
export const MIN_INPUT_YEAR = 1900;
export const MAX_INPUT_YEAR = 2199;

/** Strict "YYYY-MM-DD" calendar date (UTC midnight): "2026-02-30" is refused, not rolled into March. */
export function parseIsoDate(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_INPUT_YEAR || y > MAX_INPUT_YEAR) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

export const isIsoDate = (s: string): boolean => parseIsoDate(s) !== null;

/** An ISO timestamp (e.g. an updatedAt echoed back by a form) whose year is in the input range. */
export function isInputInstant(s: string): boolean {
  const y = new Date(s).getUTCFullYear();
  return y >= MIN_INPUT_YEAR && y <= MAX_INPUT_YEAR;
}

/** Largest value of an Int (int4) column such as a row version: a bigger number fails in the database. */
export const MAX_INT4 = 2_147_483_647;

export function toDateString(date: Date): string {
  return date.toISOString().slice(0, 10);
}
