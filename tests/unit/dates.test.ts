import { describe, expect, it } from "vitest";

import { addDays, addDaysIso, dayNumber, dayString, daysBetween } from "@/lib/dates";

describe("UTC calendar days", () => {
  it("steps days across month, year and leap-day edges", () => {
    expect(addDaysIso("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDaysIso("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDaysIso("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays(new Date("2026-03-29T23:30:00Z"), 1).toISOString()).toBe("2026-03-30T23:30:00.000Z");
  });
  it("counts whole days, signed, ignoring the time of day", () => {
    expect(daysBetween("2026-12-01", "2026-12-06")).toBe(5);
    expect(daysBetween("2026-12-06", "2026-12-01")).toBe(-5);
    expect(daysBetween(new Date("2026-12-01T23:59:00Z"), new Date("2026-12-02T00:01:00Z"))).toBe(1);
  });
  it("numbers days from the epoch and back", () => {
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("2026-12-06T15:00:00Z")).toBe(dayNumber("2026-12-06"));
    for (const iso of ["1999-12-31", "2024-02-29", "2026-12-06"]) expect(dayString(dayNumber(iso))).toBe(iso);
  });
});
