import { beforeAll, describe, expect, it } from "vitest";

import { getForecastCells, type ForecastCellRow } from "@/lib/budgets/forecast-sql";
import { roundHalfEvenSql } from "@/lib/budgets/forecast-window";
import { getFinanceView } from "@/lib/budgets/rollup";
import { Prisma } from "@/lib/generated/prisma/client";
import { createActual, createPerson, createPlan } from "@/tests/factories/finance";
import { createOrg, createUnit } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// The forecast rules (lib/budgets/forecast-sql.ts; docs/figures.md "Forecast"), on the SQL itself,
// each on a hand-computed fixture: each case gets its own org unit (and vendor) so its cells can
// be read apart. Today 2026-06-15 (June is the current month; March–May the run-rate window),
// hiring delay 30 days, org multiplier 1.3, run-rate window 3 months, lumpy categories HARDWARE,
// TRAINING, TRAVEL, calendar months. A full month of $120,000.00 a year is
// 12,000,000 × 1.3 ÷ 12 = 1,300,000 cents.

const db = testDb();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = new Date("2026-06-15T12:00:00Z");
let orgId: string;

beforeAll(async () => {
  await resetDb();
  orgId = (await createOrg(db)).id;
});

async function cells(from: string, to: string, org = orgId): Promise<ForecastCellRow[]> {
  return getForecastCells({ orgId: org, from: d(from), to: d(to), today });
}
/** "YYYY-MM" → [amount, source] of one unit's cells. */
function of(rows: ForecastCellRow[], unitId: string, category = "PERSONNEL") {
  return Object.fromEntries(
    rows.filter((r) => r.orgUnitId === unitId && r.category === category).map((r) => [r.month.slice(0, 7), [r.amountCents, r.source]]),
  );
}
let vendors = 0;
const newVendor = async (org = orgId) => (await db.vendor.create({ data: { orgId: org, name: `Vendor ${++vendors}` } })).id;
type Commit = {
  unitId: string;
  vendorId: string;
  category: "SOFTWARE" | "CLOUD" | "CONTRACTORS";
  annual: bigint;
  start?: string;
  end?: string;
  status?: "ACTIVE" | "EXPIRED";
  autoRenew?: boolean;
};
const contract = (c: Commit, org = orgId) =>
  db.contract.create({
    data: {
      orgId: org,
      vendorId: c.vendorId,
      orgUnitId: c.unitId,
      category: c.category,
      name: "C",
      annualAmountCents: c.annual,
      startDate: d(c.start ?? "2026-01-01"),
      endDate: d(c.end ?? "2026-12-31"),
      status: c.status ?? "ACTIVE",
      autoRenew: c.autoRenew ?? false,
    },
  });

describe("half-even rounding in SQL (the one rounding rule)", () => {
  it.each([
    ["12000000 * 1.3 / 12", 1_300_000n],
    ["10000001 * 1.3 / 12", 1_083_333n], // 1,083,333.44…
    ["100 * 1.5 / 12", 12n], // 12.5 → 12 (even)
    ["140 * 1.5 / 12", 18n], // 17.5 → 18 (even)
    ["-140 * 1.5 / 12", -18n],
    ["-12.5", -12n],
    ["9999999 * 1.0000 / 12", 833_333n], // 833,333.25
    ["6 * 1.0 / 12", 0n], // 0.5 → 0 (even)
    ["18 * 1.0 / 12", 2n], // 1.5 → 2 (even)
    ["1000006 / 12.0", 83_334n], // 83,333.83
    ["3500 / 3.0", 1_167n],
    ["2.6", 3n],
    ["-2.6", -3n],
  ])("%s → %s", async (expr, expected) => {
    const [row] = await db.$queryRaw<{ v: bigint }[]>`SELECT ${roundHalfEvenSql(Prisma.raw(`(${expr})::numeric`))}::bigint AS "v"`;
    expect(row.v).toBe(expected);
  });
});

