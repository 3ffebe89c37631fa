import { addDaysIso } from "@/lib/headcount/position-helpers";

// The trailing windows of the org health figures, from the day the page is read for.

/** The trailing 12 months ending on `day`: from the day after the same day a year before. */
export function trailingYear(day: string): { from: string; to: string } {
  const [y, m, d] = day.split("-").map(Number);
  const yearBefore = new Date(Date.UTC(y - 1, m - 1, d));
  // 29 February → 28 February (Date would roll over to 1 March).
  if (yearBefore.getUTCMonth() !== m - 1) yearBefore.setUTCDate(0);
  return { from: addDaysIso(yearBefore.toISOString().slice(0, 10), 1), to: day };
}

/** The same day 6 months before `day`: a manager managing since after it is new (less than 6 months). */
export function sixMonthsBefore(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  const back = new Date(Date.UTC(y, m - 1 - 6, d));
  if (back.getUTCDate() !== d) back.setUTCDate(0);
  return back.toISOString().slice(0, 10);
}
