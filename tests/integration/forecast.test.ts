import { beforeAll, describe, expect, it } from "vitest";

import { getForecastCells, roundHalfEvenSql, type ForecastCellRow } from "@/lib/budgets/forecast-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { createActual, createPerson, createPlan } from "@/tests/factories/finance";
import { createOrg, createUnit } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// The forecast rules (lib/budgets/forecast-sql.ts), table-driven, on the SQL itself: each case
// gets its own org unit so its cells can be read apart. Today 2026-06-15, hiring delay 30 days,
// org multiplier 1.3, calendar months.

const db = testDb();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = new Date("2026-06-15T12:00:00Z");
let orgId: string;

beforeAll(async () => {
  await resetDb();
  orgId = (await createOrg(db)).id;
});

async function cells(from: string, to: string): Promise<ForecastCellRow[]> {
  return getForecastCells({ orgId, from: d(from), to: d(to), today });
}
/** "YYYY-MM" → [amount, source] of one unit's cells. */
function of(rows: ForecastCellRow[], unitId: string, category = "PERSONNEL") {
  return Object.fromEntries(rows.filter((r) => r.orgUnitId === unitId && r.category === category).map((r) => [r.month.slice(0, 7), [r.amountCents, r.source]]));
}

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

describe("PERSONNEL: employees", () => {
  it("costs a whole month from the start month to the end month, at the org's or the position's multiplier", async () => {
    const unit = await createUnit(db, orgId);
    await createPerson(db, orgId, unit.id, 12_000_000n, { start: "2026-03-20", end: "2026-08-01" });
    const rows = of(await cells("2026-02-01", "2026-09-01"), unit.id);
    expect(rows).toEqual({
      "2026-03": [1_300_000n, "people"], // started during the month: whole month
      "2026-04": [1_300_000n, "people"],
      "2026-05": [1_300_000n, "people"],
      "2026-06": [1_300_000n, "people"],
      "2026-07": [1_300_000n, "people"],
      "2026-08": [1_300_000n, "people"], // leaves on the 1st: still paid that month
    });
    const other = await createUnit(db, orgId);
    const p = await createPerson(db, orgId, other.id, 12_000_000n);
    await db.position.create({ data: { orgId, orgUnitId: other.id, title: "Seat", level: "L3", status: "FILLED", personId: p.id, annualCompCents: 1n, budgetFiscalYear: 2026, loadedCostMultiplier: new Prisma.Decimal("1.2000") } });
    expect(of(await cells("2030-01-01", "2030-01-01"), other.id)).toEqual({ "2030-01": [1_200_000n, "people"] }); // open-ended, the FILLED seat is not counted again
  });

  it("rounds once per person, then adds", async () => {
    const unit = await createUnit(db, orgId);
    for (let i = 0; i < 2; i++) await createPerson(db, orgId, unit.id, 100n); // 100 × 1.3 / 12 = 10.83 → 11 each
    expect(of(await cells("2026-07-01", "2026-07-01"), unit.id)).toEqual({ "2026-07": [22n, "people"] });
  });

  it("contractors are not costed as PERSONNEL (their invoices are CONTRACTORS spend)", async () => {
    const unit = await createUnit(db, orgId);
    await db.person.create({ data: { orgId, orgUnitId: unit.id, name: "C", title: "Contractor", level: "L3", startDate: d("2020-01-01"), annualCompCents: 12_000_000n, employmentType: "CONTRACTOR" } });
    await createPlan(db, orgId, unit.id, "2026-07-01", "CONTRACTORS", 90_000n);
    const rows = await cells("2026-07-01", "2026-07-01");
    expect(of(rows, unit.id)).toEqual({});
    expect(of(rows, unit.id, "CONTRACTORS")).toEqual({ "2026-07": [90_000n, "plan"] });
  });
});

