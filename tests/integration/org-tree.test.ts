import { beforeEach, describe, expect, it } from "vitest";

import { toDateString } from "@/lib/fiscal";
import { createPosition } from "@/lib/headcount/create-position";
import { closeUnit, mergeUnit } from "@/lib/org/close-unit";
import { createUnit } from "@/lib/org/create-unit";
import { moveUnit } from "@/lib/org/move-unit";
import { setUnitLead } from "@/lib/org/set-unit-lead";
import { updateUnit } from "@/lib/org/update-unit";
import { createPerson } from "@/tests/factories/finance";
import { createOrgWithRoles, createUnit as makeUnit } from "@/tests/factories/org";
import { closureMismatches } from "@/tests/support/closure";
import { refused, resetDb, testDb } from "@/tests/support/db";

// The org tree edits through the real pipeline: what each writes (unit, closure, history,
// audit), what each refuses (naming the unit, writing nothing), and concurrent edits.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;
let director: string;
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const today = toDateString(new Date());
const monthStart = `${today.slice(0, 7)}-01`;

const unitOf = (id: string) => db.orgUnit.findUniqueOrThrow({ where: { id } });
const person = (orgId: string, orgUnitId: string, over: { end?: string; name?: string } = {}) =>
  createPerson(db, orgId, orgUnitId, 10_000_000n, { name: over.name ?? "Pat", start: "2024-01-01", end: over.end });

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
  director = acme.members.director.user.id;
});

