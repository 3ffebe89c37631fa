import { beforeAll, describe, expect, it } from "vitest";

import type { Member } from "@/lib/auth";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  actingLeads,
  attritionByUnit,
  attritionTotal,
  layers,
  managerIcRatio,
  newManagers,
  spanDistribution,
  spanOfControl,
  tenureDistribution,
  timeToFill,
  timeToFillByUnit,
  unitsWithoutLead,
} from "@/lib/org-health/queries";
import { orgHealthScope, regretFilterFor } from "@/lib/org-health/scope";
import { trailingYear } from "@/lib/org-health/window";
import { listPeople } from "@/lib/people/queries";
import { createOrg, createUnit } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// Each org health figure on a hand-built org whose answers are worked out by hand (below), on a
// fixed day, for the whole org and for a unit. The org:
//   D (division, lead Dir) ── A (department, lead MA) ── T (team, no lead)
//                          └─ B (department, lead Ten, who has left)
//   Dir (D, 2018) manages MA, MB, Ic13; MA (A, 2019) manages Ic1–Ic9 (T, 2020) and Ten (T, left
//   2026-01-15) and Eleven (T, left 2025-05-01) and Twelve (T, starts 2026-08-01);
//   MB (B, started 2026-03-01) manages IcB1, IcB2 (B, 2022) since 2026-04-01 (before: Dir).
//   Ten's departure is recorded as regretted, Eleven's (before the window) as not regretted.
//   Acting leads: Ic1 for T (in post), Twelve for B (not started yet on the day).
// A different org's people never show up (a second org with the same shape is built too).

const db = testDb();
const DAY = "2026-06-30";
const d = (s: string) => new Date(`${s}T00:00:00Z`);
type Fx = Awaited<ReturnType<typeof build>>;
let fx: Fx;
let other: Fx;

async function build() {
  const org = await createOrg(db);
  const D = await createUnit(db, org.id, { kind: "DIVISION", name: "D" });
  const A = await createUnit(db, org.id, { parentId: D.id, kind: "DEPARTMENT", name: "A" });
  const T = await createUnit(db, org.id, { parentId: A.id, kind: "TEAM", name: "T" });
  const B = await createUnit(db, org.id, { parentId: D.id, kind: "DEPARTMENT", name: "B" });
  const person = (name: string, unitId: string, start: string, managerId: string | null = null, end: string | null = null) =>
    db.person.create({
      data: {
        orgId: org.id,
        orgUnitId: unitId,
        name,
        title: "T",
        level: "L",
        managerId,
        startDate: d(start),
        endDate: end ? d(end) : null,
        annualCompCents: 1n,
      },
    });
  const dir = await person("Dir", D.id, "2018-01-01");
  const ma = await person("MA", A.id, "2019-01-01", dir.id);
  const mb = await person("MB", B.id, "2026-03-01", dir.id);
  const ic13 = await person("Ic13", D.id, "2025-01-01", dir.id);
  for (let i = 1; i <= 9; i++) await person(`Ic${i}`, T.id, "2020-01-01", ma.id);
  const ten = await person("Ten", T.id, "2020-01-01", ma.id, "2026-01-15");
  const eleven = await person("Eleven", T.id, "2020-01-01", ma.id, "2025-05-01");
  const twelve = await person("Twelve", T.id, "2026-08-01", ma.id);
  await db.person.update({ where: { id: ten.id }, data: { departureRegretted: true } });
  await db.person.update({ where: { id: eleven.id }, data: { departureRegretted: false } });
  for (const name of ["IcB1", "IcB2"]) {
    const p = await person(name, B.id, "2022-01-01", mb.id);
    await db.personAssignment.createMany({
      data: [
        { orgId: org.id, personId: p.id, orgUnitId: B.id, managerId: dir.id, effectiveFrom: d("2022-01-01"), effectiveTo: d("2026-03-31") },
        { orgId: org.id, personId: p.id, orgUnitId: B.id, managerId: mb.id, effectiveFrom: d("2026-04-01") },
      ],
    });
  }
  await db.orgUnit.update({ where: { id: D.id }, data: { leadId: dir.id } });
  await db.orgUnit.update({ where: { id: A.id }, data: { leadId: ma.id } });
  await db.orgUnit.update({ where: { id: B.id }, data: { leadId: ten.id, actingLeadId: twelve.id } });
  const ic1 = await db.person.findFirstOrThrow({ where: { orgId: org.id, name: "Ic1" } });
  await db.orgUnit.update({ where: { id: T.id }, data: { actingLeadId: ic1.id } });
  const position = (unitId: string, opened: string, filled: string) =>
    db.position.create({
      data: {
        orgId: org.id,
        orgUnitId: unitId,
        title: "P",
        level: "L",
        status: "FILLED",
        annualCompCents: 1n,
        budgetFiscalYear: 2026,
        openedAt: d(opened),
        filledAt: d(filled),
      },
    });
  await position(T.id, "2026-01-01", "2026-02-10"); // 40 days
  await position(T.id, "2025-09-01", "2026-01-01"); // 122 days
  await position(T.id, "2025-01-01", "2025-03-01"); // filled before the window
  await position(B.id, "2026-03-01", "2026-03-11"); // 10 days
  await db.position.create({
    data: {
      orgId: org.id,
      orgUnitId: T.id,
      title: "Open",
      level: "L",
      status: "OPEN",
      annualCompCents: 1n,
      budgetFiscalYear: 2026,
      openedAt: d("2026-05-01"),
    },
  });
  return { org, units: { D, A, T, B }, people: { dir, ma, mb, ic13, ten } };
}