describe("PERSONNEL: employees, by day in post", () => {
  it("a joiner and a leaver cost the days of the month they are in post; whole months in between", async () => {
    const unit = await createUnit(db, orgId);
    await createPerson(db, orgId, unit.id, 12_000_000n, { start: "2026-03-20", end: "2026-08-03" });
    expect(of(await cells("2026-02-01", "2026-09-01"), unit.id)).toEqual({
      "2026-03": [503_226n, "people"], // joins on the 20th: 12 of 31 days, 1,300,000 × 12 ÷ 31 = 503,225.81
      "2026-04": [1_300_000n, "people"],
      "2026-05": [1_300_000n, "people"],
      "2026-06": [1_300_000n, "people"],
      "2026-07": [1_300_000n, "people"],
      "2026-08": [125_806n, "people"], // leaves on the 3rd: 3 of 31 days, 3,900,000 ÷ 31 = 125,806.45
    });
  });

  it("someone starting on December 30 costs 2/31 of December", async () => {
    const unit = await createUnit(db, orgId);
    await createPerson(db, orgId, unit.id, 12_000_000n, { start: "2026-12-30" });
    expect(of(await cells("2026-11-01", "2027-01-01"), unit.id)).toEqual({
      "2026-12": [83_871n, "people"], // 1,300,000 × 2 ÷ 31 = 83,870.97
      "2027-01": [1_300_000n, "people"],
    });
  });

  it("at the FILLED seat's multiplier, else the org's; the seat is not counted again", async () => {
    const other = await createUnit(db, orgId);
    const p = await createPerson(db, orgId, other.id, 12_000_000n);
    await db.position.create({
      data: {
        orgId,
        orgUnitId: other.id,
        title: "Seat",
        level: "L3",
        status: "FILLED",
        personId: p.id,
        annualCompCents: 1n,
        budgetFiscalYear: 2026,
        loadedCostMultiplier: new Prisma.Decimal("1.2000"),
      },
    });
    expect(of(await cells("2030-01-01", "2030-01-01"), other.id)).toEqual({ "2030-01": [1_200_000n, "people"] }); // 12,000,000 × 1.2 ÷ 12
  });

  it("rounds once per person-month (half-even), then adds", async () => {
    // $6.00 a year: 600 × 1.3 ÷ 12 = 65 a month. September has 30 days.
    const two = await createUnit(db, orgId);
    for (let i = 0; i < 2; i++) await createPerson(db, orgId, two.id, 600n, { start: "2026-09-28" }); // 65 × 3 ÷ 30 = 6.5 → 6 each
    const one = await createUnit(db, orgId);
    await createPerson(db, orgId, one.id, 600n, { start: "2026-09-22" }); // 65 × 9 ÷ 30 = 19.5 → 20
    const rows = await cells("2026-09-01", "2026-10-01");
    expect(of(rows, two.id)).toEqual({ "2026-09": [12n, "people"], "2026-10": [130n, "people"] }); // 6 + 6, not round(13.0) = 13
    expect(of(rows, one.id)).toEqual({ "2026-09": [20n, "people"], "2026-10": [65n, "people"] });
    const small = await createUnit(db, orgId);
    for (let i = 0; i < 2; i++) await createPerson(db, orgId, small.id, 100n); // 100 × 1.3 ÷ 12 = 10.83 → 11 each
    expect(of(await cells("2026-07-01", "2026-07-01"), small.id)).toEqual({ "2026-07": [22n, "people"] });
  });

  it("contractors are not costed as PERSONNEL (their invoices are CONTRACTORS spend)", async () => {
    const unit = await createUnit(db, orgId);
    await createPerson(db, orgId, unit.id, 12_000_000n, { contractor: true });
    await createPlan(db, orgId, unit.id, "2026-07-01", "CONTRACTORS", 90_000n);
    const rows = await cells("2026-07-01", "2026-07-01");
    expect(of(rows, unit.id)).toEqual({});
    expect(of(rows, unit.id, "CONTRACTORS")).toEqual({ "2026-07": [90_000n, "plan"] });
  });
});

