import { readFile } from "node:fs/promises";
import path from "node:path";

import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";

import { checkMappedActuals, importMappedActuals } from "@/lib/imports/import-mapped-actuals";
import { listLedgerMappings } from "@/lib/imports/queries";
import type { LedgerMappingInput } from "@/lib/imports/ledger-mapping";
import { uploadCsv } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, tableFingerprints, testDb } from "@/tests/support/db";
import { expectClearFailure, fuzzRuns, HOSTILE_STRINGS, seedFor } from "@/tests/support/fuzz";

// A QuickBooks GL detail export (public/samples/, the file from issue 25) through a mapping:
// check, import, mapping saved and reused for the next file of the same shape, values mapped,
// any bad row writing nothing, and nobody but the org's finance writers getting in.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;
let gl: string;

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
  gl = await readFile(path.resolve(import.meta.dirname, "../../public/samples/quickbooks-gl-detail.csv"), "utf8");
});

const mapping = (): LedgerMappingInput => ({
  encoding: "utf-8",
  dateFormat: "MDY",
  columns: { date: "Date", account: "Account", costCentre: "Department", memo: "Memo", debit: "Debit", credit: "Credit" },
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
    { value: "Engineering", code: acme.units.division.code },
  ],
});

const finance = () => acme.members.finance.user.id;
const ledgerSum = async (orgId: string) =>
  (await db.actualEntry.aggregate({ where: { orgId }, _sum: { amountCents: true } }))._sum.amountCents;