describe("PERSONNEL: unfilled positions start after the hiring delay", () => {
  type Case = [string, { status: "OPEN" | "PLANNED" | "BACKFILL" | "FILLED" | "CLOSED"; target?: string; departure?: string; multiplier?: string }, string | null, bigint?];
  it.each<Case>([
    ["OPEN from target start + delay (2026-09-09)", { status: "OPEN", target: "2026-08-10" }, "2026-09"],
    ["PLANNED likewise", { status: "PLANNED", target: "2026-08-10" }, "2026-09"],
    ["OPEN with a past target starts from today + delay (2026-07-15)", { status: "OPEN", target: "2026-01-01" }, "2026-07"],
    ["OPEN without a target starts from today + delay", { status: "OPEN" }, "2026-07"],
    ["BACKFILL after a later departure (2026-11-30)", { status: "BACKFILL", target: "2026-07-01", departure: "2026-10-31" }, "2026-11"],
    ["BACKFILL after a later target start (2026-12-31)", { status: "BACKFILL", target: "2026-12-01", departure: "2026-10-31" }, "2026-12"],
    ["BACKFILL with nothing known starts from today + delay", { status: "BACKFILL" }, "2026-07"],
    ["a position's multiplier overrides the org's", { status: "OPEN", target: "2026-08-10", multiplier: "1.1" }, "2026-09", 1_100_000n],
    ["FILLED is the person, never counted twice", { status: "FILLED", target: "2026-08-10" }, null],
    ["CLOSED costs nothing", { status: "CLOSED", target: "2026-08-10" }, null],
  ])("%s", async (_name, c, firstMonth, monthly = 1_300_000n) => {
    const unit = await createUnit(db, orgId);
    // The departing person sits elsewhere so only the seat is costed in this unit.
    const leaver = c.departure ? await createPerson(db, orgId, (await createUnit(db, orgId)).id, 1n, { end: c.departure }) : null;
    await db.position.create({
      data: {
        orgId, orgUnitId: unit.id, title: "Seat", level: "L3", status: c.status, annualCompCents: 12_000_000n, budgetFiscalYear: 2026,
        targetStartDate: c.target ? d(c.target) : null, backfillForId: leaver?.id ?? null,
        loadedCostMultiplier: c.multiplier ? new Prisma.Decimal(c.multiplier) : null,
      },
    });
    const rows = of(await cells("2026-06-01", "2026-12-01"), unit.id);
    const months = Object.keys(rows);
    expect(months[0] ?? null).toBe(firstMonth);
    if (firstMonth) {
      expect(months.at(-1)).toBe("2026-12");
      expect(Object.values(rows).every(([amount, source]) => amount === monthly && source === "people")).toBe(true);
    }
  });

  it("a leaver's last month and their backfill's first month (the backfill starts the day after + delay)", async () => {
    const unit = await createUnit(db, orgId);
    const leaver = await createPerson(db, orgId, unit.id, 12_000_000n, { end: "2026-06-30" });
    await db.position.create({ data: { orgId, orgUnitId: unit.id, title: "Seat", level: "L3", status: "BACKFILL", annualCompCents: 12_000_000n, budgetFiscalYear: 2026, backfillForId: leaver.id } });
    expect(of(await cells("2026-06-01", "2026-07-01"), unit.id)).toEqual({
      "2026-06": [1_300_000n, "people"], // the leaver; the backfill starts 2026-07-30
      "2026-07": [1_300_000n, "people"],
    });
  });
});

