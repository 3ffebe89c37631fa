import { beforeAll, describe, expect, it } from "vitest";

import { getDeliveryFigures, getPeopleFigures, LIST_CAP, type DashboardParams } from "@/lib/dashboard/director";
import { parsePeopleFilter, peopleFilterQuery, type PeopleFilter } from "@/lib/people/list-filter";
import { listPeople } from "@/lib/people/queries";
import { listAttention } from "@/lib/projects/attention";
import { createPerson } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// Every dashboard number links to a list that shows exactly the rows it counts: the list query
// with the link's filter returns the dashboard figure, at org, department and team level.
// Calendar fiscal year, today 2026-06-15 (Q2 = Apr–Jun).
//   division ─ deptA ─ teamA   3 in post, one leaving 2026-06-30, one gone 2026-05-20, one starting 2026-07-01
//            └ deptB ─ teamB   1 in post, one gone 2026-01-31

const db = testDb();
const today = new Date("2026-06-15T12:00:00Z");
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
let f: Awaited<ReturnType<typeof createOrgWithRoles>>;
let foreignUnit: string;

beforeAll(async () => {
  await resetDb();
  f = await createOrgWithRoles(db);
  const orgId = f.org.id;
  const { teamA, teamB } = f.units;
  const a = [];
  for (let i = 0; i < 3; i++) a.push(await createPerson(db, orgId, teamA.id, 1n));
  await createPerson(db, orgId, teamA.id, 1n, { end: "2026-06-30" });
  const gone = await createPerson(db, orgId, teamA.id, 1n, { end: "2026-05-20" });
  await createPerson(db, orgId, teamA.id, 1n, { start: "2026-07-01" });
  const b = await createPerson(db, orgId, teamB.id, 1n);
  await createPerson(db, orgId, teamB.id, 1n, { end: "2026-01-31" });

  const project = (orgUnitId: string, name: string, health: "ON_TRACK" | "OFF_TRACK" = "ON_TRACK") =>
    db.project.create({ data: { orgId, orgUnitId, name, status: "ACTIVE", health } });
  const pa = await project(teamA.id, "PA");
  const pb = await project(teamB.id, "PB", "OFF_TRACK");
  // Over-allocated today: a[0] (60 + 50), b (70 + 50); the departed person still holds 110%
  // (the figure counts allocations, so the list shows them too); a[1] is at 100% (not over);
  // a[2] was at 150% until May (ended).
  const alloc = (personId: string, projectId: string, percent: number, start: string, end: string | null = null) =>
    db.allocation.create({ data: { orgId, personId, projectId, percent, startDate: d(start), endDate: end ? d(end) : null } });
  await alloc(a[0].id, pa.id, 60, "2026-06-01");
  await alloc(a[0].id, pb.id, 50, "2026-06-01");
  await alloc(b.id, pb.id, 70, "2026-01-01");
  await alloc(b.id, pa.id, 50, "2026-01-01");
  await alloc(gone.id, pa.id, 60, "2026-01-01");
  await alloc(gone.id, pb.id, 50, "2026-01-01");
  await alloc(a[1].id, pa.id, 100, "2026-01-01");
  await alloc(a[2].id, pa.id, 80, "2026-01-01", "2026-05-31");
  await alloc(a[2].id, pb.id, 70, "2026-01-01", "2026-05-31");

  // 14 overdue milestones in teamA, 2 due soon in teamB, 13 teamA projects blocked by teamB's off-track PB.
  for (let i = 0; i < 14; i++)
    await db.milestone.create({
      data: { orgId, projectId: pa.id, name: `late ${i}`, dueDate: d(`2026-05-${String(10 + i).padStart(2, "0")}`) },
    });
  await db.milestone.create({ data: { orgId, projectId: pb.id, name: "soon 1", dueDate: d("2026-06-20") } });
  await db.milestone.create({ data: { orgId, projectId: pb.id, name: "soon 2", dueDate: d("2026-07-13") } });
  for (let i = 0; i < 13; i++) {
    const blocked = await project(teamA.id, `blocked ${i}`);
    await db.projectDependency.create({ data: { orgId, blockerId: pb.id, blockedId: blocked.id } });
  }

  const other = await createOrgWithRoles(db);
  foreignUnit = other.units.teamA.id;
  await createPerson(db, other.org.id, other.units.teamA.id, 1n);
});

const params = (unitId: string | null, period: DashboardParams["period"] = "q2"): DashboardParams => ({ unitId, fiscalYear: 2026, period });
const rows = (unitId: string | null, filter: PeopleFilter | null) =>
  listPeople(f.org.id, { readsPay: true }, today, unitId, filter ?? undefined);

