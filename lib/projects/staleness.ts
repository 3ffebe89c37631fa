import type { UpdateCadence, Weekday } from "@/lib/generated/prisma/enums";
import { dayNumber, dayString } from "@/lib/dates";

// When a project's status update is due, and how far a missing one has escalated. Pure date
// arithmetic on calendar days (UTC), so it is computed on demand — no background job — and is
// tested table-driven at cycle boundaries (tests/unit/staleness.test.ts).
//
// Cycles. Due days fall on the org's weekday every week (WEEKLY) or every other week (BIWEEKLY,
// anchored on even weeks since 1970-01-05 so every org agrees and nothing restarts at a fiscal
// or calendar year boundary). Cycle k ends at the end of its grace period, E_k = D_k + grace; it
// runs (E_{k-1}, E_k]. Each update belongs to exactly one cycle, so a late update (inside the
// grace) counts for the week it was late for, not for the next one too.
//
// States on `today` (only ACTIVE projects need updates):
//   current — an update was posted in today's cycle;
//   due     — not yet posted in today's cycle (overdue once past the due day, still in grace);
//   stale   — one or more whole cycles ended with no update; escalation level = missed cycles
//             (1 = the lead's manager, 2 = their manager, …), at most MAX_ESCALATION_LEVEL and
//             never past the top of the line (the review caps it at the line's length).

export type CadenceSettings = { updateCadence: UpdateCadence; updateDueWeekday: Weekday; updateGraceDays: number };

export type UpdateState =
  | { state: "not-required" }
  | { state: "current"; nextDue: string }
  | { state: "due"; dueDate: string; overdue: boolean }
  | { state: "stale"; dueDate: string; missedCycles: number; staleSince: string; escalationLevel: number };

/**
 * How far up the reporting line a stale project climbs at most: the lead's manager's manager's
 * manager. A project forgotten for months stays with that person instead of landing on the head
 * of the org with every other (the large org had 2,832 stale projects on the director's bell).
 */
export const MAX_ESCALATION_LEVEL = 3;

const JS_WEEKDAY: Record<Weekday, number> = { SUNDAY: 0, MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6 };

/** The cycle grid of a cadence: cycle length, due-day offset and grace, in days (see above). */
export function grid(c: CadenceSettings) {
  const length = c.updateCadence === "BIWEEKLY" ? 14 : 7;
  // Day 0 (1970-01-01) was a Thursday: weekday(n) = (n + 4) mod 7 with Sunday = 0.
  let offset = (((JS_WEEKDAY[c.updateDueWeekday] - 4) % 7) + 7) % 7;
  // Biweekly due days fall in even weeks counted from Monday 1970-01-05 (day 4).
  if (length === 14 && Math.floor((offset - 4) / 7) % 2 !== 0) offset += 7;
  return { length, offset, grace: Math.max(0, c.updateGraceDays) };
}

/** Index of the cycle containing day n: the smallest k with D_k + grace >= n. */
export function cycleIndex(n: number, g: ReturnType<typeof grid>): number {
  return Math.ceil((n - g.offset - g.grace) / g.length);
}

export const dueOf = (k: number, g: ReturnType<typeof grid>) => k * g.length + g.offset;

/** The due date of the cycle a day falls in ("YYYY-MM-DD"). */
export function dueDateForDay(day: string, c: CadenceSettings): string {
  const g = grid(c);
  return dayString(dueOf(cycleIndex(dayNumber(day), g), g));
}

/**
 * @param lastUpdate date of the latest update, or null when none was ever posted
 * @param since the project's start (or creation) date: a new project is not overdue for cycles before it existed
 */
export function updateState(
  input: { today: string; active: boolean; lastUpdate: string | null; since: string },
  c: CadenceSettings,
): UpdateState {
  if (!input.active) return { state: "not-required" };
  const g = grid(c);
  const today = dayNumber(input.today);
  const kToday = cycleIndex(today, g);
  const reference = input.lastUpdate ?? input.since;
  const kLast = cycleIndex(dayNumber(reference), g);
  if (kLast >= kToday) {
    // A project that never reported owes its first update in the cycle it started in.
    if (!input.lastUpdate) return { state: "due", dueDate: dayString(dueOf(kToday, g)), overdue: today > dueOf(kToday, g) };
    return { state: "current", nextDue: dayString(dueOf(kToday + 1, g)) };
  }
  const missed = kToday - 1 - kLast;
  if (missed === 0) return { state: "due", dueDate: dayString(dueOf(kToday, g)), overdue: today > dueOf(kToday, g) };
  return {
    state: "stale",
    dueDate: dayString(dueOf(kToday, g)),
    missedCycles: missed,
    // The first cycle that ended without an update ended at the end of its grace day.
    staleSince: dayString(dueOf(kLast + 1, g) + g.grace + 1),
    escalationLevel: Math.min(missed, MAX_ESCALATION_LEVEL),
  };
}

/**
 * Who a stale project has escalated to: `line` is the reporting line from the lead upwards
 * (lead, their manager, …). Level 0 is the lead; past the top it stays with the top.
 */
export function escalationTarget<T>(line: T[], level: number): T | null {
  if (line.length === 0) return null;
  return line[Math.min(Math.max(level, 0), line.length - 1)];
}