beforeAll(async () => {
  await resetDb();
  fx = await build();
  other = await build();
});

const whole = () => ({ orgId: fx.org.id, unitId: null, day: DAY });
const unit = (u: keyof Fx["units"]) => ({ orgId: fx.org.id, unitId: fx.units[u].id, day: DAY });

describe("org health figures on a hand-built org", () => {
  it("span of control: direct reports in post per manager, its distribution, a unit's managers only", async () => {
    expect((await spanOfControl(whole())).map((m) => [m.name, m.span])).toEqual([
      ["MA", 9],
      ["Dir", 3],
      ["MB", 2],
    ]);
    expect(await spanDistribution(whole())).toEqual([
      { span: 2, managers: 1 },
      { span: 3, managers: 1 },
      { span: 9, managers: 1 },
    ]);
    expect((await spanOfControl(unit("A"))).map((m) => [m.name, m.span])).toEqual([["MA", 9]]);
    expect(await spanOfControl(unit("T"))).toEqual([]);
  });

  it("layers: managers above each IC in post", async () => {
    expect(await layers(whole())).toEqual([
      { layers: 1, ics: 1 },
      { layers: 2, ics: 11 },
    ]);
    expect(await layers(unit("T"))).toEqual([{ layers: 2, ics: 9 }]);
  });

  it("manager to IC ratio per unit, over the unit and below", async () => {
    expect((await managerIcRatio(whole())).map((u) => [u.name, u.managers, u.ics])).toEqual([
      ["D", 3, 12],
      ["A", 1, 9],
      ["B", 1, 2],
      ["T", 0, 9],
    ]);
  });

  it("units without a lead: none, or a lead who has left", async () => {
    expect((await unitsWithoutLead(whole())).map((u) => [u.name, u.reason, u.leadName])).toEqual([
      ["B", "left", "Ten"],
      ["T", "none", null],
    ]);
    expect(await unitsWithoutLead(unit("A"))).toMatchObject([{ name: "T" }]);
  });

  it("acting leads: units whose acting lead is in post on the day", async () => {
    expect((await actingLeads(whole())).map((u) => [u.name, u.actingLeadName, u.leadName])).toEqual([["T", "Ic1", null]]);
    // Twelve stands in for B once they have started.
    expect((await actingLeads({ ...whole(), day: "2026-08-01" })).map((u) => [u.name, u.actingLeadName, u.leadName])).toEqual([
      ["B", "Twelve", "Ten"],
      ["T", "Ic1", null],
    ]);
    expect(await actingLeads(unit("B"))).toEqual([]);
    expect(await actingLeads({ orgId: fx.org.id, unitId: other.units.T.id, day: DAY })).toEqual([]);
  });

  it("attrition over the trailing 12 months: departures over average heads", async () => {
    expect(trailingYear(DAY)).toEqual({ from: "2025-07-01", to: DAY });
    expect(await attritionTotal(whole())).toEqual({
      departures: 1,
      regretted: 1,
      nonRegretted: 0,
      headsStart: 15,
      headsEnd: 15,
      ratePct: 6.7,
      regrettedPct: 6.7,
      from: "2025-07-01",
      to: DAY,
    });
    const t = (await attritionByUnit(whole())).find((u) => u.name === "T");
    expect(t).toMatchObject({
      departures: 1,
      regretted: 1,
      nonRegretted: 0,
      headsStart: 10,
      headsEnd: 9,
      ratePct: 10.5,
      regrettedPct: 10.5,
    });
    expect((await attritionByUnit(unit("B")))[0]).toMatchObject({ departures: 0, regretted: 0, headsStart: 2, headsEnd: 3, ratePct: 0 });
    // A year later Ten's departure is outside the window; Eleven's (not regretted) never was inside.
    expect(await attritionTotal({ ...whole(), day: "2027-06-30" })).toMatchObject({ departures: 0, regretted: 0, nonRegretted: 0 });
    expect(await attritionTotal({ ...whole(), day: "2025-12-31" })).toMatchObject({ departures: 1, regretted: 0, nonRegretted: 1 });
    // The scope's total is the scope root's row.
    expect((await attritionByUnit(unit("A")))[0]).toMatchObject({ departures: (await attritionTotal(unit("A"))).departures });
  });

  it("time to fill: median and p90 of days from opened to filled, for fills in the window", async () => {
    expect(await timeToFill(whole())).toEqual({ filled: 3, medianDays: 40, p90Days: expect.closeTo(105.6, 5) });
    expect((await timeToFillByUnit(whole())).map((u) => [u.name, u.filled, u.medianDays])).toEqual([
      ["D", 3, 40],
      ["A", 2, 81],
      ["B", 1, 10],
      ["T", 2, 81],
    ]);
    expect((await timeToFillByUnit(unit("T")))[0].p90Days).toBeCloseTo(113.8, 5);
  });

  it("tenure bands of the people in post", async () => {
    expect(await tenureDistribution(whole())).toEqual([
      { band: 0, people: 1 },
      { band: 1, people: 1 },
      { band: 2, people: 2 },
      { band: 3, people: 11 },
    ]);
  });

  it("new managers: managing anyone for less than 6 months", async () => {
    expect(await newManagers(whole())).toEqual([
      { id: fx.people.mb.id, name: "MB", title: "T", unitId: fx.units.B.id, unitName: "B", managingSince: "2026-04-01", span: 2 },
    ]);
    // On a day 6 months after they started managing, they are no longer new.
    expect(await newManagers({ ...whole(), day: "2026-10-01" })).toEqual([]);
  });

  it("links to the exact people it counts: departures and people in post on the teams list", async () => {
    for (const unitId of [null, fx.units.T.id, fx.units.B.id]) {
      const scope = { orgId: fx.org.id, unitId, day: DAY };
      const a = await attritionTotal(scope);
      const leaving = await listPeople(fx.org.id, { readsPay: false }, d(DAY), unitId, { status: "leaving", from: a.from, to: a.to });
      expect(leaving.length).toBe(a.departures);
      const inPost = await listPeople(fx.org.id, { readsPay: false }, d(DAY), unitId, { status: "in-post", on: DAY });
      expect(inPost.length).toBe((await tenureDistribution(scope)).reduce((n, t) => n + t.people, 0));
      expect(inPost.length).toBe(a.headsEnd);
    }
  });

  it("never counts another org's people, even asked with its unit id", async () => {
    expect(await spanOfControl({ orgId: fx.org.id, unitId: other.units.A.id, day: DAY })).toEqual([]);
    expect(await attritionTotal({ orgId: fx.org.id, unitId: other.units.T.id, day: DAY })).toMatchObject({
      departures: 0,
      headsStart: 0,
      headsEnd: 0,
      ratePct: null,
    });
  });
});

