import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { beforeEach, describe, expect, it } from "vitest";

import { importActuals } from "@/lib/budgets/import-actuals";
import { importPlan } from "@/lib/budgets/import-plan";
import { declaredLength, MAX_UPLOAD_BYTES, saveUpload, UPLOAD_INCOMPLETE_MESSAGE, UPLOAD_TOO_LARGE_MESSAGE } from "@/lib/budgets/upload";
import { importHiringPlan } from "@/lib/headcount/import-hiring-plan";
import { uploadCsv } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

// Issue 18, finding 1: a 12 MB upload arrived cut at 10 MB and its first 169,398 rows were
// imported as a success. An upload is kept only when it arrived whole, and an import refuses a
// file whose last line is cut.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
});

/** A request body that delivers `bytes` in chunks of 64 KiB. */
function body(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(65_536, bytes - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
}

const uploads = () => (existsSync(path.join(tmpdir(), "keel-imports")) ? readdirSync(path.join(tmpdir(), "keel-imports")).length : 0);

describe("an upload is kept only when it arrived whole", () => {
  it("keeps a body of exactly its Content-Length", async () => {
    expect(typeof (await saveUpload(body(1000), 1000))).toBe("string");
  });

  it("refuses a body shorter than its Content-Length (cut on the way) and keeps no file", async () => {
    const before = uploads();
    await expect(saveUpload(body(10 * 1024 * 1024), 12 * 1024 * 1024)).rejects.toThrow(UPLOAD_INCOMPLETE_MESSAGE);
    expect(uploads()).toBe(before);
  });

  it("refuses a declared size over 100 MB before reading, and a chunked body once it passes 100 MB", async () => {
    await expect(saveUpload(body(10), MAX_UPLOAD_BYTES + 1)).rejects.toThrow(UPLOAD_TOO_LARGE_MESSAGE);
    await expect(saveUpload(body(MAX_UPLOAD_BYTES + 1), null)).rejects.toThrow(/larger than 100 MB/);
  });

  it("reads Content-Length strictly", () => {
    expect(declaredLength(null)).toBeNull();
    expect(declaredLength("123")).toBe(123);
    expect(declaredLength("12abc")).toBeNaN();
    expect(declaredLength("-1")).toBeNaN();
  });
});

describe("an import refuses a file whose last line is cut", () => {
  const HEADER = "date,cost centre code,category,amount,vendor,memo,external reference";

  it("actuals: the cut row is named and nothing is written", async () => {
    const a = acme.units.teamA.code;
    const text = `${HEADER}\n2026-03-01,${a},SOFTWARE,10.00,Figma,seats,R1\n2026-03-02,${a},SOFTWARE,10.0`;
    const before = await rowCounts();
    const result = await importActuals.run(acme.members.finance.user.id, acme.org.slug, {
      uploadId: await uploadCsv(text),
      fileName: "cut.csv",
    });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain("Row 3: has 4 of the header's 7 cells (is the file cut off?)");
    expect(await rowCounts()).toEqual(before);
  });

  it("plan: the same", async () => {
    const a = acme.units.teamA.code;
    const text = `month,cost centre code,category,amount\n2026-03,${a},SOFTWARE,10.00\n2026-04,${a}`;
    const result = await importPlan.run(acme.members.finance.user.id, acme.org.slug, {
      uploadId: await uploadCsv(text),
      fileName: "cut.csv",
    });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain("has 2 of the header's 4 cells (is the file cut off?)");
  });

  it("hiring plan: the same", async () => {
    const a = acme.units.teamA.code;
    const csv = `title,level,org unit code,target start,annual compensation\nEngineer,IC3,${a},2027-01-04,120000\nEngineer,IC3,${a}`;
    const before = await rowCounts();
    const result = await importHiringPlan.run(acme.members.director.user.id, acme.org.slug, { csv, fileName: "cut.csv" });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain("has 3 of the header's 5 cells (is the file cut off?)");
    expect(await rowCounts()).toEqual(before);
  });
});
