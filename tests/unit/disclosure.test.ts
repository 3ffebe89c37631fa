import { describe, expect, it } from "vitest";

import { alignedWithGrain, computeDisclosure, type DisclosureUnit, type PaySource } from "@/lib/privacy/disclosure";

// Hand-built orgs for the pay-disclosure rule (docs/privacy.md). FY = Feb 2026 – Jan 2027.
const YEAR = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, 1 + i, 1)).toISOString().slice(0, 10));
const K = 3;
const P = 0.25;

/** n people in a unit for the whole horizon (no change), pay 100,000 each unless given. */
const stable = (unitId: string, n: number, pay = 100_000_00): PaySource[] =>
  Array.from({ length: n }, () => ({ unitId, annualCost: pay, from: "2020-01-01", to: null }));

/** The disclosure, with the sets the assertions read. */
const run = (units: DisclosureUnit[], sources: PaySource[], minGroup = K) => {
  const d = computeDisclosure({ units, sources, yearMonths: YEAR, minGroup, dominance: P });
  return {
    ...d,
    published: new Set(d.unitGrain.keys()),
    orgPublished: d.orgGrain !== null,
    ownDisclosed: new Set(d.ownGrain.keys()),
    grain: d.orgGrain,
  };
};

describe("groups (space)", () => {
  const units: DisclosureUnit[] = [
    { id: "D", parentId: null },
    { id: "A", parentId: "D" },
    { id: "B", parentId: "D" },
  ];

  it("publishes every unit of a stable org whose groups are all large enough", () => {
    const d = run(units, [...stable("D", 3), ...stable("A", 4), ...stable("B", 5)]);
    expect(d.orgPublished).toBe(true);
    expect([...d.published].sort()).toEqual(["A", "B", "D"]);
    expect([...d.ownDisclosed].sort()).toEqual(["A", "B", "D"]);
    expect(d.grain).toBe("month");
  });

  it("withholds a team of two and shows it in its department", () => {
    const d = run(units, [...stable("D", 3), ...stable("A", 2), ...stable("B", 5)]);
    expect(d.published.has("A")).toBe(false);
    expect(d.includedIn.get("A")).toBe("D");
    expect(d.published.has("D")).toBe(true);
    // D's own Personnel line is not its remainder (A's people are in it): not disclosed alone.
    expect(d.ownDisclosed.has("D")).toBe(false);
    expect(d.ownDisclosed.has("B")).toBe(true);
  });

  it("folds the smallest team into a department whose own two people would show (complementary suppression)", () => {
    const d = run(units, [...stable("D", 2), ...stable("A", 4), ...stable("B", 5)]);
    expect(d.published.has("D")).toBe(true);
    expect(d.published.has("A")).toBe(false);
    expect(d.published.has("B")).toBe(true);
    expect(d.includedIn.get("A")).toBe("D");
  });

  it("withholds a group one person dominates (p% rule), and the smallest other group with it", () => {
    const d = run(
      [
        { id: "X", parentId: null },
        { id: "Y", parentId: null },
        { id: "Z", parentId: null },
      ],
      [...stable("X", 1, 500_000_00), ...stable("X", 2, 50_000_00), ...stable("Y", 6), ...stable("Z", 8)],
    );
    expect(d.published.has("X")).toBe(false);
    expect(d.includedIn.get("X")).toBeNull();
    // The org total minus Y and Z would be X alone: Y (the smaller) is withheld too.
    expect(d.published.has("Y")).toBe(false);
    expect(d.published.has("Z")).toBe(true);
    expect(d.orgPublished).toBe(true);
  });

  it("folds a group through a department that holds nothing of its own", () => {
    // division ─ deptA ─ teamA (3), deptB ─ teamB (1): the division's remainder would be teamB's
    // one person, so teamA is folded in — and deptA with it, which would equal teamA.
    const tree: DisclosureUnit[] = [
      { id: "div", parentId: null },
      { id: "deptA", parentId: "div" },
      { id: "teamA", parentId: "deptA" },
      { id: "deptB", parentId: "div" },
      { id: "teamB", parentId: "deptB" },
    ];
    const d = run(tree, [...stable("teamA", 3), ...stable("teamB", 1)]);
    expect([...d.published]).toEqual(["div"]);
    expect(d.orgPublished).toBe(true);
    expect(d.includedIn.get("teamA")).toBe("div");
    expect(d.includedIn.get("teamB")).toBe("div");
    // teamA (and deptA) are safe groups withheld for the division's sake; teamB is too small itself.
    expect([...d.complementary].sort()).toEqual(["deptA", "teamA"]);
  });

  it("publishes nothing personnel-bearing for an org of two", () => {
    const d = run([{ id: "T", parentId: null }], stable("T", 2));
    expect(d.orgPublished).toBe(false);
    expect(d.published.size).toBe(0);
  });

  it("shows units without anyone (nothing to protect)", () => {
    const d = run([...units, { id: "E", parentId: "D" }], [...stable("D", 3), ...stable("A", 4), ...stable("B", 5)]);
    expect(d.published.has("E")).toBe(true);
    expect(d.ownDisclosed.has("D")).toBe(true);
  });

  it("counts a minimum group set by the org", () => {
    const sources = [...stable("D", 4), ...stable("A", 4), ...stable("B", 5)];
    expect(run(units, sources, 5).published.has("A")).toBe(false);
    expect(run(units, sources, 4).published.has("A")).toBe(true);
  });
});

