import { describe, expect, it } from "vitest";

import { isBetterThanSuggested, suggestHealth, type HealthFacts } from "@/lib/projects/health-rules";

const base: HealthFacts = {
  today: "2026-11-27",
  status: "ACTIVE",
  targetDate: "2027-03-01",
  milestones: [{ name: "Beta", dueDate: "2027-01-10", doneDate: null }],
  blockers: [],
  budgetCents: 100_000_00,
  spentCents: 50_000_00,
  openPositions: 0,
};

type Row = [name: string, change: Partial<HealthFacts>, health: string, rules: string[]];
const ROWS: Row[] = [
  ["nothing wrong", {}, "ON_TRACK", []],
  [
    "tracker scope grew 25% in two weeks",
    { delivery: { total: 25, totalBefore: 20, lastActivity: "2026-11-26" } },
    "AT_RISK",
    ["scope-growth"],
  ],
  ["tracker scope grew 20%: not yet", { delivery: { total: 24, totalBefore: 20, lastActivity: "2026-11-26" } }, "ON_TRACK", []],
  ["no snapshot two weeks old: no scope rule", { delivery: { total: 50, totalBefore: null, lastActivity: "2026-11-26" } }, "ON_TRACK", []],
  ["tracker quiet for 15 days", { delivery: { total: 5, totalBefore: 5, lastActivity: "2026-11-12" } }, "AT_RISK", ["delivery-stalled"]],
  ["tracker quiet for 14 days: not yet", { delivery: { total: 5, totalBefore: 5, lastActivity: "2026-11-13" } }, "ON_TRACK", []],
  [
    "a paused project is not stalled",
    { status: "PAUSED", delivery: { total: 5, totalBefore: 5, lastActivity: "2026-10-01" } },
    "ON_TRACK",
    [],
  ],
  ["target date passed", { targetDate: "2026-11-20" }, "OFF_TRACK", ["target-passed"]],
  ["target date is today: not passed yet", { targetDate: "2026-11-27", milestones: [] }, "ON_TRACK", []],
  ["target within 14 days with an open milestone", { targetDate: "2026-12-11" }, "AT_RISK", ["target-near"]],
  [
    "target within 14 days, every milestone done",
    { targetDate: "2026-12-11", milestones: [{ name: "Beta", dueDate: "2026-11-01", doneDate: "2026-11-01" }] },
    "ON_TRACK",
    [],
  ],
  ["target 15 days out with an open milestone", { targetDate: "2026-12-12" }, "ON_TRACK", []],
  ["one overdue milestone", { milestones: [{ name: "Alpha", dueDate: "2026-11-26", doneDate: null }] }, "AT_RISK", ["milestones-overdue"]],
  ["a milestone due today is not overdue", { milestones: [{ name: "Alpha", dueDate: "2026-11-27", doneDate: null }] }, "ON_TRACK", []],
  [
    "two overdue milestones",
    {
      milestones: [
        { name: "A", dueDate: "2026-10-01", doneDate: null },
        { name: "B", dueDate: "2026-11-01", doneDate: null },
      ],
    },
    "OFF_TRACK",
    ["milestones-overdue"],
  ],
  ["blocking dependency off track", { blockers: [{ name: "Pipeline", health: "OFF_TRACK" }] }, "AT_RISK", ["blocker-off-track"]],
  ["blocking dependency only at risk", { blockers: [{ name: "Pipeline", health: "AT_RISK" }] }, "ON_TRACK", []],
  ["spend over budget by 5%", { spentCents: 105_000_00 }, "AT_RISK", ["over-budget"]],
  ["spend over budget by 20%", { spentCents: 120_000_00 }, "OFF_TRACK", ["over-budget"]],
  ["spend exactly on budget", { spentCents: 100_000_00 }, "ON_TRACK", []],
  ["no actuals tagged: spend rule skipped", { spentCents: null }, "ON_TRACK", []],
  ["no budget: spend rule skipped", { budgetCents: null, spentCents: 999_999_00 }, "ON_TRACK", []],
  ["open positions in the owning team", { openPositions: 2 }, "AT_RISK", ["open-positions"]],
  [
    "several rules: the worst wins, every reason listed",
    { openPositions: 1, targetDate: "2026-11-01" },
    "OFF_TRACK",
    ["target-passed", "open-positions"],
  ],
  ["done projects get no suggestion against them", { status: "DONE", targetDate: "2026-11-01", openPositions: 3 }, "ON_TRACK", []],
];

describe("suggestHealth", () => {
  it.each(ROWS)("%s", (_name, change, health, rules) => {
    const result = suggestHealth({ ...base, ...change });
    expect(result.health).toBe(health);
    expect(result.reasons.map((r) => r.rule)).toEqual(rules);
    for (const r of result.reasons) expect(r.message.length).toBeGreaterThan(10);
  });

  it("names the overdue milestones and blockers in its reasons", () => {
    const { reasons } = suggestHealth({
      ...base,
      milestones: [{ name: "Pilot", dueDate: "2026-11-01", doneDate: null }],
      blockers: [{ name: "Telemetry v2", health: "OFF_TRACK" }],
    });
    expect(reasons.map((r) => r.message).join(" ")).toMatch(/Pilot.*Telemetry v2/);
  });
});

describe("isBetterThanSuggested", () => {
  it.each([
    ["ON_TRACK", "AT_RISK", true],
    ["ON_TRACK", "OFF_TRACK", true],
    ["AT_RISK", "OFF_TRACK", true],
    ["AT_RISK", "AT_RISK", false],
    ["OFF_TRACK", "AT_RISK", false],
    ["OFF_TRACK", "ON_TRACK", false],
  ] as const)("%s vs suggested %s → %s", (chosen, suggested, expected) => {
    expect(isBetterThanSuggested(chosen, suggested)).toBe(expected);
  });
});