describe("PERSONNEL: unfilled positions from their expected start, by day", () => {
  // [name, seat, first month, its amount, the monthly amount after]
  type Case = [
    string,
    { status: "OPEN" | "PLANNED" | "BACKFILL" | "FILLED" | "CLOSED"; target?: string; departure?: string; multiplier?: string },
    string | null,
    bigint?,
    bigint?,
  ];
  it.each<Case>([
    // 2026-08-10 + 30 days = 2026-09-09: 22 of 30 days, 1,300,000 × 22 ÷ 30 = 953,333.33
    ["OPEN from target start + hiring delay", { status: "OPEN", target: "2026-08-10" }, "2026-09", 953_333n],
    ["PLANNED likewise", { status: "PLANNED", target: "2026-08-10" }, "2026-09", 953_333n],
    // today + 30 = 2026-07-15: 17 of 31 days, 1,300,000 × 17 ÷ 31 = 712,903.23
    ["OPEN with a past target start: from today + delay", { status: "OPEN", target: "2026-01-01" }, "2026-07", 712_903n],
    ["OPEN without a target start: from today + delay", { status: "OPEN" }, "2026-07", 712_903n],
    // the day after the last day (2026-10-21) + 30 = 2026-11-20: 11 of 30 days, 476,666.67
    [
      "BACKFILL: the day after a later departure + delay",
      { status: "BACKFILL", target: "2026-07-01", departure: "2026-10-20" },
      "2026-11",
      476_667n,
    ],
    // a later target (2026-12-01) + 30 = 2026-12-31: 1 of 31 days, 41,935.48
    ["BACKFILL: a later target start + delay", { status: "BACKFILL", target: "2026-12-01", departure: "2026-10-31" }, "2026-12", 41_935n],
    ["BACKFILL with nothing known: from today + delay", { status: "BACKFILL" }, "2026-07", 712_903n],
    // 12,000,000 × 1.1 ÷ 12 = 1,100,000 a month; 22 of 30 days = 806,666.67
    [
      "a position's multiplier overrides the org's",
      { status: "OPEN", target: "2026-08-10", multiplier: "1.1" },
      "2026-09",
      806_667n,
      1_100_000n,
    ],
    ["FILLED is the person, never counted twice", { status: "FILLED", target: "2026-08-10" }, null],
    ["CLOSED costs nothing", { status: "CLOSED", target: "2026-08-10" }, null],
  ])("%s", async (_name, c, firstMonth, first, monthly = 1_300_000n) => {
    const unit = await createUnit(db, orgId);
    // The departing person sits elsewhere so only the seat is costed in this unit.
    const leaver = c.departure ? await createPerson(db, orgId, (await createUnit(db, orgId)).id, 1n, { end: c.departure }) : null;
    await db.position.create({
      data: {
        orgId,
        orgUnitId: unit.id,
        title: "Seat",
        level: "L3",
        status: c.status,
        annualCompCents: 12_000_000n,
        budgetFiscalYear: 2026,
        targetStartDate: c.target ? d(c.target) : null,
        backfillForId: leaver?.id ?? null,
        loadedCostMultiplier: c.multiplier ? new Prisma.Decimal(c.multiplier) : null,
      },
    });
    const rows = of(await cells("2026-06-01", "2026-12-01"), unit.id);
    const months = Object.keys(rows);
    expect(months[0] ?? null).toBe(firstMonth);
    if (firstMonth) {
      expect(rows[firstMonth]).toEqual([first, "people"]);
      expect(months.at(-1)).toBe("2026-12");
      expect(
        Object.entries(rows)
          .slice(1)
          .every(([, [amount, source]]) => amount === monthly && source === "people"),
      ).toBe(true);
    }
  });

  it("a leaver on the 3rd and their backfill from the day after + delay", async () => {
    const unit = await createUnit(db, orgId);
    const leaver = await createPerson(db, orgId, unit.id, 12_000_000n, { end: "2026-08-03" });
    await db.position.create({
      data: {
        orgId,
        orgUnitId: unit.id,
        title: "Seat",
        level: "L3",
        status: "BACKFILL",
        annualCompCents: 12_000_000n,
        budgetFiscalYear: 2026,
        backfillForId: leaver.id,
      },
    });
    expect(of(await cells("2026-06-01", "2026-10-01"), unit.id)).toEqual({
      "2026-06": [1_300_000n, "people"],
      "2026-07": [1_300_000n, "people"],
      "2026-08": [125_806n, "people"], // the leaver's 3 of 31 days; the backfill starts 2026-08-04 + 30 = 2026-09-03
      "2026-09": [1_213_333n, "people"], // the backfill's 28 of 30 days: 1,300,000 × 28 ÷ 30 = 1,213,333.33
      "2026-10": [1_300_000n, "people"],
    });
  });
});

