import { readFileSync } from "node:fs";
import path from "node:path";

import { beforeEach, describe, expect, it } from "vitest";

import { listHrisMappings } from "@/lib/people/hris/queries";
import { syncPeopleFromHris } from "@/lib/people/hris/sync";
import { createApiToken } from "@/tests/factories/api";
import { createOrgWithRoles } from "@/tests/factories/org";
import { callApi } from "@/tests/support/api-client";
import { resetDb, tableFingerprints, testDb } from "@/tests/support/db";

// A people sync from an HRIS export in neither BambooHR's nor Workday's shape, read through a
// column mapping (lib/people/hris/mapping.ts): mapped dry run vs applied result, departments
// mapped to cost centres or ignored, the mapping saved per shape and reused (also by the API),
// a file of another shape refused, who may sync, and nothing written on bad input.

const db = testDb();
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const OTHER = readFileSync(path.resolve(import.meta.dirname, "../../public/samples/hris-other-export.csv"), "utf8");

const MAPPING = {
  encoding: "utf-8" as const,
  columns: {
    employeeId: "Employee Number",
    name: "Preferred Name",
    email: "Email Address",
    title: "Job Title",
    department: "Dept",
    supervisorEmail: "Manager Email",
    hireDate: "Start Date",
    terminationDate: "Leaving Date",
  },
  departments: [
    { value: "Eng", code: "ENG" },
    { value: "Platform", code: "PLATFORM" },
    { value: "Design", code: "DESIGN" },
  ],
};

let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let people: Record<"ada" | "grace" | "alan", { id: string }>;

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  await db.orgUnit.update({ where: { id: acme.units.deptA.id }, data: { name: "Engineering", code: "ENG" } });
  await db.orgUnit.update({ where: { id: acme.units.teamA.id }, data: { name: "Platform team", code: "PLATFORM" } });
  await db.orgUnit.update({ where: { id: acme.units.teamB.id }, data: { name: "Product design", code: "DESIGN" } });
  const person = (name: string, email: string, orgUnitId: string, title: string, managerId: string | null = null) =>
    db.person.create({
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
  const ada = await person("Ada Lovelace", "ada@example.com", acme.units.deptA.id, "VP Engineering");
  const grace = await person("Grace Hopper", "grace@example.com", acme.units.teamB.id, "Staff Engineer", ada.id);
  const alan = await person("Alan Turing", "alan@example.com", acme.units.teamA.id, "Engineer", grace.id);
  people = { ada, grace, alan };
});

const sync = (input: Record<string, unknown>, userId = acme.members.director.user.id, slug = acme.org.slug) =>
  syncPeopleFromHris.run(userId, slug, { fileName: "people.csv", csv: OTHER, dateFormat: "eu", mapping: MAPPING, ...input });

const lists = (r: Record<string, unknown>) => {
  const { dryRun: _dryRun, ...rest } = r;
  return rest;
};

