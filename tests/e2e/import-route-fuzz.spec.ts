import fc from "fast-check";
import { expect, test } from "@playwright/test";

import { signIn, sql } from "./fixtures";

// Hostile uploads through the HTTP route handler of the ledger and plan imports (the actions
// behind it are fuzzed in tests/integration/fuzz-csv.test.ts). Every body ends with a row that is
// certainly invalid, so no file can be accepted: the answer must be a clear 400/422 — never a
// 500 — and nothing may be written (all or nothing holds over HTTP too).

const PIECES = [
  "\uFEFF",
  "date,cost centre code,category,amount,vendor,memo,external reference",
  "month,cost centre code,category,amount",
  "2026-03-04,ENG-PROD,software,12.50,Vendor,memo,ref-1",
  "2026-03,ENG-PROD,travel,100",
  "\u0000",
  "\r",
  "\n",
  "\r\n",
  '"',
  '""',
  ",",
  ";",
  "<script>alert(1)</script>",
  '\'; DROP TABLE "ActualEntry"; --',
  "👩🏽‍💻",
  "\u202E",
  "\uFFFD",
  "9".repeat(400),
  "x".repeat(5000),
];
const body = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 30 })), { maxLength: 40 }),
    fc.constantFrom("\n", "\r\n", "\r"),
  )
  .map(([parts, nl]) => `${parts.join("")}${nl}2026-02-30,NO-SUCH-UNIT,nonsense,abc,,,${nl}`);

test("hostile CSV uploads get a clear 400/422 and write nothing", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "finance@acme.example");
  const count = async () =>
    (
      await sql<{ n: string }>(
        `SELECT (SELECT count(*) FROM "ImportBatch") + (SELECT count(*) FROM "ActualEntry") + (SELECT count(*) FROM "BudgetLine") AS n`,
      )
    )[0].n;
  const before = await count();
  await fc.assert(
    fc.asyncProperty(body, fc.constantFrom("actuals", "plan"), async (data, kind) => {
      const response = await page.request.post(`/acme/budgets/import?kind=${kind}&name=fuzz.csv`, {
        data,
        headers: { "content-type": "text/csv" },
      });
      const json = (await response.json()) as { ok: boolean; code?: string; message?: string };
      expect([400, 422], `${kind} ${JSON.stringify(data.slice(0, 200))}: ${response.status()} ${JSON.stringify(json)}`).toContain(
        response.status(),
      );
      expect(json.ok).toBe(false);
      expect(json.message?.length).toBeGreaterThan(0);
    }),
    { numRuns: 25, seed: 20261127, endOnFailure: true },
  );
  expect(await count()).toBe(before);
});
