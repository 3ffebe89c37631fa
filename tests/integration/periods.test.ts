import { beforeAll, describe, expect, it } from "vitest";

import { financeExportCsv } from "@/lib/budgets/export";
import { planStatus } from "@/lib/budgets/plan-coverage";
import { getFinanceView, getFinanceViews, type FinanceScope } from "@/lib/budgets/rollup";
import { getMoneyFigures } from "@/lib/dashboard/money-figures";
import { createActual, createPerson, createPlan } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// Periods that compare like with like, on a February fiscal year like the demo's (FY2027 = Feb
// 2026 – Jan 2027), today 2026-12-06: year to date is Feb–Nov for plan AND actual (the hand-written
// SQL below computes both over the closed months and must agree with every view to the cent),
// December is month to date, FY2028 has no plan at all.

const db = testDb();
const today = new Date("2026-12-06T09:30:00Z");
let f: Awaited<ReturnType<typeof createOrgWithRoles>>;

beforeAll(async () => {
  await resetDb();
  f = await createOrgWithRoles(db);
  const { org, units } = f;
  await db.organization.update({ where: { id: org.id }, data: { fiscalYearStartMonth: 2 } });
  // Three employees in teamA and one in teamB: FY2028 has a personnel forecast and no plan.
  for (let i = 0; i < 3; i++) await createPerson(db, org.id, units.teamA.id, 12_000_000n);
  await createPerson(db, org.id, units.teamB.id, 9_000_000n);
  // Plan: every month of FY2027 for teamA SOFTWARE (uneven amounts so a month more or less shows),
  // December and January CLOUD for teamB, FY2026's January (outside FY2027).
  const months = [
    "2026-02",
    "2026-03",
    "2026-04",
    "2026-05",
    "2026-06",
    "2026-07",
    "2026-08",
    "2026-09",
    "2026-10",
    "2026-11",
    "2026-12",
    "2027-01",
  ];
  for (const [i, m] of months.entries()) await createPlan(db, org.id, units.teamA.id, `${m}-01`, "SOFTWARE", BigInt(100_000 + i * 1_001));
  await createPlan(db, org.id, units.teamB.id, "2026-12-01", "CLOUD", 777_777n);
  await createPlan(db, org.id, units.teamB.id, "2027-01-01", "CLOUD", 55_555n);
  await createPlan(db, org.id, units.teamA.id, "2026-01-01", "SOFTWARE", 9_999_999n);
  // Actuals: closed months, the first days of December (partial), the last day of November, and
  // January 2026 (FY2026).
  await createActual(db, org.id, units.teamA.id, "2026-02-01", "SOFTWARE", 120_000n);
  await createActual(db, org.id, units.teamA.id, "2026-07-15", "SOFTWARE", 95_500n);
  await createActual(db, org.id, units.teamB.id, "2026-11-30", "CLOUD", 333_333n);
  await createActual(db, org.id, units.teamB.id, "2026-12-01", "CLOUD", 44_444n);
  await createActual(db, org.id, units.teamA.id, "2026-12-05", "SOFTWARE", 12_345n);
  await createActual(db, org.id, units.teamA.id, "2026-01-31", "SOFTWARE", 8_888_888n);
});

function scope(overrides: Partial<FinanceScope> = {}): FinanceScope {
  return {
    orgId: f.org.id,
    startMonth: 2,
    fiscalYear: 2027,
    period: "year",
    unitId: null,
    category: null,
    payReader: true,
    today,
    ...overrides,
  };
}

