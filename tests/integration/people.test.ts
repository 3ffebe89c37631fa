import { beforeEach, describe, expect, it } from "vitest";

import { readsPay } from "@/lib/permissions";
import { createAllocation, removeAllocation } from "@/lib/headcount/allocate";
import { listPositions } from "@/lib/headcount/queries";
import { getProjectStaffing } from "@/lib/headcount/staffing";
import { capacityByMonth } from "@/lib/headcount/staffing";
import { getPersonDetail, staffableProjects } from "@/lib/people/detail";
import { listPeople } from "@/lib/people/queries";
import { updatePerson } from "@/lib/people/update-person";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;
const d = (s: string) => new Date(`${s}T00:00:00Z`);

async function person(orgId: string, orgUnitId: string, name: string, managerId: string | null = null) {
  return db.person.create({
    data: { orgId, orgUnitId, name, title: "Engineer", level: "IC3", managerId, startDate: d("2024-01-01"), annualCompCents: 12_345_600n },
  });
}

function edit(p: { id: string; orgUnitId: string; managerId: string | null; version: number }, over: Record<string, unknown> = {}) {
  return {
    personId: p.id,
    version: p.version,
    title: "Engineer",
    level: "IC3",
    orgUnitId: p.orgUnitId,
    managerId: p.managerId ?? "",
    effectiveFrom: "2026-01-15",
    ...over,
  };
}

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
});

