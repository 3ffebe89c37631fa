import { beforeAll, describe, expect, it } from "vitest";

import { getForecastAssumptions } from "@/lib/budgets/assumptions-query";
import { getForecastCells, type ForecastCellRow } from "@/lib/budgets/forecast-sql";
import { getFinanceView } from "@/lib/budgets/rollup";
import { updateOrgSettings } from "@/lib/settings/update-org-settings";
import { createActual, createPerson, createPlan } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

// The forecast's assumptions as org settings: changed through the settings action by roles with
// org:settings only, validated field by field with nothing written on a refusal, audited, and
// read by the forecast at once. Today 2026-06-15; teamA's fixture is computed by hand below.

const db = testDb();
const today = new Date("2026-06-15T12:00:00Z");
let f: Awaited<ReturnType<typeof createOrgWithRoles>>;

beforeAll(async () => {
  await resetDb();
  f = await createOrgWithRoles(db);
  const { org, units } = f;
  await createPerson(db, org.id, units.teamA.id, 12_000_000n);
  await db.position.create({
    data: {
      orgId: org.id,
      orgUnitId: units.teamA.id,
      title: "Seat",
      level: "L3",
      status: "OPEN",
      annualCompCents: 12_000_000n,
      budgetFiscalYear: 2026,
      targetStartDate: new Date("2026-08-10"),
    },
  });
  await createActual(db, org.id, units.teamA.id, "2026-04-07", "SOFTWARE", 1_000n);
  await createActual(db, org.id, units.teamA.id, "2026-05-07", "SOFTWARE", 2_001n);
  await createPlan(db, org.id, units.teamA.id, "2026-07-01", "TRAVEL", 200_000n);
  // The org has a plan for every month (so lumpy TRAVEL follows the plan, none after July).
  for (const month of ["2026-07-01", "2026-08-01", "2026-09-01"]) await createPlan(db, org.id, units.teamB.id, month, "OTHER", 1n);
  await createActual(db, org.id, units.teamA.id, "2026-03-09", "TRAVEL", 300_000n);
  await createActual(db, org.id, units.teamA.id, "2026-05-09", "TRAVEL", 500_000n);
});

const current = async () => db.organization.findUniqueOrThrow({ where: { id: f.org.id } });
async function input(over: Record<string, unknown> = {}) {
  const org = await current();
  return {
    name: org.name,
    fiscalYearStartMonth: 1,
    updateCadence: "WEEKLY",
    updateDueWeekday: "FRIDAY",
    updateGraceDays: 2,
    loadedCostMultiplier: "1.5",
    hiringDelayDays: "0",
    forecastRunRateMonths: "2",
    forecastLumpyCategories: ["HARDWARE", "TRAINING"],
    expectedUpdatedAt: org.updatedAt.toISOString(),
    ...over,
  };
}
const assumptionsOf = (o: Awaited<ReturnType<typeof current>>) => [
  o.loadedCostMultiplier.toFixed(4),
  o.hiringDelayDays,
  o.forecastRunRateMonths,
  o.forecastLumpyCategories,
];
async function teamA(): Promise<Record<string, [bigint, string]>> {
  const rows: ForecastCellRow[] = await getForecastCells({
    orgId: f.org.id,
    from: new Date("2026-07-01"),
    to: new Date("2026-09-01"),
    today,
    unitId: f.units.teamA.id,
  });
  return Object.fromEntries(rows.map((r) => [`${r.category} ${r.month.slice(0, 7)}`, [r.amountCents, r.source]]));
}

