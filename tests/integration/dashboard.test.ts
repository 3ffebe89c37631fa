import { beforeAll, describe, expect, it } from "vitest";

import {
  getDashboardScope,
  getDeliveryFigures,
  getMoneyFigures,
  getPeopleFigures,
  parseDashboardParams,
  type DashboardParams,
} from "@/lib/dashboard/director";
import { RENEWALS_SHOWN } from "@/lib/dashboard/money-figures";
import { clearFiguresMemo } from "@/lib/figures-memo";
import { listUpcomingRenewals } from "@/lib/vendors/queries";
import { createActual, createPerson, createPlan } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// The dashboard's figures on a hand-built fixture (same tree and money facts as
// finance-rollup.test.ts, whose numbers were computed by hand), checked at org, department and
// team level and for two fiscal periods. Calendar fiscal year, today 2026-06-15 (FY2026 Q2).
//   division ─ deptA ─ teamA   projects P1 (ACTIVE, AT_RISK), P2 (ACTIVE, ON_TRACK)
//            └ deptB ─ teamB   projects P3 (ACTIVE, OFF_TRACK), P4 (PAUSED), P5 (DONE), P6 (archived)

const db = testDb();
const today = new Date("2026-06-15T12:00:00Z");
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
let f: Awaited<ReturnType<typeof createOrgWithRoles>>;
let p1: string, p3: string;

