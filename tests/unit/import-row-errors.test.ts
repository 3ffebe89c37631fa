import { describe, expect, it } from "vitest";

import { RowErrors } from "@/lib/budgets/import-rows";

// The messages of a refused import say "1 row" and "3 rows", never "row(s)" (issue 20).

function refusal(bad: number, rows: number) {
  const errors = new RowErrors();
  for (let i = 0; i < bad; i++) errors.add(i + 2, ["amount is missing"]);
  try {
    errors.check(rows);
  } catch (e) {
    return e as Error & { fieldErrors?: Record<string, string[]> };
  }
  throw new Error("expected a refusal");
}

describe("RowErrors", () => {
  it("says one row in the singular", () => {
    expect(refusal(1, 5).message).toBe("1 of 5 rows is not valid, so nothing was imported. Fix them and upload the file again.");
    expect(refusal(1, 1).message).toMatch(/^1 of 1 row is not valid/);
  });

  it("says several rows in the plural, and counts the ones not listed", () => {
    expect(refusal(3, 5).message).toMatch(/^3 of 5 rows are not valid/);
    const many = refusal(102, 200);
    expect(many.message).toMatch(/^102 of 200 rows are not valid/);
    expect(many.message).not.toContain("(s)");
  });
});
