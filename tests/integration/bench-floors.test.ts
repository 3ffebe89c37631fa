import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getFinanceView } from "@/lib/budgets/rollup";
import { getMoneyFigures } from "@/lib/dashboard/director";
import { Prisma } from "@/lib/generated/prisma/client";
import { pageFloors, type FloorInput } from "@/scripts/bench/floors";
import { createActual, createPerson, createPlan } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// The bench's SQL floors (scripts/bench/floors/) are "the same figures by hand-written
// SQL": their money queries compute the forecast independently of the app's SQL builder, so a
// floor that drifted from the app's definition would be a floor for other work. Here both run
// on one fixture with every forecast rule in play and must agree to the cent.

const db = testDb();
const today = new Date("2026-06-15T12:00:00Z");
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
let f: Awaited<ReturnType<typeof createOrgWithRoles>>;
let pool: pg.Pool;
let input: FloorInput;

beforeAll(async () => {
  await resetDb();
  f = await createOrgWithRoles(db);
  const { org, units } = f;
  // A 2-month run-rate window and TRAVEL forecast from the run-rate: the org's assumptions are read.
  await db.organization.update({
    where: { id: org.id },
    data: {
      loadedCostMultiplier: new Prisma.Decimal("1.3"),
      hiringDelayDays: 30,
      forecastRunRateMonths: 2,
      forecastLumpyCategories: ["HARDWARE", "TRAINING"],
    },
  });
  // People (one leaving in August, one at a FILLED seat with its own multiplier), an open seat,
  // a backfill for the leaver, a contractor (not costed as PERSONNEL).
  for (let i = 0; i < 3; i++) await createPerson(db, org.id, units.teamA.id, 12_000_001n + BigInt(i));
  const leaver = await createPerson(db, org.id, units.teamB.id, 9_000_000n, { end: "2026-08-20" });
  const seated = await createPerson(db, org.id, units.deptA.id, 15_000_000n);
  await db.position.create({
    data: {
      orgId: org.id,
      orgUnitId: units.deptA.id,
      title: "Lead",
      level: "L5",
      status: "FILLED",
      annualCompCents: 15_000_000n,
      budgetFiscalYear: 2026,
      personId: seated.id,
      loadedCostMultiplier: new Prisma.Decimal("1.15"),
    },
  });
  await db.position.create({
    data: {
      orgId: org.id,
      orgUnitId: units.teamA.id,
      title: "Seat",
      level: "L3",
      status: "OPEN",
      annualCompCents: 11_000_000n,
      budgetFiscalYear: 2026,
      targetStartDate: d("2026-09-10"),
    },
  });
  await db.position.create({
    data: {
      orgId: org.id,
      orgUnitId: units.teamB.id,
      title: "Backfill",
      level: "L3",
      status: "BACKFILL",
      annualCompCents: 9_600_000n,
      budgetFiscalYear: 2026,
      backfillForId: leaver.id,
    },
  });
  await db.person.update({
    where: { id: (await createPerson(db, org.id, units.teamB.id, 20_000_000n)).id },
    data: { employmentType: "CONTRACTOR" },
  });
  // Plan lines, trailing actuals above and below plan, a credit, a department commitment above
  // its team's plan and a team commitment below it.
  for (let m = 1; m <= 12; m++) {
    const month = `2026-${String(m).padStart(2, "0")}-01`;
    await createPlan(db, org.id, units.teamA.id, month, "SOFTWARE", 100_000n);
    await createPlan(db, org.id, units.teamB.id, month, "CLOUD", 40_000n);
    await createPlan(db, org.id, units.teamA.id, month, "PERSONNEL", 4_000_000n);
  }
  for (const [day, amount] of [
    ["2026-03-05", 150_001n],
    ["2026-04-05", 160_000n],
    ["2026-05-05", 140_000n],
  ] as const)
    await createActual(db, org.id, units.teamA.id, day, "SOFTWARE", amount);
  await createActual(db, org.id, units.teamB.id, "2026-05-31", "CLOUD", -7_000n);
  await createActual(db, org.id, units.teamA.id, "2026-02-28", "PERSONNEL", 3_900_000n);
  await createActual(db, org.id, units.deptB.id, "2026-06-02", "TRAVEL", 12_345n);
  const vendor = await db.vendor.create({ data: { orgId: org.id, name: "Cloud Co" } });
  const contract = (orgUnitId: string, category: "CLOUD" | "SOFTWARE", annual: bigint, end: string) =>
    db.contract.create({
      data: {
        orgId: org.id,
        vendorId: vendor.id,
        orgUnitId,
        category,
        name: `${category} ${annual}`,
        annualAmountCents: annual,
        startDate: d("2026-01-01"),
        endDate: d(end),
        status: "ACTIVE",
      },
    });
  await contract(units.deptB.id, "CLOUD", 1_200_001n, "2026-12-31");
  await contract(units.teamA.id, "SOFTWARE", 600_000n, "2026-08-31");
  // The vendor's invoices in teamA cover part of the department's commitment; an auto-renewing
  // contract past its end; HARDWARE (lumpy) from its plan despite its actuals; TRAVEL (not lumpy
  // here) from its run-rate; the current month booked above its forecast.
  await createActual(db, org.id, units.teamA.id, "2026-05-20", "CLOUD", 30_001n, { vendorId: vendor.id });
  await db.contract.create({
    data: {
      orgId: org.id,
      vendorId: vendor.id,
      orgUnitId: units.teamB.id,
      category: "SOFTWARE",
      name: "Renews",
      annualAmountCents: 240_000n,
      startDate: d("2025-06-01"),
      endDate: d("2026-05-31"),
      autoRenew: true,
      status: "ACTIVE",
    },
  });
  for (const month of ["2026-06-01", "2026-09-01"]) await createPlan(db, org.id, units.teamB.id, month, "HARDWARE", 500_000n);
  await createActual(db, org.id, units.teamB.id, "2026-04-11", "HARDWARE", 90_000n);
  await createActual(db, org.id, units.deptA.id, "2026-05-11", "TRAVEL", 7_001n);
  await createActual(db, org.id, units.teamA.id, "2026-06-03", "SOFTWARE", 250_000n);
  input = {
    orgId: org.id,
    deptId: units.deptA.id,
    projectId: "none",
    today: "2026-06-15",
    qStart: "2026-04-01",
    qEnd: "2026-06-30",
    fyStart: "2026-01-01",
    fyEnd: "2026-12-31",
  };
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});

