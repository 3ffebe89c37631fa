import { describe, expect, it } from "vitest";

import {
  buildForecast,
  contractMonthCost,
  expectedStart,
  monthlyLoadedCost,
  otherCategoryForecast,
  personMonthCost,
  positionMonthCost,
  trailingAverage,
  type ForecastPosition,
} from "@/lib/budgets/forecast";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = d("2026-06-15");

describe("monthly loaded cost: annual × multiplier ÷ 12, rounded once half-even", () => {
  it.each([
    [12_000_000n, "1.3", 1_300_000n],
    [10_000_001n, "1.3", 1_083_333n], // 1,083,333.44…
    [100n, "1.5", 12n], // 12.5 → 12 (even)
    [140n, "1.5", 18n], // 17.5 → 18 (even)
    [-140n, "1.5", -18n],
    [9_999_999n, "1.0000", 833_333n], // 833,333.25
    [6n, "1", 0n], // 0.5 → 0 (even)
    [18n, "1", 2n], // 1.5 → 2 (even)
  ])("%s × %s ÷ 12 = %s", (annual, m, monthly) => expect(monthlyLoadedCost(annual, m)).toBe(monthly));
});

describe("PERSONNEL: people", () => {
  const p = { orgUnitId: "u", startDate: d("2026-03-20"), endDate: d("2026-08-01"), annualCompCents: 12_000_000n, multiplier: null };
  it.each([
    ["2026-02-01", 0n], // before start
    ["2026-03-01", 1_300_000n], // started during the month: whole month
    ["2026-07-01", 1_300_000n],
    ["2026-08-01", 1_300_000n], // leaves on the 1st: still paid that month
    ["2026-09-01", 0n], // gone
  ])("in %s costs %s", (month, cents) => expect(personMonthCost(p, d(month), "1.3")).toBe(cents));
  it("uses the position's multiplier over the org default", () => {
    expect(personMonthCost({ ...p, multiplier: "1.2000" }, d("2026-04-01"), "1.3")).toBe(1_200_000n);
  });
  it("an open-ended person is paid every month after starting", () => {
    expect(personMonthCost({ ...p, endDate: null }, d("2030-01-01"), "1.3")).toBe(1_300_000n);
  });
});

describe("PERSONNEL: unfilled positions", () => {
  const base: ForecastPosition = { orgUnitId: "u", status: "OPEN", targetStartDate: d("2026-08-10"), annualCompCents: 12_000_000n, multiplier: null, departureDate: null };
  it.each<[string, Partial<ForecastPosition>, string | null]>([
    ["OPEN from target start + delay", {}, "2026-09-09"],
    ["PLANNED likewise", { status: "PLANNED" }, "2026-09-09"],
    ["OPEN with a past target starts from today + delay", { targetStartDate: d("2026-01-01") }, "2026-07-15"],
    ["OPEN without a target starts from today + delay", { targetStartDate: null }, "2026-07-15"],
    ["BACKFILL after a later departure", { status: "BACKFILL", targetStartDate: d("2026-07-01"), departureDate: d("2026-10-31") }, "2026-11-30"],
    ["BACKFILL after a later target start", { status: "BACKFILL", targetStartDate: d("2026-12-01"), departureDate: d("2026-10-31") }, "2026-12-31"],
    ["BACKFILL with nothing known starts from today + delay", { status: "BACKFILL", targetStartDate: null }, "2026-07-15"],
    ["FILLED is the person, never counted twice", { status: "FILLED" }, null],
    ["CLOSED costs nothing", { status: "CLOSED" }, null],
  ])("%s", (_name, overrides, expected) => {
    const start = expectedStart({ ...base, ...overrides }, today, 30);
    expect(start ? start.toISOString().slice(0, 10) : null).toBe(expected);
  });
  it("costs nothing before the expected start month and a full month from it", () => {
    expect(positionMonthCost(base, d("2026-08-01"), "1.3", today, 30)).toBe(0n);
    expect(positionMonthCost(base, d("2026-09-01"), "1.3", today, 30)).toBe(1_300_000n);
    expect(positionMonthCost({ ...base, multiplier: "1.1" }, d("2026-12-01"), "1.3", today, 30)).toBe(1_100_000n);
  });
});

