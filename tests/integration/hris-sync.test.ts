import { readFileSync } from "node:fs";
import path from "node:path";

import { beforeEach, describe, expect, it } from "vitest";

import { syncPeopleFromHris } from "@/lib/people/hris/sync";
import { createApiToken } from "@/tests/factories/api";
import { createOrgWithRoles } from "@/tests/factories/org";
import { callApi } from "@/tests/support/api-client";
import { resetDb, tableFingerprints, testDb } from "@/tests/support/db";

// People sync from an HRIS export (lib/people/hris/): dry run vs applied result, idempotency,
// leavers' backfills, pay only from pay readers, who may sync, and all-or-nothing on bad rows.

const db = testDb();
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../fixtures/hris", name), "utf8");
const BAMBOO = fixture("bamboohr-directory.csv");
const WORKDAY = fixture("workday-report.csv");

let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let people: Record<"ada" | "grace" | "alan", { id: string }>;
let alansSeat: { id: string };
let designerSeat: { id: string };

async function person(name: string, email: string, orgUnitId: string, title: string, managerId: string | null = null) {
  return db.person.create({
    data: {
      orgId: acme.org.id,
      orgUnitId,
      name,
      email,
      title,
      level: "IC4",
      managerId,
      startDate: d("2021-01-04"),
      annualCompCents: 15_000_000n,
    },
  });
}

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  // Departments map by code or by name: "Engineering" by name, "Platform" by code, "Design" by name.
  await db.orgUnit.update({ where: { id: acme.units.deptA.id }, data: { name: "Engineering" } });
  await db.orgUnit.update({ where: { id: acme.units.teamA.id }, data: { name: "Platform team", code: "PLATFORM" } });
  await db.orgUnit.update({ where: { id: acme.units.teamB.id }, data: { name: "Design" } });
  const ada = await person("Ada Lovelace", "ada@example.com", acme.units.deptA.id, "VP Engineering");
  const grace = await person("Grace Hopper", "grace@example.com", acme.units.teamB.id, "Senior Engineer");
  const alan = await person("Alan Turing", "alan@example.com", acme.units.teamA.id, "Engineer", grace.id);
  people = { ada, grace, alan };
  const seat = { orgId: acme.org.id, level: "IC3", annualCompCents: 13_000_000n, budgetFiscalYear: 2026 };
  alansSeat = await db.position.create({
    data: { ...seat, orgUnitId: acme.units.teamA.id, title: "Engineer", status: "FILLED", personId: alan.id },
  });
  designerSeat = await db.position.create({
    data: { ...seat, orgUnitId: acme.units.teamB.id, title: "Product designer", status: "OPEN", openedAt: new Date() },
  });
});

const sync = (input: Record<string, unknown>, userId = acme.members.director.user.id) =>
  syncPeopleFromHris.run(userId, acme.org.slug, { fileName: "directory.csv", csv: BAMBOO, dateFormat: "us", ...input });

/** The five lists and the other findings, without what only an apply changes. */
const lists = (r: Record<string, unknown>) => {
  const { dryRun: _dryRun, ...rest } = r;
  return rest;
};

