import { beforeEach, describe, expect, it } from "vitest";

import { checkMappedActuals, importMappedActuals } from "@/lib/imports/import-mapped-actuals";
import { checkMappedPlan, importMappedPlan } from "@/lib/imports/import-mapped-plan";
import { importMappedPositions } from "@/lib/imports/import-mapped-positions";
import type { LedgerMappingInput } from "@/lib/imports/ledger-mapping";
import { listLedgerMappings } from "@/lib/imports/queries";
import { uploadCsv } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { refused, resetDb, testDb } from "@/tests/support/db";

// "Create a new unit" for a department value of a mapped import (lib/imports/mapped-units.ts):
// made by the org tree's own createUnitInTx inside the import's transaction, audited as the tree's
// own unit creation, only for members who may change the org tree; a check meets the same
// refusals and writes no unit; a refused import (a bad row further down) leaves no unit behind;
// the saved mapping then maps the value onto the new unit's code, so the next file creates nothing.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
});

const GL = [
  "Acme Robotics",
  "General Ledger Detail, November 2026",
  '"Date","Account","Department","Memo","Debit","Credit"',
  '"11/03/2026","6100 Software","Platform","GitHub","12,450.00",""',
  '"11/05/2026","6100 Software","R&D","Prototype licences","1,820.40",""',
  '"11/06/2026","6100 Software","R & D","Second licence","100.00",""',
  '"","Total","","","14,370.40",""',
].join("\r\n");

/** The GL file's mapping: "R&D" a new unit under the division (or `create`), "R & D" onto the same new unit. */
const mapping = (create: Partial<{ parentId: string; name: string; code: string }> = {}): LedgerMappingInput => ({
  encoding: "utf-8",
  dateFormat: "MDY",
  columns: { date: "Date", account: "Account", costCentre: "Department", memo: "Memo", debit: "Debit", credit: "Credit" },
  accounts: [{ value: "6100 Software", category: "SOFTWARE" }],
  costCentres: [
    { value: "Platform", code: acme.units.teamA.code },
    {
      value: "R&D",
      code: create.code ?? "R-D",
      create: { parentId: create.parentId ?? acme.units.division.id, name: create.name ?? "R&D", kind: "DEPARTMENT" },
    },
    { value: "R & D", code: create.code ?? "R-D" },
  ],
});

const director = () => acme.members.director.user.id;
const unitsCount = () => db.orgUnit.count({ where: { orgId: acme.org.id } });