/** Plan and actual of [from, to) by hand-written SQL on the raw tables (not the rollup, not the summary). */
async function bySql(from: string, to: string, unitId: string | null = null) {
  const units = unitId
    ? [
        unitId,
        ...(await db.orgUnitClosure.findMany({ where: { orgId: f.org.id, ancestorId: unitId }, select: { descendantId: true } })).map(
          (c) => c.descendantId,
        ),
      ]
    : null;
  const [row] = await db.$queryRawUnsafe<{ plan: bigint; actual: bigint; lastPlan: Date | null; lastActual: Date | null }[]>(
    `SELECT (SELECT COALESCE(SUM("amountCents"), 0) FROM "BudgetLine" WHERE "orgId" = $1 AND "month" >= $2::date AND "month" < $3::date AND ($4::text[] IS NULL OR "orgUnitId" = ANY($4))) AS plan,
            (SELECT COALESCE(SUM("amountCents"), 0) FROM "ActualEntry" WHERE "orgId" = $1 AND "bookedOn" >= $2::date AND "bookedOn" < $3::date AND ($4::text[] IS NULL OR "orgUnitId" = ANY($4))) AS actual,
            (SELECT MAX("month") FROM "BudgetLine" WHERE "orgId" = $1 AND "month" >= $2::date AND "month" < $3::date) AS "lastPlan",
            (SELECT date_trunc('month', MAX("bookedOn"))::date FROM "ActualEntry" WHERE "orgId" = $1 AND "bookedOn" >= $2::date AND "bookedOn" < $3::date) AS "lastActual"`,
    f.org.id,
    from,
    to,
    units,
  );
  return {
    plan: Number(row.plan),
    actual: Number(row.actual),
    lastPlan: row.lastPlan?.toISOString().slice(0, 10) ?? null,
    lastActual: row.lastActual?.toISOString().slice(0, 10) ?? null,
  };
}

describe("year to date: plan and actual over the same closed months", () => {
  it("the dashboard tile and the budgets page's ?period=ytd equal the hand-written SQL over Feb–Nov", async () => {
    // Closed months only: from the year's start to the first day of today's month (exclusive).
    const sql = await bySql("2026-02-01", "2026-12-01");
    expect(sql).toEqual({
      plan: 10 * 100_000 + 1_001 * 45,
      actual: 120_000 + 95_500 + 333_333,
      lastPlan: "2026-11-01",
      lastActual: "2026-11-01",
    });
    const m = await getMoneyFigures(f.org.id, 2, true, { unitId: null, fiscalYear: 2027, period: "q4" }, today);
    expect(m.ytd).toMatchObject({
      planCents: sql.plan,
      actualCents: sql.actual,
      forecastCents: sql.actual,
      varianceCents: sql.actual - sql.plan,
      span: "through Nov",
      closedMonths: 10,
    });
    const page = await getFinanceView(scope({ period: "ytd" }));
    expect(page.period).toMatchObject({ label: "FY27 YTD through Nov", start: "2026-02-01", end: "2026-11-30", months: 10 });
    expect(page.totals).toEqual({
      planCents: m.ytd.planCents,
      actualCents: m.ytd.actualCents,
      forecastCents: m.ytd.forecastCents,
      varianceCents: m.ytd.varianceCents,
      variancePct: m.ytd.variancePct,
      withheld: null,
    });
    // The burn chart's cumulative month rows agree at November.
    const nov = m.months.find((r) => r.month === "2026-11-01")!;
    expect([nov.cumPlanCents, nov.cumActualCents]).toEqual([sql.plan, sql.actual]);
    // A reader without pay access gets the same figures, or a figure withheld with its reason (docs/privacy.md).
    const blind = await getMoneyFigures(f.org.id, 2, false, { unitId: null, fiscalYear: 2027, period: "q4" }, today);
    for (const k of ["planCents", "actualCents", "forecastCents", "varianceCents"] as const) {
      if (blind.ytd[k] === null) expect(blind.ytd.withheld).toBeTruthy();
      else expect(blind.ytd[k]).toBe(m.ytd[k]);
    }
  });

  it("a subtree's year to date is its own closed months too", async () => {
    const sql = await bySql("2026-02-01", "2026-12-01", f.units.deptB.id);
    const view = await getFinanceView(scope({ period: "ytd", unitId: f.units.deptB.id }));
    expect([view.totals.planCents, view.totals.actualCents]).toEqual([sql.plan, sql.actual]);
    expect(sql).toMatchObject({ plan: 0, actual: 333_333 });
  });

  it("month to date is December: booked so far against the whole month's plan", async () => {
    const sql = await bySql("2026-12-01", "2027-01-01");
    expect(sql).toMatchObject({ plan: 100_000 + 10 * 1_001 + 777_777, actual: 44_444 + 12_345 });
    const m = await getMoneyFigures(f.org.id, 2, true, { unitId: null, fiscalYear: 2027, period: "ytd" }, today);
    expect(m.mtd).toMatchObject({ planCents: sql.plan, actualCents: sql.actual, label: "Dec to date (day 6 of 31)", periodKey: "m11" });
    // The burn chart's data: the current month carries what is booked so far, flagged by currentMonth.
    expect(m.currentMonth).toBe("2026-12-01");
    const [page, mtd] = await getFinanceViews(scope({ period: "ytd" }), [
      { period: "ytd", parts: [] },
      { period: "m11", parts: [] },
    ]);
    expect(page.totals.actualCents).toBe(m.ytd.actualCents);
    expect([mtd.totals.planCents, mtd.totals.actualCents]).toEqual([sql.plan, sql.actual]);
  });

  it("early in the year (no closed month) year to date is empty and says so; a past year is all of it", async () => {
    const feb = new Date("2026-02-10T12:00:00Z");
    const m = await getMoneyFigures(f.org.id, 2, true, { unitId: null, fiscalYear: 2027, period: "ytd" }, feb);
    expect(m.ytd).toMatchObject({ closedMonths: 0, span: "no month closed yet", state: "open", planCents: 0, actualCents: 0 });
    expect(m.periodMonths).toBe(0);
    expect(m.mtd).toMatchObject({ label: "Feb to date (day 10 of 28)", periodKey: "m1", planCents: 100_000, actualCents: 120_000 });
    const past = await getMoneyFigures(f.org.id, 2, true, { unitId: null, fiscalYear: 2026, period: "ytd" }, today);
    expect(past.ytd).toMatchObject({
      closedMonths: 12,
      span: "through Jan",
      state: "closed",
      planCents: 9_999_999,
      actualCents: 8_888_888,
    });
    expect(past.mtd).toBeNull();
  });
});

