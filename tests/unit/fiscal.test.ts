import { describe, expect, it } from "vitest";

import {
  fiscalMonthRange,
  fiscalMonths,
  fiscalPeriod,
  fiscalQuarterRange,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  formatFiscalPeriod,
  toDateString,
} from "@/lib/fiscal";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const DAY = 86_400_000;

// FY2027 for every start month, written out by hand (the year is named by the year it ends in).
const FY2027: Array<[startMonth: number, start: string, end: string]> = [
  [1, "2027-01-01", "2027-12-31"],
  [2, "2026-02-01", "2027-01-31"],
  [3, "2026-03-01", "2027-02-28"],
  [4, "2026-04-01", "2027-03-31"],
  [5, "2026-05-01", "2027-04-30"],
  [6, "2026-06-01", "2027-05-31"],
  [7, "2026-07-01", "2027-06-30"],
  [8, "2026-08-01", "2027-07-31"],
  [9, "2026-09-01", "2027-08-31"],
  [10, "2026-10-01", "2027-09-30"],
  [11, "2026-11-01", "2027-10-31"],
  [12, "2026-12-01", "2027-11-30"],
];

describe("fiscalYearRange", () => {
  it.each(FY2027)("start month %i: FY2027 = %s … %s", (startMonth, start, end) => {
    const range = fiscalYearRange(2027, startMonth);
    expect(toDateString(range.start)).toBe(start);
    expect(toDateString(range.end)).toBe(end);
  });

  it("ends on 29 February in a leap year", () => {
    expect(toDateString(fiscalYearRange(2028, 3).end)).toBe("2028-02-29");
  });

  it.each([0, 13, 1.5, Number.NaN])("rejects start month %s", (startMonth) => {
    expect(() => fiscalYearRange(2027, startMonth)).toThrow(RangeError);
  });
});

describe("fiscal year boundaries, every start month", () => {
  it.each(FY2027)("start month %i", (startMonth, start, end) => {
    const first = d(start);
    const last = d(end);
    const dayBefore = new Date(first.getTime() - DAY);
    const dayAfter = new Date(last.getTime() + DAY);

    expect(fiscalPeriod(first, startMonth)).toMatchObject({ fiscalYear: 2027, quarter: 1, half: 1, month: 1, label: "FY27 Q1" });
    expect(fiscalPeriod(last, startMonth)).toMatchObject({ fiscalYear: 2027, quarter: 4, half: 2, month: 12, label: "FY27 Q4" });
    expect(fiscalPeriod(dayBefore, startMonth)).toMatchObject({ fiscalYear: 2026, quarter: 4, month: 12, label: "FY26 Q4" });
    expect(fiscalPeriod(dayAfter, startMonth)).toMatchObject({ fiscalYear: 2028, quarter: 1, month: 1, label: "FY28 Q1" });
    // The 7th fiscal month opens the second half and Q3.
    const seventh = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 6, 15));
    expect(fiscalPeriod(seventh, startMonth)).toMatchObject({ fiscalYear: 2027, quarter: 3, half: 2, month: 7 });
  });
});

describe("fiscalPeriod labels", () => {
  it.each<[startMonth: number, date: string, label: string]>([
    [1, "2026-12-31", "FY26 Q4"],
    [1, "2027-01-01", "FY27 Q1"],
    [1, "2027-04-01", "FY27 Q2"],
    [2, "2026-01-31", "FY26 Q4"],
    [2, "2026-02-01", "FY27 Q1"],
    [2, "2026-05-01", "FY27 Q2"],
    [2, "2026-12-31", "FY27 Q4"],
    [2, "2027-01-31", "FY27 Q4"],
    [2, "2027-02-01", "FY28 Q1"],
    [4, "2027-03-31", "FY27 Q4"],
    [4, "2027-04-01", "FY28 Q1"],
    [7, "2026-06-30", "FY26 Q4"],
    [7, "2026-07-01", "FY27 Q1"],
    [7, "2026-10-01", "FY27 Q2"],
    [7, "2027-01-01", "FY27 Q3"],
    [10, "2026-09-30", "FY26 Q4"],
    [10, "2026-10-01", "FY27 Q1"],
    [10, "2027-01-15", "FY27 Q2"],
    [12, "2026-11-30", "FY26 Q4"],
    [12, "2026-12-01", "FY27 Q1"],
    [12, "2027-02-28", "FY27 Q1"],
    [12, "2027-03-01", "FY27 Q2"],
    [3, "2099-03-01", "FY00 Q1"],
  ])("start month %i: %s is %s", (startMonth, date, label) => {
    expect(fiscalPeriod(d(date), startMonth).label).toBe(label);
  });

  it("reads the UTC calendar date, not the server's local time", () => {
    // 23:30 UTC on 31 January is still January whatever the process time zone.
    expect(fiscalYearOf(new Date("2026-01-31T23:30:00Z"), 2)).toBe(2026);
  });
});