describe("a new unit from a mapped import", () => {
  it("is created under the chosen parent in the import's transaction, audited as the org tree's, and the saved mapping maps onto it", async () => {
    const r = await importMappedActuals.run(director(), acme.org.slug, {
      uploadId: await uploadCsv(GL),
      fileName: "gl.csv",
      mapping: mapping(),
    });
    expect(r).toMatchObject({ ok: true, data: { mode: "import", rowCount: 3, insertedCount: 3 } });
    const unit = await db.orgUnit.findFirstOrThrow({
      where: { orgId: acme.org.id, code: "R-D" },
      select: { id: true, name: true, kind: true, parentId: true, depth: true },
    });
    expect(unit).toMatchObject({ name: "R&D", kind: "DEPARTMENT", parentId: acme.units.division.id, depth: acme.units.division.depth + 1 });
    // The tree's own bookkeeping: closure rows up to the root, a first history period.
    expect(await db.orgUnitClosure.count({ where: { orgId: acme.org.id, descendantId: unit.id } })).toBe(2);
    expect(await db.orgUnitHistory.count({ where: { orgId: acme.org.id, unitId: unit.id } })).toBe(1);
    // Both department values' lines are on it.
    expect(await db.actualEntry.count({ where: { orgId: acme.org.id, orgUnitId: unit.id } })).toBe(2);
    // Audited as the org tree's own unit creation, by the importer, tagged with the file.
    const audit = await db.auditEvent.findMany({
      where: { orgId: acme.org.id, action: "org-unit.create", entityId: unit.id },
      select: { actorId: true, entityType: true, after: true },
    });
    expect(audit).toEqual([
      {
        actorId: director(),
        entityType: "OrgUnit",
        after: expect.objectContaining({ code: "R-D", name: "R&D", importFile: "gl.csv", importValue: "R&D" }),
      },
    ]);

    // Saved with the plain code: the next file of the shape maps onto the unit, creating nothing.
    const [saved] = await listLedgerMappings(acme.org.id);
    expect(saved.mapping.costCentres.find((c) => c.value === "R&D")).toEqual({ value: "R&D", code: "R-D" });
    const december = GL.replaceAll("11/0", "12/0");
    const next = await importMappedActuals.run(director(), acme.org.slug, {
      uploadId: await uploadCsv(december),
      fileName: "dec.csv",
      mapping: saved.mapping,
    });
    expect(next).toMatchObject({ ok: true, data: { insertedCount: 3 } });
    expect(await db.orgUnit.count({ where: { orgId: acme.org.id, code: "R-D" } })).toBe(1);
    expect(await db.actualEntry.count({ where: { orgId: acme.org.id, orgUnitId: unit.id } })).toBe(4);
  });

  it("is refused to a member who may import but not change the org tree, writing nothing", async () => {
    const uploadId = await uploadCsv(GL);
    for (const run of [checkMappedActuals, importMappedActuals]) {
      const r = await refused(() =>
        run.run(acme.members.finance.user.id, acme.org.slug, { uploadId, fileName: "gl.csv", mapping: mapping() }),
      );
      expect(r).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
        message: expect.stringMatching(/needs permission to change the org tree.*Map "R&D" to existing cost centres or Ignore it/),
        fieldErrors: { costCentres: ['New unit for "R&D": only members who may change the org tree can create units.'] },
      });
    }
    // The same file mapped onto existing units only goes in for them.
    const m = mapping();
    m.costCentres = [
      { value: "Platform", code: acme.units.teamA.code },
      { value: "R&D", code: acme.units.teamB.code },
      { value: "R & D", code: "IGNORE" },
    ];
    expect(
      await importMappedActuals.run(acme.members.finance.user.id, acme.org.slug, { uploadId, fileName: "gl.csv", mapping: m }),
    ).toMatchObject({
      ok: true,
      data: { insertedCount: 2 },
    });
  });

  it("refuses a code already in use (closed units and any case included), naming the value, and writes nothing", async () => {
    await db.orgUnit.update({ where: { id: acme.units.teamB.id }, data: { code: "r-d", closedOn: new Date("2026-01-01") } });
    const uploadId = await uploadCsv(GL);
    const r = await refused(() => importMappedActuals.run(director(), acme.org.slug, { uploadId, fileName: "gl.csv", mapping: mapping() }));
    expect(r).toMatchObject({
      ok: false,
      code: "VALIDATION",
      message: "A new unit the mapping asks for cannot be created, so nothing was imported.",
      fieldErrors: {
        costCentres: [`New unit for "R&D" (R-D): its code: The code r-d is already used by ${acme.units.teamB.name} (closed).`],
      },
    });
  });

  it("refuses a parent of another org (or none at all) as a unit that does not exist, and writes nothing", async () => {
    for (const parentId of [globex.units.division.id, "no-such-unit"]) {
      const uploadId = await uploadCsv(GL);
      const r = await refused(() =>
        importMappedActuals.run(director(), acme.org.slug, {
          uploadId,
          fileName: "gl.csv",
          mapping: mapping({ parentId }),
        }),
      );
      expect(r).toMatchObject({
        ok: false,
        code: "VALIDATION",
        fieldErrors: { costCentres: ['New unit for "R&D" (R-D): its parent unit: That org unit does not exist.'] },
      });
    }
    expect(await db.orgUnit.count({ where: { orgId: globex.org.id, code: "R-D" } })).toBe(0);
  });

  it("is checked like the import (its refusals included) and not written by a check", async () => {
    const units = await unitsCount();
    const closure = await db.orgUnitClosure.count();
    const checked = await checkMappedActuals.run(director(), acme.org.slug, {
      uploadId: await uploadCsv(GL),
      fileName: "gl.csv",
      mapping: mapping(),
    });
    expect(checked).toMatchObject({ ok: true, data: { mode: "check", rowCount: 3 } });
    expect(await unitsCount()).toBe(units);
    expect(await db.orgUnitClosure.count()).toBe(closure);
    expect(await db.auditEvent.count({ where: { orgId: acme.org.id, action: "org-unit.create" } })).toBe(0);
    expect(await db.actualEntry.count()).toBe(0);
    // The check saves the mapping as sent: the new unit is still to be created by the import.
    const [saved] = await listLedgerMappings(acme.org.id);
    expect(saved.mapping.costCentres.find((c) => c.value === "R&D")).toMatchObject({
      code: "R-D",
      create: { parentId: acme.units.division.id },
    });

    // A check meets the refusal the import would, naming the value; nothing written.
    const again = await uploadCsv(GL);
    const clash = await refused(() =>
      checkMappedActuals.run(director(), acme.org.slug, {
        uploadId: again,
        fileName: "gl.csv",
        mapping: mapping({ code: acme.units.teamA.code }),
      }),
    );
    expect(clash).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { costCentres: [expect.stringMatching(/^New unit for "R&D" .*already used by/)] },
    });

    // The plan's check (its own savepoint inside) likewise.
    const plan = "Period,Department,GL account,Budget\r\nNov 2026,R&D,6100 Software,500.00\r\n";
    const m = { ...mapping(), columns: { date: "Period", account: "GL account", costCentre: "Department", amount: "Budget" } };
    expect(
      await checkMappedPlan.run(director(), acme.org.slug, { uploadId: await uploadCsv(plan), fileName: "plan.csv", mapping: m }),
    ).toMatchObject({
      ok: true,
      data: { mode: "check", rowCount: 1 },
    });
    expect(await unitsCount()).toBe(units);
    expect(await db.budgetLine.count()).toBe(0);
  });

  it("is not left behind when a row further down refuses the import", async () => {
    const uploadId = await uploadCsv(`${GL}\r\n"11/31/2026","6100 Software","R&D","No such day","5.00",""`);
    const r = await refused(() => importMappedActuals.run(director(), acme.org.slug, { uploadId, fileName: "gl.csv", mapping: mapping() }));
    expect(r).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { file: [expect.stringMatching(/^Row 8: column "Date": "11\/31\/2026"/)] },
    });
    expect(await db.orgUnit.count({ where: { code: "R-D" } })).toBe(0);
  });

  it("works for the plan and the hiring plan too", async () => {
    const plan = "Period,Department,GL account,Budget\r\nNov 2026,R&D,6100 Software,500.00\r\nDec 2026,R & D,6100 Software,600.00\r\n";
    const m = { ...mapping(), columns: { date: "Period", account: "GL account", costCentre: "Department", amount: "Budget" } };
    expect(
      await importMappedPlan.run(director(), acme.org.slug, { uploadId: await uploadCsv(plan), fileName: "plan.csv", mapping: m }),
    ).toMatchObject({
      ok: true,
      data: { mode: "import", rowCount: 2 },
    });
    const rd = await db.orgUnit.findFirstOrThrow({ where: { orgId: acme.org.id, code: "R-D" }, select: { id: true } });
    expect(await db.budgetLine.count({ where: { orgId: acme.org.id, orgUnitId: rd.id } })).toBe(2);

    const hires = 'Role,Level,Team,Start date,Salary\r\nRobotics Engineer,IC3,Perception,02/01/2027,"150,000.00"\r\n';
    const r = await importMappedPositions.run(director(), acme.org.slug, {
      uploadId: await uploadCsv(hires),
      fileName: "hires.csv",
      mapping: {
        encoding: "utf-8",
        dateFormat: "MDY",
        columns: { title: "Role", level: "Level", costCentre: "Team", date: "Start date", amount: "Salary" },
        accounts: [],
        costCentres: [{ value: "Perception", code: "PERCEPTION", create: { parentId: rd.id, name: "Perception", kind: "TEAM" } }],
      },
    });
    expect(r).toMatchObject({ ok: true, data: { created: 1 } });
    const team = await db.orgUnit.findFirstOrThrow({
      where: { orgId: acme.org.id, code: "PERCEPTION" },
      select: { id: true, parentId: true },
    });
    expect(team.parentId).toBe(rd.id);
    expect(await db.position.count({ where: { orgId: acme.org.id, orgUnitId: team.id, status: "PLANNED" } })).toBe(1);
    // A manager may import a hiring plan in their part of the org, but not create units.
    const scoped = await importMappedPositions.run(acme.members.manager.user.id, acme.org.slug, {
      uploadId: await uploadCsv(hires.replaceAll("Perception", "Vision")),
      fileName: "hires.csv",
      mapping: {
        encoding: "utf-8",
        dateFormat: "MDY",
        columns: { title: "Role", level: "Level", costCentre: "Team", date: "Start date", amount: "Salary" },
        accounts: [],
        costCentres: [{ value: "Vision", code: "VISION", create: { parentId: acme.units.deptA.id, name: "Vision", kind: "TEAM" } }],
      },
    });
    expect(scoped).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.orgUnit.count({ where: { code: "VISION" } })).toBe(0);
  });
});