describe("people sync through a column mapping", () => {
  it("a mapped dry run lists the changes and writes nothing; the apply does what it showed and saves the mapping", async () => {
    const before = await tableFingerprints();
    const preview = await sync({ dryRun: true });
    if (!preview.ok) throw new Error(JSON.stringify(preview));
    const r = preview.data;
    expect(r).toMatchObject({ shape: "mapped", mappedBy: "chosen" });
    expect(r.ignoredColumns).toEqual(["Home Address", "Date of Birth"]);
    expect(r.joiners).toEqual([
      {
        row: 4,
        employeeId: "E-103",
        name: "John Smith",
        title: "Product Designer",
        unit: "Product design",
        hireDate: "2026-11-03",
        position: null,
      },
    ]);
    expect(r.leavers).toMatchObject([{ row: 5, name: "Alan Turing", endDate: "2026-12-31" }]);
    expect(r.moves).toMatchObject([{ row: 3, name: "Grace Hopper", from: "Product design", to: "Platform team" }]);
    expect(r.unmappedDepartments).toEqual([]);
    const after = await tableFingerprints();
    expect(Object.keys(after).filter((t) => after[t] !== before[t] && !/^(AuditEvent|OrgData)/.test(t))).toEqual([]);

    const applied = await sync({});
    if (!applied.ok) throw new Error(JSON.stringify(applied));
    expect(lists(applied.data)).toEqual(lists(r));
    const john = await db.person.findFirstOrThrow({ where: { orgId: acme.org.id, hrisEmployeeId: "E-103" } });
    expect(john).toMatchObject({ orgUnitId: acme.units.teamB.id, managerId: people.ada.id, startDate: d("2026-11-03") });
    expect(await db.person.findUniqueOrThrow({ where: { id: people.grace.id } })).toMatchObject({ orgUnitId: acme.units.teamA.id });
    expect((await db.person.findUniqueOrThrow({ where: { id: people.alan.id } })).endDate).toEqual(d("2026-12-31"));

    const saved = await listHrisMappings(acme.org.id);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ dateFormat: "eu", mapping: { columns: MAPPING.columns, departments: MAPPING.departments } });
    expect(saved[0].signature).toBe(
      "employeenumber|preferredname|emailaddress|jobtitle|dept|manageremail|startdate|leavingdate|homeaddress|dateofbirth",
    );
    expect(await db.auditEvent.count({ where: { orgId: acme.org.id, action: "people.hris.mapping" } })).toBe(1);
  });

  it("the next file of that shape is read with the saved mapping, from the dialog or a scheduled API call", async () => {
    expect((await sync({})).ok).toBe(true);
    const moved = OTHER.replace(
      "E-102,Grace Hopper,grace@example.com,Staff Engineer,Platform",
      "E-102,Grace Hopper,grace@example.com,Principal Engineer,Eng",
    );
    const again = await sync({ csv: moved, mapping: undefined, dryRun: true });
    if (!again.ok) throw new Error(JSON.stringify(again));
    expect(again.data.mappedBy).toBe("saved");
    expect(again.data.moves).toMatchObject([{ name: "Grace Hopper", from: "Platform team", to: "Engineering" }]);
    expect(again.data.titleChanges).toMatchObject([{ name: "Grace Hopper", to: "Principal Engineer" }]);

    const token = await createApiToken(db, {
      orgId: acme.org.id,
      kind: "PERSONAL",
      userId: acme.members.director.user.id,
      scopes: ["people:write"],
    });
    const res = await callApi("POST", "/people/sync", token.secret, {
      query: { dryRun: "true", dateFormat: "eu" },
      headers: { "content-type": "text/csv" },
      body: moved,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ mappedBy: "saved", moves: [{ name: "Grace Hopper" }] });
    // Saving the same mapping again writes nothing.
    const before = await tableFingerprints();
    expect((await sync({ csv: moved })).ok).toBe(true);
    expect((await db.importMapping.findMany({ where: { orgId: acme.org.id } })).length).toBe(1);
    const after = await tableFingerprints();
    expect(after.ImportMapping).toBe(before.ImportMapping);
  });

  it("departments go where the mapping says; an ignored one is listed apart and its joiner is not added", async () => {
    const departments = [
      { value: "eng", code: "ENG" },
      { value: "Platform", code: "IGNORE" },
      { value: "Design", code: "IGNORE" },
    ];
    const r = await sync({ mapping: { ...MAPPING, departments }, dryRun: true });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.data.ignoredDepartments).toEqual([
      { department: "Platform", rows: [3] },
      { department: "Design", rows: [4] },
    ]);
    expect(r.data.unmappedDepartments).toEqual([]);
    expect(r.data.joiners).toEqual([]);
    expect(r.data.skipped).toEqual([{ row: 4, employeeId: "E-103", reason: 'Department "Design" is ignored by the mapping' }]);
    expect(r.data.moves).toEqual([]);

    const gone = await sync({ mapping: { ...MAPPING, departments: [{ value: "Design", code: "NOPE" }] }, dryRun: true });
    expect(gone).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!gone.ok)
      expect(gone.fieldErrors?.file).toContain('Row 4: Dept "Design" is mapped to cost centre "NOPE", which is not an open org unit');
  });

  it("a file without a column its mapping names says it has another shape, and writes nothing", async () => {
    const before = await tableFingerprints();
    const renamed = OTHER.replace("Leaving Date", "Last Day").replace("Dept,", "Team,");
    const r = await sync({ csv: renamed });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!r.ok)
      expect(r.fieldErrors?.file).toEqual([
        'The file has no column "Dept" (department), "Leaving Date" (termination date) that the mapping names: it has another shape. Map this file\'s columns again.',
      ]);
    expect(await tableFingerprints()).toEqual(before);
  });

  it("bad rows are named by row and column with the value seen; nothing is written", async () => {
    const before = await tableFingerprints();
    const r = await sync({ dateFormat: "us" });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!r.ok) {
      expect(r.fieldErrors?.file).toContain('Row 3: Start Date "15/07/2022" is not a MM/DD/YYYY date (the format chosen)');
      expect(r.fieldErrors?.file).toContain('Row 5: Leaving Date "31/12/2026" is not a MM/DD/YYYY date (the format chosen)');
    }
    const noId = await sync({ mapping: { ...MAPPING, columns: { ...MAPPING.columns, employeeId: undefined } } });
    expect(noId).toMatchObject({ ok: false, fieldErrors: { file: ["The header names no column for: employee id (map a column to it)."] } });
    const twice = await sync({ mapping: { ...MAPPING, columns: { ...MAPPING.columns, title: "Dept" } } });
    expect(twice).toMatchObject({
      ok: false,
      fieldErrors: { "mapping.columns.department": ['Column "Dept" is already mapped to job title.'] },
    });
    expect(await tableFingerprints()).toEqual(before);
  });

  it("only a member with people:write across the org may sync; another org never sees this org's saved mapping", async () => {
    for (const m of [acme.members.manager, acme.members.finance, acme.members.viewer]) {
      expect(await sync({ dryRun: true }, m.user.id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect((await sync({})).ok).toBe(true);
    const globex = await createOrgWithRoles(db);
    const r = await sync({ mapping: undefined, dryRun: true }, globex.members.director.user.id, globex.org.slug);
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!r.ok) expect(r.fieldErrors?.file?.[0]).toMatch(/^The header names no column for: department/);
    expect(await listHrisMappings(globex.org.id)).toEqual([]);
  });

  it("an admin syncs people but may not fill positions (positions:write is a director's)", async () => {
    const admin = acme.members.admin.user.id;
    expect((await sync({ dryRun: true }, admin)).ok).toBe(true);
    const before = await tableFingerprints();
    expect(await sync({ fillPositions: true }, admin)).toMatchObject({
      ok: false,
      fieldErrors: { fillPositions: ["Filling positions needs permission to change positions across the org."] },
    });
    expect(await tableFingerprints()).toEqual(before);
    expect((await sync({ fillPositions: true })).ok).toBe(true);
  });
});