beforeAll(async () => {
  await resetDb();
  f = await createOrgWithRoles(db);
  const { org, units } = f;
  const orgId = org.id;
  const people = [];
  for (let i = 0; i < 3; i++) people.push(await createPerson(db, orgId, units.teamA.id, 12_000_000n));
  const b1 = await createPerson(db, orgId, units.teamB.id, 10_000_001n);
  await createPerson(db, orgId, units.teamA.id, 0n, { end: "2026-05-20" }); // a Q2 departure
  for (let m = 1; m <= 12; m++) await createPlan(db, orgId, units.teamA.id, `2026-${String(m).padStart(2, "0")}-01`, "SOFTWARE", 100_000n);
  await createActual(db, orgId, units.teamA.id, "2026-01-10", "SOFTWARE", 123_456n);
  await createActual(db, orgId, units.teamA.id, "2026-05-31", "SOFTWARE", 9_999n);
  await createPlan(db, orgId, units.teamB.id, "2026-03-01", "CLOUD", 50_000n);
  await createActual(db, orgId, units.teamB.id, "2026-03-01", "CLOUD", -8_000n);
  await createActual(db, orgId, units.teamB.id, "2026-04-30", "PERSONNEL", 833_333n);
  await createPlan(db, orgId, units.deptA.id, "2026-07-01", "TRAVEL", 25_050n);
  await createActual(db, orgId, units.deptA.id, "2026-02-02", "TRAVEL", 30_000n);

  const project = (
    orgUnitId: string,
    name: string,
    status: "ACTIVE" | "PAUSED" | "DONE",
    health: "ON_TRACK" | "AT_RISK" | "OFF_TRACK" | "UNKNOWN",
    createdAt: string,
    archived = false,
  ) =>
    db.project.create({
      data: { orgId, orgUnitId, name, status, health, createdAt: d(createdAt), archivedAt: archived ? d("2026-06-01") : null },
    });
  const P1 = await project(units.teamA.id, "P1", "ACTIVE", "AT_RISK", "2026-01-01");
  const P2 = await project(units.teamA.id, "P2", "ACTIVE", "ON_TRACK", "2026-01-01");
  const P3 = await project(units.teamB.id, "P3", "ACTIVE", "OFF_TRACK", "2026-06-01");
  const P4 = await project(units.teamB.id, "P4", "PAUSED", "UNKNOWN", "2026-01-01");
  const P5 = await project(units.teamB.id, "P5", "DONE", "ON_TRACK", "2026-01-01");
  await project(units.teamB.id, "P6", "ACTIVE", "OFF_TRACK", "2026-01-01", true);
  p1 = P1.id;
  p3 = P3.id;
  const authorId = f.members.manager.user.id;
  const update = (projectId: string, health: "ON_TRACK" | "AT_RISK" | "OFF_TRACK", at: string) =>
    db.statusUpdate.create({ data: { orgId, projectId, authorId, health, summary: `${health} at ${at}`, createdAt: new Date(at) } });
  await update(P1.id, "ON_TRACK", "2026-05-01T10:00:00Z");
  await update(P1.id, "AT_RISK", "2026-06-10T10:00:00Z");
  await update(P2.id, "ON_TRACK", "2026-06-01T10:00:00Z");
  await update(P3.id, "OFF_TRACK", "2026-06-14T10:00:00Z");

  const milestone = (projectId: string, name: string, due: string, done?: string) =>
    db.milestone.create({ data: { orgId, projectId, name, dueDate: d(due), doneDate: done ? d(done) : null } });
  await milestone(P1.id, "overdue", "2026-06-01");
  await milestone(P1.id, "soon", "2026-06-20");
  await milestone(P1.id, "done late", "2026-06-01", "2026-06-03");
  await milestone(P1.id, "later", "2026-08-01");
  await milestone(P3.id, "boundary", "2026-07-13");
  await milestone(P5.id, "done project", "2026-06-01");

  await db.projectDependency.create({ data: { orgId, blockerId: P3.id, blockedId: P1.id } }); // cross-team, blocker off track
  await db.projectDependency.create({ data: { orgId, blockerId: P1.id, blockedId: P2.id } }); // same team
  await db.projectDependency.create({ data: { orgId, blockerId: P2.id, blockedId: P3.id } }); // blocker on track

  const position = (orgUnitId: string, status: "OPEN" | "BACKFILL" | "FILLED", data: Record<string, unknown>) =>
    db.position.create({
      data: {
        orgId,
        orgUnitId,
        title: `${status} role`,
        level: "L4",
        status,
        annualCompCents: 15_000_000n,
        budgetFiscalYear: 2026,
        ...data,
      },
    });
  await position(units.teamB.id, "OPEN", { openedAt: d("2026-05-16"), budgetFiscalQuarter: 1, targetStartDate: d("2026-09-01") });
  await position(units.teamA.id, "BACKFILL", { vacantFrom: d("2026-06-05"), budgetFiscalQuarter: 2, targetStartDate: d("2026-06-30") });
  await position(units.teamA.id, "FILLED", { personId: people[0].id, budgetFiscalYear: 2025 });

  // people[0] is at 110% from June (over-allocated), people[1] at 50%, b1 was at 150% until May (ended: not counted).
  const alloc = (personId: string, projectId: string, percent: number, start: string, end: string | null = null) =>
    db.allocation.create({ data: { orgId, personId, projectId, percent, startDate: d(start), endDate: end ? d(end) : null } });
  await alloc(people[0].id, P1.id, 60, "2026-06-01");
  await alloc(people[0].id, P2.id, 50, "2026-06-01");
  await alloc(people[1].id, P1.id, 50, "2026-01-01");
  await alloc(b1.id, P3.id, 80, "2026-01-01", "2026-05-01");
  await alloc(b1.id, P4.id, 70, "2026-01-01", "2026-05-01");

  // Noise in another org that must never be counted.
  const other = await createOrgWithRoles(db);
  await createPlan(db, other.org.id, other.units.teamA.id, "2026-03-01", "CLOUD", 99_999_999n);
  await db.project.create({
    data: { orgId: other.org.id, orgUnitId: other.units.teamA.id, name: "X", status: "ACTIVE", health: "OFF_TRACK" },
  });
});

const params = (unitId: string | null, period: DashboardParams["period"] = "q2"): DashboardParams => ({ unitId, fiscalYear: 2026, period });

describe("dashboard params and scope", () => {
  it("defaults to the whole org and the current fiscal quarter; a foreign or out-of-scope unit is refused", async () => {
    expect(parseDashboardParams({}, 2, new Date("2026-11-27T00:00:00Z"))).toEqual({ unitId: null, fiscalYear: 2027, period: "q4" });
    expect(parseDashboardParams({ unit: "abc", fy: "2026", period: "q1" }, 1, today)).toEqual({
      unitId: "abc",
      fiscalYear: 2026,
      period: "q1",
    });
    expect(parseDashboardParams({ unit: "bad id;" }, 1, today, "scope")).toMatchObject({ unitId: "scope" });
    const org = await getDashboardScope(f.org.id, null);
    expect(org!.children.map((u) => u.id)).toEqual([f.units.division.id]);
    expect(org!.subtreeIds).toHaveLength(5);
    const dept = await getDashboardScope(f.org.id, f.units.deptA.id);
    expect(dept!.path.map((u) => u.id)).toEqual([f.units.division.id, f.units.deptA.id]);
    expect(dept!.children.map((u) => u.id)).toEqual([f.units.teamA.id]);
    expect([...dept!.subtreeIds].sort()).toEqual([f.units.deptA.id, f.units.teamA.id].sort());
    const other = await createOrgWithRoles(db);
    expect(await getDashboardScope(f.org.id, other.units.deptA.id)).toBeNull();
    // A manager scoped to deptA cannot look at deptB, but can look below deptA.
    expect(await getDashboardScope(f.org.id, f.units.deptB.id, f.units.deptA.id)).toBeNull();
    expect(await getDashboardScope(f.org.id, f.units.teamA.id, f.units.deptA.id)).not.toBeNull();
  });
});