describe("other categories: the run-rate in both directions, else the plan", () => {
  // July 2026 (an open month after the current one); the window is March–May.
  it.each<[string, { plan?: bigint; trailing?: bigint[] }, [bigint, string] | null]>([
    ["a run-rate below the plan: underspend shows (2,700 ÷ 3)", { plan: 1000n, trailing: [900n, 900n, 900n] }, [900n, "trend"]],
    ["a run-rate above the plan (3,500 ÷ 3 = 1,166.67)", { plan: 1000n, trailing: [1000n, 1200n, 1300n] }, [1167n, "trend"]],
    ["months without actuals count as 0 (3,000 ÷ 3)", { plan: 0n, trailing: [3000n] }, [1000n, "trend"]],
    ["no actual in the window: the plan", { plan: 500n }, [500n, "plan"]],
    ["a run-rate below zero (credits) forecasts 0", { plan: 1000n, trailing: [-300n] }, null],
  ])("%s", async (_name, c, expected) => {
    const unit = await createUnit(db, orgId);
    if (c.plan !== undefined) await createPlan(db, orgId, unit.id, "2026-07-01", "SOFTWARE", c.plan);
    for (const [i, cents] of (c.trailing ?? []).entries()) await createActual(db, orgId, unit.id, `2026-0${3 + i}-10`, "SOFTWARE", cents);
    // Actuals of the current month and before the window are not part of the run-rate.
    await createActual(db, orgId, unit.id, "2026-06-01", "SOFTWARE", 1_000_000n);
    await createActual(db, orgId, unit.id, "2026-02-27", "SOFTWARE", 1_000_000n);
    expect(of(await cells("2026-07-01", "2026-07-01"), unit.id, "SOFTWARE")).toEqual(expected ? { "2026-07": expected } : {});
  });
});

describe("lumpy categories: the plan unless the org chooses the run-rate", () => {
  it("TRAVEL from the plan by default, from the run-rate when the org takes it off the list", async () => {
    const org = (await createOrg(db)).id;
    const unit = await createUnit(db, org);
    await createPlan(db, org, unit.id, "2026-07-01", "TRAVEL", 200_000n);
    await createPlan(db, org, unit.id, "2026-08-01", "SOFTWARE", 1n); // August is planned, though not for TRAVEL
    await createActual(db, org, unit.id, "2026-03-12", "TRAVEL", 300_000n);
    await createActual(db, org, unit.id, "2026-05-20", "TRAVEL", 600_000n); // run-rate (300,000 + 0 + 600,000) ÷ 3 = 300,000
    let rows = await cells("2026-07-01", "2026-08-01", org);
    expect(of(rows, unit.id, "TRAVEL")).toEqual({ "2026-07": [200_000n, "plan"] }); // August: plan 0, nothing
    await db.organization.update({ where: { id: org }, data: { forecastLumpyCategories: ["HARDWARE", "TRAINING"] } });
    rows = await cells("2026-07-01", "2026-08-01", org);
    expect(of(rows, unit.id, "TRAVEL")).toEqual({ "2026-07": [300_000n, "trend"], "2026-08": [300_000n, "trend"] });
  });

  it("a year with no plan: the forecast is still computed, lumpy categories from the run-rate", async () => {
    const org = await createOrg(db);
    const unit = await createUnit(db, org.id);
    await createPerson(db, org.id, unit.id, 12_000_000n);
    await createActual(db, org.id, unit.id, "2026-03-12", "TRAVEL", 300_000n);
    await createActual(db, org.id, unit.id, "2026-05-20", "TRAVEL", 600_000n); // 300,000 a month
    await createActual(db, org.id, unit.id, "2026-04-02", "SOFTWARE", 30_000n); // 10,000 a month
    const rows = await cells("2027-01-01", "2027-12-01", org.id);
    expect(Object.values(of(rows, unit.id, "TRAVEL"))).toEqual(Array(12).fill([300_000n, "trend"]));
    expect(Object.values(of(rows, unit.id, "SOFTWARE"))).toEqual(Array(12).fill([10_000n, "trend"]));
    expect(Object.values(of(rows, unit.id))).toEqual(Array(12).fill([1_300_000n, "people"]));
    // FY2027 (calendar): plan 0; forecast 12 × (1,300,000 + 300,000 + 10,000) = 19,320,000; no variance %.
    const view = await getFinanceView({
      orgId: org.id,
      startMonth: 1,
      fiscalYear: 2027,
      period: "year",
      unitId: null,
      category: null,
      payReader: true,
      today,
    });
    expect(view.totals).toEqual({
      planCents: 0,
      actualCents: 0,
      forecastCents: 19_320_000,
      varianceCents: 19_320_000,
      variancePct: null,
      withheld: null,
    });
    // One plan line anywhere in March 2027 makes March a planned month: TRAVEL follows its plan (none) there.
    await createPlan(db, org.id, (await createUnit(db, org.id)).id, "2027-03-01", "CLOUD", 1n);
    const march = of(await cells("2027-02-01", "2027-04-01", org.id), unit.id, "TRAVEL");
    expect(march).toEqual({ "2027-02": [300_000n, "trend"], "2027-04": [300_000n, "trend"] });
  });
});