describe("people numbers and their list filters", () => {
  it("org, Q2: heads in post, departures and over-allocated equal the filtered list's rows", async () => {
    const fig = await getPeopleFigures(f.org.id, 1, params(null), today);
    expect([fig.quarter?.actual, fig.quarter?.attrition, fig.overallocated]).toEqual([5, 2, 3]);
    expect(fig.filters).toEqual({
      heads: { status: "in-post", on: "2026-06-15" },
      departures: { status: "leaving", from: "2026-04-01", to: "2026-06-30" },
      overallocated: { status: "overallocated", on: "2026-06-15" },
    });
    expect(await rows(null, fig.filters.heads)).toHaveLength(5);
    expect(await rows(null, fig.filters.departures)).toHaveLength(2);
    expect(await rows(null, fig.filters.overallocated)).toHaveLength(3);
    // The default list (in post today and future starters) is a different set: 6.
    expect(await rows(null, null)).toHaveLength(6);
  });

  it.each([
    ["deptA", "q2"],
    ["teamA", "q2"],
    ["deptB", "q2"],
    ["teamB", "q1"],
    ["division", "q1"],
  ] as const)("%s, %s: every number equals its list", async (unit, period) => {
    const unitId = f.units[unit].id;
    const fig = await getPeopleFigures(f.org.id, 1, params(unitId, period), today);
    expect(await rows(unitId, fig.filters.heads)).toHaveLength(fig.quarter!.actual!);
    expect(await rows(unitId, fig.filters.departures)).toHaveLength(fig.quarter!.attrition);
    expect(await rows(unitId, fig.filters.overallocated)).toHaveLength(fig.overallocated);
  });

  it("hand-checked at team level and for Q1 (heads counted on the quarter's last day)", async () => {
    const teamA = await getPeopleFigures(f.org.id, 1, params(f.units.teamA.id), today);
    expect([teamA.quarter?.actual, teamA.quarter?.attrition, teamA.overallocated]).toEqual([4, 2, 2]);
    const q1 = await getPeopleFigures(f.org.id, 1, params(null, "q1"), today);
    expect(q1.filters.heads).toEqual({ status: "in-post", on: "2026-03-31" });
    expect([q1.quarter?.actual, q1.quarter?.attrition]).toEqual([6, 1]);
    expect(await rows(null, q1.filters.heads)).toHaveLength(6);
  });

  it("a future quarter has no heads link; a foreign org's unit lists nobody", async () => {
    const q3 = await getPeopleFigures(f.org.id, 1, params(null, "q3"), today);
    expect(q3.filters.heads).toBeNull();
    for (const filter of [null, { status: "in-post", on: "2026-06-15" }, { status: "overallocated", on: "2026-06-15" }] as const) {
      expect(await rows(foreignUnit, filter)).toEqual([]);
    }
  });

  it("the URL round-trips the filters; bad input falls back to the default list", () => {
    for (const filter of [
      { status: "in-post", on: "2026-06-15" },
      { status: "leaving", from: "2026-04-01", to: "2026-06-30" },
      { status: "overallocated", on: "2026-06-15" },
    ] as PeopleFilter[]) {
      const q = new URLSearchParams(peopleFilterQuery(filter, "u1"));
      expect(q.get("unit")).toBe("u1");
      expect(parsePeopleFilter(Object.fromEntries(q), "2026-01-01")).toEqual(filter);
    }
    expect(parsePeopleFilter({ status: "leaving", from: "2026-07-01", to: "2026-06-01" }, "2026-01-01")).toEqual({ status: "current" });
    expect(parsePeopleFilter({ status: "in-post", on: "2026-02-31x" }, "2026-01-01")).toEqual({ status: "in-post", on: "2026-01-01" });
    expect(parsePeopleFilter({ status: "fired" }, "2026-01-01")).toEqual({ status: "current" });
  });
});

describe("milestone and blocked-dependency lists behind the capped dashboard lists", () => {
  it("org: counts equal the full lists, which hold more than the dashboard's cap", async () => {
    const fig = await getDeliveryFigures(f.org.id, null, today);
    expect([fig.milestonesOverdue, fig.milestonesDueSoon, fig.blockedCount]).toEqual([14, 2, 13]);
    expect([fig.milestones.length, fig.blocked.length]).toEqual([LIST_CAP, LIST_CAP]);
    const all = await listAttention(f.org.id, null, today);
    expect([all.milestones.length, all.blocked.length]).toEqual([16, 13]);
    expect((await listAttention(f.org.id, null, today, { due: "overdue" })).milestones).toHaveLength(fig.milestonesOverdue);
    expect((await listAttention(f.org.id, null, today, { due: "soon" })).milestones).toHaveLength(fig.milestonesDueSoon);
    // The dashboard's capped list is the head of the full list.
    expect(fig.milestones.map((m) => m.id)).toEqual(all.milestones.slice(0, LIST_CAP).map((m) => m.id));
  });

  it.each(["teamA", "teamB", "deptB"] as const)("%s: the unit's counts equal its lists", async (unit) => {
    const unitId = f.units[unit].id;
    const fig = await getDeliveryFigures(f.org.id, unitId, today);
    const overdue = await listAttention(f.org.id, unitId, today, { due: "overdue" });
    const soon = await listAttention(f.org.id, unitId, today, { due: "soon" });
    expect([overdue.milestones.length, soon.milestones.length, overdue.blocked.length]).toEqual([
      fig.milestonesOverdue,
      fig.milestonesDueSoon,
      fig.blockedCount,
    ]);
    expect(fig.milestonesOverdue + fig.milestonesDueSoon + fig.blockedCount).toBeGreaterThan(0);
  });

  it("a foreign org's unit lists nothing", async () => {
    expect(await listAttention(f.org.id, foreignUnit, today)).toEqual({ milestones: [], blocked: [], milestoneTotal: 0, blockedTotal: 0 });
  });
});