describe("committed contracts", () => {
  const c = { orgUnitId: "u", category: "SOFTWARE" as const, annualAmountCents: 1_000_006n, startDate: d("2026-03-15"), endDate: d("2026-09-14"), active: true };
  it.each([
    ["2026-02-01", 0n],
    ["2026-03-01", 83_334n], // 83,333.83 → 83,334
    ["2026-09-01", 83_334n],
    ["2026-10-01", 0n],
  ])("run-rate in %s is %s", (month, cents) => expect(contractMonthCost(c, d(month))).toBe(cents));
  it("inactive contracts commit nothing", () => expect(contractMonthCost({ ...c, active: false }, d("2026-04-01"))).toBe(0n));
});

describe("other categories: plan, or trailing average when higher, or contracts when higher still", () => {
  it.each<[string, { planCents: bigint; trailing: bigint[]; committedCents: bigint }, bigint, string]>([
    ["plan when the trend is lower", { planCents: 1000n, trailing: [900n, 900n, 900n], committedCents: 0n }, 1000n, "plan"],
    ["trend when higher", { planCents: 1000n, trailing: [1000n, 1200n, 1300n], committedCents: 0n }, 1167n, "trend"],
    ["trend rounds half-even", { planCents: 0n, trailing: [1n, 0n, 0n, 0n, 0n, 0n].slice(0, 2), committedCents: 0n }, 0n, "plan"],
    ["no trailing months: the plan", { planCents: 500n, trailing: [], committedCents: 0n }, 500n, "plan"],
    ["contracts when above both", { planCents: 1000n, trailing: [1100n, 1100n, 1100n], committedCents: 2000n }, 2000n, "contracts"],
    ["a tie keeps the plan", { planCents: 1000n, trailing: [1000n, 1000n, 1000n], committedCents: 1000n }, 1000n, "plan"],
    ["negative trend (credits) never lowers the plan", { planCents: 0n, trailing: [-300n, 0n, 0n], committedCents: 0n }, 0n, "plan"],
  ])("%s", (_name, input, amount, source) => {
    expect(otherCategoryForecast(input)).toEqual({ amountCents: amount, source });
  });
  it("trailing average", () => {
    expect(trailingAverage([])).toBeNull();
    expect(trailingAverage([1n, 2n])).toBe(2n); // 1.5 → 2
    expect(trailingAverage([1n, 4n])).toBe(2n); // 2.5 → 2
  });
});

describe("buildForecast", () => {
  it("combines people, positions, contracts and plan per unit × category × month", () => {
    const cells = buildForecast({
      months: [d("2026-06-01"), d("2026-07-01")],
      today,
      orgMultiplier: "1.3",
      hiringDelayDays: 30,
      people: [{ orgUnitId: "a", startDate: d("2020-01-01"), endDate: d("2026-06-30"), annualCompCents: 12_000_000n, multiplier: null }],
      positions: [{ orgUnitId: "a", status: "BACKFILL", targetStartDate: null, annualCompCents: 12_000_000n, multiplier: null, departureDate: d("2026-06-30") }],
      contracts: [{ orgUnitId: "b", category: "CLOUD", annualAmountCents: 1_200_000n, startDate: d("2026-01-01"), endDate: d("2026-12-31"), active: true }],
      plan: new Map([["b|CLOUD|2026-06-01", 50_000n], ["b|TRAVEL|2026-07-01", 7_000n]]),
      trailing: new Map([["b|TRAVEL", [3_000n, 3_000n, 3_000n]]]),
    });
    const key = (c: { orgUnitId: string; category: string; month: Date }) => `${c.orgUnitId}|${c.category}|${c.month.toISOString().slice(0, 7)}`;
    expect(Object.fromEntries(cells.map((c) => [key(c), [c.amountCents, c.source]]))).toEqual({
      "a|PERSONNEL|2026-06": [1_300_000n, "people"], // the leaver's last month; backfill starts 2026-07-30
      "a|PERSONNEL|2026-07": [1_300_000n, "people"], // the backfill
      "b|CLOUD|2026-06": [100_000n, "contracts"],
      "b|CLOUD|2026-07": [100_000n, "contracts"],
      "b|TRAVEL|2026-06": [3_000n, "trend"],
      "b|TRAVEL|2026-07": [7_000n, "plan"],
    });
  });
});