describe("the current month: never less than what is booked in it", () => {
  it("is the larger of booked so far and the month's forecast, per unit × category", async () => {
    const over = await createUnit(db, orgId);
    await createPlan(db, orgId, over.id, "2026-06-01", "TRAVEL", 210_000n);
    await createPlan(db, orgId, over.id, "2026-07-01", "TRAVEL", 210_000n);
    await createActual(db, orgId, over.id, "2026-06-04", "TRAVEL", 380_351n); // $3,803.51 booked > $2,100 forecast
    const under = await createUnit(db, orgId);
    await createPlan(db, orgId, under.id, "2026-06-01", "TRAVEL", 210_000n);
    await createActual(db, orgId, under.id, "2026-06-04", "TRAVEL", 50_000n);
    const unplanned = await createUnit(db, orgId);
    await createActual(db, orgId, unplanned.id, "2026-06-02", "OTHER", 12_345n); // no plan, no run-rate
    await createActual(db, orgId, unplanned.id, "2026-06-03", "CLOUD", -5_000n); // a credit: the forecast stays 0
    const payroll = await createUnit(db, orgId);
    await createPerson(db, orgId, payroll.id, 12_000_000n);
    await createActual(db, orgId, payroll.id, "2026-06-10", "PERSONNEL", 1_500_000n);
    const rows = await cells("2026-06-01", "2026-07-01");
    expect(of(rows, over.id, "TRAVEL")).toEqual({ "2026-06": [380_351n, "booked"], "2026-07": [210_000n, "plan"] });
    expect(of(rows, under.id, "TRAVEL")).toEqual({ "2026-06": [210_000n, "plan"] });
    expect(of(rows, unplanned.id, "OTHER")).toEqual({ "2026-06": [12_345n, "booked"] });
    expect(of(rows, unplanned.id, "CLOUD")).toEqual({});
    expect(of(rows, payroll.id)).toEqual({ "2026-06": [1_500_000n, "booked"], "2026-07": [1_300_000n, "people"] });

    // A period's forecast = actuals of its closed months + the current month's forecast.
    await createActual(db, orgId, over.id, "2026-04-10", "TRAVEL", 100_000n);
    const q2 = await getFinanceView({
      orgId,
      startMonth: 1,
      fiscalYear: 2026,
      period: "q2",
      unitId: over.id,
      category: null,
      payReader: true,
      today,
    });
    // plan 210,000 (June); actual 100,000 + 380,351; forecast 100,000 (April) + 380,351 (June).
    expect(q2.totals).toMatchObject({ planCents: 210_000, actualCents: 480_351, forecastCents: 480_351, varianceCents: 270_351 });
  });
});