describe("other categories: plan, trailing-3-month trend when higher, committed contracts when higher still", () => {
  let vendorId: string;
  beforeAll(async () => {
    vendorId = (await db.vendor.create({ data: { orgId, name: "Vendor" } })).id;
  });
  const contract = (orgUnitId: string, category: "SOFTWARE" | "CLOUD", annual: bigint, start: string, end: string, status: "ACTIVE" | "EXPIRED" = "ACTIVE") =>
    db.contract.create({ data: { orgId, vendorId, orgUnitId, category, name: "C", annualAmountCents: annual, startDate: d(start), endDate: d(end), status } });

  it("a contract's run-rate within its term (annual ÷ 12, half-even); an inactive one commits nothing", async () => {
    const unit = await createUnit(db, orgId);
    await contract(unit.id, "SOFTWARE", 1_000_006n, "2026-03-15", "2026-09-14");
    await contract(unit.id, "CLOUD", 1_200_000n, "2026-01-01", "2026-12-31", "EXPIRED");
    const rows = await cells("2026-06-01", "2026-10-01");
    expect(of(rows, unit.id, "SOFTWARE")).toEqual({
      "2026-06": [83_334n, "contracts"],
      "2026-07": [83_334n, "contracts"],
      "2026-08": [83_334n, "contracts"],
      "2026-09": [83_334n, "contracts"], // ends mid-month: whole month
    });
    expect(of(rows, unit.id, "CLOUD")).toEqual({});
  });

  // Trailing months are March–May (the three closed months before June).
  it.each<[string, { plan?: bigint; trailing?: bigint[]; annual?: bigint }, [bigint, string] | null]>([
    ["plan when the trend is lower", { plan: 1000n, trailing: [900n, 900n, 900n] }, [1000n, "plan"]],
    ["trend when higher (3,500 ÷ 3 → 1,167)", { plan: 1000n, trailing: [1000n, 1200n, 1300n] }, [1167n, "trend"]],
    ["missing trailing months count as 0", { plan: 0n, trailing: [3000n] }, [1000n, "trend"]],
    ["no trailing actuals: the plan", { plan: 500n }, [500n, "plan"]],
    ["contracts when above both", { plan: 1000n, trailing: [1100n, 1100n, 1100n], annual: 24_000n }, [2000n, "contracts"]],
    ["a tie keeps the plan", { plan: 1000n, trailing: [1000n, 1000n, 1000n], annual: 12_000n }, [1000n, "plan"]],
    ["a negative trend (credits) never lowers the plan", { plan: 0n, trailing: [-300n] }, null],
  ])("%s", async (_name, c, expected) => {
    const unit = await createUnit(db, orgId);
    if (c.plan !== undefined) await createPlan(db, orgId, unit.id, "2026-06-01", "SOFTWARE", c.plan);
    for (const [i, cents] of (c.trailing ?? []).entries()) await createActual(db, orgId, unit.id, `2026-0${3 + i}-10`, "SOFTWARE", cents);
    if (c.annual) await contract(unit.id, "SOFTWARE", c.annual, "2026-01-01", "2026-12-31");
    // An actual of the current month and one before the window are not part of the trend.
    await createActual(db, orgId, unit.id, "2026-06-01", "SOFTWARE", 1_000_000n);
    await createActual(db, orgId, unit.id, "2026-02-27", "SOFTWARE", 1_000_000n);
    expect(of(await cells("2026-06-01", "2026-06-01"), unit.id, "SOFTWARE")).toEqual(expected ? { "2026-06": expected } : {});
  });

  it("a department's commitment is a floor for its subtree's spend, not spend on top of it", async () => {
    const dept = await createUnit(db, orgId, { kind: "DEPARTMENT" });
    const team = await createUnit(db, orgId, { parentId: dept.id });
    // CLOUD: the team plans 150,000 a month under the department's 200,000 commitment → the
    // department forecasts the 50,000 not yet planned. SOFTWARE: the team plans above it → nothing more.
    await contract(dept.id, "CLOUD", 2_400_000n, "2026-01-01", "2026-12-31");
    await createPlan(db, orgId, team.id, "2026-06-01", "CLOUD", 150_000n);
    await contract(dept.id, "SOFTWARE", 2_400_000n, "2026-01-01", "2026-12-31");
    await createPlan(db, orgId, team.id, "2026-06-01", "SOFTWARE", 250_000n);
    const rows = await cells("2026-06-01", "2026-06-01");
    expect(of(rows, dept.id, "CLOUD")).toEqual({ "2026-06": [50_000n, "contracts"] });
    expect(of(rows, team.id, "CLOUD")).toEqual({ "2026-06": [150_000n, "plan"] });
    expect(of(rows, dept.id, "SOFTWARE")).toEqual({});
    expect(of(rows, team.id, "SOFTWARE")).toEqual({ "2026-06": [250_000n, "plan"] });
  });
});