describe("time grain", () => {
  const units: DisclosureUnit[] = [{ id: "T", parentId: null }];

  it("falls back to the year when one person's departure is the only change", () => {
    const d = run(units, [...stable("T", 9), { unitId: "T", annualCost: 120_000_00, from: "2020-01-01", to: "2026-06-14" }]);
    expect(d.grain).toBe("year");
    expect(d.unitGrain.get("T")).toBe("year");
  });

  it("keeps months when every month's change is made by several comparable people", () => {
    // Three people join on the first of every month of the horizon: each month-over-month change
    // is three similar salaries, none of which the change gives away.
    const joiners: PaySource[] = [];
    for (let m = 0; m < 40; m++) {
      const from = new Date(Date.UTC(2024, 11 + m, 1)).toISOString().slice(0, 10);
      joiners.push(...[100, 110, 120].map((k) => ({ unitId: "T", annualCost: k * 1000_00, from, to: null })));
    }
    const d = run(units, [...stable("T", 20), ...joiners]);
    expect(d.grain).toBe("month");
  });

  it("treats a change two contributors cancel as revealing the third", () => {
    // A leaver and a joiner on equal pay cancel; the change is then the small third one.
    const d = run(units, [
      ...stable("T", 20),
      { unitId: "T", annualCost: 150_000_00, from: "2020-01-01", to: "2026-05-31" },
      { unitId: "T", annualCost: 150_000_00, from: "2026-06-01", to: null },
      { unitId: "T", annualCost: 90_000_00, from: "2026-06-01", to: null },
    ]);
    expect(d.grain).toBe("year");
  });

  it("shows a large department by month while its small team with one departure is shown by year", () => {
    const tree: DisclosureUnit[] = [
      { id: "dept", parentId: null },
      { id: "teamA", parentId: "dept" },
      { id: "teamB", parentId: "dept" },
    ];
    // The department's own people change by three comparable joiners every month; teamA is
    // stable; teamB loses one person in June.
    const joiners: PaySource[] = [];
    for (let m = 0; m < 40; m++) {
      const from = new Date(Date.UTC(2024, 11 + m, 1)).toISOString().slice(0, 10);
      joiners.push(...[100, 110, 120].map((k) => ({ unitId: "dept", annualCost: k * 1000_00, from, to: null })));
    }
    const d = run(tree, [
      ...stable("dept", 20),
      ...joiners,
      ...stable("teamA", 5),
      ...stable("teamB", 6),
      { unitId: "teamB", annualCost: 120_000_00, from: "2020-01-01", to: "2026-06-14" },
    ]);
    expect(d.orgGrain).toBe("month");
    expect(d.unitGrain.get("dept")).toBe("month");
    expect(d.unitGrain.get("teamB")).toBe("year");
    // teamA alone is stable, but by month dept − teamB − teamA would be dept's own people: they are safe, so teamA shows monthly too.
    expect(d.unitGrain.get("teamA")).toBe("month");
    // teamB's own line stands alone only by year.
    expect(d.ownGrain.get("teamB")).toBe("year");
    expect(d.ownGrain.get("dept")).toBe("year");
  });

  it("says which periods a grain can show", () => {
    expect(alignedWithGrain("quarter", YEAR, YEAR[0], YEAR[2])).toBe(true);
    expect(alignedWithGrain("quarter", YEAR, YEAR[0], YEAR[10])).toBe(false);
    expect(alignedWithGrain("quarter", YEAR, YEAR[3], YEAR[11])).toBe(true);
    expect(alignedWithGrain("year", YEAR, YEAR[0], YEAR[8])).toBe(false);
    expect(alignedWithGrain("year", YEAR, YEAR[0], YEAR[11])).toBe(true);
    expect(alignedWithGrain("month", YEAR, YEAR[4], YEAR[4])).toBe(true);
    expect(alignedWithGrain("month", YEAR, "2025-01-01", YEAR[4])).toBe(false);
  });
});
