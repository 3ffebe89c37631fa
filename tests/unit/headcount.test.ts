import { describe, expect, it } from "vitest";

import { annualLoadedCostCents, monthlyFromScaledSum, monthlyLoadedCostCents } from "@/lib/headcount/cost";
import { isOverallocated, overallocatedPeriods } from "@/lib/headcount/overallocation";
import { canTransition, nextPositionStatus, type PositionEvent } from "@/lib/headcount/transitions";
import type { PositionStatus } from "@/lib/generated/prisma/enums";
import { wouldCreateCycle } from "@/lib/people/reporting-cycle";

describe("loaded cost", () => {
  it("multiplies annual pay by the multiplier", () => {
    expect(annualLoadedCostCents(15_000_000n, "1.3000")).toBe(19_500_000n);
  });

  it.each([
    // 100,000.00 × 1.3 / 12 = 10,833.333… → 10,833.33
    [10_000_000n, "1.3", 1_083_333n],
    // 1.00 × 1.5 / 12 = 0.125 cents → half-even → 0.12 (12 cents exact: 150/12 = 12.5 → 12)
    [100n, "1.5", 12n],
    // 13.5 → 14 (half-even rounds to the even neighbour)
    [108n, "1.5", 14n],
    // 120,000.01 × 1.25 / 12 = 1,250,000.104… cents → 1,250,000
    [12_000_001n, "1.25", 1_250_000n],
  ])("monthly loaded cost of %s × %s is %s cents, rounded once half-even", (annual, mult, monthly) => {
    expect(monthlyLoadedCostCents(annual, mult)).toBe(monthly);
  });

  it("rounds half-even, also for negative amounts", () => {
    expect(monthlyLoadedCostCents(6n, "1.0000")).toBe(0n); // 0.5 → even 0
    expect(monthlyLoadedCostCents(18n, "1.0000")).toBe(2n); // 1.5 → even 2
    expect(monthlyLoadedCostCents(-18n, "1.0000")).toBe(-2n);
  });

  it("aggregates from a SQL sum of exact products, rounding once", () => {
    // Two positions of 100.00 at 1.3: exact 2 × 1083.333… = 2166.666… → 2166.67 (not 1083.33 × 2 = 2166.66).
    const scaled = 2n * 10_000n * 13_000n; // Σ annualCents × multiplier × 10^4
    expect(monthlyFromScaledSum(scaled.toString())).toBe(2_167n);
    expect(monthlyFromScaledSum(null)).toBe(0n);
  });
});

describe("position transitions", () => {
  const legal: [PositionStatus, PositionEvent, PositionStatus][] = [
    ["PLANNED", "open", "OPEN"],
    ["PLANNED", "close", "CLOSED"],
    ["OPEN", "fill", "FILLED"],
    ["OPEN", "close", "CLOSED"],
    ["BACKFILL", "fill", "FILLED"],
    ["BACKFILL", "close", "CLOSED"],
    ["FILLED", "vacate", "BACKFILL"],
    ["FILLED", "close", "CLOSED"],
  ];
  it.each(legal)("%s --%s--> %s", (from, event, to) => {
    expect(nextPositionStatus(from, event)).toBe(to);
  });

  const statuses: PositionStatus[] = ["PLANNED", "OPEN", "FILLED", "BACKFILL", "CLOSED"];
  const events: PositionEvent[] = ["open", "fill", "close", "vacate"];
  it("refuses every transition not in the table", () => {
    const allowed = new Set(legal.map(([f, e]) => `${f}:${e}`));
    for (const f of statuses) {
      for (const e of events) {
        expect(canTransition(f, e), `${f} --${e}`).toBe(allowed.has(`${f}:${e}`));
      }
    }
    expect(nextPositionStatus("PLANNED", "fill")).toBeNull();
    expect(nextPositionStatus("CLOSED", "open")).toBeNull();
    expect(nextPositionStatus("FILLED", "fill")).toBeNull();
  });
});

describe("reporting-line cycles", () => {
  // a ← b ← c (c reports to b, b reports to a), d alone
  const managerOf = new Map<string, string | null>([
    ["a", null],
    ["b", "a"],
    ["c", "b"],
    ["d", null],
  ]);
  it("allows a line that ends at the top", () => {
    expect(wouldCreateCycle("d", "c", managerOf)).toBe(false);
    expect(wouldCreateCycle("c", "a", managerOf)).toBe(false);
    expect(wouldCreateCycle("a", null, managerOf)).toBe(false);
  });
  it("refuses a self-manager", () => {
    expect(wouldCreateCycle("a", "a", managerOf)).toBe(true);
  });
  it("refuses a loop through reports of reports", () => {
    expect(wouldCreateCycle("a", "c", managerOf)).toBe(true);
    expect(wouldCreateCycle("a", "b", managerOf)).toBe(true);
    expect(wouldCreateCycle("b", "c", managerOf)).toBe(true);
  });
  it("terminates on a loop already in the data", () => {
    const broken = new Map<string, string | null>([
      ["x", "y"],
      ["y", "x"],
    ]);
    expect(wouldCreateCycle("z", "x", broken)).toBe(true);
  });
});

describe("over-allocation", () => {
  it("is fine at exactly 100% across adjacent ranges", () => {
    const spans = [
      { percent: 100, startDate: "2026-01-01", endDate: "2026-01-31" },
      { percent: 100, startDate: "2026-02-01", endDate: null },
    ];
    expect(isOverallocated(spans)).toBe(false);
  });
  it("flags the overlap of two ranges, inclusive of the end day", () => {
    const spans = [
      { percent: 60, startDate: "2026-01-01", endDate: "2026-03-31" },
      { percent: 50, startDate: "2026-03-31", endDate: "2026-06-30" },
    ];
    expect(overallocatedPeriods(spans)).toEqual([{ startDate: "2026-03-31", endDate: "2026-03-31", percent: 110 }]);
  });
  it("flags an open-ended overlap and reports the peak", () => {
    const spans = [
      { percent: 50, startDate: "2026-01-01", endDate: null },
      { percent: 40, startDate: "2026-02-01", endDate: "2026-02-28" },
      { percent: 30, startDate: "2026-02-15", endDate: null },
    ];
    expect(overallocatedPeriods(spans)).toEqual([{ startDate: "2026-02-15", endDate: "2026-02-28", percent: 120 }]);
    expect(overallocatedPeriods([...spans, { percent: 30, startDate: "2026-03-01", endDate: null }])).toEqual([
      { startDate: "2026-02-15", endDate: null, percent: 120 },
    ]);
  });
  it("merges adjacent over-allocated stretches", () => {
    const spans = [
      { percent: 80, startDate: "2026-01-01", endDate: "2026-01-31" },
      { percent: 30, startDate: "2026-01-10", endDate: "2026-01-20" },
      { percent: 40, startDate: "2026-01-15", endDate: "2026-01-25" },
    ];
    expect(overallocatedPeriods(spans)).toEqual([{ startDate: "2026-01-10", endDate: "2026-01-25", percent: 150 }]);
  });
  it("ignores non-overlapping ranges", () => {
    const spans = [
      { percent: 90, startDate: "2026-01-01", endDate: "2026-01-31" },
      { percent: 90, startDate: "2026-02-01", endDate: "2026-02-28" },
    ];
    expect(isOverallocated(spans)).toBe(false);
  });
});