describe("people sync from an HRIS export", () => {
  it("a dry run lists joiners, leavers, moves, manager and title changes and writes only its audit event", async () => {
    const before = await tableFingerprints();
    const result = await sync({ dryRun: true, fillPositions: true });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const r = result.data;
    expect(r.shape).toBe("bamboohr");
    expect(r.ignoredColumns).toEqual(["Division", "Location", "Date of Birth", "SSN", "Home Phone"]);
    expect(r.joiners).toEqual([
      {
        row: 4,
        employeeId: "1003",
        name: "John Smith, Jr.",
        title: "Product Designer",
        unit: "Design",
        hireDate: "2026-11-03",
        position: `Product designer (${designerSeat.id})`,
      },
    ]);
    expect(r.leavers).toEqual([
      { row: 5, employeeId: "1004", name: "Alan Turing", personId: people.alan.id, endDate: "2026-12-31", vacancy: "backfill" },
    ]);
    expect(r.moves).toEqual([
      { row: 3, employeeId: "1002", name: "Grace Hopper", personId: people.grace.id, from: "Design", to: "Platform team" },
    ]);
    expect(r.managerChanges).toEqual([
      { row: 3, employeeId: "1002", name: "Grace Hopper", personId: people.grace.id, from: null, to: "Ada Lovelace" },
    ]);
    expect(r.titleChanges).toEqual([
      { row: 3, employeeId: "1002", name: "Grace Hopper", personId: people.grace.id, from: "Senior Engineer", to: "Staff Engineer" },
    ]);
    expect(r.linked.map((l) => l.name)).toEqual(["Ada Lovelace", "Grace Hopper", "Alan Turing"]);
    expect(r.unmappedDepartments).toEqual([]);
    const after = await tableFingerprints();
    const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
    expect(changed.filter((t) => !/^(AuditEvent|OrgData)/.test(t))).toEqual([]);
    expect(await db.auditEvent.count({ where: { orgId: acme.org.id, action: "people.hris.preview" } })).toBe(1);
  });

  it("applies what the dry run showed: joiner in the matching position, move with history, leaver with a backfill", async () => {
    const preview = await sync({ dryRun: true, fillPositions: true });
    const applied = await sync({ fillPositions: true });
    if (!preview.ok || !applied.ok) throw new Error(JSON.stringify([preview, applied]));
    expect(applied.data.dryRun).toBe(false);
    expect(lists(applied.data)).toEqual(lists(preview.data));

    const john = await db.person.findFirstOrThrow({ where: { orgId: acme.org.id, hrisEmployeeId: "1003" } });
    expect(john).toMatchObject({
      name: "John Smith, Jr.",
      email: "john@example.com",
      title: "Product Designer",
      orgUnitId: acme.units.teamB.id,
    });
    expect(john.managerId).toBe(people.ada.id);
    expect(john.startDate).toEqual(d("2026-11-03"));
    expect(await db.position.findUniqueOrThrow({ where: { id: designerSeat.id } })).toMatchObject({ status: "FILLED", personId: john.id });

    const grace = await db.person.findUniqueOrThrow({ where: { id: people.grace.id } });
    expect(grace).toMatchObject({
      orgUnitId: acme.units.teamA.id,
      managerId: people.ada.id,
      title: "Staff Engineer",
      hrisEmployeeId: "1002",
    });
    const history = await db.personAssignment.findMany({ where: { personId: grace.id }, orderBy: { effectiveFrom: "asc" } });
    expect(history.map((h) => [h.orgUnitId, h.effectiveTo === null])).toEqual([
      [acme.units.teamB.id, false],
      [acme.units.teamA.id, true],
    ]);

    const alan = await db.person.findUniqueOrThrow({ where: { id: people.alan.id } });
    expect(alan.endDate).toEqual(d("2026-12-31"));
    expect(await db.position.findUniqueOrThrow({ where: { id: alansSeat.id } })).toMatchObject({
      status: "BACKFILL",
      backfillForId: alan.id,
      vacantFrom: d("2027-01-01"),
    });
    // The sync's own event (on the org; the changes it made are audited under the same action on their records).
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { orgId: acme.org.id, action: "people.hris.sync", entityType: "Organization" },
    });
    expect(audit).toMatchObject({ actorId: acme.members.director.user.id, after: { joiners: 1, leavers: 1, moves: 1 } });
  });

  it("a second apply of the same file changes nothing", async () => {
    expect((await sync({ fillPositions: true })).ok).toBe(true);
    const before = await tableFingerprints();
    const again = await sync({ fillPositions: true });
    if (!again.ok) throw new Error(JSON.stringify(again));
    expect(again.data).toMatchObject({
      joiners: [],
      leavers: [],
      moves: [],
      managerChanges: [],
      titleChanges: [],
      linked: [],
      unchanged: 4,
    });
    const after = await tableFingerprints();
    expect(Object.keys(after).filter((t) => after[t] !== before[t] && !/^(AuditEvent|OrgData)/.test(t))).toEqual([]);
  });

  it("a leaver who holds no position gets a new backfill on their title; without fill the open seat stays open", async () => {
    await db.position.delete({ where: { id: alansSeat.id } });
    expect((await sync({})).ok).toBe(true);
    const backfill = await db.position.findFirstOrThrow({ where: { orgId: acme.org.id, backfillForId: people.alan.id } });
    expect(backfill).toMatchObject({ status: "BACKFILL", title: "Engineer", orgUnitId: acme.units.teamA.id, vacantFrom: d("2027-01-01") });
    // Without fillPositions the joiner is added on their own; the open seat stays open.
    expect(await db.position.findUniqueOrThrow({ where: { id: designerSeat.id } })).toMatchObject({ status: "OPEN" });
  });

  it("closes the leaver's seat when asked to", async () => {
    expect((await sync({ leaverVacancy: "close" })).ok).toBe(true);
    expect(await db.position.findUniqueOrThrow({ where: { id: alansSeat.id } })).toMatchObject({ status: "CLOSED" });
  });

  it("lists unmapped departments and leaves those people where they are", async () => {
    const csv = BAMBOO.replace("Engineer,Platform,Product & Tech,Remote,alan", "Engineer,Robotics,Product & Tech,Remote,alan").replace(
      '1003,John,"Smith, Jr.",Product Designer,Design',
      '1003,John,"Smith, Jr.",Product Designer,Marketing',
    );
    const r = await sync({ csv: csv.replace(",12/31/2026,", ",,"), dryRun: true });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.data.unmappedDepartments).toEqual([
      { department: "Marketing", rows: [4] },
      { department: "Robotics", rows: [5] },
    ]);
    expect(r.data.joiners).toEqual([]);
    expect(r.data.skipped).toEqual([{ row: 4, employeeId: "1003", reason: 'Department "Marketing" matches no org unit' }]);
    expect(r.data.moves.map((m) => m.name)).toEqual(["Grace Hopper"]);
  });

  it("any bad row refuses the whole file, naming each row; nothing is written", async () => {
    const before = await tableFingerprints();
    const bad = BAMBOO.replace("07/15/2022", "2022-07-15").replace("alan@example.com", "alan-at-example");
    const r = await sync({ csv: bad });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    if (r.ok) return;
    expect(r.fieldErrors?.file).toEqual([
      'Row 3: Hire Date "2022-07-15" is not a MM/DD/YYYY date (the format chosen)',
      'Row 5: Work Email "alan-at-example" is not an email address',
    ]);
    expect(await tableFingerprints()).toEqual(before);
  });

  it("a work email on record for another employee id is a bad row, not a second person", async () => {
    await db.person.update({ where: { id: people.ada.id }, data: { hrisEmployeeId: "0999" } });
    const before = await tableFingerprints();
    const r = await sync({ dryRun: true });
    expect(r).toMatchObject({
      ok: false,
      fieldErrors: { file: ['Row 2: Work Email "ada@example.com" is Ada Lovelace\'s, whose employee id is 0999'] },
    });
    expect(await tableFingerprints()).toEqual(before);
  });

  it("refuses a pay column from anyone who may not read pay, naming the column; takes it from a pay reader", async () => {
    const res = await callApi("POST", "/people/sync", await token(["people:write"]), {
      query: { dateFormat: "iso" },
      headers: { "content-type": "text/csv" },
      body: WORKDAY,
    });
    expect(res.status).toBe(422);
    expect((await res.json()).detail).toMatch(/^Column "Annual_Base_Pay" holds pay/);
    expect(await db.person.count({ where: { orgId: acme.org.id, hrisEmployeeId: { not: null } } })).toBe(0);

    const ok = await callApi("POST", "/people/sync", await token(["people:write", "compensation:read"]), {
      query: { dateFormat: "iso" },
      headers: { "content-type": "text/csv" },
      body: WORKDAY,
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).payChanges).toBe(2);
    expect((await db.person.findUniqueOrThrow({ where: { id: people.grace.id } })).annualCompCents).toBe(18_500_000n);
  });

  it("a manager (scoped people:write), finance and viewers may not sync; another org's people are never matched", async () => {
    for (const m of [acme.members.manager, acme.members.finance, acme.members.viewer]) {
      expect(await sync({ dryRun: true }, m.user.id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    const globex = await createOrgWithRoles(db);
    await db.orgUnit.update({ where: { id: globex.units.teamB.id }, data: { name: "Design" } });
    const r = await syncPeopleFromHris.run(globex.members.director.user.id, globex.org.slug, {
      csv: BAMBOO,
      dateFormat: "us",
      dryRun: true,
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.data.linked).toEqual([]);
    expect(r.data.leavers).toEqual([]);
    expect(JSON.stringify(r.data)).not.toContain(people.grace.id);
    expect(r.data.joiners.map((j) => j.name)).toEqual(["John Smith, Jr."]);
  });

  it("the API's dry run answers the same lists as the action", async () => {
    const res = await callApi("POST", "/people/sync", await token(["people:write"]), {
      query: { dryRun: "true", dateFormat: "us", fillPositions: "false" },
      headers: { "content-type": "text/csv" },
      body: BAMBOO,
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ dryRun: true, joiners: [{ employeeId: "1003", position: null }], leavers: [{ employeeId: "1004" }] });
    const wrong = await callApi("POST", "/people/sync", await token(["people:write"]), { query: { dateFormat: "dmy" }, body: BAMBOO });
    expect(wrong.status).toBe(400);
  });
});

async function token(scopes: string[]) {
  return (await createApiToken(db, { orgId: acme.org.id, kind: "PERSONAL", userId: acme.members.director.user.id, scopes })).secret;
}
