import { UTCDate } from "@date-fns/utc";
import { addDays as addDaysLocal, differenceInCalendarDays } from "date-fns";

// Calendar-day arithmetic in UTC, the one way Keel counts days. Dates in the database are UTC
// calendar days (@db.Date) and ISO strings "YYYY-MM-DD"; date-fns with UTCDate does the
// arithmetic in UTC whatever the machine's time zone.

const EPOCH = new UTCDate(0);
const DAY_MS = 86_400_000;
const utc = (d: Date | string) => (typeof d === "string" ? new UTCDate(`${d.slice(0, 10)}T00:00:00Z`) : new UTCDate(d));

/** The date `days` calendar days after `d` (before, when negative), same time of day, in UTC. */
export function addDays(d: Date | string, days: number): Date {
  return new Date(addDaysLocal(utc(d), days).getTime());
}

/** "YYYY-MM-DD" `days` calendar days after the day `iso` (before, when negative). */
export function addDaysIso(iso: string, days: number): string {
  return addDaysLocal(utc(iso), days).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` in UTC (negative when `to` is earlier). */
export function daysBetween(from: Date | string, to: Date | string): number {
  return differenceInCalendarDays(utc(to), utc(from));
}

/** The time from `from` to `to` in days, with the fraction of a day (24 hours each, as UTC has no DST). */
export function elapsedDays(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

/** Days since 1970-01-01 of the UTC calendar day `iso`: an integer to compare and step days by. */
export function dayNumber(iso: string): number {
  return differenceInCalendarDays(utc(iso), EPOCH);
}

/** The "YYYY-MM-DD" of a dayNumber. */
export function dayString(n: number): string {
  return addDaysIso("1970-01-01", n);
}
