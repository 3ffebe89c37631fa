import { describe, expect, it } from "vitest";

import { categoryList, describeAssumptions, formatMultiplier, NON_PERSONNEL_CATEGORIES } from "@/lib/budgets/forecast-assumptions";
import { ZUpdateOrgSettingsInput } from "@/lib/settings/schemas";

// The forecast assumptions' display helpers and their validation in the settings schema.

describe("display", () => {
  it.each([
    ["1.3000", "1.3"],
    ["2.0000", "2"],
    ["1.2345", "1.2345"],
    ["1.0500", "1.05"],
    ["3", "3"],
  ])("multiplier %s → %s", (stored, shown) => {
    expect(formatMultiplier(stored)).toBe(shown);
  });

  it("lists categories in the enum's order, in words; none says so", () => {
    expect(categoryList(["TRAVEL", "HARDWARE", "TRAINING"])).toBe("Hardware, Training, Travel");
    expect(categoryList([])).toBe("none");
  });

  it("describes each assumption with its glossary entry", () => {
    const items = describeAssumptions({ loadedCostMultiplier: "1.3", hiringDelayDays: 1, runRateMonths: 3, lumpyCategories: ["HARDWARE"] });
    expect(items.map((i) => [i.id, `${i.label} ${i.value}`])).toEqual([
      ["loaded-cost-multiplier", "Loaded cost pay × 1.3"],
      ["hiring-delay", "Hiring delay 1 day"],
      ["run-rate-window", "Run-rate last 3 closed months"],
      ["lumpy-categories", "From the plan Hardware"],
    ]);
  });

  it("offers every category but personnel", () => {
    expect(NON_PERSONNEL_CATEGORIES).toEqual(["CONTRACTORS", "SOFTWARE", "CLOUD", "HARDWARE", "TRAINING", "TRAVEL", "OTHER"]);
  });
});

describe("settings input", () => {
  const base = {
    name: "Acme",
    fiscalYearStartMonth: 2,
    updateCadence: "WEEKLY",
    updateDueWeekday: "FRIDAY",
    updateGraceDays: 2,
    expectedUpdatedAt: "2026-12-01T00:00:00.000Z",
  };
  const parse = (over: Record<string, unknown>) => ZUpdateOrgSettingsInput.safeParse({ ...base, ...over });
  const errorsOf = (over: Record<string, unknown>) => {
    const r = parse(over);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("leaves out assumptions that are not sent (the stored values stay)", () => {
    const r = parse({});
    expect(
      r.success && [r.data.loadedCostMultiplier, r.data.hiringDelayDays, r.data.forecastRunRateMonths, r.data.forecastLumpyCategories],
    ).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("reads a form's strings and code's numbers", () => {
    const r = parse({
      loadedCostMultiplier: " 1.25 ",
      hiringDelayDays: "45",
      forecastRunRateMonths: 6,
      forecastLumpyCategories: ["TRAVEL", "HARDWARE", "TRAVEL"],
    });
    expect(r.success && r.data).toMatchObject({
      loadedCostMultiplier: "1.25",
      hiringDelayDays: 45,
      forecastRunRateMonths: 6,
      forecastLumpyCategories: ["HARDWARE", "TRAVEL"],
    });
    expect(parse({ loadedCostMultiplier: 2 }).data?.loadedCostMultiplier).toBe("2");
    // One box checked arrives as a string; none as an empty list (or an empty string).
    expect(parse({ forecastLumpyCategories: "OTHER" }).data?.forecastLumpyCategories).toEqual(["OTHER"]);
    expect(parse({ forecastLumpyCategories: [] }).data?.forecastLumpyCategories).toEqual([]);
    expect(parse({ forecastLumpyCategories: "" }).data?.forecastLumpyCategories).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ["a window of 0", { forecastRunRateMonths: 0 }, "forecastRunRateMonths", /1 to 12 months/],
    ["a window of 13", { forecastRunRateMonths: "13" }, "forecastRunRateMonths", /1 to 12 months/],
    ["a window of x", { forecastRunRateMonths: "x" }, "forecastRunRateMonths", /number of months/],
    ["an empty window", { forecastRunRateMonths: "" }, "forecastRunRateMonths", /number of months/],
    ["half a month", { forecastRunRateMonths: 2.5 }, "forecastRunRateMonths", /whole months/],
    ["a negative delay", { hiringDelayDays: -1 }, "hiringDelayDays", /cannot be negative/],
    ["a delay over a year", { hiringDelayDays: 366 }, "hiringDelayDays", /at most 365/],
    ["an empty delay", { hiringDelayDays: " " }, "hiringDelayDays", /number of days/],
    ["a multiplier below 1", { loadedCostMultiplier: "0.9" }, "loadedCostMultiplier", /from 1 to 9.9999/],
    ["a multiplier of 10", { loadedCostMultiplier: "10" }, "loadedCostMultiplier", /like 1.3/],
    ["five decimals", { loadedCostMultiplier: "1.23456" }, "loadedCostMultiplier", /four decimals/],
    ["a word", { loadedCostMultiplier: "abc" }, "loadedCostMultiplier", /like 1.3/],
    ["an object", { loadedCostMultiplier: {} }, "loadedCostMultiplier", /like 1.3/],
    ["an unknown category", { forecastLumpyCategories: ["TRAVEL", "SNACKS"] }, "forecastLumpyCategories", /from the list/],
    ["a number for a category", { forecastLumpyCategories: [1] }, "forecastLumpyCategories", /from the list/],
    ["personnel", { forecastLumpyCategories: ["PERSONNEL"] }, "forecastLumpyCategories", /people and positions/],
    ["not a list", { forecastLumpyCategories: { a: 1 } }, "forecastLumpyCategories", /Choose the categories/],
  ])("refuses %s, naming the field", (_name, over, field, message) => {
    const errors = errorsOf(over);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(message);
  });
});