describe("create", () => {
  it("creates a unit under a parent with its closure rows, depth, history and audit", async () => {
    const lead = await person(acme.org.id, acme.units.deptA.id, { name: "Lee" });
    const r = await createUnit.run(director, acme.org.slug, {
      parentId: acme.units.deptA.id,
      name: "Payments",
      code: "PAY-1",
      kind: "TEAM",
      leadId: lead.id,
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    const unit = await unitOf(r.data.unitId);
    expect(unit).toMatchObject({
      parentId: acme.units.deptA.id,
      depth: 2,
      code: "PAY-1",
      kind: "TEAM",
      leadId: lead.id,
      version: 1,
      closedOn: null,
    });
    const ancestors = await db.orgUnitClosure.findMany({ where: { descendantId: unit.id }, orderBy: { depth: "asc" } });
    expect(ancestors.map((a) => [a.ancestorId, a.depth])).toEqual([
      [unit.id, 0],
      [acme.units.deptA.id, 1],
      [acme.units.division.id, 2],
    ]);
    const history = await db.orgUnitHistory.findMany({ where: { unitId: unit.id } });
    expect(history).toMatchObject([
      { change: "created", parentId: acme.units.deptA.id, name: "Payments", effectiveTo: null, actorId: director },
    ]);
    expect(
      await db.auditEvent.count({ where: { orgId: acme.org.id, action: "org-unit.create", entityId: unit.id, actorId: director } }),
    ).toBe(1);
    expect(await closureMismatches(db, acme.org.id)).toEqual([]);
  });

  it("refuses a duplicate code (ignoring case), a lead or parent of another org, a closed parent: naming the field, writing nothing", async () => {
    const base = { parentId: acme.units.deptA.id, name: "Payments", code: "PAY-2", kind: "TEAM", leadId: "" };
    const dupe = await refused(() => createUnit.run(director, acme.org.slug, { ...base, code: acme.units.teamA.code.toLowerCase() }));
    expect(dupe).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { code: [`The code ${acme.units.teamA.code} is already used by ${acme.units.teamA.name}.`] },
    });
    const foreignLead = await person(globex.org.id, globex.units.teamA.id);
    expect(await refused(() => createUnit.run(director, acme.org.slug, { ...base, leadId: foreignLead.id }))).toMatchObject({
      ok: false,
      fieldErrors: { leadId: ["That person is not in this organization, so they cannot lead Payments (PAY-2)."] },
    });
    const left = await person(acme.org.id, acme.units.teamA.id, { name: "Gone", end: "2025-01-31" });
    expect(await refused(() => createUnit.run(director, acme.org.slug, { ...base, leadId: left.id }))).toMatchObject({
      ok: false,
      fieldErrors: { leadId: ["Gone has left the organization, so they cannot lead Payments (PAY-2)."] },
    });
    expect(await refused(() => createUnit.run(director, acme.org.slug, { ...base, parentId: globex.units.deptA.id }))).toMatchObject({
      ok: false,
      fieldErrors: { parentId: ["That org unit does not exist."] },
    });
    expect(await refused(() => createUnit.run(director, acme.org.slug, { ...base, kind: "GUILD", name: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { kind: expect.any(Array), name: expect.any(Array) },
    });
    const empty = await makeUnit(db, acme.org.id, { parentId: acme.units.teamA.id });
    expect(await closeUnit.run(director, acme.org.slug, { unitId: empty.id, version: 1 })).toMatchObject({ ok: true });
    expect(await refused(() => createUnit.run(director, acme.org.slug, { ...base, parentId: empty.id }))).toMatchObject({
      ok: false,
      fieldErrors: { parentId: [`${empty.name} (${empty.code}) is closed.`] },
    });
  });
});

describe("rename, code and lead", () => {
  it("renames and recodes with a version check; a stale form is a conflict", async () => {
    const u = acme.units.teamA;
    const r = await updateUnit.run(director, acme.org.slug, { unitId: u.id, version: 1, name: "Core", code: "CORE", kind: "OTHER" });
    expect(r).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await unitOf(u.id)).toMatchObject({ name: "Core", code: "CORE", kind: "OTHER" });
    expect(await db.auditEvent.findFirst({ where: { entityId: u.id, action: "org-unit.recode" } })).toMatchObject({
      before: { code: u.code },
      after: { code: "CORE" },
    });
    const stale = await refused(() =>
      updateUnit.run(director, acme.org.slug, { unitId: u.id, version: 1, name: "Core 2", code: "CORE", kind: "TEAM" }),
    );
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((stale as { message: string }).message).toContain("Core (CORE)");
    // Another unit may not take the code.
    expect(
      await refused(() =>
        updateUnit.run(director, acme.org.slug, { unitId: acme.units.teamB.id, version: 1, name: "Team B", code: "core", kind: "TEAM" }),
      ),
    ).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { code: expect.any(Array) } });
  });

  it("sets, replaces and clears a lead; a person of another org is refused", async () => {
    const [a, b] = [
      await person(acme.org.id, acme.units.teamA.id, { name: "A" }),
      await person(acme.org.id, acme.units.teamA.id, { name: "B" }),
    ];
    const u = acme.units.teamA.id;
    expect(await setUnitLead.run(director, acme.org.slug, { unitId: u, version: 1, leadId: a.id })).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
    expect(await setUnitLead.run(director, acme.org.slug, { unitId: u, version: 2, leadId: b.id })).toMatchObject({ ok: true });
    expect((await unitOf(u)).leadId).toBe(b.id);
    const foreign = await person(globex.org.id, globex.units.teamA.id);
    expect(await refused(() => setUnitLead.run(director, acme.org.slug, { unitId: u, version: 3, leadId: foreign.id }))).toMatchObject({
      ok: false,
      fieldErrors: {
        leadId: [`That person is not in this organization, so they cannot lead ${acme.units.teamA.name} (${acme.units.teamA.code}).`],
      },
    });
    expect(await setUnitLead.run(director, acme.org.slug, { unitId: u, version: 3, leadId: "" })).toMatchObject({ ok: true });
    expect((await unitOf(u)).leadId).toBeNull();
    // Three edits today: one history period for today, the day's last state.
    expect(await db.orgUnitHistory.findMany({ where: { unitId: u, effectiveTo: null } })).toMatchObject([{ leadId: null, change: "lead" }]);
  });

  it("refuses a foreign unit id as not found and never touches the other org", async () => {
    const r = await refused(() =>
      updateUnit.run(director, acme.org.slug, { unitId: globex.units.teamA.id, version: 1, name: "Hijack", code: "HJ", kind: "TEAM" }),
    );
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("move", () => {
  it("moves a subtree under another parent, keeping closure and depths exact", async () => {
    const below = await makeUnit(db, acme.org.id, { parentId: acme.units.teamA.id });
    const r = await moveUnit.run(director, acme.org.slug, { unitId: acme.units.teamA.id, version: 1, parentId: acme.units.deptB.id });
    expect(r).toMatchObject({ ok: true });
    expect(await unitOf(acme.units.teamA.id)).toMatchObject({ parentId: acme.units.deptB.id, depth: 2 });
    expect((await unitOf(below.id)).depth).toBe(3);
    expect(await closureMismatches(db, acme.org.id)).toEqual([]);
    expect(await db.orgUnitClosure.count({ where: { ancestorId: acme.units.deptA.id } })).toBe(1);
    expect(await db.orgUnitHistory.findMany({ where: { unitId: acme.units.teamA.id }, orderBy: { effectiveFrom: "asc" } })).toMatchObject(
      [
        { parentId: acme.units.deptA.id, change: "created" },
        { parentId: acme.units.deptB.id, change: "moved", effectiveTo: null },
      ].slice(toDateString(acme.units.teamA.createdAt) < today ? 0 : 1),
    );
  });

  it("refuses a cycle naming both units, and its own parent, writing nothing", async () => {
    const r = await refused(() =>
      moveUnit.run(director, acme.org.slug, { unitId: acme.units.deptA.id, version: 1, parentId: acme.units.teamA.id }),
    );
    const [a, t] = [acme.units.deptA, acme.units.teamA];
    expect(r).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { parentId: [`${t.name} (${t.code}) is inside ${a.name} (${a.code}): moving ${a.name} under it would make a cycle.`] },
    });
    expect(await refused(() => moveUnit.run(director, acme.org.slug, { unitId: a.id, version: 1, parentId: a.id }))).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    expect(
      await refused(() => moveUnit.run(director, acme.org.slug, { unitId: a.id, version: 1, parentId: globex.units.deptB.id })),
    ).toMatchObject({ ok: false, fieldErrors: { parentId: ["That org unit does not exist."] } });
  });

  it("serialises concurrent moves: A under B and B under A cannot both happen", async () => {
    const [a, b] = [acme.units.deptA, acme.units.deptB];
    const results = await Promise.all([
      moveUnit.run(director, acme.org.slug, { unitId: a.id, version: 1, parentId: b.id }),
      moveUnit.run(acme.members.admin.user.id, acme.org.slug, { unitId: b.id, version: 1, parentId: a.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "VALIDATION" });
    expect(await closureMismatches(db, acme.org.id)).toEqual([]);
  });

  it("lets only one of two edits made from the same version through", async () => {
    const u = acme.units.teamB;
    const results = await Promise.all([
      updateUnit.run(director, acme.org.slug, { unitId: u.id, version: 1, name: "First", code: u.code, kind: "TEAM" }),
      moveUnit.run(acme.members.admin.user.id, acme.org.slug, { unitId: u.id, version: 1, parentId: acme.units.deptA.id }),
    ]);
    expect(results.map((r) => (r.ok ? "ok" : r.code)).sort()).toEqual(["CONFLICT", "ok"]);
    expect((await unitOf(u.id)).version).toBe(2);
  });
});

describe("merge and close", () => {
  async function stock(unitId: string) {
    const here = await person(acme.org.id, unitId, { name: "Here" });
    const gone = await person(acme.org.id, unitId, { name: "Gone", end: "2025-06-30" });
    const position = await db.position.create({
      data: {
        orgId: acme.org.id,
        orgUnitId: unitId,
        title: "Engineer",
        level: "IC3",
        status: "OPEN",
        annualCompCents: 1n,
        budgetFiscalYear: 2027,
      },
    });
    const closedPosition = await db.position.create({
      data: {
        orgId: acme.org.id,
        orgUnitId: unitId,
        title: "Old",
        level: "IC3",
        status: "CLOSED",
        annualCompCents: 1n,
        budgetFiscalYear: 2024,
      },
    });
    const project = await db.project.create({ data: { orgId: acme.org.id, orgUnitId: unitId, name: "Live", status: "ACTIVE" } });
    const done = await db.project.create({ data: { orgId: acme.org.id, orgUnitId: unitId, name: "Done", status: "DONE" } });
    const initiative = await db.initiative.create({
      data: { orgId: acme.org.id, orgUnitId: unitId, name: "Init", fiscalYear: 2027, status: "ACTIVE" },
    });
    const vendor = await db.vendor.create({ data: { orgId: acme.org.id, name: `V ${unitId}` } });
    const contract = await db.contract.create({
      data: {
        orgId: acme.org.id,
        vendorId: vendor.id,
        orgUnitId: unitId,
        category: "SOFTWARE",
        name: "C",
        annualAmountCents: 100n,
        startDate: d("2026-01-01"),
        endDate: d("2030-12-31"),
      },
    });
    const future = await db.budgetLine.create({
      data: { orgId: acme.org.id, orgUnitId: unitId, month: d(monthStart), category: "TRAVEL", amountCents: 1_000n },
    });
    const past = await db.budgetLine.create({
      data: { orgId: acme.org.id, orgUnitId: unitId, month: d("2020-01-01"), category: "TRAVEL", amountCents: 7n },
    });
    const ledger = await db.actualEntry.create({
      data: { orgId: acme.org.id, orgUnitId: unitId, bookedOn: d("2025-03-03"), category: "TRAVEL", amountCents: 55n },
    });
    return { here, gone, position, closedPosition, project, done, initiative, contract, future, past, ledger };
  }

  it("merges a unit into a sibling: live contents move, history stays, plan cells add up", async () => {
    const [from, to] = [acme.units.deptA, acme.units.deptB];
    const s = await stock(from.id);
    await db.budgetLine.create({
      data: { orgId: acme.org.id, orgUnitId: to.id, month: d(monthStart), category: "TRAVEL", amountCents: 500n },
    });
    const r = await mergeUnit.run(director, acme.org.slug, { unitId: from.id, version: 1, targetId: to.id });
    expect(r, JSON.stringify(r)).toMatchObject({
      ok: true,
      data: {
        contents: { people: 1, positions: 1, projects: 1, initiatives: 1, planLines: 1, contracts: 1, childUnits: 1, scopedMembers: 1 },
      },
    });
    const unitIds = async (rows: Promise<{ orgUnitId: string }[]>) => (await rows).map((x) => x.orgUnitId);
    expect(await unitIds(db.person.findMany({ where: { id: { in: [s.here.id, s.gone.id] } }, orderBy: { name: "asc" } }))).toEqual([
      from.id,
      to.id,
    ]);
    expect((await db.position.findUniqueOrThrow({ where: { id: s.position.id } })).orgUnitId).toBe(to.id);
    expect((await db.position.findUniqueOrThrow({ where: { id: s.closedPosition.id } })).orgUnitId).toBe(from.id);
    expect((await db.project.findUniqueOrThrow({ where: { id: s.project.id } })).orgUnitId).toBe(to.id);
    expect((await db.project.findUniqueOrThrow({ where: { id: s.done.id } })).orgUnitId).toBe(from.id);
    expect((await db.initiative.findUniqueOrThrow({ where: { id: s.initiative.id } })).orgUnitId).toBe(to.id);
    expect((await db.contract.findUniqueOrThrow({ where: { id: s.contract.id } })).orgUnitId).toBe(to.id);
    expect((await db.actualEntry.findUniqueOrThrow({ where: { id: s.ledger.id } })).orgUnitId).toBe(from.id);
    expect(
      await db.budgetLine.findMany({
        where: { orgUnitId: { in: [from.id, to.id] } },
        select: { orgUnitId: true, amountCents: true },
        orderBy: { amountCents: "asc" },
      }),
    ).toEqual([
      { orgUnitId: from.id, amountCents: 7n },
      { orgUnitId: to.id, amountCents: 1_500n },
    ]);
    // The team below moved with its closure; the manager scoped to deptA now manages deptB.
    expect(await unitOf(acme.units.teamA.id)).toMatchObject({ parentId: to.id, depth: 2 });
    expect((await db.membership.findUniqueOrThrow({ where: { id: acme.members.manager.membership.id } })).scopeUnitId).toBe(to.id);
    expect(await closureMismatches(db, acme.org.id)).toEqual([]);
    expect((await unitOf(from.id)).closedOn?.toISOString().slice(0, 10)).toBe(today);
    const assignments = await db.personAssignment.findMany({ where: { personId: s.here.id }, orderBy: { effectiveFrom: "asc" } });
    expect(assignments.map((a) => a.orgUnitId)).toEqual(today > "2024-01-01" ? [from.id, to.id] : [to.id]);
    expect(await db.orgUnitHistory.findFirst({ where: { unitId: from.id, effectiveTo: null } })).toMatchObject({
      change: "merged",
      closed: true,
      successorId: to.id,
    });
    expect(await db.orgUnitHistory.findFirst({ where: { unitId: to.id, effectiveTo: null } })).toMatchObject({
      change: "absorbed",
      successorId: from.id,
    });
    // A closed unit takes nothing new, by any path.
    const blocked = await createPosition.run(director, acme.org.slug, {
      orgUnitId: from.id,
      title: "Late",
      level: "IC3",
      compensation: "100000",
      budgetFiscalYear: 2027,
    });
    expect(blocked).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(JSON.stringify(blocked)).toContain(`${from.name} (${from.code}) is closed`);
    await expect(db.person.update({ where: { id: s.here.id }, data: { orgUnitId: from.id } })).rejects.toThrow(/keel_unit_closed/);
  });

  it("refuses a merge into a non-sibling, and closing a non-empty unit without a target, listing what is inside", async () => {
    await stock(acme.units.teamA.id);
    const notSibling = await refused(() =>
      mergeUnit.run(director, acme.org.slug, { unitId: acme.units.teamA.id, version: 1, targetId: acme.units.deptB.id }),
    );
    expect(notSibling).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { targetId: [expect.stringContaining("is not a sibling of")] },
    });
    const full = await refused(() => closeUnit.run(director, acme.org.slug, { unitId: acme.units.teamA.id, version: 1, targetId: "" }));
    expect(full).toMatchObject({ ok: false, code: "VALIDATION" });
    expect((full as { message: string }).message).toBe(
      `${acme.units.teamA.name} (${acme.units.teamA.code}) is not empty: 1 person, 1 position, 1 project, 1 initiative, 1 plan line from this month on, 1 contract.`,
    );
    const inside = await refused(() =>
      closeUnit.run(director, acme.org.slug, { unitId: acme.units.deptA.id, version: 1, targetId: acme.units.teamA.id }),
    );
    expect(inside).toMatchObject({ ok: false, fieldErrors: { targetId: [expect.stringContaining("is inside")] } });
  });

  it("closes with a target anywhere outside the unit, moving its contents there", async () => {
    const s = await stock(acme.units.teamA.id);
    const r = await closeUnit.run(director, acme.org.slug, { unitId: acme.units.teamA.id, version: 1, targetId: acme.units.teamB.id });
    expect(r).toMatchObject({ ok: true });
    expect((await db.person.findUniqueOrThrow({ where: { id: s.here.id } })).orgUnitId).toBe(acme.units.teamB.id);
    expect(
      await refused(() =>
        updateUnit.run(director, acme.org.slug, {
          unitId: acme.units.teamA.id,
          version: 2,
          name: "Zombie",
          code: acme.units.teamA.code,
          kind: "TEAM",
        }),
      ),
    ).toMatchObject({ ok: false, code: "VALIDATION" });
  });
});