afterAll(async () => {
  await pool?.end();
});

type Row = unknown[];
async function run(page: string, index: number): Promise<Row[]> {
  const q = pageFloors(input)[page][index];
  return (await pool.query({ text: q.text, values: q.values, rowMode: "array" })).rows as Row[];
}
const num = (v: unknown) => (v === null ? 0 : Number(v));
const amounts = (r: Row) => [num(r[3]), num(r[4]), num(r[5])];

describe("bench SQL floors compute the app's money figures", () => {
  it("dashboard money floor, whole org and one department: totals, year to date, children, top variances, months", async () => {
    for (const [page, unitId] of [
      ["dashboard-org", null],
      ["dashboard-dept", f.units.deptA.id],
    ] as const) {
      const rows = await run(page, 4);
      const part = (k: string) => rows.filter((r) => r[0] === k);
      const m = await getMoneyFigures(f.org.id, 1, true, { unitId, fiscalYear: 2026, period: "q2" }, today);
      expect(amounts(part("period")[0]), page).toEqual([m.period.planCents, m.period.actualCents, m.period.forecastCents]);
      expect(amounts(part("year")[0]), page).toEqual([m.year.planCents, m.year.actualCents, m.year.forecastCents]);
      expect(amounts(part("ytd")[0]).slice(0, 2), page).toEqual([m.ytd.planCents, m.ytd.actualCents]);
      expect(
        part("child")
          .map((r) => [r[1], ...amounts(r)])
          .sort(),
        page,
      ).toEqual(m.children.map((c) => [c.id, c.planCents, c.actualCents, c.forecastCents]).sort());
      expect(
        part("top").map((r) => [r[1], r[2], ...amounts(r)]),
        page,
      ).toEqual(m.top.map((t) => [t.unitId, t.category, t.planCents, t.actualCents, t.forecastCents]));
      const months = new Map(part("month").map((r) => [String(r[1]).slice(0, 10), amounts(r)]));
      for (const mo of m.months) {
        const [plan, actual, forecast] = months.get(mo.month) ?? [0, 0, 0];
        expect([plan, forecast, mo.actualCents === null ? null : actual], `${page} ${mo.month}`).toEqual([
          mo.planCents,
          mo.forecastCents,
          mo.actualCents,
        ]);
      }
      // The fixture has a forecast to get right: it is not just plan and actuals.
      expect(m.year.forecastCents).not.toBe(m.year.actualCents);
    }
  });

  it("finance floor, full year: every unit's subtree, every category with its forecast basis, the months and the top variances", async () => {
    const rows = await run("finance-year", 0);
    const part = (k: string) => rows.filter((r) => r[0] === k);
    const v = await getFinanceView({
      orgId: f.org.id,
      startMonth: 1,
      fiscalYear: 2026,
      period: "year",
      unitId: null,
      category: null,
      payReader: true,
      today,
    });
    expect(
      part("tree")
        .map((r) => [r[1], ...amounts(r)])
        .sort(),
    ).toEqual(v.tree.map((t) => [t.id, t.planCents, t.actualCents, t.forecastCents]).sort());
    expect(
      part("cat")
        .map((r) => [r[1], ...amounts(r)])
        .sort(),
    ).toEqual(v.categories.map((c) => [c.category, c.planCents, c.actualCents, c.forecastCents]).sort());
    // The basis the page prints, from the floor's counts of forecast cells per rule.
    const label: Record<string, string> = { plan: "plan", trend: "run-rate", contracts: "contracts", booked: "booked so far" };
    for (const c of v.categories.filter((x) => x.category !== "PERSONNEL")) {
      const counts = Object.entries((part("cat").find((r) => r[1] === c.category)![6] ?? {}) as Record<string, number>);
      const total = counts.reduce((a, [, n]) => a + n, 0);
      // (Ties between rules may print in either order: compare the parts.)
      const parts = counts.length ? counts.map(([s, n]) => `${label[s]} ${Math.round((n * 100) / total)}%`).sort() : ["No open months"];
      expect(parts, c.category).toEqual(c.forecastBasis.split(" · ").sort());
    }
    // The fixture puts every rule of the other categories in play.
    const bases = v.categories.map((c) => c.forecastBasis).join(" · ");
    for (const rule of ["plan", "run-rate", "contracts", "booked so far"]) expect(bases).toContain(rule);
    const months = new Map(part("month").map((r) => [String(r[1]).slice(0, 10), amounts(r)]));
    for (const mo of v.months) {
      const [plan, actual, forecast] = months.get(mo.month) ?? [NaN, NaN, NaN];
      expect([plan, forecast, mo.cumActualCents === null ? null : actual], mo.month).toEqual([
        mo.cumPlanCents,
        mo.cumForecastCents,
        mo.cumActualCents,
      ]);
    }
    expect(part("top").map((r) => [r[1], r[2], ...amounts(r)])).toEqual(
      v.top.map((t) => [t.unitId, t.category, t.planCents, t.actualCents, t.forecastCents]),
    );
  });
});