describe("people: edits, moves and reporting lines", () => {
  it("moves a person with an effective date, keeps the history and audits it", async () => {
    const boss = await person(acme.org.id, acme.units.teamB.id, "Boss");
    const p = await person(acme.org.id, acme.units.teamA.id, "Pat");
    const result = await updatePerson.run(
      acme.members.director.user.id,
      acme.org.slug,
      edit(p, { orgUnitId: acme.units.teamB.id, managerId: boss.id, title: "Senior Engineer" }),
    );
    expect(result).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await db.person.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      orgUnitId: acme.units.teamB.id,
      managerId: boss.id,
      title: "Senior Engineer",
    });
    const history = await db.personAssignment.findMany({ where: { personId: p.id }, orderBy: { effectiveFrom: "asc" } });
    expect(
      history.map((h) => [
        h.orgUnitId,
        h.managerId,
        h.effectiveFrom.toISOString().slice(0, 10),
        h.effectiveTo?.toISOString().slice(0, 10) ?? null,
      ]),
    ).toEqual([
      [acme.units.teamA.id, null, "2024-01-01", "2026-01-14"],
      [acme.units.teamB.id, boss.id, "2026-01-15", null],
    ]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: acme.org.id, entityId: p.id } });
    expect(event).toMatchObject({ action: "person.move" });
    expect(event.before).toMatchObject({ orgUnitId: acme.units.teamA.id });
    expect(event.after).toMatchObject({ orgUnitId: acme.units.teamB.id, effectiveFrom: "2026-01-15" });
    // A later move closes the open period; one before it is refused.
    const p2 = await db.person.findUniqueOrThrow({ where: { id: p.id } });
    expect(
      await updatePerson.run(
        acme.members.director.user.id,
        acme.org.slug,
        edit(p2, { orgUnitId: acme.units.teamA.id, effectiveFrom: "2026-01-01" }),
      ),
    ).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(
      await updatePerson.run(
        acme.members.director.user.id,
        acme.org.slug,
        edit(p2, { orgUnitId: acme.units.teamA.id, effectiveFrom: "2026-03-01" }),
      ),
    ).toMatchObject({ ok: true });
    expect(await db.personAssignment.count({ where: { personId: p.id } })).toBe(3);
  });

  it("refuses a reporting cycle, directly or through a chain, and writes nothing", async () => {
    const a = await person(acme.org.id, acme.units.teamA.id, "A");
    const b = await person(acme.org.id, acme.units.teamA.id, "B", a.id);
    const c = await person(acme.org.id, acme.units.teamA.id, "C", b.id);
    const before = await rowCounts();
    for (const [who, manager] of [
      [a, c.id],
      [a, b.id],
      [a, a.id],
    ] as const) {
      const result = await updatePerson.run(acme.members.director.user.id, acme.org.slug, edit(who, { managerId: manager }));
      expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
      if (!result.ok) expect(result.fieldErrors?.managerId?.[0]).toMatch(/loop|themselves/);
    }
    expect(await rowCounts()).toEqual(before);
    expect((await db.person.findUniqueOrThrow({ where: { id: a.id } })).managerId).toBeNull();
    // A legal change in the same chain still works.
    expect(await updatePerson.run(acme.members.director.user.id, acme.org.slug, edit(c, { managerId: a.id }))).toMatchObject({ ok: true });
  });

  it("refuses a MANAGER moving someone into or out of units outside scope", async () => {
    const inScope = await person(acme.org.id, acme.units.teamA.id, "In");
    const outScope = await person(acme.org.id, acme.units.teamB.id, "Out");
    const manager = acme.members.manager.user.id;
    const before = await rowCounts();
    expect(await updatePerson.run(manager, acme.org.slug, edit(inScope, { orgUnitId: acme.units.teamB.id }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await updatePerson.run(manager, acme.org.slug, edit(outScope, { orgUnitId: acme.units.teamA.id }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await updatePerson.run(manager, acme.org.slug, edit(outScope, { title: "Renamed" }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await updatePerson.run(acme.members.viewer.user.id, acme.org.slug, edit(inScope))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await updatePerson.run(acme.members.finance.user.id, acme.org.slug, edit(inScope))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await rowCounts()).toEqual(before);
    expect(await updatePerson.run(manager, acme.org.slug, edit(inScope, { orgUnitId: acme.units.deptA.id }))).toMatchObject({ ok: true });
    // Admins may edit people too.
    const fresh = await db.person.findUniqueOrThrow({ where: { id: outScope.id } });
    expect(await updatePerson.run(acme.members.admin.user.id, acme.org.slug, edit(fresh, { title: "Principal Engineer" }))).toMatchObject({
      ok: true,
    });
  });

  it("refuses foreign-org people, units and managers as NOT_FOUND or invalid, writing nothing", async () => {
    const mine = await person(acme.org.id, acme.units.teamA.id, "Mine");
    const theirs = await person(globex.org.id, globex.units.teamA.id, "Theirs");
    const before = await rowCounts();
    expect(await updatePerson.run(acme.members.director.user.id, acme.org.slug, edit(theirs))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(
      await updatePerson.run(acme.members.director.user.id, acme.org.slug, edit(mine, { orgUnitId: globex.units.teamA.id })),
    ).toMatchObject({ ok: false, code: "VALIDATION" });
    // The manager picker searches as you type and posts an id: a foreign, unknown or garbage id
    // is a field error on the manager, not a silent change.
    for (const managerId of [theirs.id, "c000000000000000000000000", "x".repeat(64)]) {
      const result = await updatePerson.run(acme.members.director.user.id, acme.org.slug, edit(mine, { managerId }));
      expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { managerId: [expect.any(String)] } });
    }
    expect(await rowCounts()).toEqual(before);
    expect((await db.person.findUniqueOrThrow({ where: { id: mine.id } })).managerId).toBeNull();
  });

  it("refuses a stale edit with CONFLICT", async () => {
    const p = await person(acme.org.id, acme.units.teamA.id, "Pat");
    expect(await updatePerson.run(acme.members.director.user.id, acme.org.slug, edit(p, { title: "First" }))).toMatchObject({ ok: true });
    expect(await updatePerson.run(acme.members.director.user.id, acme.org.slug, edit(p, { title: "Second" }))).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect((await db.person.findUniqueOrThrow({ where: { id: p.id } })).title).toBe("First");
  });
});

describe("allocations and capacity", () => {
  it("tells the person page which of a person's projects a member may staff, without listing the org's projects", async () => {
    const project = (orgId: string, orgUnitId: string, name: string, extra: Record<string, unknown> = {}) =>
      db.project.create({ data: { orgId, orgUnitId, name, status: "ACTIVE", ...extra } });
    const inScope = await project(acme.org.id, acme.units.teamA.id, "In scope");
    const outScope = await project(acme.org.id, acme.units.teamB.id, "Out of scope");
    const done = await project(acme.org.id, acme.units.teamA.id, "Done", { status: "DONE" });
    const archived = await project(acme.org.id, acme.units.teamA.id, "Archived", { archivedAt: new Date() });
    const foreign = await project(globex.org.id, globex.units.teamA.id, "Foreign");
    const ids = [inScope, outScope, done, archived, foreign].map((p) => p.id);
    const org = await staffableProjects({ orgId: acme.org.id, unitId: null }, ids);
    expect(org.any).toBe(true);
    expect([...org.ids].sort()).toEqual([inScope.id, outScope.id].sort());
    const scoped = await staffableProjects({ orgId: acme.org.id, unitId: acme.units.deptA.id }, ids);
    expect([...scoped.ids]).toEqual([inScope.id]);
    // Nothing staffable in deptB's subtree once its only project is completed.
    await db.project.update({ where: { id: outScope.id }, data: { status: "DONE" } });
    expect(await staffableProjects({ orgId: acme.org.id, unitId: acme.units.deptB.id }, [])).toEqual({ any: false, ids: new Set() });
  });

  it("flags a person over 100% across overlapping ranges and shows them on the project", async () => {
    const p = await person(acme.org.id, acme.units.teamA.id, "Busy");
    const proj1 = await db.project.create({ data: { orgId: acme.org.id, orgUnitId: acme.units.teamA.id, name: "One" } });
    const proj2 = await db.project.create({ data: { orgId: acme.org.id, orgUnitId: acme.units.teamA.id, name: "Two" } });
    const manager = acme.members.manager.user.id;
    const r1 = await createAllocation.run(manager, acme.org.slug, {
      projectId: proj1.id,
      personId: p.id,
      percent: 60,
      startDate: "2026-01-01",
      endDate: "2026-06-30",
    });
    expect(r1).toMatchObject({ ok: true, data: { overallocated: [] } });
    const r2 = await createAllocation.run(manager, acme.org.slug, {
      projectId: proj2.id,
      personId: p.id,
      percent: 50,
      startDate: "2026-06-01",
      endDate: "",
    });
    expect(r2).toMatchObject({ ok: true, data: { overallocated: [{ startDate: "2026-06-01", endDate: "2026-06-30", percent: 110 }] } });
    expect((await getPersonDetail(acme.org.id, p.id, { readsPay: false }))?.overallocated).toHaveLength(1);
    const staffing = await getProjectStaffing(acme.org.id, proj2.id, d("2026-06-15"));
    expect(staffing?.people.map((s) => [s.person?.name, s.percent, s.person?.overallocated])).toEqual([["Busy", 50, true]]);
    if (r2.ok)
      expect(await removeAllocation.run(manager, acme.org.slug, { allocationId: r2.data.allocationId })).toMatchObject({ ok: true });
    expect((await getPersonDetail(acme.org.id, p.id, { readsPay: false }))?.overallocated).toHaveLength(0);
  });

  it("allocates unfilled positions (the hires a project waits on) but not filled ones, and counts capacity vs demand", async () => {
    const proj = await db.project.create({ data: { orgId: acme.org.id, orgUnitId: acme.units.teamA.id, name: "Waits" } });
    const open = await db.position.create({
      data: {
        orgId: acme.org.id,
        orgUnitId: acme.units.teamA.id,
        title: "Hire",
        level: "IC3",
        status: "OPEN",
        annualCompCents: 1n,
        budgetFiscalYear: 2026,
      },
    });
    const filled = await db.position.create({
      data: {
        orgId: acme.org.id,
        orgUnitId: acme.units.teamA.id,
        title: "Done",
        level: "IC3",
        status: "FILLED",
        annualCompCents: 1n,
        budgetFiscalYear: 2026,
      },
    });
    const p = await person(acme.org.id, acme.units.teamA.id, "Here");
    const director = acme.members.director.user.id;
    expect(
      await createAllocation.run(director, acme.org.slug, {
        projectId: proj.id,
        positionId: open.id,
        percent: 100,
        startDate: "2026-02-01",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await createAllocation.run(director, acme.org.slug, {
        projectId: proj.id,
        positionId: filled.id,
        percent: 100,
        startDate: "2026-02-01",
      }),
    ).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(
      await createAllocation.run(director, acme.org.slug, {
        projectId: proj.id,
        personId: p.id,
        percent: 40,
        startDate: "2026-01-15",
        endDate: "2026-02-15",
      }),
    ).toMatchObject({ ok: true });
    const staffing = await getProjectStaffing(acme.org.id, proj.id, d("2026-01-20"));
    expect(staffing?.waitingOn.map((w) => w.position?.title)).toEqual(["Hire"]);
    expect(staffing?.openInOwningTeam).toBe(1);
    // Capacity: 1 person + 1 open seat = 200 points each month; demand: Jan 40 (from 15th, so not on Jan 1), Feb 140, Mar 100.
    expect(await capacityByMonth(acme.org.id, acme.units.deptA.id, "2026-01-01", 3)).toEqual([
      { month: "2026-01-01", capacity: 200, demand: 0 },
      { month: "2026-02-01", capacity: 200, demand: 140 },
      { month: "2026-03-01", capacity: 200, demand: 100 },
    ]);
  });

  it("refuses allocations outside a MANAGER's scope, foreign ids and bad input, writing nothing", async () => {
    const p = await person(acme.org.id, acme.units.teamA.id, "P");
    const outside = await db.project.create({ data: { orgId: acme.org.id, orgUnitId: acme.units.teamB.id, name: "Outside" } });
    const inside = await db.project.create({ data: { orgId: acme.org.id, orgUnitId: acme.units.teamA.id, name: "Inside" } });
    const foreignPerson = await person(globex.org.id, globex.units.teamA.id, "F");
    const before = await rowCounts();
    const manager = acme.members.manager.user.id;
    expect(
      await createAllocation.run(manager, acme.org.slug, { projectId: outside.id, personId: p.id, percent: 10, startDate: "2026-01-01" }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(
      await createAllocation.run(manager, acme.org.slug, {
        projectId: inside.id,
        personId: foreignPerson.id,
        percent: 10,
        startDate: "2026-01-01",
      }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const bad = await createAllocation.run(manager, acme.org.slug, {
      projectId: inside.id,
      personId: p.id,
      percent: 150,
      startDate: "2026-02-01",
      endDate: "2026-01-01",
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["endDate", "percent"]);
    expect(
      await createAllocation.run(acme.members.viewer.user.id, acme.org.slug, {
        projectId: inside.id,
        personId: p.id,
        percent: 10,
        startDate: "2026-01-01",
      }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("privacy: individual compensation", () => {
  it.each(["MANAGER", "FINANCE", "VIEWER"] as const)("is absent from people, person and position payloads for %s", async (role) => {
    const p = await person(acme.org.id, acme.units.teamA.id, "Paid");
    await db.position.create({
      data: {
        orgId: acme.org.id,
        orgUnitId: acme.units.teamA.id,
        title: "Slot",
        level: "IC3",
        status: "OPEN",
        annualCompCents: 9_876_500n,
        budgetFiscalYear: 2026,
      },
    });
    const payloads = [
      await listPeople(acme.org.id, { readsPay: readsPay(role, { financeReadsPay: false }) }),
      await getPersonDetail(acme.org.id, p.id, { readsPay: readsPay(role, { financeReadsPay: false }) }),
      await listPositions(acme.org.id, { readsPay: readsPay(role, { financeReadsPay: false }) }),
    ];
    for (const payload of payloads) {
      const json = JSON.stringify(payload);
      expect(json).not.toMatch(/annualComp|monthlyLoadedCost/);
      expect(json).not.toContain("12345600");
      expect(json).not.toContain("9876500");
    }
  });

  it("is present for DIRECTOR and ADMIN, with loaded cost rounded once", async () => {
    const p = await person(acme.org.id, acme.units.teamA.id, "Paid");
    for (const role of ["DIRECTOR", "ADMIN"] as const) {
      const detail = await getPersonDetail(acme.org.id, p.id, { readsPay: readsPay(role, { financeReadsPay: false }) });
      // 123,456.00 × 1.3 / 12 = 13,374.40
      expect(detail).toMatchObject({ annualCompCents: 12_345_600, monthlyLoadedCostCents: 1_337_440 });
    }
  });
});
