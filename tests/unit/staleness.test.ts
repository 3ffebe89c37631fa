import { describe, expect, it } from "vitest";

import { dueDateForDay, escalationTarget, updateState, type CadenceSettings } from "@/lib/projects/staleness";

const WEEKLY_FRI: CadenceSettings = { updateCadence: "WEEKLY", updateDueWeekday: "FRIDAY", updateGraceDays: 2 };
const BIWEEKLY_FRI: CadenceSettings = { updateCadence: "BIWEEKLY", updateDueWeekday: "FRIDAY", updateGraceDays: 2 };
const WEEKLY_MON_NO_GRACE: CadenceSettings = { updateCadence: "WEEKLY", updateDueWeekday: "MONDAY", updateGraceDays: 0 };

// 2026-11-27 is a Friday. Weekly Friday with 2 grace days: the cycle due 11-27 runs Mon 11-23 … Sun 11-29.
type Row = [name: string, cadence: CadenceSettings, today: string, lastUpdate: string | null, expected: Record<string, unknown>];
const ROWS: Row[] = [
  ["updated this cycle", WEEKLY_FRI, "2026-11-27", "2026-11-25", { state: "current", nextDue: "2026-12-04" }],
  ["updated on the due day itself", WEEKLY_FRI, "2026-11-27", "2026-11-27", { state: "current", nextDue: "2026-12-04" }],
  [
    "last update in the previous cycle, due today",
    WEEKLY_FRI,
    "2026-11-27",
    "2026-11-20",
    { state: "due", dueDate: "2026-11-27", overdue: false },
  ],
  ["the day after the due day, in grace", WEEKLY_FRI, "2026-11-28", "2026-11-20", { state: "due", dueDate: "2026-11-27", overdue: true }],
  ["last grace day", WEEKLY_FRI, "2026-11-29", "2026-11-20", { state: "due", overdue: true }],
  [
    "first day after grace: stale, escalated one level",
    WEEKLY_FRI,
    "2026-11-30",
    "2026-11-20",
    { state: "stale", missedCycles: 1, escalationLevel: 1, staleSince: "2026-11-30", dueDate: "2026-12-04" },
  ],
  [
    "a late update inside the grace counts for the cycle it was late for",
    WEEKLY_FRI,
    "2026-11-30",
    "2026-11-28",
    { state: "due", dueDate: "2026-12-04", overdue: false },
  ],
  ["a late update does not also count for the next cycle", WEEKLY_FRI, "2026-11-23", "2026-11-21", { state: "due", dueDate: "2026-11-27" }],
  [
    "three whole cycles missed: three levels",
    WEEKLY_FRI,
    "2026-12-14",
    "2026-11-20",
    { state: "stale", missedCycles: 3, escalationLevel: 3 },
  ],
  [
    "many missed cycles: escalation stops at level 3 (MAX_ESCALATION_LEVEL), not 130",
    WEEKLY_FRI,
    "2027-03-01",
    "2026-11-20",
    { state: "stale", missedCycles: 14, escalationLevel: 3 },
  ],
  // Calendar and fiscal year edges (Acme's fiscal year starts 1 Feb): cycles run straight through.
  ["across New Year: due Friday 1 Jan", WEEKLY_FRI, "2026-12-31", "2026-12-24", { state: "due", dueDate: "2027-01-01", overdue: false }],
  ["across New Year: stale on 4 Jan", WEEKLY_FRI, "2027-01-04", "2026-12-24", { state: "stale", missedCycles: 1 }],
  [
    "fiscal-year edge: last day of FY27 in grace",
    WEEKLY_FRI,
    "2027-01-31",
    "2027-01-22",
    { state: "due", dueDate: "2027-01-29", overdue: true },
  ],
  [
    "fiscal-year edge: first day of FY28 is stale",
    WEEKLY_FRI,
    "2027-02-01",
    "2027-01-22",
    { state: "stale", missedCycles: 1, staleSince: "2027-02-01" },
  ],
  [
    "fiscal-year edge: update on the last day of FY27 still counts",
    WEEKLY_FRI,
    "2027-02-01",
    "2027-01-31",
    { state: "due", dueDate: "2027-02-05" },
  ],
  // Biweekly Fridays fall on even weeks: …, 2026-11-27, 2026-12-11, …, 2027-01-22, 2027-02-05.
  ["biweekly: due on an even-week Friday", BIWEEKLY_FRI, "2026-11-27", "2026-11-10", { state: "due", dueDate: "2026-11-27" }],
  [
    "biweekly: an odd-week Friday is not a due day",
    BIWEEKLY_FRI,
    "2026-12-04",
    "2026-11-25",
    { state: "due", dueDate: "2026-12-11", overdue: false },
  ],
  ["biweekly: updated this fortnight", BIWEEKLY_FRI, "2026-12-04", "2026-11-30", { state: "current", nextDue: "2026-12-25" }],
  ["biweekly: stale after a whole fortnight cycle", BIWEEKLY_FRI, "2026-12-14", "2026-11-25", { state: "stale", missedCycles: 1 }],
  ["biweekly: across the fiscal year edge", BIWEEKLY_FRI, "2027-02-01", "2027-01-20", { state: "due", dueDate: "2027-02-05" }],
  ["no grace: stale the day after the due day", WEEKLY_MON_NO_GRACE, "2026-11-24", "2026-11-15", { state: "stale", missedCycles: 1 }],
  [
    "no grace: due day itself is still due",
    WEEKLY_MON_NO_GRACE,
    "2026-11-23",
    "2026-11-15",
    { state: "due", dueDate: "2026-11-23", overdue: false },
  ],
];

describe("updateState", () => {
  it.each(ROWS)("%s", (_name, cadence, today, lastUpdate, expected) => {
    expect(updateState({ today, active: true, lastUpdate, since: "2026-01-05" }, cadence)).toMatchObject(expected);
  });

  it("never asks inactive projects for updates", () => {
    expect(updateState({ today: "2026-12-14", active: false, lastUpdate: null, since: "2020-01-01" }, WEEKLY_FRI)).toEqual({
      state: "not-required",
    });
  });

  it("a new project without updates owes its first one in the cycle it started, and is not stale for earlier cycles", () => {
    expect(updateState({ today: "2026-11-27", active: true, lastUpdate: null, since: "2026-11-24" }, WEEKLY_FRI)).toMatchObject({
      state: "due",
      dueDate: "2026-11-27",
    });
    expect(updateState({ today: "2026-12-07", active: true, lastUpdate: null, since: "2026-11-24" }, WEEKLY_FRI)).toMatchObject({
      state: "stale",
      missedCycles: 1,
    });
  });

  it("due dates of a day fall on the configured weekday", () => {
    expect(dueDateForDay("2026-11-23", WEEKLY_FRI)).toBe("2026-11-27");
    expect(dueDateForDay("2026-11-30", WEEKLY_FRI)).toBe("2026-12-04");
    expect(new Date(`${dueDateForDay("2027-03-03", WEEKLY_MON_NO_GRACE)}T00:00:00Z`).getUTCDay()).toBe(1);
  });
});

describe("escalationTarget", () => {
  const line = ["lead", "manager", "director"];
  it.each([
    [0, "lead"],
    [1, "manager"],
    [2, "director"],
    [5, "director"],
  ])("level %i → %s", (level, who) => {
    expect(escalationTarget(line, level)).toBe(who);
  });
  it("has nobody to escalate to without a reporting line", () => {
    expect(escalationTarget([], 2)).toBeNull();
  });
});
