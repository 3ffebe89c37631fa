import { readFile } from "node:fs/promises";
import path from "node:path";

import { beforeEach, describe, expect, it } from "vitest";

import { deletePlanMapping, deletePositionsMapping } from "@/lib/imports/delete-mapping";
import { checkMappedPositions, importMappedPositions } from "@/lib/imports/import-mapped-positions";
import type { LedgerMappingInput } from "@/lib/imports/ledger-mapping";
import { listLedgerMappings } from "@/lib/imports/queries";
import { uploadCsv } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

// A recruiting spreadsheet (public/samples/recruiting-plan.csv) imported through a mapping: check
// writes nothing, import goes through the one hiring-plan import (planned positions, ImportBatch,
// the importer's scope), the mapping is saved per org and shape and reused, a file of another
// shape is refused by name, bad rows are listed by row with nothing written.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;
let sheet: string;

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
  sheet = await readFile(path.resolve(import.meta.dirname, "../../public/samples/recruiting-plan.csv"), "utf8");
});

const mapping = (): LedgerMappingInput => ({
  encoding: "utf-8",
  dateFormat: "MDY",
  columns: { title: "Role", level: "Level", costCentre: "Team", date: "Start date", amount: "Salary" },
  accounts: [],
  costCentres: [
    { value: "Platform", code: acme.units.teamA.code },
    { value: "Autonomy", code: acme.units.teamB.code },
  ],
});
const director = () => acme.members.director.user.id;

describe("mapped hiring-plan import", () => {
  it("checks without writing, then imports planned positions through the one hiring-plan import", async () => {
    const uploadId = await uploadCsv(sheet);
    const checked = await checkMappedPositions.run(director(), acme.org.slug, { uploadId, fileName: "hires.csv", mapping: mapping() });
    expect(checked).toMatchObject({ ok: true, data: { mode: "check", rowCount: 3, summaryRows: 1 } });
    expect(await db.position.count({ where: { orgId: acme.org.id, status: "PLANNED" } })).toBe(0);
    expect(await db.importBatch.count()).toBe(0);

    const imported = await importMappedPositions.run(director(), acme.org.slug, { uploadId, fileName: "hires.csv", mapping: mapping() });
    expect(imported).toMatchObject({ ok: true, data: { mode: "import", created: 3 } });
    const rows = await db.position.findMany({
      where: { orgId: acme.org.id, status: "PLANNED" },
      orderBy: { targetStartDate: "asc" },
      select: { title: true, level: true, orgUnitId: true, targetStartDate: true, annualCompCents: true },
    });
    expect(rows.map((r) => [r.title, r.level, r.orgUnitId, r.targetStartDate?.toISOString().slice(0, 10), r.annualCompCents])).toEqual([
      ["Senior Platform Engineer", "IC4", acme.units.teamA.id, "2027-01-11", 17_200_000n],
      ["Robotics Engineer", "IC3", acme.units.teamB.id, "2027-02-01", 14_850_000n],
      ["Perception Engineer", "IC3", acme.units.teamB.id, "2027-03-15", 15_100_000n],
    ]);
    expect(await db.importBatch.findFirstOrThrow({ select: { kind: true } })).toEqual({ kind: "HIRING_PLAN" });
    const audits = await db.auditEvent.findMany({
      where: { orgId: acme.org.id, action: "hiring-plan.import.mapped" },
      select: { entityType: true },
    });
    expect(audits.map((a) => a.entityType).sort()).toEqual(["ImportBatch", "ImportMapping"]);

    // Saved for this shape and kind only, and reused as is for the next file of that shape.
    const saved = await listLedgerMappings(acme.org.id, "HIRING_PLAN");
    expect(saved.map((m) => m.signature)).toEqual(["role|level|team|startdate|salary"]);
    expect(await listLedgerMappings(acme.org.id, "BUDGET")).toEqual([]);
    const again = await importMappedPositions.run(director(), acme.org.slug, {
      uploadId: await uploadCsv(sheet.replaceAll("2027", "2028")),
      fileName: "h2.csv",
      mapping: saved[0].mapping,
    });
    expect(again).toMatchObject({ ok: true, data: { created: 3, mappingId: saved[0].id } });
  });

  it("refuses another shape naming its missing columns, and bad rows by number, writing nothing", async () => {
    const before = await rowCounts();
    const other = await importMappedPositions.run(director(), acme.org.slug, {
      uploadId: await uploadCsv("Title,Grade,Team,Start,Pay\nA,IC3,Platform,01/01/2027,1\n"),
      fileName: "x.csv",
      mapping: mapping(),
    });
    expect(other).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { mapping: [expect.stringMatching(/"Start date", "Salary", "Role", "Level".*map its columns again/)] },
    });
    const bad = sheet.replace("03/15/2027", "15/03/2027").replace('"148,500.00"', '"-5"').replace("Senior Platform Engineer", "X");
    const r = await importMappedPositions.run(director(), acme.org.slug, {
      uploadId: await uploadCsv(bad),
      fileName: "b.csv",
      mapping: mapping(),
    });
    expect(r).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        file: [
          "Row 4: title must be 2–120 characters.",
          'Row 5: annual compensation "-5.00" is not a positive amount.',
          'Row 6: column "Start date": "15/03/2027" is not a date in US (MM/DD/YYYY).',
        ],
      },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("keeps a manager within their scope, and refuses finance and other orgs", async () => {
    const uploadId = await uploadCsv(sheet);
    const before = await rowCounts();
    const scoped = await importMappedPositions.run(acme.members.manager.user.id, acme.org.slug, {
      uploadId,
      fileName: "h.csv",
      mapping: mapping(),
    });
    expect(scoped).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(JSON.stringify(scoped)).toContain("is outside the part of the organization you manage");
    for (const who of ["finance", "viewer"] as const)
      expect(
        await importMappedPositions.run(acme.members[who].user.id, acme.org.slug, { uploadId, fileName: "h.csv", mapping: mapping() }),
      ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(
      await checkMappedPositions.run(globex.members.director.user.id, acme.org.slug, { uploadId, fileName: "h.csv", mapping: mapping() }),
    ).toMatchObject({ ok: false });
    const own = await importMappedPositions.run(globex.members.director.user.id, globex.org.slug, {
      uploadId,
      fileName: "h.csv",
      mapping: mapping(),
    });
    expect(JSON.stringify(own)).toContain("which is not an open org unit");
    expect(await rowCounts()).toEqual(before);
  });

  it("deletes a saved hiring-plan mapping only for positions writers of its org and kind", async () => {
    await checkMappedPositions.run(director(), acme.org.slug, { uploadId: await uploadCsv(sheet), fileName: "h.csv", mapping: mapping() });
    const [m] = await listLedgerMappings(acme.org.id, "HIRING_PLAN");
    expect(await deletePositionsMapping.run(acme.members.finance.user.id, acme.org.slug, { id: m.id })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await deletePositionsMapping.run(globex.members.director.user.id, globex.org.slug, { id: m.id })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await deletePlanMapping.run(director(), acme.org.slug, { id: m.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await deletePositionsMapping.run(director(), acme.org.slug, { id: m.id })).toMatchObject({ ok: true });
    expect(await db.importMapping.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { orgId: acme.org.id, action: "hiring-plan.import.mapping.delete" } })).toBe(1);
  });
});