describe("contract commitments: only what no forecast covers yet", () => {
  it("a contract's run-rate within its term (annual ÷ 12, half-even); an inactive one commits nothing", async () => {
    const unit = await createUnit(db, orgId);
    await contract({
      unitId: unit.id,
      vendorId: await newVendor(),
      category: "SOFTWARE",
      annual: 1_000_006n,
      start: "2026-03-15",
      end: "2026-09-14",
    });
    await contract({ unitId: unit.id, vendorId: await newVendor(), category: "CLOUD", annual: 1_200_000n, status: "EXPIRED" });
    const rows = await cells("2026-06-01", "2026-10-01");
    expect(of(rows, unit.id, "SOFTWARE")).toEqual({
      "2026-06": [83_334n, "contracts"], // 1,000,006 ÷ 12 = 83,333.83
      "2026-07": [83_334n, "contracts"],
      "2026-08": [83_334n, "contracts"],
      "2026-09": [83_334n, "contracts"], // ends mid-month: whole month
    });
    expect(of(rows, unit.id, "CLOUD")).toEqual({});
  });

  it("an auto-renewing contract continues past its end date; one that does not renew stops", async () => {
    const renews = await createUnit(db, orgId);
    const ends = await createUnit(db, orgId);
    const vendorId = await newVendor();
    await contract({
      unitId: renews.id,
      vendorId,
      category: "SOFTWARE",
      annual: 1_200_000n,
      start: "2025-07-01",
      end: "2026-06-30",
      autoRenew: true,
    });
    await contract({
      unitId: ends.id,
      vendorId: await newVendor(),
      category: "SOFTWARE",
      annual: 1_200_000n,
      start: "2025-07-01",
      end: "2026-06-30",
    });
    const rows = await cells("2026-06-01", "2027-01-01");
    expect(Object.entries(of(rows, renews.id, "SOFTWARE"))).toEqual(
      ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01"].map((m) => [m, [100_000n, "contracts"]]),
    );
    expect(of(rows, ends.id, "SOFTWARE")).toEqual({ "2026-06": [100_000n, "contracts"] });
  });

  it("a vendor's spend in other units covers a commitment held elsewhere (no double count)", async () => {
    // Department P holds a $24,000/year (200,000/month) CONTRACTORS contract with vendor V; a team
    // of department O is invoiced by V: (150,000 + 150,000 + 150,003) ÷ 3 = 150,001 a month.
    const deptP = await createUnit(db, orgId, { kind: "DEPARTMENT" });
    const deptO = await createUnit(db, orgId, { kind: "DEPARTMENT" });
    const teamO = await createUnit(db, orgId, { parentId: deptO.id });
    const v = await newVendor();
    await contract({ unitId: deptP.id, vendorId: v, category: "CONTRACTORS", annual: 2_400_000n });
    for (const [day, cents] of [
      ["2026-03-05", 150_000n],
      ["2026-04-05", 150_000n],
      ["2026-05-05", 150_003n],
    ] as const) {
      await createActual(db, orgId, teamO.id, day, "CONTRACTORS", cents, { vendorId: v });
    }
    await createActual(db, orgId, teamO.id, "2026-04-20", "CONTRACTORS", 30_000n); // no vendor: not V's spend
    // Vendor W: spend elsewhere (120,000 a month) above its commitment (100,000 a month) adds nothing.
    const w = await newVendor();
    await contract({ unitId: deptP.id, vendorId: w, category: "SOFTWARE", annual: 1_200_000n });
    for (const day of ["2026-03-08", "2026-04-08", "2026-05-08"])
      await createActual(db, orgId, teamO.id, day, "SOFTWARE", 120_000n, { vendorId: w });
    const rows = await cells("2026-07-01", "2026-07-01");
    expect(of(rows, teamO.id, "CONTRACTORS")).toEqual({ "2026-07": [160_001n, "trend"] }); // (450,003 + 30,000) ÷ 3
    expect(of(rows, deptP.id, "CONTRACTORS")).toEqual({ "2026-07": [49_999n, "contracts"] }); // 200,000 − 150,001 (the old floor added all 200,000)
    // Together: the commitment (200,000) plus the spend that is not V's (10,000).
    expect(160_001n + 49_999n).toBe(210_000n);
    expect(of(rows, deptP.id, "SOFTWARE")).toEqual({});
    expect(of(rows, teamO.id, "SOFTWARE")).toEqual({ "2026-07": [120_000n, "trend"] });
  });

  it("a vendor's spend covers its contracts oldest first", async () => {
    const [u1, u2, u3] = [await createUnit(db, orgId), await createUnit(db, orgId), await createUnit(db, orgId)];
    const x = await newVendor();
    await contract({ unitId: u1.id, vendorId: x, category: "CLOUD", annual: 1_440_000n, start: "2026-01-01" }); // 120,000 a month
    await contract({ unitId: u2.id, vendorId: x, category: "CLOUD", annual: 720_000n, start: "2026-03-01" }); // 60,000 a month
    for (const day of ["2026-03-10", "2026-04-10", "2026-05-10"])
      await createActual(db, orgId, u3.id, day, "CLOUD", 150_000n, { vendorId: x });
    const rows = await cells("2026-07-01", "2026-07-01");
    // Run-rate 150,000 covers the older 120,000 and 30,000 of the newer: 180,000 − 150,000 = 30,000 added.
    expect(of(rows, u1.id, "CLOUD")).toEqual({});
    expect(of(rows, u2.id, "CLOUD")).toEqual({ "2026-07": [30_000n, "contracts"] });
    expect(of(rows, u3.id, "CLOUD")).toEqual({ "2026-07": [150_000n, "trend"] });
  });

  it("the plan-based forecast of the holder's subtree covers what the vendor's spend does not", async () => {
    const dept = await createUnit(db, orgId, { kind: "DEPARTMENT" });
    const team = await createUnit(db, orgId, { parentId: dept.id });
    // CLOUD: the team plans 150,000 a month under the department's 200,000 commitment → the
    // department forecasts the 50,000 not yet planned. SOFTWARE: the team plans above it → nothing more.
    await contract({ unitId: dept.id, vendorId: await newVendor(), category: "CLOUD", annual: 2_400_000n });
    await createPlan(db, orgId, team.id, "2026-06-01", "CLOUD", 150_000n);
    await contract({ unitId: dept.id, vendorId: await newVendor(), category: "SOFTWARE", annual: 2_400_000n });
    await createPlan(db, orgId, team.id, "2026-06-01", "SOFTWARE", 250_000n);
    // A team forecast from its run-rate (100,000 of CLOUD, no vendor) does not cover it: its plan is not its forecast.
    const dept2 = await createUnit(db, orgId, { kind: "DEPARTMENT" });
    const team2 = await createUnit(db, orgId, { parentId: dept2.id });
    await contract({ unitId: dept2.id, vendorId: await newVendor(), category: "CLOUD", annual: 2_400_000n });
    await createPlan(db, orgId, team2.id, "2026-06-01", "CLOUD", 150_000n);
    for (const day of ["2026-03-03", "2026-04-03", "2026-05-03"]) await createActual(db, orgId, team2.id, day, "CLOUD", 100_000n);
    const rows = await cells("2026-06-01", "2026-06-01");
    expect(of(rows, dept.id, "CLOUD")).toEqual({ "2026-06": [50_000n, "contracts"] });
    expect(of(rows, team.id, "CLOUD")).toEqual({ "2026-06": [150_000n, "plan"] });
    expect(of(rows, dept.id, "SOFTWARE")).toEqual({});
    expect(of(rows, team.id, "SOFTWARE")).toEqual({ "2026-06": [250_000n, "plan"] });
    expect(of(rows, team2.id, "CLOUD")).toEqual({ "2026-06": [100_000n, "trend"] });
    expect(of(rows, dept2.id, "CLOUD")).toEqual({ "2026-06": [200_000n, "contracts"] });
  });
});

