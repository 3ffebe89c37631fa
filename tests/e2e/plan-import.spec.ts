import { randomInt } from "node:crypto";

import { expect, test, type Page } from "@playwright/test";

import { hydrated, signIn, sql } from "./fixtures";

// Finance imports a budget spreadsheet in another system's shape (title lines, "Period" as
// "Dec 2026", "Department" by name, "GL account", "Budget" with thousands separators and
// parentheses, a total row) on the plan-import page: the columns and values are suggested, an
// income account is set to Ignore, the file is checked, imported, and the team's plan in the
// budget rollup moves by the new cell less the one it replaced.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const toCents = (text: string) => {
  const negative = text.includes("-");
  const cents = Number(text.replace(/[^0-9]/g, ""));
  return negative ? -cents : cents;
};
const planOf = async (page: Page, code: string) =>
  toCents((await page.locator(`tr[data-unit-code="${code}"] td[data-col="plan"]`).innerText()).trim());

test("finance maps a budget spreadsheet, imports it and the plan moves", async ({ page }) => {
  const team = "ENG-PROD-MOBILE";
  const [t] = await sql<{ deptName: string; teamName: string; cell: string | null }>(
    `SELECT d.name AS "deptName", t.name AS "teamName",
            (SELECT b."amountCents"::text FROM "BudgetLine" b
              WHERE b."orgUnitId" = t.id AND b.category = 'TRAVEL' AND b.month = date_trunc('month', now() AT TIME ZONE 'UTC')::date) AS cell
     FROM "OrgUnit" t JOIN "OrgUnit" d ON d.id = t."parentId" JOIN "Organization" o ON o.id = t."orgId"
     WHERE o.slug = 'acme' AND t.code = $1`,
    [team],
  );
  const d = new Date();
  const period = `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const euros = randomInt(100, 999);
  const sheet = [
    "Acme Robotics",
    "Engineering budget",
    "Period,Department,GL account,Budget",
    `${period},${t.teamName},6200 Travel,"1,${euros}.00"`,
    `${period},${t.teamName},4000 Consulting Revenue,"(5,000.00)"`,
    "Total,,,",
  ].join("\r\n");

  await signIn(page, "finance@acme.example");
  await page.goto("/acme/budgets");
  await page.getByRole("button", { name: `Expand ${t.deptName}` }).click();
  const before = await planOf(page, team);

  await page.goto("/acme/budgets/plan");
  // A client-side navigation: on a loaded machine its server render can take longer than an expect.
  const mapped = page.getByRole("link", { name: "Import it with column mapping" });
  await hydrated(mapped);
  await Promise.all([page.waitForURL(/\/acme\/budgets\/plan-import$/, { timeout: 45_000 }), mapped.click()]);
  await page
    .getByLabel("CSV file (up to 100 MB)")
    .setInputFiles({ name: "budget.csv", mimeType: "text/csv", buffer: Buffer.from(sheet, "utf8") });
  await expect(page.getByTestId("file-preview")).toContainText("6200 Travel");
  await expect(page.getByLabel("Month / period *")).toHaveValue("Period");
  await expect(page.getByLabel("Budget amount")).toHaveValue("Budget");
  await expect(page.getByLabel(t.teamName)).toHaveValue(team);
  await expect(page.getByLabel("6200 Travel")).toHaveValue("TRAVEL");
  await expect(page.getByText("1 value is not mapped yet")).toBeVisible();
  await page.getByLabel("4000 Consulting Revenue").selectOption("IGNORE");
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByTestId("check-result")).toHaveText(
    "All 1 line passes. 1 heading or total row skipped. 1 row of ignored values skipped.",
  );
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/acme\/budgets$/);
  await page.getByRole("button", { name: `Expand ${t.deptName}` }).click();
  const cell = 100_000 + euros * 100;
  await expect.poll(() => planOf(page, team)).toBe(before - Number(t.cell ?? 0) + cell);

  // The mapping is saved for this shape: the next file of it is mapped with it.
  await page.goto("/acme/budgets/plan-import");
  await page
    .getByLabel("CSV file (up to 100 MB)")
    .setInputFiles({ name: "budget2.csv", mimeType: "text/csv", buffer: Buffer.from(sheet, "utf8") });
  await expect(page.getByText("Mapped with the mapping saved for files with these columns")).toBeVisible();
  await expect(page.getByLabel("4000 Consulting Revenue")).toHaveValue("IGNORE");
  // Deleting it asks first, in the app's dialog; then the file is mapped afresh.
  await page.getByRole("button", { name: "Delete saved mapping" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this saved mapping?" });
  await expect(dialog).toContainText('"Period", "Department", "GL account", "Budget"');
  await dialog.getByRole("button", { name: "Delete mapping" }).click();
  await expect(page.getByText("Saved mapping deleted: this file is mapped afresh below.")).toBeVisible();
  await expect(page.getByText("Mapped with the mapping saved for files with these columns")).toHaveCount(0);
  const [{ n }] = await sql<{ n: string }>(
    `SELECT count(*) AS n FROM "ImportMapping" m JOIN "Organization" o ON o.id = m."orgId" WHERE o.slug = 'acme' AND m.kind = 'BUDGET' AND m.signature = 'period|department|glaccount|budget'`,
  );
  expect(Number(n)).toBe(0);
});
