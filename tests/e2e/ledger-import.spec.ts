import { randomBytes } from "node:crypto";

import { expect, test, type Page } from "@playwright/test";

import { signIn, sql } from "./fixtures";

// Finance imports a QuickBooks-shaped GL detail export (title lines, Debit/Credit, US dates, a
// total line) on the ledger-import page with the mapping saved for that file shape, checks it,
// imports it and sees the team's actual in the budget rollup move by debits less credits.

const toCents = (text: string) => {
  const negative = text.includes("-");
  const cents = Number(text.replace(/[^0-9]/g, ""));
  return negative ? -cents : cents;
};

async function actualOf(page: Page, code: string) {
  return toCents((await page.locator(`tr[data-unit-code="${code}"] td[data-col="actual"]`).innerText()).trim());
}

test("finance imports a QuickBooks GL export with its saved mapping and the rollup moves", async ({ page }) => {
  const [t] = await sql<{ team: string; deptName: string; orgId: string; financeId: string }>(
    `SELECT t.code AS team, d.name AS "deptName", o.id AS "orgId",
            (SELECT u.id FROM "User" u WHERE u.email = 'finance@acme.example') AS "financeId"
     FROM "OrgUnit" t JOIN "OrgUnit" d ON d.id = t."parentId" JOIN "Organization" o ON o.id = t."orgId"
     WHERE o.slug = 'acme' AND t.code = 'ENG-PROD-MOBILE'`,
  );
  // The mapping saved by an earlier import of this file shape (as the wizard saves it).
  const mapping = {
    encoding: "utf-8",
    dateFormat: "MDY",
    decimalMark: ".",
    spendIsNegative: false,
    columns: { date: "Date", account: "Account", costCentre: "Department", memo: "Memo", debit: "Debit", credit: "Credit" },
    accounts: [
      { value: "6100 Software Subscriptions", category: "SOFTWARE" },
      { value: "4000 Consulting Revenue", category: "IGNORE" },
    ],
    costCentres: [{ value: "Mobile", code: t.team }],
    rates: [],
  };
  await sql(
    `INSERT INTO "ImportMapping" ("id", "orgId", "kind", "signature", "header", "mapping", "updatedById", "updatedAt")
     VALUES ($1, $2, 'ACTUALS', 'date|account|department|memo|debit|credit', $3, $4, $5, now())
     ON CONFLICT ("orgId", "kind", "signature") DO UPDATE SET "mapping" = EXCLUDED."mapping", "updatedAt" = now()`,
    [
      `e2e-${randomBytes(6).toString("hex")}`,
      t.orgId,
      JSON.stringify(["Date", "Account", "Department", "Memo", "Debit", "Credit"]),
      JSON.stringify(mapping),
      t.financeId,
    ],
  );

  const d = new Date();
  const us = `${String(d.getUTCMonth() + 1).padStart(2, "0")}/${String(d.getUTCDate()).padStart(2, "0")}/${d.getUTCFullYear()}`;
  const ref = randomBytes(4).toString("hex");
  const gl = [
    "Acme Robotics",
    "General Ledger Detail",
    '"Date","Account","Department","Memo","Debit","Credit"',
    `"${us}","6100 Software Subscriptions","Mobile","Seats ${ref}","1,234.56",""`,
    `"${us}","6100 Software Subscriptions","Mobile","Refund ${ref}","","80.00"`,
    `"${us}","4000 Consulting Revenue","Mobile","Income ${ref}","","9,999.00"`,
    '"","Total","","","1,234.56","10,079.00"',
  ].join("\r\n");

  await signIn(page, "finance@acme.example");
  await page.goto("/acme/budgets");
  await page.getByRole("button", { name: `Expand ${t.deptName}` }).click();
  const before = await actualOf(page, t.team);

  await page.goto("/acme/budgets/ledger-import");
  await page
    .getByLabel("CSV file (up to 100 MB)")
    .setInputFiles({ name: "gl-detail.csv", mimeType: "text/csv", buffer: Buffer.from(gl, "utf8") });
  await expect(page.getByText("Mapped with the mapping saved for files with these columns")).toBeVisible();
  await expect(page.getByRole("radio", { name: "US (MM/DD/YYYY)" })).toBeChecked();
  await expect(page.getByLabel("Mobile")).toHaveValue(t.team);
  // Finance may not change the org tree: a department cannot become a new unit here.
  await expect(page.getByLabel("Mobile").locator("option", { hasText: "Create a new unit" })).toHaveCount(0);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByTestId("check-result")).toHaveText(
    "All 2 lines pass. 1 heading or total row skipped. 1 row of ignored values skipped.",
  );
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/acme\/budgets$/);
  await page.getByRole("button", { name: `Expand ${t.deptName}` }).click();
  await expect.poll(() => actualOf(page, t.team)).toBe(before + 123_456 - 8_000);
  const [{ n }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "ActualEntry" WHERE "memo" LIKE $1`, [`%${ref}`]);
  expect(Number(n)).toBe(2);
});

test("a director maps an unknown department to a new unit, which the import creates", async ({ page }) => {
  const ref = randomBytes(3).toString("hex");
  const dept = `Lab ${ref}`;
  const code = `LAB-${ref.toUpperCase()}`;
  const d = new Date();
  const us = `${String(d.getUTCMonth() + 1).padStart(2, "0")}/${String(d.getUTCDate()).padStart(2, "0")}/${d.getUTCFullYear()}`;
  // A memo column named per run: a shape no earlier run saved a mapping for.
  const gl = [
    "Acme Robotics",
    "General Ledger Detail",
    `"Date","Account","Department","Memo ${ref}","Debit","Credit"`,
    `"${us}","6100 Software Subscriptions","${dept}","Bench seats","12.34",""`,
    '"","Total","","","12.34",""',
  ].join("\r\n");

  await signIn(page, "director@acme.example");
  await page.goto("/acme/budgets/ledger-import");
  await page
    .getByLabel("CSV file (up to 100 MB)")
    .setInputFiles({ name: "gl-new-unit.csv", mimeType: "text/csv", buffer: Buffer.from(gl, "utf8") });
  await expect(page.getByTestId("file-preview")).toContainText(dept);
  await page.getByRole("radio", { name: "US (MM/DD/YYYY)" }).check();
  await page.getByLabel("6100 Software Subscriptions").selectOption("SOFTWARE");
  await page.getByLabel(dept).selectOption("CREATE");
  // Name and code come from the value; the parent is searched for, as in the org tree's dialogs.
  const unit = page.getByRole("group", { name: `New unit for “${dept}”, created when the file is imported` });
  await expect(unit.getByLabel("Name")).toHaveValue(dept);
  await expect(unit.getByLabel("Cost-centre code")).toHaveValue(code);
  await unit.getByRole("combobox", { name: "Parent unit" }).fill("ENG-PLAT");
  await unit.getByRole("option", { name: "Platform — ENG-PLAT", exact: true }).click();
  await expect(unit.getByRole("combobox", { name: "Parent unit" })).toHaveValue("Platform");
  await unit.getByLabel("Kind").selectOption("OTHER");
  await expect(page.getByText("Every value in the first rows is mapped.")).toBeVisible();
  try {
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByTestId("check-result")).toHaveText("All 1 line passes. 1 heading or total row skipped.");
    expect(await sql(`SELECT 1 FROM "OrgUnit" WHERE code = $1`, [code])).toHaveLength(0);
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page).toHaveURL(/\/acme\/budgets$/);
    const rows = await sql<{ parent: string; kind: string; lines: number }>(
      `SELECT p.code AS parent, u.kind::text AS kind, (SELECT count(*)::int FROM "ActualEntry" a WHERE a."orgUnitId" = u.id) AS lines
       FROM "OrgUnit" u JOIN "OrgUnit" p ON p.id = u."parentId" WHERE u.code = $1`,
      [code],
    );
    expect(rows).toEqual([{ parent: "ENG-PLAT", kind: "OTHER", lines: 1 }]);
  } finally {
    // Leave the demo's tree and figures as the other specs expect them.
    await sql(`DELETE FROM "ActualEntry" WHERE "orgUnitId" IN (SELECT id FROM "OrgUnit" WHERE code = $1)`, [code]);
    await sql(`DELETE FROM "OrgUnit" WHERE code = $1`, [code]);
  }
});

test("a file chosen before the page is interactive is still read", async ({ page }) => {
  await signIn(page, "finance@acme.example");
  // The page's scripts held back: the file is chosen while the wizard is plain HTML, as on a slow
  // phone, and its change event fires before React listens.
  let release = () => {};
  const scripts = new Promise<void>((r) => (release = r));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await scripts;
    await route.continue();
  });
  await page.goto("/acme/budgets/ledger-import", { waitUntil: "domcontentloaded" });
  const ref = randomBytes(3).toString("hex");
  const csv = `"Date","Account","Department","Memo ${ref}","Debit","Credit"\r\n"01/15/2026","6100 Software Subscriptions","Early ${ref}","Seats","1.00",""`;
  await page
    .getByLabel("CSV file (up to 100 MB)")
    .setInputFiles({ name: "early.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  release();
  await expect(page.getByTestId("file-preview")).toContainText(`Early ${ref}`);
});
