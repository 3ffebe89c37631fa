import { describe, expect, it } from "vitest";

import { VARIANCE_FILL, varianceTone } from "@/components/budgets/variance-tone";
import { VARIANCE_THRESHOLD_PCT, varianceLevel } from "@/lib/budgets/variance-level";
import { figure } from "@/lib/figures/definitions";

// One threshold for every place a variance is coloured (tiles, tables, charts): the issue saw
// "+5.4% coloured vs +4.9% not" on two screens for the same kind of figure.
describe("variance colour", () => {
  it.each<[string, number, number, string]>([
    ["+5.4% is over", 10_000_000, 540_000, "over"],
    ["+4.9% is within", 10_000_000, 490_000, "within"],
    ["exactly +5% is within (more than 5% is coloured)", 10_000_000, 500_000, "within"],
    ["+5% and a cent is over", 10_000_000, 500_001, "over"],
    ["−5.04% is under although it rounds to −5.0%", 10_000_000, -504_000, "under"],
    ["+4.96% is within although it rounds to +5.0%", 10_000_000, 496_000, "within"],
    ["no variance", 10_000_000, 0, "within"],
    ["spend with no plan is over", 0, 1, "over"],
    ["a credit with no plan is under", 0, -1, "under"],
    ["a credit plan (negative) compares by size", -1_000_000, 60_000, "over"],
    ["amounts near the safe-integer limit stay exact", 9_000_000_000_000_000, 450_000_000_000_001, "over"],
  ])("%s", (_name, planCents, varianceCents, level) => {
    expect(varianceLevel({ planCents, varianceCents })).toBe(level);
  });

  it("tables, text and charts read the same level", () => {
    expect(varianceTone({ planCents: 100, varianceCents: 6 })).toMatch(/off-track/);
    expect(varianceTone({ planCents: 100, varianceCents: 5 })).toBe("");
    expect(varianceTone({ planCents: 100, varianceCents: -6 })).toMatch(/on-track/);
    expect(Object.keys(VARIANCE_FILL).sort()).toEqual(["over", "under", "within"]);
  });

  it("the glossary states the threshold the code uses", () => {
    expect(figure("variance-colour").definition).toContain(`more than ${VARIANCE_THRESHOLD_PCT}% of plan`);
    expect(figure("variance-colour").definition).toContain(`within ±${VARIANCE_THRESHOLD_PCT}%`);
  });
});
