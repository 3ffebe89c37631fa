import { describe, expect, it } from "vitest";

import { fromTreeTuples, toTreeTuples } from "@/components/budgets/finance-tree-wire";
import type { FinanceTreeRow } from "@/lib/budgets/rollup";

const rows: FinanceTreeRow[] = [
  {
    id: "u1",
    name: "Org",
    code: "ORG",
    kind: "DIVISION",
    parentId: null,
    depth: 0,
    withheld: null,
    planCents: 1000,
    actualCents: 900,
    forecastCents: 1100,
    varianceCents: 100,
    variancePct: 10,
  },
  {
    id: "u2",
    name: "Team",
    code: "T1",
    kind: "TEAM",
    parentId: "u1",
    depth: 1,
    withheld: "Not shown",
    planCents: null,
    actualCents: null,
    forecastCents: null,
    varianceCents: null,
    variancePct: null,
  },
];

describe("finance tree tuples", () => {
  it("carry every field the table shows, each in its place, and nothing else", () => {
    const tuples = toTreeTuples(rows);
    expect(tuples[1]).toEqual(["u2", "Team", "T1", "u1", 1, "Not shown", null, null, null, null, null]);
    expect(tuples[0]).toEqual(["u1", "Org", "ORG", null, 0, null, 1000, 900, 1100, 100, 10]);
    expect(fromTreeTuples(tuples)).toEqual(rows.map(({ kind: _kind, ...r }) => r));
  });

  it("are smaller than the objects they replace", () => {
    expect(JSON.stringify(toTreeTuples(rows)).length).toBeLessThan(JSON.stringify(rows).length * 0.6);
  });
});