describe("delivery figures", () => {
  it("org level: health counts of active projects, milestones, cross-team blocked dependencies", async () => {
    const fig = await getDeliveryFigures(f.org.id, null, today);
    expect(fig.health).toEqual({ ON_TRACK: 1, AT_RISK: 1, OFF_TRACK: 1, UNKNOWN: 0 });
    expect(fig.active).toBe(3);
    expect([fig.milestonesOverdue, fig.milestonesDueSoon]).toEqual([1, 2]);
    expect(fig.milestones.map((m) => [m.name, m.overdue])).toEqual([
      ["overdue", true],
      ["soon", false],
      ["boundary", false],
    ]);
    expect(fig.blocked).toHaveLength(1);
    expect(fig.blocked[0]).toMatchObject({ blockedId: p1, blockerId: p3, blockerHealth: "OFF_TRACK" });
  });

  it("12-week trend: projects active at each week's end by their latest update then; today's point is the tiles", async () => {
    const fig = await getDeliveryFigures(f.org.id, null, today);
    expect(fig.trend).toHaveLength(12);
    const at = (week: string) => fig.trend.find((w) => w.week === week);
    // Today = the tiles: P1 at risk, P2 on track, P3 off track (paused P4 is in no week).
    expect(at("2026-06-15")).toEqual({ week: "2026-06-15", ...fig.health });
    expect(at("2026-06-15")).toEqual({ week: "2026-06-15", ON_TRACK: 1, AT_RISK: 1, OFF_TRACK: 1, UNKNOWN: 0 });
    // P1 and P2 on track, P3 (created Jun 1) without an update; P6 was archived on Jun 1.
    expect(at("2026-06-08")).toEqual({ week: "2026-06-08", ON_TRACK: 2, AT_RISK: 0, OFF_TRACK: 0, UNKNOWN: 1 });
    // P1 on track; P2 and P6 (not archived yet) without an update.
    expect(at("2026-05-25")).toEqual({ week: "2026-05-25", ON_TRACK: 1, AT_RISK: 0, OFF_TRACK: 0, UNKNOWN: 2 });
    expect(fig.trend[0]).toEqual({ week: "2026-03-30", ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, UNKNOWN: 3 });
  });

  it("department and team level narrow every figure to the subtree", async () => {
    const team = await getDeliveryFigures(f.org.id, f.units.teamA.id, today);
    expect(team.health).toEqual({ ON_TRACK: 1, AT_RISK: 1, OFF_TRACK: 0, UNKNOWN: 0 });
    expect([team.milestonesOverdue, team.milestonesDueSoon, team.blocked.length]).toEqual([1, 1, 1]);
    expect(team.trend.at(-1)).toMatchObject({ ON_TRACK: 1, AT_RISK: 1, OFF_TRACK: 0, UNKNOWN: 0 });
    const deptB = await getDeliveryFigures(f.org.id, f.units.deptB.id, today);
    expect(deptB.health).toEqual({ ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 1, UNKNOWN: 0 });
    expect([deptB.milestonesOverdue, deptB.milestonesDueSoon, deptB.blocked.length]).toEqual([0, 1, 0]);
    expect(deptB.trend.at(-1)).toMatchObject({ OFF_TRACK: 1, UNKNOWN: 0 });
  });
});