describe("fiscalQuarterRange", () => {
  it.each<[quarter: number, start: string, end: string]>([
    [1, "2026-02-01", "2026-04-30"],
    [2, "2026-05-01", "2026-07-31"],
    [3, "2026-08-01", "2026-10-31"],
    [4, "2026-11-01", "2027-01-31"],
  ])("start month 2, FY2027 Q%i = %s … %s", (quarter, start, end) => {
    const range = fiscalQuarterRange(2027, quarter, 2);
    expect(toDateString(range.start)).toBe(start);
    expect(toDateString(range.end)).toBe(end);
  });

  it("rejects quarter 5", () => {
    expect(() => fiscalQuarterRange(2027, 5, 2)).toThrow(RangeError);
  });
});

describe("labels", () => {
  it.each<[input: Parameters<typeof formatFiscalPeriod>[0], label: string]>([
    [{ fiscalYear: 2027 }, "FY27"],
    [{ fiscalYear: 2027, fiscalQuarter: 2 }, "FY27 Q2"],
    [{ fiscalYear: 2027, fiscalHalf: 1 }, "FY27 H1"],
    [{ fiscalYear: 2027, fiscalQuarter: null, fiscalHalf: null }, "FY27"],
    [{ fiscalYear: 2009, fiscalQuarter: 4 }, "FY09 Q4"],
  ])("%j → %s", (input, label) => {
    expect(formatFiscalPeriod(input)).toBe(label);
  });

  it("pads two digits across the century", () => {
    expect(fiscalYearLabel(2100)).toBe("FY00");
    expect(fiscalYearLabel(2005)).toBe("FY05");
  });
});

describe("fiscalMonthRange and fiscalMonths", () => {
  it.each<[number, number, number, string, string]>([
    [2027, 1, 2, "2026-02-01", "2026-02-28"],
    [2027, 11, 2, "2026-12-01", "2026-12-31"],
    [2027, 12, 2, "2027-01-01", "2027-01-31"], // crosses the calendar year
    [2024, 1, 2, "2023-02-01", "2023-02-28"],
    [2025, 1, 2, "2024-02-01", "2024-02-29"], // leap February
    [2026, 12, 1, "2026-12-01", "2026-12-31"],
    [2026, 1, 12, "2025-12-01", "2025-12-31"],
    [2026, 12, 12, "2026-11-01", "2026-11-30"],
  ])("FY%s month %s (start %s) runs %s – %s", (fy, m, start, from, to) => {
    const r = fiscalMonthRange(fy, m, start);
    expect([toDateString(r.start), toDateString(r.end)]).toEqual([from, to]);
  });
  it("refuses months outside 1–12", () => {
    expect(() => fiscalMonthRange(2026, 0, 1)).toThrow(RangeError);
    expect(() => fiscalMonthRange(2026, 13, 1)).toThrow(RangeError);
  });
  it.each(Array.from({ length: 12 }, (_, i) => i + 1))("lists the 12 months in order for start month %s", (start) => {
    const months = fiscalMonths(2027, start).map(toDateString);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe(toDateString(fiscalYearRange(2027, start).start));
    expect(months[11].slice(0, 7)).toBe(toDateString(fiscalYearRange(2027, start).end).slice(0, 7));
    expect(new Set(months.map((m) => m.slice(5, 7))).size).toBe(12);
  });
});