describe("forecast assumptions in settings", () => {
  it.each(["manager", "finance", "viewer"] as const)("refuses a %s and writes nothing", async (who) => {
    const before = [await rowCounts(), assumptionsOf(await current())];
    const result = await updateOrgSettings.run(f.members[who].user.id, f.org.slug, await input());
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect([await rowCounts(), assumptionsOf(await current())]).toEqual(before);
  });

  it("refuses bad input with an error naming each field, and writes nothing", async () => {
    for (const over of [
      { forecastRunRateMonths: 0, forecastLumpyCategories: ["TRAVEL", "SNACKS"], hiringDelayDays: -3, loadedCostMultiplier: "x" },
      { forecastRunRateMonths: 13, forecastLumpyCategories: ["PERSONNEL"] },
      { forecastRunRateMonths: "x" },
    ]) {
      const before = [await rowCounts(), assumptionsOf(await current())];
      const result = await updateOrgSettings.run(f.members.admin.user.id, f.org.slug, await input(over));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe("VALIDATION");
      expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(Object.keys(over).sort());
      expect([await rowCounts(), assumptionsOf(await current())]).toEqual(before);
    }
  });

  it("a director's change is audited, shown and changes the forecast at once", async () => {
    // Defaults (multiplier 1.3, 30 days' delay, 3-month window, TRAVEL lumpy):
    //   PERSONNEL: the person 12,000,000 × 1.3 ÷ 12 = 1,300,000; the seat from 2026-08-10 + 30 =
    //   2026-09-09, 22 of 30 days = 953,333.33.
    //   SOFTWARE: (0 + 1,000 + 2,001) ÷ 3 = 1,000.33. TRAVEL: its July plan.
    expect(await teamA()).toEqual({
      "PERSONNEL 2026-07": [1_300_000n, "people"],
      "PERSONNEL 2026-08": [1_300_000n, "people"],
      "PERSONNEL 2026-09": [1_300_000n + 953_333n, "people"],
      "SOFTWARE 2026-07": [1_000n, "trend"],
      "SOFTWARE 2026-08": [1_000n, "trend"],
      "SOFTWARE 2026-09": [1_000n, "trend"],
      "TRAVEL 2026-07": [200_000n, "plan"],
    });
    const scope = {
      orgId: f.org.id,
      startMonth: 1,
      fiscalYear: 2026,
      period: "q3" as const,
      unitId: f.units.teamA.id,
      category: null,
      payReader: true,
      today,
    };
    const before = await getFinanceView(scope);
    expect(before.totals.forecastCents).toBe(3 * 1_300_000 + 953_333 + 3 * 1_000 + 200_000);
    expect(await getForecastAssumptions(f.org.id)).toEqual({
      loadedCostMultiplier: "1.3",
      hiringDelayDays: 30,
      runRateMonths: 3,
      lumpyCategories: ["HARDWARE", "TRAINING", "TRAVEL"],
    });

    const result = await updateOrgSettings.run(f.members.director.user.id, f.org.slug, await input());
    expect(result.ok).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { orgId: f.org.id, action: "org.settings.update" },
      orderBy: { at: "desc" },
    });
    expect(event.before).toMatchObject({
      hiringDelayDays: 30,
      forecastRunRateMonths: 3,
      forecastLumpyCategories: ["HARDWARE", "TRAINING", "TRAVEL"],
    });
    expect(event.after).toMatchObject({
      loadedCostMultiplier: "1.5",
      hiringDelayDays: 0,
      forecastRunRateMonths: 2,
      forecastLumpyCategories: ["HARDWARE", "TRAINING"],
    });
    expect(await getForecastAssumptions(f.org.id)).toEqual({
      loadedCostMultiplier: "1.5",
      hiringDelayDays: 0,
      runRateMonths: 2,
      lumpyCategories: ["HARDWARE", "TRAINING"],
    });

    // Multiplier 1.5, no delay, a 2-month window (April–May), TRAVEL from its run-rate:
    //   PERSONNEL: 12,000,000 × 1.5 ÷ 12 = 1,500,000; the seat from 2026-08-10, 22 of 31 days =
    //   1,064,516.13 in August, then 1,500,000.
    //   SOFTWARE: (1,000 + 2,001) ÷ 2 = 1,500.5 → 1,500 (half-even). TRAVEL: (0 + 500,000) ÷ 2.
    expect(await teamA()).toEqual({
      "PERSONNEL 2026-07": [1_500_000n, "people"],
      "PERSONNEL 2026-08": [1_500_000n + 1_064_516n, "people"],
      "PERSONNEL 2026-09": [3_000_000n, "people"],
      "SOFTWARE 2026-07": [1_500n, "trend"],
      "SOFTWARE 2026-08": [1_500n, "trend"],
      "SOFTWARE 2026-09": [1_500n, "trend"],
      "TRAVEL 2026-07": [250_000n, "trend"],
      "TRAVEL 2026-08": [250_000n, "trend"],
      "TRAVEL 2026-09": [250_000n, "trend"],
    });
    // The memoized finance view follows the change (Organization is one of its tables).
    const after = await getFinanceView(scope);
    expect(after.totals.forecastCents).toBe(1_500_000 + 2_564_516 + 3_000_000 + 3 * 1_500 + 3 * 250_000);
  });

  it("an admin may change them too; left-out assumptions keep their values", async () => {
    const {
      loadedCostMultiplier: _m,
      hiringDelayDays: _h,
      forecastLumpyCategories: _l,
      ...rest
    } = await input({ forecastRunRateMonths: 4 });
    const result = await updateOrgSettings.run(f.members.admin.user.id, f.org.slug, rest);
    expect(result.ok).toBe(true);
    expect(assumptionsOf(await current())).toEqual(["1.5000", 0, 4, ["HARDWARE", "TRAINING"]]);
  });
});
