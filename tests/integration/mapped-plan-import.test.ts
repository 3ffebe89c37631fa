import { readFile } from "node:fs/promises";
import path from "node:path";

import { beforeEach, describe, expect, it } from "vitest";

import { deleteActualsMapping, deletePlanMapping } from "@/lib/imports/delete-mapping";
import { checkMappedPlan, importMappedPlan } from "@/lib/imports/import-mapped-plan";
import type { LedgerMappingInput } from "@/lib/imports/ledger-mapping";
import { listLedgerMappings } from "@/lib/imports/queries";
import { uploadCsv } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

// A budget spreadsheet (public/samples/budget-spreadsheet.csv) imported through a mapping: check
// writes nothing, import goes through the one plan import (ImportBatch, same-cell refusal), the
// mapping is saved per org and shape and reused, a file of another shape is refused by name, bad
// rows are listed by row with nothing written, and only the org's plan writers get in. Saved
// mappings can be deleted by whoever may import their kind.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;
let sheet: string;

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
  sheet = await readFile(path.resolve(import.meta.dirname, "../../public/samples/budget-spreadsheet.csv"), "utf8");
});

const mapping = (): LedgerMappingInput => ({
  encoding: "utf-8",
  dateFormat: "DMY",
  columns: { date: "Period", account: "GL account", costCentre: "Department", amount: "Budget" },
  accounts: [
    { value: "6100 Software Subscriptions", category: "SOFTWARE" },
    { value: "6200 Travel", category: "TRAVEL" },
    { value: "6300 Cloud Hosting", category: "CLOUD" },
    { value: "6400 Contractors", category: "CONTRACTORS" },
    { value: "4000 Consulting Revenue", category: "IGNORE" },
  ],
  costCentres: [
    { value: "Platform", code: acme.units.teamA.code },
    { value: "Autonomy", code: acme.units.teamB.code },
  ],
});

const finance = () => acme.members.finance.user.id;
const planSum = async (orgId: string) =>
  (await db.budgetLine.aggregate({ where: { orgId }, _sum: { amountCents: true } }))._sum.amountCents;