describe("mapped ledger import", () => {
  it("checks without writing a line, then imports the GL detail file through the one ledger import", async () => {
    const uploadId = await uploadCsv(gl);
    const checked = await checkMappedActuals.run(finance(), acme.org.slug, { uploadId, fileName: "gl.csv", mapping: mapping() });
    expect(checked).toMatchObject({ ok: true, data: { mode: "check", rowCount: 5, summaryRows: 1, ignoredRows: 1 } });
    expect(await db.actualEntry.count()).toBe(0);
    expect(await db.importBatch.count()).toBe(0);

    const imported = await importMappedActuals.run(finance(), acme.org.slug, { uploadId, fileName: "gl.csv", mapping: mapping() });
    expect(imported).toMatchObject({ ok: true, data: { mode: "import", rowCount: 5, insertedCount: 5 } });
    expect(await ledgerSum(acme.org.id)).toBe(1_245_000n + 182_040n - 45_000n + 893_117n + 420_000n);
    const byUnit = await db.actualEntry.groupBy({ by: ["orgUnitId"], where: { orgId: acme.org.id }, _count: true });
    expect(new Map(byUnit.map((g) => [g.orgUnitId, g._count]))).toEqual(
      new Map([
        [acme.units.teamA.id, 3],
        [acme.units.teamB.id, 2],
      ]),
    );
    // The ledger summary the rollup reads moved with the import (the trigger of the one write).
    const monthly = await db.actualMonthly.aggregate({ where: { orgId: acme.org.id }, _sum: { amountCents: true } });
    expect(monthly._sum.amountCents).toBe(await ledgerSum(acme.org.id));
    // Audited as this action: the import batch (revertible like any import) and the saved mapping.
    const audits = await db.auditEvent.findMany({
      where: { orgId: acme.org.id, action: "actuals.import.mapped" },
      select: { entityType: true },
    });
    expect(audits.map((a) => a.entityType).sort()).toEqual(["ImportBatch", "ImportMapping"]);

    // The same export again adds nothing (each line's reference is derived from what it says).
    const again = await importMappedActuals.run(finance(), acme.org.slug, { uploadId, fileName: "gl.csv", mapping: mapping() });
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("keeps a line repeated within a file (two equal charges), numbered by its occurrence across batches, and skips it on re-import", async () => {
    const head = '"Date","Account","Department","Memo","Debit","Credit"';
    const coffee = '"11/03/2026","6200 Travel","Platform","Coffee","4.50",""';
    // 6,000 distinct lines: the repeats fall in different insert batches of the one ledger write.
    const filler = Array.from({ length: 6000 }, (_, i) => `"11/04/2026","6100 Software Subscriptions","Autonomy","seat ${i}","1.00",""`);
    const first = [head, coffee, coffee, ...filler, coffee].join("\r\n");
    const r = await importMappedActuals.run(finance(), acme.org.slug, {
      uploadId: await uploadCsv(first),
      fileName: "a.csv",
      mapping: mapping(),
    });
    expect(r).toMatchObject({ ok: true, data: { rowCount: 6003, insertedCount: 6003 } });
    const refs = await db.actualEntry.findMany({ where: { orgId: acme.org.id, memo: "Coffee" }, select: { externalRef: true, id: true } });
    const base = refs.map((x) => x.externalRef!).sort()[0];
    expect(refs.sort((a, b) => a.id.localeCompare(b.id)).map((x) => x.externalRef)).toEqual([base, `${base}/2`, `${base}/3`]);
    // A longer export of the same ledger: the three coffees are in, a fourth is new, as is one seat.
    const longer = [head, coffee, coffee, ...filler, coffee, coffee, '"11/05/2026","6200 Travel","Platform","Taxi","20.00",""'].join(
      "\r\n",
    );
    const again = await importMappedActuals.run(finance(), acme.org.slug, {
      uploadId: await uploadCsv(longer),
      fileName: "b.csv",
      mapping: mapping(),
    });
    expect(again).toMatchObject({ ok: true, data: { rowCount: 6005, insertedCount: 2, skippedCount: 6003 } });
    expect(await db.actualEntry.count({ where: { orgId: acme.org.id, memo: "Coffee" } })).toBe(4);
    expect(await db.actualEntry.count({ where: { orgId: acme.org.id, externalRef: `${base}/4` } })).toBe(1);
  });

  it("saves the mapping per org and file shape and offers it for the next file of that shape", async () => {
    await checkMappedActuals.run(finance(), acme.org.slug, { uploadId: await uploadCsv(gl), fileName: "gl.csv", mapping: mapping() });
    const saved = await listLedgerMappings(acme.org.id);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      signature: "date|account|department|memo|debit|credit",
      header: ["Date", "Account", "Department", "Memo", "Debit", "Credit"],
    });
    expect(saved[0].mapping.accounts).toHaveLength(5);
    expect(await listLedgerMappings(globex.org.id)).toEqual([]);

    // A later export of the same shape (other title lines, other months) takes the saved mapping as is.
    const december = gl.replace("November 2026", "December 2026").replaceAll("11/", "12/");
    const r = await importMappedActuals.run(finance(), acme.org.slug, {
      uploadId: await uploadCsv(december),
      fileName: "dec.csv",
      mapping: saved[0].mapping,
    });
    expect(r).toMatchObject({ ok: true, data: { insertedCount: 5, mappingId: saved[0].id } });
    expect(await db.importMapping.count()).toBe(1);
  });

  it("refuses a file whose shape does not match the saved mapping, naming the missing columns", async () => {
    const other = "Date,Account,Class,Memo,Amount\n11/03/2026,6200 Travel,Platform,x,10.00\n";
    const before = await rowCounts();
    const r = await importMappedActuals.run(finance(), acme.org.slug, {
      uploadId: await uploadCsv(other),
      fileName: "x.csv",
      mapping: mapping(),
    });
    expect(r).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { mapping: [expect.stringMatching(/"Department", "Debit", "Credit".*map its columns again/)] },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("lists every unmapped value and every bad row, and writes nothing", async () => {
    const m = mapping();
    m.accounts = m.accounts.filter((a) => a.value !== "6200 Travel");
    const bad = gl.replace('"11/15/2026"', '"15/11/2026"');
    const before = await rowCounts();
    const r = await importMappedActuals.run(finance(), acme.org.slug, { uploadId: await uploadCsv(bad), fileName: "gl.csv", mapping: m });
    expect(r).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        unmapped: ['Account (→ category): "6200 Travel"'],
        file: [
          'Row 5: column "Account": "6200 Travel" is not mapped to a category (map it or choose Ignore)',
          'Row 7: column "Date": "15/11/2026" is not a date in US (MM/DD/YYYY)',
        ],
      },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("maps a department to a cost centre of another org as no cost centre at all", async () => {
    const m = mapping();
    m.costCentres = [{ value: "Platform", code: globex.units.teamA.code }, ...m.costCentres.slice(1)];
    const before = await rowCounts();
    const r = await importMappedActuals.run(finance(), acme.org.slug, { uploadId: await uploadCsv(gl), fileName: "gl.csv", mapping: m });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(JSON.stringify(r)).toContain(`maps to cost centre \\"${globex.units.teamA.code}\\", which is not an open org unit`);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses roles without actuals:write and members of other orgs, writing nothing", async () => {
    const uploadId = await uploadCsv(gl);
    const before = await rowCounts();
    for (const who of ["viewer", "manager"] as const) {
      const r = await importMappedActuals.run(acme.members[who].user.id, acme.org.slug, {
        uploadId,
        fileName: "gl.csv",
        mapping: mapping(),
      });
      expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    const foreign = await checkMappedActuals.run(globex.members.finance.user.id, acme.org.slug, {
      uploadId,
      fileName: "gl.csv",
      mapping: mapping(),
    });
    expect(foreign.ok).toBe(false);
    // Globex's finance, in Globex, with Acme's cost centres: refused, nothing of Acme's touched.
    const own = await importMappedActuals.run(globex.members.finance.user.id, globex.org.slug, {
      uploadId,
      fileName: "gl.csv",
      mapping: mapping(),
    });
    expect(own).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await rowCounts()).toEqual(before);
  });

  it("hostile cells through the mapping: never internal, never partial, every refusal names its row", async () => {
    const cellArb = fc.oneof(
      fc.constantFrom(...HOSTILE_STRINGS, "", "Total", "(1,234.56)", "12.450,00", "31/12/2026", "6200 Travel", "Platform", "\r", '"'),
      fc.string({ maxLength: 12 }),
    );
    const rowArb = fc.array(cellArb, { minLength: 6, maxLength: 6 });
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(rowArb, fc.constant(null)), { minLength: 1, maxLength: 6 }), fc.boolean(), async (rows, bom) => {
        const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
        const lines = rows.map((r, i) =>
          r
            ? r.map(q).join(",")
            : [`"11/0${(i % 9) + 1}/2026"`, '"6200 Travel"', '"Platform"', `"m${i}-${Math.random()}"`, '"10.00"', '""'].join(","),
        );
        const text = `${bom ? "\uFEFF" : ""}Acme\r\nGeneral Ledger\r\n"Date","Account","Department","Memo","Debit","Credit"\r\n${lines.join("\r\n")}\r\n`;
        const before = await tableFingerprints();
        const result = await importMappedActuals.run(finance(), acme.org.slug, {
          uploadId: await uploadCsv(text),
          fileName: "fuzz.csv",
          mapping: mapping(),
        });
        const where = `${JSON.stringify(text.slice(0, 300))}: ${JSON.stringify(result).slice(0, 400)}`;
        expectClearFailure(result, where);
        if (!result.ok) {
          for (const m of result.fieldErrors?.file ?? []) expect(m, where).toMatch(/^Row \d+: |…and \d+ more|no data rows/);
          expect(await tableFingerprints(), `${where}: a refused import changed rows`).toEqual(before);
          return;
        }
        accepted++;
      }),
      { numRuns: fuzzRuns(25), seed: seedFor("actuals.import.mapped"), endOnFailure: true },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});
