import { beforeEach, describe, expect, it } from "vitest";

import { importHiringPlan } from "@/lib/headcount/import-hiring-plan";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
});

const header = "Title,Level,Org unit code,Target start,Annual compensation";

describe("hiring-plan import", () => {
  it("creates planned positions budgeted in the quarter of their target start, with a batch and an audit event", async () => {
    await db.organization.update({ where: { id: acme.org.id }, data: { fiscalYearStartMonth: 2 } });
    const csv = [
      header,
      `Senior Engineer,IC3,${acme.units.teamA.code},2026-01-31,"185,000.00"`,
      `Staff Engineer,IC4,${acme.units.teamB.code.toLowerCase()},2026-02-01,210000`,
    ].join("\n");
    const result = await importHiringPlan.run(acme.members.director.user.id, acme.org.slug, { csv, fileName: "plan.csv" });
    expect(result).toMatchObject({ ok: true, data: { created: 2 } });
    const rows = await db.position.findMany({ where: { orgId: acme.org.id }, orderBy: { title: "asc" } });
    expect(rows.map((r) => [r.title, r.status, r.orgUnitId, r.budgetFiscalYear, r.budgetFiscalQuarter, r.annualCompCents])).toEqual([
      ["Senior Engineer", "PLANNED", acme.units.teamA.id, 2026, 4, 18_500_000n],
      ["Staff Engineer", "PLANNED", acme.units.teamB.id, 2027, 1, 21_000_000n],
    ]);
    expect(await db.importBatch.count({ where: { orgId: acme.org.id, kind: "HIRING_PLAN", insertedCount: 2 } })).toBe(1);
    expect(await db.auditEvent.count({ where: { orgId: acme.org.id, action: "hiring-plan.import" } })).toBe(1);
  });

  it("writes nothing when any row is bad, and names every bad row by its line", async () => {
    const csv = [
      header,
      `Good Row,IC3,${acme.units.teamA.code},2026-03-01,150000`,
      `X,,NOPE,2026-13-01,abc`,
      `Another Good,IC3,${acme.units.teamA.code},2026-03-01,150000`,
      `Foreign Unit,IC3,${globex.units.teamA.code},2026-03-01,-5`,
    ].join("\n");
    const before = await rowCounts();
    const result = await importHiringPlan.run(acme.members.director.user.id, acme.org.slug, { csv, fileName: "plan.csv" });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (result.ok) return;
    expect(result.message).toMatch(/Nothing was imported: 2 rows have errors/);
    expect(result.fieldErrors?.file).toHaveLength(2);
    expect(result.fieldErrors?.file?.[0]).toMatch(
      /^Row 3: title .*; level .*; org unit code "NOPE" does not exist; target start "2026-13-01" .*; annual compensation "abc"/,
    );
    expect(result.fieldErrors?.file?.[1]).toMatch(/^Row 5: org unit code ".*" does not exist; annual compensation "-5"/);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a file with missing columns, and rows outside a MANAGER's scope, writing nothing", async () => {
    const before = await rowCounts();
    const noColumns = await importHiringPlan.run(acme.members.director.user.id, acme.org.slug, {
      csv: "title,level\nA,IC3\n",
      fileName: "x.csv",
    });
    expect(noColumns).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!noColumns.ok) expect(noColumns.fieldErrors?.file?.[0]).toMatch(/Missing: orgUnitCode, targetStart, annualCompensation/);
    const csv = [
      header,
      `In Scope,IC3,${acme.units.teamA.code},2026-03-01,150000`,
      `Out Of Scope,IC3,${acme.units.teamB.code},2026-03-01,150000`,
    ].join("\n");
    const scoped = await importHiringPlan.run(acme.members.manager.user.id, acme.org.slug, { csv, fileName: "x.csv" });
    expect(scoped).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!scoped.ok)
      expect(scoped.fieldErrors?.file).toEqual([
        expect.stringMatching(/^Row 3: org unit .* is outside the part of the organization you manage\.$/),
      ]);
    expect(await importHiringPlan.run(acme.members.finance.user.id, acme.org.slug, { csv, fileName: "x.csv" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("reads the file with the shared CSV reader: row numbers, quoting, shape and header errors keep this import's wording", async () => {
    const unit = acme.units.teamA.code;
    const before = await rowCounts();
    const run = (csv: string) => importHiringPlan.run(acme.members.director.user.id, acme.org.slug, { csv, fileName: "x.csv" });
    const fileErrors = async (csv: string) => {
      const result = await run(csv);
      expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
      return result.ok ? [] : (result.fieldErrors?.file ?? []);
    };
    // A quoted line break stays in its cell and blank lines are skipped: the bad row is the
    // fourth row of the file as a spreadsheet counts it (header = row 1).
    const rows = [
      header,
      `"Two-line\ntitle",IC3,${unit},2026-03-01,150000`,
      "",
      `Ok Title,IC3,${unit},2026-03-01,150000`,
      `Bad Title,IC3,${unit},2026-03-01,150000,extra`,
    ];
    expect(await fileErrors(`\uFEFF${rows.join("\r\n")}`)).toEqual([
      "Row 4: has more cells than the header (a comma or a line break outside quotes?).",
    ]);
    expect(
      await fileErrors(
        `Title,Level,Org unit code,Org_Unit_Code,Target start,Annual compensation\nA title,IC3,${unit},${unit},2026-03-01,1`,
      ),
    ).toEqual([expect.stringMatching(/^The header must name these columns once each: .* Named twice: orgUnitCode\.$/)]);
    expect(await fileErrors(`${header}\n`)).toEqual(["The file has no rows."]);
    expect(await fileErrors([header, ...Array.from({ length: 1001 }, () => `Engineer,IC3,${unit},2026-03-01,150000`)].join("\n"))).toEqual([
      "At most 1000 rows per file.",
    ]);
    expect(await rowCounts()).toEqual(before);
    // The same file without the bad row is accepted, the two-line title intact.
    expect(await run(rows.slice(0, 4).join("\r\n"))).toMatchObject({ ok: true, data: { created: 2 } });
    expect(
      (await db.position.findMany({ where: { orgId: acme.org.id }, select: { title: true }, orderBy: { title: "asc" } })).map(
        (p) => p.title,
      ),
    ).toEqual(["Ok Title", "Two-line\ntitle"]);
  });
});