describe("pay through a saved mapping, from an API token", () => {
  // A header no preset knows holds pay: only the org's saved mapping says so.
  const withPay = (grace: string) =>
    OTHER.trim()
      .split("\n")
      .map((line, i) => `${line},${i === 0 ? "Base Salary" : line.startsWith("E-102,") ? grace : "150000.00"}`)
      .join("\n");
  const PAID_MAPPING = { ...MAPPING, columns: { ...MAPPING.columns, pay: "Base Salary" } };
  const post = async (scopes: string[], csv: string, dryRun: boolean) => {
    const token = await createApiToken(db, { orgId: acme.org.id, kind: "PERSONAL", userId: acme.members.director.user.id, scopes });
    return callApi("POST", "/people/sync", token.secret, {
      query: { dateFormat: "eu", ...(dryRun ? { dryRun: "true" } : {}) },
      headers: { "content-type": "text/csv" },
      body: csv,
    });
  };
  const gracesPay = async () => (await db.person.findUniqueOrThrow({ where: { id: people.grace.id } })).annualCompCents;

  beforeEach(async () => {
    // A director maps the file once in the dialog; the apply saves the mapping with its pay column.
    const saved = await sync({ csv: withPay("150000.00"), mapping: PAID_MAPPING });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
  });

  it("a token without compensation:read may not apply it: refused naming the column, pay unchanged", async () => {
    const before = await tableFingerprints();
    const res = await post(["people:write"], withPay("185000.00"), false);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.detail).toMatch(/^Column "Base Salary" holds pay/);
    expect(body.errors).toEqual([{ field: "file", messages: [body.detail] }]);
    expect(body.detail).toMatch(/compensation:read scope/);
    expect(await gracesPay()).toBe(15_000_000n);
    // Only the token itself (created, then its last use) changed.
    const after = await tableFingerprints();
    expect(Object.keys(after).filter((t) => after[t] !== before[t])).toEqual(["ApiToken"]);
  });

  it("a token without compensation:read learns nothing about pay from a dry run", async () => {
    const equal = await post(["people:write"], withPay("150000.00"), true);
    const other = await post(["people:write"], withPay("185000.00"), true);
    expect([equal.status, other.status]).toEqual([422, 422]);
    const [a, b] = [await equal.json(), await other.json()];
    expect(a).toEqual(b);
    expect(JSON.stringify(a)).not.toContain("payChanges");
  });

  it("a token with compensation:read, from a role that reads pay, applies it", async () => {
    const dry = await post(["people:write", "compensation:read"], withPay("185000.00"), true);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ mappedBy: "saved", payChanges: 1 });
    const res = await post(["people:write", "compensation:read"], withPay("185000.00"), false);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ mappedBy: "saved", payChanges: 1 });
    expect(await gracesPay()).toBe(18_500_000n);
  });
});