describe("money figures (budgets rollup for the subtree)", () => {
  // Year forecast = finance-rollup.test.ts's hand-computed 35,920,500 + the open positions at
  // loaded cost (15,000,000 × 1.3 / 12 = 1,625,000 a month): teamA's backfill from 2026-06-30 +
  // 30 days = 2026-07-30 (July: 1,625,000 × 2 ÷ 31 = 104,838.71 → 104,839; Aug–Dec 5 months),
  // teamB's opening from 2026-09-01 + 30 = 2026-10-01 (Oct–Dec, 3 months) = 13,104,839.
  it("org, Q2: period totals, YTD through May, June to date, year forecast, children of the org", async () => {
    const m = await getMoneyFigures(f.org.id, 1, true, params(null), today);
    expect(m.period).toMatchObject({ planCents: 300_000, actualCents: 843_332, forecastCents: 5_829_998 });
    // Year to date = the closed months Jan–May for plan and actual alike (June is in progress);
    // a closed month's forecast is its actual.
    expect(m.ytd).toMatchObject({
      planCents: 550_000,
      actualCents: 988_788,
      forecastCents: 988_788,
      varianceCents: 438_788,
      span: "through May",
      closedMonths: 5,
    });
    expect(m.mtd).toMatchObject({ planCents: 100_000, actualCents: 0, label: "Jun to date (day 15 of 30)", periodKey: "m6" });
    expect(m.year).toMatchObject({
      planCents: 1_275_050,
      actualCents: 988_788,
      forecastCents: 35_920_500 + 104_839 + 5 * 1_625_000 + 3 * 1_625_000,
    });
    expect(m.children.map((c) => c.id)).toEqual([f.units.division.id]);
    expect(m.top.length).toBeLessThanOrEqual(5);
  });

  it("department, Q2 and Q1: the team row and the department's own totals", async () => {
    const q2 = await getMoneyFigures(f.org.id, 1, true, params(f.units.deptA.id), today);
    expect(q2.children.map((c) => [c.id, c.planCents, c.actualCents, c.forecastCents])).toEqual([
      [f.units.teamA.id, 300_000, 9_999, 3_913_332],
    ]);
    const q1 = await getMoneyFigures(f.org.id, 1, true, params(f.units.deptA.id, "q1"), today);
    expect(q1.period).toMatchObject({ planCents: 300_000, actualCents: 153_456, forecastCents: 153_456 });
    expect(q1.children[0]).toMatchObject({ planCents: 300_000, actualCents: 123_456, forecastCents: 123_456 });
  });

  it("team level, Q1: all months closed, forecast = actual", async () => {
    const m = await getMoneyFigures(f.org.id, 1, true, params(f.units.teamA.id, "q1"), today);
    expect(m.period).toMatchObject({ planCents: 300_000, actualCents: 123_456, forecastCents: 123_456, varianceCents: -176_544 });
    expect(m.children).toEqual([]);
  });

  it.each(["FINANCE", "MANAGER"])("salary-safe for %s: no figure reveals the lone teamB person's pay", async (role) => {
    // (+ teamB's open position: 15,000,000 × 1.3 / 12 = 1,625,000 a month, Oct–Dec in the forecast.)
    const secrets = ["10000001", "1083333", "7583331", "8408664", "13283664", "1625000", "4875000", "833333", "825333"];
    for (const unit of [f.units.teamB.id, f.units.deptB.id]) {
      for (const period of ["q2", "year"] as const) {
        const m = await getMoneyFigures(f.org.id, 1, false, params(unit, period), today);
        expect(m.salarySafe).toBe(true);
        const payload = JSON.stringify(m);
        for (const s of secrets) expect(payload, `${role} ${unit} ${period}`).not.toContain(s);
      }
    }
    // A director sees it (the same query without salary-safe attribution).
    const dir = await getMoneyFigures(f.org.id, 1, true, params(f.units.teamB.id, "year"), today);
    expect(dir.year.forecastCents).toBe(8_408_664 + 4_875_000);
  });
});