describe("tenancy and window", () => {
  it("another org's people, plans and contracts never appear; an empty window has no cells", async () => {
    const other = await createOrg(db);
    const unit = await createUnit(db, other.id);
    await createPerson(db, other.id, unit.id, 12_000_000n);
    await createPlan(db, other.id, unit.id, "2026-07-01", "CLOUD", 99_999n);
    const rows = await cells("2026-07-01", "2026-07-01");
    expect(rows.some((r) => r.orgUnitId === unit.id)).toBe(false);
    expect(await cells("2026-08-01", "2026-07-01")).toEqual([]);
  });
});

describe("a subtree's forecast (department views compute only their subtree)", () => {
  it("equals the org-wide cells of the subtree's units, with facts that cross the subtree's edge", async () => {
    // division ─ dept ─ team1, team2 ; division ─ outside. Commitments above, at and below the
    // department; a person inside whose FILLED seat is held outside (multiplier read across the
    // edge); a backfill inside for a leaver outside; a trend inside and outside.
    const vendorId = (await db.vendor.create({ data: { orgId, name: `Vendor ${Date.now()}` } })).id;
    const commit = (orgUnitId: string, category: "SOFTWARE" | "CLOUD", annual: bigint) =>
      db.contract.create({ data: { orgId, vendorId, orgUnitId, category, name: "C", annualAmountCents: annual, startDate: d("2026-01-01"), endDate: d("2026-12-31"), status: "ACTIVE" } });
    const division = await createUnit(db, orgId, { kind: "DIVISION" });
    const dept = await createUnit(db, orgId, { kind: "DEPARTMENT", parentId: division.id });
    const team1 = await createUnit(db, orgId, { parentId: dept.id });
    const team2 = await createUnit(db, orgId, { parentId: dept.id });
    const outside = await createUnit(db, orgId, { parentId: division.id });
    await commit(division.id, "CLOUD", 9_600_000n);
    await commit(dept.id, "CLOUD", 2_400_000n);
    await commit(team2.id, "SOFTWARE", 1_200_001n);
    await createPlan(db, orgId, team1.id, "2026-07-01", "CLOUD", 150_000n);
    await createPlan(db, orgId, outside.id, "2026-07-01", "CLOUD", 700_000n);
    await createActual(db, orgId, team1.id, "2026-04-10", "SOFTWARE", 90_001n);
    await createActual(db, orgId, outside.id, "2026-05-10", "SOFTWARE", 30_000n);
    const inside = await createPerson(db, orgId, team1.id, 12_000_000n);
    await db.position.create({
      data: { orgId, orgUnitId: outside.id, title: "Seat", level: "L3", status: "FILLED", annualCompCents: 12_000_000n, budgetFiscalYear: 2026, personId: inside.id, loadedCostMultiplier: new Prisma.Decimal("1.1") },
    });
    const leaver = await createPerson(db, orgId, outside.id, 9_000_000n, { end: "2026-06-30" });
    await db.position.create({ data: { orgId, orgUnitId: team2.id, title: "Seat", level: "L3", status: "BACKFILL", annualCompCents: 9_600_000n, budgetFiscalYear: 2026, backfillForId: leaver.id } });

    const window = { orgId, from: d("2026-06-01"), to: d("2026-12-01"), today };
    const all = await getForecastCells(window);
    const subtree = { [division.id]: [division, dept, team1, team2, outside], [dept.id]: [dept, team1, team2], [team2.id]: [team2], [outside.id]: [outside] };
    for (const [root, units] of Object.entries(subtree)) {
      const ids = new Set(units.map((u) => u.id));
      const scoped = await getForecastCells({ ...window, unitId: root });
      expect(scoped, `subtree of ${root}`).toEqual(all.filter((c) => ids.has(c.orgUnitId)));
    }
    // The fixture exercises what it claims to: the inside person at the outside seat's 1.1, the
    // backfill from the leaver's departure + delay, the department's commitment above its team's plan.
    const deptCells = await getForecastCells({ ...window, unitId: dept.id });
    expect(of(deptCells, team1.id)["2026-07"]).toEqual([1_100_000n, "people"]);
    expect(of(deptCells, team2.id)["2026-08"]).toEqual([1_040_000n, "people"]);
    expect(of(deptCells, dept.id, "CLOUD")["2026-07"]).toEqual([50_000n, "contracts"]);
  });
});
