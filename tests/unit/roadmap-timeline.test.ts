import { describe, expect, it } from "vitest";

import { barGeometry, positionOf, timelineWindow } from "@/lib/roadmap/timeline";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("timelineWindow (Acme: fiscal year starts in February)", () => {
  it.each([
    // today, zoom, offset, start, end, label
    ["2026-11-27", "quarter", 0, "2026-11-01", "2027-01-31", "FY27 Q4"],
    ["2026-11-27", "quarter", 1, "2027-02-01", "2027-04-30", "FY28 Q1"],
    ["2026-11-27", "quarter", -4, "2025-11-01", "2026-01-31", "FY26 Q4"],
    ["2026-11-27", "half", 0, "2026-08-01", "2027-01-31", "FY27 H2"],
    ["2026-11-27", "half", 1, "2027-02-01", "2027-07-31", "FY28 H1"],
    ["2026-11-27", "year", 0, "2026-02-01", "2027-01-31", "FY27"],
    ["2027-01-31", "year", 0, "2026-02-01", "2027-01-31", "FY27"],
    ["2027-02-01", "year", 0, "2027-02-01", "2028-01-31", "FY28"],
  ] as const)("%s %s %i → %s … %s (%s)", (today, zoom, offset, start, end, label) => {
    const w = timelineWindow(d(today), 2, zoom, offset);
    expect(w).toMatchObject({ start, end, label });
  });

  it("has months as columns for a quarter or half, and quarters for a year", () => {
    expect(timelineWindow(d("2026-11-27"), 2, "quarter").columns.map((c) => c.label)).toEqual(["Nov 2026", "Dec 2026", "Jan 2027"]);
    expect(timelineWindow(d("2026-11-27"), 2, "half").columns).toHaveLength(6);
    expect(timelineWindow(d("2026-11-27"), 2, "year").columns.map((c) => c.start)).toEqual([
      "2026-02-01",
      "2026-05-01",
      "2026-08-01",
      "2026-11-01",
    ]);
  });

  it("uses calendar quarters for a January fiscal year", () => {
    expect(timelineWindow(d("2026-11-27"), 1, "quarter")).toMatchObject({ start: "2026-10-01", end: "2026-12-31", label: "FY26 Q4" });
  });
});

describe("bar geometry", () => {
  const w = { start: "2026-11-01", end: "2026-11-30" }; // 30 days
  it("places a bar inside the window", () => {
    const g = barGeometry("2026-11-01", "2026-11-15", w)!;
    expect(g.left).toBe(0);
    expect(g.width).toBeCloseTo(50);
    expect(g.clippedStart || g.clippedEnd).toBe(false);
  });
  it("clips a bar that runs past both edges", () => {
    expect(barGeometry("2026-10-01", "2027-01-01", w)).toEqual({ left: 0, width: 100, clippedStart: true, clippedEnd: true });
  });
  it("returns null outside the window", () => {
    expect(barGeometry("2026-12-01", "2026-12-31", w)).toBeNull();
    expect(barGeometry("2026-10-01", "2026-10-31", w)).toBeNull();
  });
  it("positions days proportionally", () => {
    expect(positionOf("2026-11-16", w)).toBeCloseTo(50);
  });
});