describe("money figures: renewals", () => {
  it("lists the subtree's renewing contracts only, read in SQL for the unit (the org sees all)", async () => {
    const vendor = await db.vendor.create({ data: { orgId: f.org.id, name: `Renewals ${Date.now()}` } });
    const ends = new Date(today.getTime() + 30 * 86_400_000);
    const contract = (orgUnitId: string, name: string) =>
      db.contract.create({
        data: {
          orgId: f.org.id,
          vendorId: vendor.id,
          orgUnitId,
          category: "SOFTWARE",
          name,
          annualAmountCents: 1_200_000n,
          startDate: new Date("2026-01-01"),
          endDate: ends,
          status: "ACTIVE",
        },
      });
    await contract(f.units.teamA.id, "Team A seats");
    await contract(f.units.deptB.id, "Dept B cloud");
    try {
      const names = async (unit: string | null) =>
        (await getMoneyFigures(f.org.id, 1, true, params(unit), today)).renewals.map((c) => c.name).sort();
      expect(await names(null)).toEqual(["Dept B cloud", "Team A seats"]);
      expect(await names(f.units.deptA.id)).toEqual(["Team A seats"]);
      expect(await names(f.units.teamA.id)).toEqual(["Team A seats"]);
      expect(await names(f.units.deptB.id)).toEqual(["Dept B cloud"]);
      expect(await names(f.units.teamB.id)).toEqual([]);
    } finally {
      await db.contract.deleteMany({ where: { orgId: f.org.id, vendorId: vendor.id } });
      await db.vendor.delete({ where: { id: vendor.id } });
    }
  });

  it("lists the first few soonest first (notice date before end date) and counts them all, in SQL", async () => {
    const vendor = await db.vendor.create({ data: { orgId: f.org.id, name: `Soonest ${Date.now()}` } });
    const other = await createOrgWithRoles(db);
    const otherVendor = await db.vendor.create({ data: { orgId: other.org.id, name: "Elsewhere" } });
    const inDays = (n: number) => new Date(today.getTime() + n * 86_400_000);
    const contract = (name: string, endIn: number, noticeIn: number | null, extra: object = {}) =>
      db.contract.create({
        data: {
          orgId: f.org.id,
          vendorId: vendor.id,
          orgUnitId: f.units.teamA.id,
          category: "SOFTWARE",
          name,
          annualAmountCents: 100n,
          startDate: new Date("2026-01-01"),
          endDate: inDays(endIn),
          renewalNoticeDate: noticeIn == null ? null : inDays(noticeIn),
          status: "ACTIVE",
          ...extra,
        },
      });
    // Seven renew in the window; the order is by notice date where there is one, else end date.
    await contract("ends in 60", 60, null);
    await contract("ends in 200, notice in 10", 200, 10);
    await contract("ends in 5", 5, null);
    await contract("ends in 80, notice in 30", 80, 30);
    await contract("ends in 20", 20, null);
    await contract("ends in 45", 45, null);
    await contract("ends in 89", 89, null);
    // Not counted: beyond the window, cancelled, or another org's.
    await contract("ends in 120", 120, null);
    await contract("cancelled", 15, null, { status: "CANCELLED" });
    await db.contract.create({
      data: {
        orgId: other.org.id,
        vendorId: otherVendor.id,
        orgUnitId: other.units.teamA.id,
        category: "SOFTWARE",
        name: "foreign",
        annualAmountCents: 1n,
        startDate: new Date("2026-01-01"),
        endDate: inDays(3),
        status: "ACTIVE",
      },
    });
    const own = (rows: { name: string; vendorId: string }[]) => rows.filter((r) => r.vendorId === vendor.id).map((r) => r.name);
    try {
      const all = await listUpcomingRenewals(f.org.id, today);
      expect(own(all.rows)).toEqual([
        "ends in 5",
        "ends in 200, notice in 10",
        "ends in 20",
        "ends in 80, notice in 30",
        "ends in 45",
        "ends in 60",
        "ends in 89",
      ]);
      expect(all.total).toBe(all.rows.length);
      const few = await listUpcomingRenewals(f.org.id, today, null, 3);
      expect(few.rows.map((r) => r.name)).toEqual(all.rows.slice(0, 3).map((r) => r.name));
      expect(few.total).toBe(all.total);
      // The director's panel: the first RENEWALS_SHOWN and the count of all.
      const m = await getMoneyFigures(f.org.id, 1, true, params(null), today);
      expect(m.renewals.map((r) => r.name)).toEqual(all.rows.slice(0, RENEWALS_SHOWN).map((r) => r.name));
      expect(m.renewalsTotal).toBe(all.total);
      expect(all.rows.some((r) => r.name === "foreign")).toBe(false);
    } finally {
      await db.contract.deleteMany({ where: { vendorId: { in: [vendor.id, otherVendor.id] } } });
      await db.vendor.deleteMany({ where: { id: { in: [vendor.id, otherVendor.id] } } });
    }
  });
});