describe("mapped plan import", () => {
  it("checks without writing a plan line, then imports through the one plan import", async () => {
    const uploadId = await uploadCsv(sheet);
    const checked = await checkMappedPlan.run(finance(), acme.org.slug, { uploadId, fileName: "budget.csv", mapping: mapping() });
    expect(checked).toMatchObject({ ok: true, data: { mode: "check", rowCount: 7, summaryRows: 1, ignoredRows: 1 } });
    expect(await db.budgetLine.count()).toBe(0);
    expect(await db.importBatch.count()).toBe(0);

    const imported = await importMappedPlan.run(finance(), acme.org.slug, { uploadId, fileName: "budget.csv", mapping: mapping() });
    expect(imported).toMatchObject({ ok: true, data: { mode: "import", rowCount: 7, insertedCount: 7, summaryRows: 1, ignoredRows: 1 } });
    expect(await planSum(acme.org.id)).toBe(1_250_000n + 900_000n + 200_000n + 1_250_000n - 120_000n + 420_000n + 420_000n);
    const nov = await db.budgetLine.findFirstOrThrow({
      where: { orgId: acme.org.id, orgUnitId: acme.units.teamA.id, category: "CLOUD", month: new Date("2026-11-01") },
      select: { amountCents: true },
    });
    expect(nov.amountCents).toBe(900_000n);
    const batch = await db.importBatch.findFirstOrThrow({
      where: { orgId: acme.org.id },
      select: { kind: true, fileName: true, rowCount: true },
    });
    expect(batch).toEqual({ kind: "BUDGET", fileName: "budget.csv", rowCount: 7 });
    const audits = await db.auditEvent.findMany({
      where: { orgId: acme.org.id, action: "budgets.import.mapped" },
      select: { entityType: true },
    });
    expect(audits.map((a) => a.entityType).sort()).toEqual(["ImportBatch", "ImportMapping"]);

    // Importing again replaces the same cells: the plan does not double.
    await importMappedPlan.run(finance(), acme.org.slug, { uploadId, fileName: "budget.csv", mapping: mapping() });
    expect(await db.budgetLine.count({ where: { orgId: acme.org.id } })).toBe(7);
  });

  it("saves the mapping per org, kind and file shape, and the next file of that shape takes it as is", async () => {
    await checkMappedPlan.run(finance(), acme.org.slug, { uploadId: await uploadCsv(sheet), fileName: "b.csv", mapping: mapping() });
    const saved = await listLedgerMappings(acme.org.id, "BUDGET");
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      signature: "period|department|glaccount|budget",
      header: ["Period", "Department", "GL account", "Budget"],
    });
    expect(await listLedgerMappings(acme.org.id, "ACTUALS")).toEqual([]);
    expect(await listLedgerMappings(globex.org.id, "BUDGET")).toEqual([]);

    const next = sheet.replaceAll("2026", "2027");
    const r = await importMappedPlan.run(finance(), acme.org.slug, {
      uploadId: await uploadCsv(next),
      fileName: "fy28.csv",
      mapping: saved[0].mapping,
    });
    expect(r).toMatchObject({ ok: true, data: { insertedCount: 7, mappingId: saved[0].id } });
    expect(await db.importMapping.count()).toBe(1);
  });

  it("refuses a file whose shape does not match the mapping, naming the missing columns, writing nothing", async () => {
    const before = await rowCounts();
    const r = await importMappedPlan.run(finance(), acme.org.slug, {
      uploadId: await uploadCsv("Month,Cost centre,Account,Amount\nNov 2026,Platform,6200 Travel,10\n"),
      fileName: "x.csv",
      mapping: mapping(),
    });
    expect(r).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { mapping: [expect.stringMatching(/"Period", "GL account", "Department", "Budget".*map its columns again/)] },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("lists every bad row by number with its column and value, and the same cell twice, writing nothing", async () => {
    const m = mapping();
    m.accounts = m.accounts.filter((a) => a.value !== "6200 Travel");
    const bad = sheet
      .replace('Dec 2026,Platform,6100 Software Subscriptions,"12,500.00"', 'Nov 2026,Platform,6100 Software Subscriptions,"12,500.00"')
      .replace('Jan 2027,Autonomy,6400 Contractors,"4,200.00"', 'Jan 2027,Autonomy,6400 Contractors,"4.200,00"');
    const before = await rowCounts();
    for (const action of [checkMappedPlan, importMappedPlan]) {
      const r = await action.run(finance(), acme.org.slug, { uploadId: await uploadCsv(bad), fileName: "b.csv", mapping: m });
      expect(r).toMatchObject({
        ok: false,
        code: "VALIDATION",
        fieldErrors: {
          unmapped: ['Account (→ category): "6200 Travel"'],
          unmappedAccount: ["6200 Travel"],
          file: [
            'Row 6: column "GL account": "6200 Travel" is not mapped to a category (map it or choose Ignore)',
            "Row 8: the same cost centre, category and month as row 4",
            'Row 11: column "Budget": "4.200,00" is not an amount like 1,234.56',
          ],
        },
      });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses roles without budgets:write and other orgs' members; another org's cost centre is none", async () => {
    const uploadId = await uploadCsv(sheet);
    const before = await rowCounts();
    for (const who of ["viewer", "manager"] as const) {
      const r = await importMappedPlan.run(acme.members[who].user.id, acme.org.slug, { uploadId, fileName: "b.csv", mapping: mapping() });
      expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    const foreign = await checkMappedPlan.run(globex.members.finance.user.id, acme.org.slug, {
      uploadId,
      fileName: "b.csv",
      mapping: mapping(),
    });
    expect(foreign.ok).toBe(false);
    const own = await importMappedPlan.run(globex.members.finance.user.id, globex.org.slug, {
      uploadId,
      fileName: "b.csv",
      mapping: mapping(),
    });
    expect(own).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(JSON.stringify(own)).toContain(`maps to cost centre \\"${acme.units.teamA.code}\\", which is not an open org unit`);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("deleting a saved mapping", () => {
  async function savedPlanMapping() {
    await checkMappedPlan.run(finance(), acme.org.slug, { uploadId: await uploadCsv(sheet), fileName: "b.csv", mapping: mapping() });
    return (await listLedgerMappings(acme.org.id, "BUDGET"))[0];
  }

  it("deletes it for whoever may import its kind, audited, and the next file is mapped afresh", async () => {
    const m = await savedPlanMapping();
    const r = await deletePlanMapping.run(finance(), acme.org.slug, { id: m.id });
    expect(r).toMatchObject({ ok: true, data: { id: m.id } });
    expect(await listLedgerMappings(acme.org.id, "BUDGET")).toEqual([]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { orgId: acme.org.id, action: "budgets.import.mapping.delete" },
      select: { entityId: true, entityType: true },
    });
    expect(audit).toEqual({ entityId: m.id, entityType: "ImportMapping" });
  });

  it("refuses a role without the kind's import permission, another org, and another kind's action", async () => {
    const m = await savedPlanMapping();
    for (const who of ["viewer", "manager"] as const)
      expect(await deletePlanMapping.run(acme.members[who].user.id, acme.org.slug, { id: m.id })).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
    // Globex's finance, in Globex, naming Acme's mapping: not found.
    expect(await deletePlanMapping.run(globex.members.finance.user.id, globex.org.slug, { id: m.id })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await deletePlanMapping.run(globex.members.finance.user.id, acme.org.slug, { id: m.id })).toMatchObject({ ok: false });
    // The ledger's delete does not reach a plan mapping.
    expect(await deleteActualsMapping.run(finance(), acme.org.slug, { id: m.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.importMapping.count()).toBe(1);
  });
});
