import { describe, expect, it } from "vitest";

import { computeDisclosure, type DisclosureUnit, type PaySource } from "@/lib/privacy/disclosure";
import { unitsToRepublish } from "@/lib/privacy/republish";

// When a publication may replace a unit's pay sources (docs/privacy.md rule 7), on hand-built orgs.
// Calendar FY 2026; D holds two teams, A (4 people) and B (6).
const YEAR = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, i, 1)).toISOString().slice(0, 10));
const units: DisclosureUnit[] = [
  { id: "D", parentId: null },
  { id: "A", parentId: "D" },
  { id: "B", parentId: "D" },
];
let n = 0;
const person = (unitId: string, pay: number, from = "2020-01-01", to: string | null = null): PaySource => ({
  unitId,
  key: `p:${++n}`,
  annualCost: pay,
  from,
  to,
});
const base = [
  ...Array.from({ length: 4 }, (_, i) => person("A", 100_000_00 + i * 5_000_00)),
  ...Array.from({ length: 6 }, (_, i) => person("B", 110_000_00 + i * 4_000_00)),
  ...Array.from({ length: 3 }, (_, i) => person("D", 150_000_00 + i * 5_000_00)),
];
const judge = (live: PaySource[], published = base, minGroup = 3) =>
  unitsToRepublish({
    units,
    live,
    published,
    years: [YEAR],
    disclosureOf: (yearMonths) => computeDisclosure({ units, sources: published, yearMonths, minGroup, dominance: 0.25 }),
    minGroup,
    dominance: 0.25,
  });

describe("republication", () => {
  it("nothing changed: nothing to publish", () => {
    expect(judge(base)).toEqual(new Set());
  });

  it("one hire, or a departure and its backfill, is not published", () => {
    expect(judge([...base, person("A", 120_000_00, "2026-03-01")])).toEqual(new Set());
    const [leaver, ...rest] = base;
    const left = { ...leaver, to: "2026-05-31" };
    const backfill = { unitId: "A", key: "s:bf", annualCost: leaver.annualCost, from: "2026-07-01", to: null };
    expect(judge([left, ...rest, backfill])).toEqual(new Set());
  });

  it("three hires on the same day in one team are published; another team's single change waits", () => {
    const hires = [120_000_00, 125_000_00, 118_000_00].map((pay) => person("A", pay, "2026-03-01"));
    expect(judge([...base, ...hires])).toEqual(new Set(["A"]));
    expect(judge([...base, ...hires, person("B", 130_000_00, "2026-04-01")])).toEqual(new Set(["A"]));
  });

  it("three hires in different months are not: each month's change would show one of them", () => {
    const hires = [person("A", 120_000_00, "2026-03-01"), person("A", 125_000_00, "2026-05-01"), person("A", 118_000_00, "2026-09-01")];
    const d = computeDisclosure({ units, sources: base, yearMonths: YEAR, minGroup: 3, dominance: 0.25 });
    // A is shown by month here, so a month's change is what a reader compares.
    expect(d.unitGrain.get("A")).toBe("month");
    expect(judge([...base, ...hires])).toEqual(new Set());
  });

  it("a change dominated by one source is not published (p% rule)", () => {
    const hires = [person("A", 500_000_00, "2026-03-01"), person("A", 10_000_00, "2026-03-01"), person("A", 10_000_00, "2026-03-01")];
    expect(judge([...base, ...hires])).toEqual(new Set());
  });

  it("a larger minimum group needs more changes", () => {
    const hires = [120_000_00, 125_000_00, 118_000_00].map((pay) => person("B", pay, "2026-03-01"));
    expect(judge([...base, ...hires], base, 3)).toEqual(new Set(["B"]));
    expect(judge([...base, ...hires], base, 4)).toEqual(new Set());
  });

  it("a person moving between teams is republished in both or in neither", () => {
    const [mover, ...rest] = base;
    const moved = [
      { ...mover, to: "2026-02-28" },
      { ...mover, unitId: "B", from: "2026-03-01" },
    ];
    const hires = [120_000_00, 125_000_00].map((pay) => person("B", pay, "2026-03-01"));
    // B's change (the mover and two hires) is a safe group, A's (the mover leaving) is not: neither goes.
    expect(judge([...rest, ...moved, ...hires])).toEqual(new Set());
    // With two more leaving A on the same day, A's change is a group too: both go.
    const [l1, l2, ...others] = rest;
    const leaving = [l1, l2].map((l) => ({ ...l, to: "2026-02-28" }));
    expect(judge([...others, ...leaving, ...moved, ...hires])).toEqual(new Set(["A", "B"]));
  });
});
