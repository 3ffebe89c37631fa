import { createWriteStream } from "node:fs";
import { once } from "node:events";

import { beforeEach, describe, expect, it } from "vitest";

import { importActuals } from "@/lib/budgets/import-actuals";
import { revertImport } from "@/lib/budgets/revert-import";
import { uploadCsv, uploadFile } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;

const HEADER = "date,cost centre code,category,amount,vendor,memo,external reference";

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
});

function csv(rows: string[], header = HEADER) {
  return [header, ...rows].join("\r\n") + "\r\n";
}

describe("actuals import", () => {
  it("imports quoted, comma'd, multi-line fields with a BOM and CRLF, exactly", async () => {
    const a = acme.units.teamA.code;
    const text =
      "\uFEFF" +
      csv([
        `2026-03-01,${a},Software,"1,234.56",Figma,"Seats, annual",LED-1`,
        `2026-03-02,${a},CLOUD,-80.00,,"two\nlines",LED-2`,
        `2026-03-03,${acme.units.deptA.code},travel,12,,,`,
      ]);
    const result = await importActuals.run(acme.members.finance.user.id, acme.org.slug, {
      uploadId: await uploadCsv(text),
      fileName: "ledger.csv",
    });
    expect(result).toMatchObject({ ok: true, data: { rowCount: 3, insertedCount: 3, skippedCount: 0, newVendorCount: 1 } });
    const lines = await db.actualEntry.findMany({ where: { orgId: acme.org.id }, orderBy: { bookedOn: "asc" } });
    expect(lines.map((l) => [l.category, l.amountCents, l.memo, l.externalRef])).toEqual([
      ["SOFTWARE", 123456n, "Seats, annual", "LED-1"],
      ["CLOUD", -8000n, "two\nlines", "LED-2"],
      ["TRAVEL", 1200n, "", null],
    ]);
    // "Figma" was not a vendor yet: it is created (once) and the line linked to it.
    const figma = await db.vendor.findFirstOrThrow({ where: { orgId: acme.org.id, name: "Figma" } });
    expect(lines[0].vendorId).toBe(figma.id);
    expect(lines[1].vendorId).toBeNull();
    expect(await db.vendor.count({ where: { orgId: globex.org.id } })).toBe(0);
    const batch = await db.importBatch.findFirstOrThrow({ where: { orgId: acme.org.id } });
    expect(batch).toMatchObject({ kind: "ACTUALS", fileName: "ledger.csv", rowCount: 3, insertedCount: 3, status: "COMPLETED" });
    expect(await db.auditEvent.count({ where: { orgId: acme.org.id, action: "actuals.import", entityId: batch.id } })).toBe(1);
  });

  it("refuses a file with one bad row, names the row, and writes nothing", async () => {
    const a = acme.units.teamA.code;
    const text = csv([`2026-03-01,${a},SOFTWARE,10.00,,,R1`, `2026-02-30,${a},SOFTWARE,10.00,,,R2`, `2026-03-03,${a},SOFTWARE,10.00,,,R3`]);
    const before = await rowCounts();
    const result = await importActuals.run(acme.members.finance.user.id, acme.org.slug, {
      uploadId: await uploadCsv(text),
      fileName: "bad.csv",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("VALIDATION");
    expect(result.fieldErrors?.file).toEqual([expect.stringMatching(/^Row 3: date "2026-02-30"/)]);
    expect(await rowCounts()).toEqual(before);
  });

  it("lists every bad row with every reason", async () => {
    const a = acme.units.teamA.code;
    const text = csv([`2026-13-01,${a},SOFTWARE,abc,,,R1`, `2026-03-01,${a},SOFTWARE,1.00,,,R2`, `2026-03-01,,FOOD,1.001,,,R3`]);
    const result = await importActuals.run(acme.members.finance.user.id, acme.org.slug, {
      uploadId: await uploadCsv(text),
      fileName: "bad.csv",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.file).toHaveLength(2);
    expect(result.fieldErrors?.file[0]).toMatch(/^Row 2: .*date.*; amount "abc"/);
    expect(result.fieldErrors?.file[1]).toMatch(/^Row 4: cost centre code is missing; category "FOOD".*; amount "1.001"/);
  });

  it("refuses a missing column and an empty file", async () => {
    const r1 = await importActuals.run(acme.members.finance.user.id, acme.org.slug, {
      uploadId: await uploadCsv("date,amount\r\n2026-01-01,1\r\n"),
      fileName: "x.csv",
    });
    expect(r1).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { file: [expect.stringMatching(/Missing columns: cost.*category/)] },
    });
    const r2 = await importActuals.run(acme.members.finance.user.id, acme.org.slug, {
      uploadId: await uploadCsv(HEADER + "\r\n"),
      fileName: "x.csv",
    });
    expect(r2).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db.actualEntry.count()).toBe(0);
  });

  it("refuses another org's cost centre codes and writes nothing", async () => {
    const text = csv([
      `2026-03-01,${acme.units.teamA.code},SOFTWARE,1.00,,,R1`,
      `2026-03-01,${globex.units.teamA.code},SOFTWARE,1.00,,,R2`,
    ]);
    const before = await rowCounts();
    const result = await importActuals.run(acme.members.finance.user.id, acme.org.slug, {
      uploadId: await uploadCsv(text),
      fileName: "x.csv",
    });
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { file: [expect.stringMatching(/^Row 3: cost centre code ".*" is not an org unit/)] },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it.each(["manager", "viewer"] as const)("refuses a %s and writes nothing", async (who) => {
    const text = csv([`2026-03-01,${acme.units.teamA.code},SOFTWARE,1.00,,,R1`]);
    const before = await rowCounts();
    const result = await importActuals.run(acme.members[who].user.id, acme.org.slug, {
      uploadId: await uploadCsv(text),
      fileName: "x.csv",
    });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await rowCounts()).toEqual(before);
  });

  it("re-importing skips lines whose external reference is already in, and counts them", async () => {
    const a = acme.units.teamA.code;
    const first = csv([`2026-03-01,${a},SOFTWARE,1.00,,,R1`, `2026-03-02,${a},SOFTWARE,2.00,,,R2`]);
    await importActuals.run(acme.members.finance.user.id, acme.org.slug, { uploadId: await uploadCsv(first), fileName: "a.csv" });
    const second = csv([
      `2026-03-01,${a},SOFTWARE,1.00,,,R1`,
      `2026-03-02,${a},SOFTWARE,2.00,,,R2`,
      `2026-03-03,${a},SOFTWARE,4.00,,,R3`,
      `2026-03-03,${a},SOFTWARE,4.00,,,R3`,
    ]);
    const result = await importActuals.run(acme.members.director.user.id, acme.org.slug, {
      uploadId: await uploadCsv(second),
      fileName: "b.csv",
    });
    expect(result).toMatchObject({ ok: true, data: { rowCount: 4, insertedCount: 1, skippedCount: 2 + 1 } });
    const sum = await db.actualEntry.aggregate({ where: { orgId: acme.org.id }, _sum: { amountCents: true }, _count: true });
    expect(sum).toMatchObject({ _count: 3, _sum: { amountCents: 700n } });
    // The same external reference in another org is not a duplicate.
    const g = await importActuals.run(globex.members.finance.user.id, globex.org.slug, {
      uploadId: await uploadCsv(csv([`2026-03-01,${globex.units.teamA.code},SOFTWARE,1.00,,,R1`])),
      fileName: "g.csv",
    });
    expect(g).toMatchObject({ ok: true, data: { insertedCount: 1 } });
  });

  it("re-importing a file whose every line is in writes nothing and says so: no empty batch", async () => {
    const a = acme.units.teamA.code;
    const file = csv([
      `2026-03-01,${a},SOFTWARE,1.00,Newco,,R1`,
      `2026-03-02,${a},SOFTWARE,2.00,,,R2`,
      `2026-03-02,${a},SOFTWARE,2.00,,,R2`,
    ]);
    await importActuals.run(acme.members.finance.user.id, acme.org.slug, {
      uploadId: await uploadCsv(csv([`2026-03-01,${a},SOFTWARE,1.00,,,R1`, `2026-03-02,${a},SOFTWARE,2.00,,,R2`])),
      fileName: "a.csv",
    });
    const before = await rowCounts();
    const again = await importActuals.run(acme.members.finance.user.id, acme.org.slug, {
      uploadId: await uploadCsv(file),
      fileName: "a-again.csv",
    });
    expect(again).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: "Nothing new: all 3 rows were already imported (same external reference). Nothing was written.",
    });
    // No batch, no audit event, and not the vendor "Newco" its duplicate line named.
    expect(await rowCounts()).toEqual(before);
    expect(await db.importBatch.count({ where: { orgId: acme.org.id } })).toBe(1);
    expect(await db.vendor.count({ where: { orgId: acme.org.id, name: "Newco" } })).toBe(0);
  });

  it("revert removes exactly one batch's lines", async () => {
    const a = acme.units.teamA.code;
    const r1 = await importActuals.run(acme.members.finance.user.id, acme.org.slug, {
      uploadId: await uploadCsv(csv([`2026-03-01,${a},SOFTWARE,1.00,,,R1`, `2026-03-01,${a},SOFTWARE,2.00,,,R2`])),
      fileName: "1.csv",
    });
    const r2 = await importActuals.run(acme.members.finance.user.id, acme.org.slug, {
      uploadId: await uploadCsv(csv([`2026-03-01,${a},SOFTWARE,4.00,,,R3`])),
      fileName: "2.csv",
    });
    await db.actualEntry.create({
      data: { orgId: acme.org.id, orgUnitId: acme.units.teamA.id, bookedOn: new Date("2026-03-05"), category: "CLOUD", amountCents: 8n },
    });
    if (!r1.ok || !r2.ok) throw new Error("setup failed");

    // Not by someone else, not from another org, not twice.
    expect(await revertImport.run(acme.members.viewer.user.id, acme.org.slug, { batchId: r1.data.batchId })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await revertImport.run(globex.members.finance.user.id, globex.org.slug, { batchId: r1.data.batchId })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });

    const reverted = await revertImport.run(acme.members.finance.user.id, acme.org.slug, { batchId: r1.data.batchId });
    expect(reverted).toMatchObject({ ok: true, data: { deletedCount: 2 } });
    const left = await db.actualEntry.findMany({
      where: { orgId: acme.org.id },
      select: { amountCents: true },
      orderBy: { amountCents: "asc" },
    });
    expect(left.map((l) => l.amountCents)).toEqual([8n, 400n]);
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: r1.data.batchId } })).toMatchObject({
      status: "REVERTED",
      revertedById: acme.members.finance.user.id,
    });
    expect(await revertImport.run(acme.members.finance.user.id, acme.org.slug, { batchId: r1.data.batchId })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(await db.auditEvent.count({ where: { action: "actuals.import.revert", entityId: r1.data.batchId } })).toBe(1);
  });

  it("keeps memos, vendor names and references exactly, whatever characters they hold", async () => {
    // Each column reaches SQL as one text parameter in PostgreSQL's array syntax: quotes,
    // backslashes, braces, commas, the word NULL, blanks and line breaks must not be read as syntax.
    const a = acme.units.teamA.code;
    const hostile = ['say "hi"', "back\\slash\\", "{braces},{x}", "NULL", "a,b", "two\nlines", "tab\tend", "émoji 💸", '\\"', "}", "{"];
    const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const text = csv(hostile.map((v, i) => `2026-03-0${1 + (i % 9)},${a},OTHER,1.00,${q(`V ${v}`)},${q(v)},${q(`ref ${v}`)}`));
    const result = await importActuals.run(acme.members.finance.user.id, acme.org.slug, {
      uploadId: await uploadCsv(text),
      fileName: "hostile.csv",
    });
    expect(result).toMatchObject({ ok: true, data: { rowCount: hostile.length, insertedCount: hostile.length } });
    const lines = await db.actualEntry.findMany({
      where: { orgId: acme.org.id },
      select: { memo: true, externalRef: true, vendor: { select: { name: true } } },
    });
    const trimmed = hostile.map((v) => v.trim());
    expect(lines.map((l) => l.memo).sort()).toEqual([...trimmed].sort());
    expect(lines.map((l) => l.externalRef).sort()).toEqual(trimmed.map((v) => `ref ${v}`.trim()).sort());
    expect(lines.map((l) => l.vendor?.name).sort()).toEqual(trimmed.map((v) => `V ${v}`.trim()).sort());
  });

  it("a bad row after the first batch was already sent still writes nothing", async () => {
    // 25,000 good rows (two batches written while the file is still being read), then one bad row.
    const { uploadId, filePath } = await uploadFile();
    const out = createWriteStream(filePath);
    out.write(HEADER + "\n");
    for (let i = 0; i < 25_000; i++) if (!out.write(`2026-04-15,${acme.units.teamA.code},CLOUD,1.00,,,OK-${i}\n`)) await once(out, "drain");
    out.write(`2026-04-15,NOPE,CLOUD,1.00,,,BAD\n`);
    out.end();
    await once(out, "finish");
    const before = await rowCounts();
    const result = await importActuals.run(acme.members.finance.user.id, acme.org.slug, { uploadId, fileName: "late-bad.csv" });
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { file: ['Row 25002: cost centre code "NOPE" is not an org unit of this organization'] },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("the database refuses a ledger line whose unit is in another org", async () => {
    // One (orgId, orgUnitId) foreign key checks both: the unit exists and is the line's org's.
    const line = { bookedOn: new Date("2026-03-05"), category: "CLOUD" as const, amountCents: 1n };
    await expect(db.actualEntry.create({ data: { ...line, orgId: acme.org.id, orgUnitId: globex.units.teamA.id } })).rejects.toThrow(
      /foreign key/i,
    );
    await expect(db.actualEntry.create({ data: { ...line, orgId: acme.org.id, orgUnitId: acme.units.teamA.id } })).resolves.toMatchObject({
      orgId: acme.org.id,
    });
  });

  it("imports 100,000 rows streamed from disk", async () => {
    const { uploadId, filePath } = await uploadFile();
    const out = createWriteStream(filePath);
    out.write(HEADER + "\n");
    const codes = [acme.units.teamA.code, acme.units.teamB.code, acme.units.deptA.code];
    for (let i = 0; i < 100_000; i++) {
      const line = `2026-${String((i % 12) + 1).padStart(2, "0")}-15,${codes[i % 3]},CLOUD,"1,000.${String(i % 100).padStart(2, "0")}",,"memo ${i}",BIG-${i}\n`;
      if (!out.write(line)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    const result = await importActuals.run(acme.members.finance.user.id, acme.org.slug, { uploadId, fileName: "big.csv" });
    expect(result).toMatchObject({ ok: true, data: { rowCount: 100_000, insertedCount: 100_000, skippedCount: 0 } });
    expect(await db.actualEntry.count({ where: { orgId: acme.org.id } })).toBe(100_000);
    // Σ (100,000 + i mod 100) cents = 100,000 × 100,000 + 1,000 × Σ0..99
    const sum = await db.actualEntry.aggregate({ where: { orgId: acme.org.id }, _sum: { amountCents: true } });
    expect(sum._sum.amountCents).toBe(10_000_000_000n + 1000n * 4950n);
  });
});
