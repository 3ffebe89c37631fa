import { describe, expect, it } from "vitest";

import { currentMonthKey, monthToDateLabel, periodMonths, periodOptions, resolvePeriod, yearProgress, ytdSpan } from "@/lib/budgets/period";
import { toDateString } from "@/lib/fiscal";

// Year to date ends with the last CLOSED month, so plan and actual cover the same months; the
// month in progress is "month to date". Table-driven at the year's boundaries, for a February
// fiscal year (FY2027 = Feb 2026 – Jan 2027) and a calendar one.

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("year to date and the month in progress", () => {
  it.each<
    [
      string,
      number,
      number,
      string,
      { ytd: [string, string]; label: string; closed: number; state: string; current: string | null; mtd: string | null },
    ]
  >([
    // today in the first month of the year: no month closed yet, February is month to date
    [
      "first day of the year",
      2027,
      2,
      "2026-02-01",
      {
        ytd: ["2026-02-01", "2026-01-31"],
        label: "FY27 YTD no month closed yet",
        closed: 0,
        state: "open",
        current: "m1",
        mtd: "Feb to date (day 1 of 28)",
      },
    ],
    [
      "late in the first month",
      2027,
      2,
      "2026-02-28",
      {
        ytd: ["2026-02-01", "2026-01-31"],
        label: "FY27 YTD no month closed yet",
        closed: 0,
        state: "open",
        current: "m1",
        mtd: "Feb to date (day 28 of 28)",
      },
    ],
    // the second month: one month closed
    [
      "first day of the second month",
      2027,
      2,
      "2026-03-01",
      {
        ytd: ["2026-02-01", "2026-02-28"],
        label: "FY27 YTD through Feb",
        closed: 1,
        state: "open",
        current: "m2",
        mtd: "Mar to date (day 1 of 31)",
      },
    ],
    // mid-year (the demo's day): through November, December in progress
    [
      "mid-year",
      2027,
      2,
      "2026-12-06",
      {
        ytd: ["2026-02-01", "2026-11-30"],
        label: "FY27 YTD through Nov",
        closed: 10,
        state: "open",
        current: "m11",
        mtd: "Dec to date (day 6 of 31)",
      },
    ],
    // the calendar year turns inside the fiscal year
    [
      "January, across the calendar year",
      2027,
      2,
      "2027-01-15",
      {
        ytd: ["2026-02-01", "2026-12-31"],
        label: "FY27 YTD through Dec",
        closed: 11,
        state: "open",
        current: "m12",
        mtd: "Jan to date (day 15 of 31)",
      },
    ],
    // the last day of the year: its last month is still open
    [
      "last day of the year",
      2027,
      2,
      "2027-01-31",
      {
        ytd: ["2026-02-01", "2026-12-31"],
        label: "FY27 YTD through Dec",
        closed: 11,
        state: "open",
        current: "m12",
        mtd: "Jan to date (day 31 of 31)",
      },
    ],
    // the day after: the whole year has closed
    [
      "first day of the next year",
      2027,
      2,
      "2027-02-01",
      { ytd: ["2026-02-01", "2027-01-31"], label: "FY27 YTD through Jan", closed: 12, state: "closed", current: null, mtd: null },
    ],
    // a past year: all of it
    [
      "a past year",
      2026,
      2,
      "2026-12-06",
      { ytd: ["2025-02-01", "2026-01-31"], label: "FY26 YTD through Jan", closed: 12, state: "closed", current: null, mtd: null },
    ],
    // a future year: nothing yet, and it says when it starts
    [
      "a future year",
      2028,
      2,
      "2026-12-06",
      { ytd: ["2027-02-01", "2027-01-31"], label: "FY28 YTD starts Feb 2027", closed: 0, state: "future", current: null, mtd: null },
    ],
    [
      "the day before a year starts",
      2028,
      2,
      "2027-01-31",
      { ytd: ["2027-02-01", "2027-01-31"], label: "FY28 YTD starts Feb 2027", closed: 0, state: "future", current: null, mtd: null },
    ],
    // calendar fiscal year, leap February
    [
      "calendar year, leap February",
      2024,
      1,
      "2024-02-29",
      {
        ytd: ["2024-01-01", "2024-01-31"],
        label: "FY24 YTD through Jan",
        closed: 1,
        state: "open",
        current: "m2",
        mtd: "Feb to date (day 29 of 29)",
      },
    ],
    [
      "calendar year, December",
      2026,
      1,
      "2026-12-31",
      {
        ytd: ["2026-01-01", "2026-11-30"],
        label: "FY26 YTD through Nov",
        closed: 11,
        state: "open",
        current: "m12",
        mtd: "Dec to date (day 31 of 31)",
      },
    ],
    // a year starting in December (FY2026 = Dec 2025 – Nov 2026)
    [
      "December start, first month",
      2026,
      12,
      "2025-12-10",
      {
        ytd: ["2025-12-01", "2025-11-30"],
        label: "FY26 YTD no month closed yet",
        closed: 0,
        state: "open",
        current: "m1",
        mtd: "Dec to date (day 10 of 31)",
      },
    ],
  ])("%s (FY%s, start month %s, today %s)", (_name, fy, start, today, want) => {
    const t = day(today);
    const p = resolvePeriod("ytd", fy, start, t);
    expect([toDateString(p.start), toDateString(p.end)]).toEqual(want.ytd);
    expect(p.label).toBe(want.label);
    expect(periodMonths(p)).toBe(want.closed);
    const progress = yearProgress(fy, start, t);
    expect([progress.state, progress.closedMonths]).toEqual([want.state, want.closed]);
    expect(currentMonthKey(fy, start, t)).toBe(want.current);
    expect(progress.current ? monthToDateLabel(progress.current) : null).toBe(want.mtd);
    // The month in progress is never part of year to date.
    if (progress.current) expect(p.end < progress.current.start).toBe(true);
    expect(ytdSpan(progress)).toBe(want.label.replace(/^FY\d\d YTD /, ""));
  });

  it("whole periods count their months", () => {
    const t = day("2026-12-06");
    expect(periodMonths(resolvePeriod("year", 2027, 2, t))).toBe(12);
    expect(periodMonths(resolvePeriod("q4", 2027, 2, t))).toBe(3);
    expect(periodMonths(resolvePeriod("m11", 2027, 2, t))).toBe(1);
  });

  it("the period picker names year to date's span", () => {
    const options = periodOptions(2027, 2, day("2026-12-06"));
    expect(options.find((o) => o.key === "ytd")?.label).toBe("FY27 YTD through Nov");
    expect(options.find((o) => o.key === "m11")?.label).toBe("FY27 M11 (Dec 2026)");
  });
});