describe("people figures", () => {
  it("org and team, Q2: heads vs plan, open positions and days open, starts, departures, over-allocation", async () => {
    const org = await getPeopleFigures(f.org.id, 1, params(null), today);
    expect(org.quarter).toMatchObject({ quarter: 2, planned: 7, actual: 4, hiring: 1, attrition: 1 });
    expect([org.openPositions, org.avgDaysOpen, org.overallocated]).toEqual([2, 20, 1]);
    expect(org.oldest.map((p) => p.daysOpen)).toEqual([30, 10]);
    const team = await getPeopleFigures(f.org.id, 1, params(f.units.teamA.id), today);
    expect(team.quarter).toMatchObject({ planned: 5, actual: 3, hiring: 1, attrition: 1 });
    expect([team.openPositions, team.avgDaysOpen, team.overallocated]).toEqual([1, 10, 1]);
    const deptB = await getPeopleFigures(f.org.id, 1, params(f.units.deptB.id), today);
    expect([deptB.openPositions, deptB.avgDaysOpen, deptB.overallocated]).toEqual([1, 30, 0]);
  });

  it("Q3 (a future quarter): no actual yet, the September start counts", async () => {
    const org = await getPeopleFigures(f.org.id, 1, params(null, "q3"), today);
    expect(org.quarter).toMatchObject({ quarter: 3, planned: 7, actual: null, hiring: 1, attrition: 0 });
  });
});

describe("speed: a fixed handful of SQL statements per panel", () => {
  // lib/db.ts reads its clients from globalThis.keelPrisma (primary) and keelReplica (dashboard
  // reads): swap in one that counts every operation (model calls and $queryRaw alike) for both.
  async function countQueries(run: () => Promise<unknown>): Promise<number> {
    const g = globalThis as unknown as { keelPrisma?: unknown; keelReplica?: unknown };
    const before = [g.keelPrisma, g.keelReplica];
    let n = 0;
    g.keelPrisma = g.keelReplica = testDb().$extends({
      query: {
        async $allOperations({ args, query }) {
          n++;
          return query(args);
        },
      },
    });
    try {
      await run();
    } finally {
      [g.keelPrisma, g.keelReplica] = before;
    }
    return n;
  }

  it("delivery 3, people 2, money 7: the same at org and team level, whatever the row count", async () => {
    // Each counted afresh (the memo emptied), plus the org data version read first (outside a
    // request it is read per call; in a page, once per request).
    const counts = async (unit: string | null) => {
      const n = [];
      for (const read of [
        () => getDeliveryFigures(f.org.id, unit, today),
        () => getPeopleFigures(f.org.id, 1, params(unit), today),
        () => getMoneyFigures(f.org.id, 1, false, params(unit), today),
      ]) {
        clearFiguresMemo();
        n.push((await countQueries(read)) - 1);
      }
      return n;
    };
    // The org's first read by a reader without pay access publishes the forecast (and stores its
    // published variant: lib/stored-figures); counted from the second on.
    await counts(null);
    const org = await counts(null);
    // Delivery: counts, trend (+1: whether the stored trend is current, lib/dashboard/trend-summary.ts), lists.
    // People: the open positions and allocations, and the plan vs actual (+1: whether the stored
    // heads are current, lib/headcount/heads-summary.ts).
    // Money: 1 for the shared base (units with head counts), 1 for the period (tree,
    // categories, top) and the year (categories, months) together, computing the forecast once
    // (+1: whether the stored forecast is current, lib/budgets/forecast-summary.ts),
    // + 1 for renewals (+1 to load contracts when some renew). This reader does not read pay, so
    // the published forecast is checked first (lib/privacy/publication.ts): its data version, the
    // lock with the latest publication, and the pay sources now and as published.
    expect(org).toEqual([3 + 1, 2 + 1, 3 + 1 + 4]);
    expect(await counts(f.units.teamA.id)).toEqual(org);
    // Memoized: only the versions are read again (the figures' and the publication's; and the renewals, which are not memoized).
    const again = async (read: () => Promise<unknown>) => {
      await read();
      return countQueries(read);
    };
    expect([
      await again(() => getDeliveryFigures(f.org.id, null, today)),
      await again(() => getPeopleFigures(f.org.id, 1, params(null), today)),
      await again(() => getMoneyFigures(f.org.id, 1, false, params(null), today)),
    ]).toEqual([1, 1, 3]);
    // More rows do not mean more queries (no N+1).
    for (let i = 0; i < 5; i++) {
      await db.project.create({
        data: { orgId: f.org.id, orgUnitId: f.units.teamB.id, name: `extra ${i}`, status: "ACTIVE", health: "AT_RISK" },
      });
    }
    expect(await counts(null)).toEqual(org);
  });
});