describe("a year without a plan", () => {
  it("FY2028 has no plan line: the views report no plan and still carry the forecast", async () => {
    const year = await getFinanceView(scope({ fiscalYear: 2028 }));
    expect(year.plan).toEqual({ lines: 0, months: 0, periodMonths: 12 });
    expect(planStatus(year.plan)).toBe("none");
    expect(year.totals.planCents).toBe(0);
    expect(year.totals.forecastCents).toBeGreaterThan(0);
    const m = await getMoneyFigures(f.org.id, 2, true, { unitId: null, fiscalYear: 2028, period: "q1" }, today);
    expect([planStatus(m.yearPlan), planStatus(m.periodPlan)]).toEqual(["none", "none"]);
    expect(m.ytd).toMatchObject({ state: "future", closedMonths: 0, span: "starts Feb 2027" });
    expect(m.mtd).toBeNull();
    // Exports leave the variance empty rather than printing the forecast as an overspend.
    const csv = await financeExportCsv(
      { org: { id: f.org.id, slug: f.org.slug, fiscalYearStartMonth: 2 }, readsPay: true },
      { fiscalYear: 2028, period: "year", unitId: null, category: null },
      "tree",
      today,
    );
    const division = csv!.csv.split("\r\n").find((l) => l.includes(f.units.division.code))!;
    expect(division).toMatch(/,0\.00,0\.00,\d+\.\d\d,,,/);
  });

  it("a plan for some months is a partial plan, still compared; one for every month is full", async () => {
    const line = await createPlan(db, f.org.id, f.units.teamB.id, "2027-03-01", "TRAVEL", 0n);
    try {
      const year = await getFinanceView(scope({ fiscalYear: 2028 }));
      // A zero line is a plan ("nothing planned").
      expect(year.plan).toEqual({ lines: 1, months: 1, periodMonths: 12 });
      expect(planStatus(year.plan)).toBe("partial");
      const q2 = await getFinanceView(scope({ fiscalYear: 2028, period: "q2" }));
      expect(planStatus(q2.plan)).toBe("none");
    } finally {
      await db.budgetLine.delete({ where: { id: line.id } });
    }
    expect(planStatus((await getFinanceView(scope())).plan)).toBe("full");
    // A unit without any plan line of its own, inside a planned org, has none either.
    expect(planStatus((await getFinanceView(scope({ period: "q1", unitId: f.units.deptB.id }))).plan)).toBe("none");
  });
});