describe("who sees which scope", () => {
  const member = (role: Role, scopeUnitId: string | null = null): Member => ({
    user: { id: "u", email: "u@test.example", name: "U" },
    org: { id: fx.org.id, slug: fx.org.slug, name: fx.org.name, currency: "USD", fiscalYearStartMonth: 1 },
    role,
    scopeUnitId,
    readsPay: false,
  });

  it("directors and admins: the whole org or any of its units; managers: their subtree only; others: nothing", async () => {
    expect(await orgHealthScope(member("DIRECTOR"), undefined)).toEqual({ unitId: null });
    expect(await orgHealthScope(member("ADMIN"), fx.units.B.id)).toEqual({ unitId: fx.units.B.id });
    expect(await orgHealthScope(member("DIRECTOR"), other.units.B.id)).toBeNull();
    expect(await orgHealthScope(member("MANAGER", fx.units.A.id), undefined)).toEqual({ unitId: fx.units.A.id });
    expect(await orgHealthScope(member("MANAGER", fx.units.A.id), fx.units.T.id)).toEqual({ unitId: fx.units.T.id });
    expect(await orgHealthScope(member("MANAGER", fx.units.A.id), fx.units.B.id)).toBeNull();
    expect(await orgHealthScope(member("MANAGER", null), undefined)).toBeNull();
    expect(await orgHealthScope(member("FINANCE"), undefined)).toBeNull();
    expect(await orgHealthScope(member("VIEWER"), undefined)).toBeNull();
  });

  it("the people list splits departures by regret only for a reader of org health over exactly that unit", async () => {
    const leaving = { status: "leaving", from: "2025-07-01", to: DAY } as const;
    const regretted = { ...leaving, regretted: true };
    const A = fx.units.A.id;
    expect(await regretFilterFor(member("DIRECTOR"), regretted, null)).toEqual(regretted);
    expect(await regretFilterFor(member("ADMIN"), regretted, fx.units.B.id)).toEqual(regretted);
    expect(await regretFilterFor(member("MANAGER", A), regretted, fx.units.T.id)).toEqual(regretted);
    // A manager's list of the whole org, or of a unit outside their subtree, lists every departure.
    expect(await regretFilterFor(member("MANAGER", A), regretted, null)).toEqual(leaving);
    expect(await regretFilterFor(member("MANAGER", A), regretted, fx.units.B.id)).toEqual(leaving);
    for (const role of ["VIEWER", "FINANCE"] as const) expect(await regretFilterFor(member(role), regretted, A)).toEqual(leaving);
    // Another org's unit: nothing to split.
    expect(await regretFilterFor(member("DIRECTOR"), regretted, other.units.T.id)).toEqual(leaving);
  });
});