describe("tenancy and window", () => {
  it("another org's people, plans, contracts and vendor spend never appear; an empty window has no cells", async () => {
    const other = await createOrg(db);
    const unit = await createUnit(db, other.id);
    await createPerson(db, other.id, unit.id, 12_000_000n);
    await createPlan(db, other.id, unit.id, "2026-07-01", "CLOUD", 99_999n);
    const rows = await cells("2026-07-01", "2026-07-01");
    expect(rows.some((r) => r.orgUnitId === unit.id)).toBe(false);
    expect(await cells("2026-08-01", "2026-07-01")).toEqual([]);
    // Another org's invoices from a vendor of the same name cover nothing here.
    const mine = await createUnit(db, orgId);
    await contract({ unitId: mine.id, vendorId: await newVendor(), category: "CLOUD", annual: 1_200_000n });
    const theirs = (await db.vendor.create({ data: { orgId: other.id, name: `Vendor ${vendors}` } })).id;
    for (const day of ["2026-03-10", "2026-04-10", "2026-05-10"])
      await createActual(db, other.id, unit.id, day, "CLOUD", 500_000n, { vendorId: theirs });
    expect(of(await cells("2026-07-01", "2026-07-01"), mine.id, "CLOUD")).toEqual({ "2026-07": [100_000n, "contracts"] });
  });
});

