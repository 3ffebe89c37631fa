// Date arithmetic for the seed, all in UTC at midnight so @db.Date columns store the intended day
// whatever the machine's time zone.

import { fiscalPeriod, fiscalYearRange } from "@/lib/fiscal";
import { addDays, daysBetween } from "@/lib/dates";

export { addDays };

export function utcMidnight(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function ymd(year: number, month1: number, day: number): Date {
  return new Date(Date.UTC(year, month1 - 1, day));
}

export function addMonths(d: Date, months: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()));
}

export function daysInMonth(d: Date): number {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

export function diffDays(a: Date, b: Date): number {
  return daysBetween(b, a);
}

/** The same day at a given UTC hour/minute, for timestamps (createdAt, acknowledgedAt). */
export function atTime(d: Date, hour: number, minute = 0): Date {
  return new Date(d.getTime() + (hour * 60 + minute) * 60_000);
}

/** Most recent date ≤ d falling on `weekday` (0 = Sunday … 5 = Friday). */
export function lastWeekdayOnOrBefore(d: Date, weekday: number): Date {
  return addDays(d, -((d.getUTCDay() - weekday + 7) % 7));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// Plain lookups instead of toLocaleDateString: Intl formatting per row cost most of a second.
/** "Nov 2026" */
export function monthLabel(d: Date): string {
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "Nov 27" */
export function shortDate(d: Date): string {
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

// Fiscal periods come from the one fiscal calendar module.
export { fiscalYearOf } from "@/lib/fiscal";

export function fiscalQuarterOf(d: Date, startMonth: number): number {
  return fiscalPeriod(d, startMonth).quarter;
}

/** First day of fiscal year `fy`. */
export function fiscalYearStart(fy: number, startMonth: number): Date {
  return fiscalYearRange(fy, startMonth).start;
}

/** Shift a (fiscal year, quarter) pair by n quarters. */
export function addQuarters(fy: number, q: number, n: number): { fy: number; q: number } {
  const idx = fy * 4 + (q - 1) + n;
  return { fy: Math.floor(idx / 4), q: (idx % 4) + 1 };
}
