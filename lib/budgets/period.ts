import { fiscalMonthRange, fiscalQuarterRange, fiscalYearLabel, fiscalYearRange } from "@/lib/fiscal";
import { addDays } from "@/lib/dates";

// Reporting periods of the finance views, parsed from the URL (?period=year|ytd|q1…q4|m1…m12).
//
// Year to date compares like with like: it ends with the LAST CLOSED month (the month before
// today's), so plan, actual and forecast all cover the same whole months. The month in progress
// is shown apart as "month to date" (booked so far against the whole month's plan), never mixed
// into a year-to-date figure.

export type PeriodKey = "year" | "ytd" | `q${1 | 2 | 3 | 4}` | `m${number}`;

export type Period = {
  key: PeriodKey;
  label: string;
  /** First day of the first month and LAST day of the last month, inclusive. */
  start: Date;
  /** Before `start` when the period has no month (year to date before any month of the year closed). */
  end: Date;
};

export function parsePeriodKey(value: string | null | undefined): PeriodKey {
  if (value === "ytd" || value === "year") return value;
  if (value && /^q[1-4]$/.test(value)) return value as PeriodKey;
  if (value && /^m([1-9]|1[0-2])$/.test(value)) return value as PeriodKey;
  return "year";
}

const monthName = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/** The month in progress on `today`, when it is a month of the fiscal year. */
export type MonthInProgress = {
  /** First and last day of the month. */
  start: Date;
  end: Date;
  /** 1–12: the month of the fiscal year. */
  fiscalMonth: number;
  /** Today's day of the month and the month's length: "day 6 of 31". */
  day: number;
  days: number;
};

/** Where a fiscal year stands on `today`. */
export type YearProgress = {
  fiscalYear: number;
  /** "future": not started; "open": today is inside it; "closed": every month has closed. */
  state: "future" | "open" | "closed";
  /** Months of the year that have closed (0–12): the months year to date covers. */
  closedMonths: number;
  /** First day of the last closed month, or null when none has closed. */
  lastClosed: Date | null;
  current: MonthInProgress | null;
  /** First day of the year (for "FY28 starts Feb 2027"). */
  start: Date;
};

export function yearProgress(fiscalYear: number, startMonth: number, today: Date): YearProgress {
  const fy = fiscalYearRange(fiscalYear, startMonth);
  const thisMonth = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1);
  // Whole months from the year's first month to today's month = the months before today's.
  const elapsed = (today.getUTCFullYear() - fy.start.getUTCFullYear()) * 12 + today.getUTCMonth() - fy.start.getUTCMonth();
  const closedMonths = Math.max(0, Math.min(12, elapsed));
  const lastClosed = closedMonths > 0 ? new Date(Date.UTC(fy.start.getUTCFullYear(), fy.start.getUTCMonth() + closedMonths - 1, 1)) : null;
  const state = thisMonth < fy.start.getTime() ? "future" : elapsed >= 12 ? "closed" : "open";
  let current: MonthInProgress | null = null;
  if (state === "open") {
    const start = new Date(thisMonth);
    const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0));
    current = { start, end, fiscalMonth: elapsed + 1, day: today.getUTCDate(), days: end.getUTCDate() };
  }
  return { fiscalYear, state, closedMonths, lastClosed, current, start: fy.start };
}

/** "through Nov", "no month closed yet", "starts Feb 2027": what year to date covers. */
export function ytdSpan(p: YearProgress): string {
  if (p.state === "future") return `starts ${monthYear.format(p.start)}`;
  if (!p.lastClosed) return "no month closed yet";
  return `through ${monthName.format(p.lastClosed)}`;
}

/** "Dec to date (day 6 of 31)". */
export function monthToDateLabel(m: MonthInProgress): string {
  return `${monthName.format(m.start)} to date (day ${m.day} of ${m.days})`;
}

/** `today` decides where year to date stops: the end of the last closed month (see above). */
export function resolvePeriod(key: PeriodKey, fiscalYear: number, startMonth: number, today: Date): Period {
  const fy = fiscalYearRange(fiscalYear, startMonth);
  const label = fiscalYearLabel(fiscalYear);
  if (key === "year") return { key, label: `${label} full year`, ...fy };
  if (key === "ytd") {
    const p = yearProgress(fiscalYear, startMonth, today);
    // Day 0 of the month after the last closed one is that month's last day; with none closed
    // the range ends the day before it starts (empty).
    const end = p.lastClosed ? new Date(Date.UTC(p.lastClosed.getUTCFullYear(), p.lastClosed.getUTCMonth() + 1, 0)) : addDays(fy.start, -1);
    return { key, label: `${label} YTD ${ytdSpan(p)}`, start: fy.start, end };
  }
  if (key.startsWith("q")) {
    const q = Number(key.slice(1));
    return { key, label: `${label} Q${q}`, ...fiscalQuarterRange(fiscalYear, q, startMonth) };
  }
  const m = Number(key.slice(1));
  const { start, end } = fiscalMonthRange(fiscalYear, m, startMonth);
  return { key, label: `${label} M${m} (${monthYear.format(start)})`, start, end };
}

/** Number of whole months a period covers (0 for an empty year to date). */
export function periodMonths(p: { start: Date; end: Date }): number {
  if (p.end < p.start) return 0;
  return (p.end.getUTCFullYear() - p.start.getUTCFullYear()) * 12 + p.end.getUTCMonth() - p.start.getUTCMonth() + 1;
}

/** The month key (m1…m12) of the month in progress, when it is in this fiscal year. */
export function currentMonthKey(fiscalYear: number, startMonth: number, today: Date): PeriodKey | null {
  const c = yearProgress(fiscalYear, startMonth, today).current;
  return c ? (`m${c.fiscalMonth}` as PeriodKey) : null;
}

export function periodOptions(fiscalYear: number, startMonth: number, today = new Date()): { key: PeriodKey; label: string }[] {
  const keys: PeriodKey[] = ["year", "ytd", "q1", "q2", "q3", "q4", ...Array.from({ length: 12 }, (_, i) => `m${i + 1}` as PeriodKey)];
  return keys.map((key) => ({ key, label: resolvePeriod(key, fiscalYear, startMonth, today).label }));
}