describe("a subtree's forecast (department views compute only their subtree)", () => {
  it("equals the org-wide cells of the subtree's units, with facts that cross the subtree's edge", async () => {
    // division ─ dept ─ team1, team2 ; division ─ outside. Commitments above, at and below the
    // department with one vendor, whose only invoice is outside the department; a person inside
    // whose FILLED seat is held outside (multiplier read across the edge); a backfill inside for
    // a leaver outside; a run-rate inside and outside.
    const vendorId = await newVendor();
    const commit = (unitId: string, category: "SOFTWARE" | "CLOUD", annual: bigint, start: string) =>
      contract({ unitId, vendorId, category, annual, start });
    const division = await createUnit(db, orgId, { kind: "DIVISION" });
    const dept = await createUnit(db, orgId, { kind: "DEPARTMENT", parentId: division.id });
    const team1 = await createUnit(db, orgId, { parentId: dept.id });
    const team2 = await createUnit(db, orgId, { parentId: dept.id });
    const outside = await createUnit(db, orgId, { parentId: division.id });
    await commit(division.id, "CLOUD", 9_600_000n, "2026-01-01"); // 800,000 a month, the oldest
    await commit(dept.id, "CLOUD", 2_400_000n, "2026-02-01"); // 200,000
    await commit(team2.id, "SOFTWARE", 1_200_001n, "2026-03-01"); // 100,000.08 → 100,000
    // The vendor's run-rate, 2,430,000 ÷ 3 = 810,000, covers the division's 800,000 and 10,000 of the department's.
    await createActual(db, orgId, outside.id, "2026-05-10", "OTHER", 2_430_000n, { vendorId });
    await createPlan(db, orgId, team1.id, "2026-07-01", "CLOUD", 150_000n);
    await createPlan(db, orgId, outside.id, "2026-07-01", "CLOUD", 700_000n);
    await createActual(db, orgId, team1.id, "2026-04-10", "SOFTWARE", 90_001n);
    await createActual(db, orgId, outside.id, "2026-05-10", "SOFTWARE", 30_000n);
    await createActual(db, orgId, team1.id, "2026-06-02", "TRAVEL", 4_321n); // booked in the current month
    const inside = await createPerson(db, orgId, team1.id, 12_000_000n);
    await db.position.create({
      data: {
        orgId,
        orgUnitId: outside.id,
        title: "Seat",
        level: "L3",
        status: "FILLED",
        annualCompCents: 12_000_000n,
        budgetFiscalYear: 2026,
        personId: inside.id,
        loadedCostMultiplier: new Prisma.Decimal("1.1"),
      },
    });
    const leaver = await createPerson(db, orgId, outside.id, 9_000_000n, { end: "2026-06-30" });
    await db.position.create({
      data: {
        orgId,
        orgUnitId: team2.id,
        title: "Seat",
        level: "L3",
        status: "BACKFILL",
        annualCompCents: 9_600_000n,
        budgetFiscalYear: 2026,
        backfillForId: leaver.id,
      },
    });

    const window = { orgId, from: d("2026-06-01"), to: d("2026-12-01"), today };
    const all = await getForecastCells(window);
    const subtree = {
      [division.id]: [division, dept, team1, team2, outside],
      [dept.id]: [dept, team1, team2],
      [team2.id]: [team2],
      [outside.id]: [outside],
    };
    for (const [root, units] of Object.entries(subtree)) {
      const ids = new Set(units.map((u) => u.id));
      const scoped = await getForecastCells({ ...window, unitId: root });
      expect(scoped, `subtree of ${root}`).toEqual(all.filter((c) => ids.has(c.orgUnitId)));
    }
    // The fixture exercises what it claims to.
    const deptCells = await getForecastCells({ ...window, unitId: dept.id });
    expect(of(deptCells, team1.id)["2026-07"]).toEqual([1_100_000n, "people"]); // at the outside seat's 1.1
    // The backfill starts 2026-07-01 + 30 = 2026-07-31: 1,040,000 × 1 ÷ 31 = 33,548.39, then whole months.
    expect(of(deptCells, team2.id)["2026-07"]).toEqual([33_548n, "people"]);
    expect(of(deptCells, team2.id)["2026-08"]).toEqual([1_040_000n, "people"]);
    expect(of(deptCells, team1.id, "TRAVEL")).toEqual({ "2026-06": [4_321n, "booked"] });
    // The department's uncovered 190,000, less its team's plan in July (150,000); all of it in June (no plan then).
    expect(of(deptCells, dept.id, "CLOUD")).toMatchObject({ "2026-06": [190_000n, "contracts"], "2026-07": [40_000n, "contracts"] });
    expect(of(deptCells, team2.id, "SOFTWARE")["2026-07"]).toEqual([100_000n, "contracts"]);
    // The division's commitment is covered by the vendor's spend outside the department.
    expect(of(all, division.id, "CLOUD")).toEqual({});
    expect(of(all, outside.id, "OTHER")["2026-07"]).toEqual([810_000n, "trend"]);
  });
});
