import { readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";

import { signIn, sql } from "./fixtures";

// The three dashboards on the seeded demo org: each role lands on its own view at
// /acme/dashboard, numbers link to their lists, drill-down changes the URL and the numbers,
// and axe finds no serious or critical violation. Screenshots are kept as test artifacts.

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).setLegacyMode().analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function figure(page: Page, label: string): Promise<number> {
  const text = await page.locator(`[data-figure="${label}"]`).first().innerText();
  return Number(text.replace(/[^0-9.-]/g, ""));
}

async function shoot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
}

test("director lands on the dashboard, sees the demo org's numbers and drills into a department", async ({ page }, info) => {
  await signIn(page, "director@acme.example");
  await expect(page).toHaveURL(/\/acme\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.locator('[data-figure="Active projects"]')).toBeVisible();
  const orgActive = await figure(page, "Active projects");
  expect(orgActive).toBeGreaterThan(0);
  expect(await figure(page, "Open positions")).toBeGreaterThan(0);
  // Year to date names its span ("YTD through Nov"): actuals of closed months only.
  await expect(page.locator('[data-figure^="YTD through "], [data-figure="Year to date"]')).not.toHaveText("$0");
  // Every figure is a link to its list: the at-risk count opens the filtered projects list.
  await expect(page.getByRole("link", { name: /^At risk \d+/ })).toHaveAttribute("href", /\/acme\/projects\?status=ACTIVE&health=AT_RISK/);
  await shoot(page, info, "director-dashboard");
  await expectAccessible(page);

  // Drill down: org → Engineering → Product Engineering.
  await page.getByRole("list", { name: "Org units below" }).getByRole("link", { name: "Engineering" }).click();
  await expect(page).toHaveURL(/unit=/);
  await page.getByRole("list", { name: "Org units below" }).getByRole("link", { name: "Product Engineering" }).click();
  await expect(page.getByRole("navigation", { name: "Org unit" }).getByRole("link", { name: "Product Engineering" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const [unitId] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PROD'`,
  );
  await expect(page).toHaveURL(new RegExp(`unit=${unitId.id}`));
  await expect(page.locator('[data-figure="Active projects"]')).toBeVisible();
  const deptActive = await figure(page, "Active projects");
  expect(deptActive).toBeGreaterThan(0);
  expect(deptActive).toBeLessThan(orgActive);
  await expect(page.getByRole("link", { name: /^Active projects/ })).toHaveAttribute("href", new RegExp(`unit=${unitId.id}`));
});

test("manager lands on their view and opens the update form from updates due", async ({ page }, info) => {
  const name = `Dash stale ${randomBytes(3).toString("hex")}`;
  await sql(
    `INSERT INTO "Project" (id, "orgId", "orgUnitId", name, status, "createdAt", "updatedAt")
     SELECT $1, o.id, u.id, $2, 'ACTIVE', now() - interval '30 days', now() FROM "Organization" o JOIN "OrgUnit" u ON u."orgId" = o.id AND u.code = 'ENG-PROD-INTEG' WHERE o.slug = 'acme'`,
    [`e2e${randomBytes(8).toString("hex")}`, name],
  );
  await signIn(page, "manager@acme.example");
  await expect(page).toHaveURL(/\/acme\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /This week in Product Engineering/ })).toBeVisible();
  await expect(page.locator('[data-figure="Active projects"]')).toBeVisible();
  await shoot(page, info, "manager-dashboard");
  await expectAccessible(page);
  await page.getByRole("link", { name: `Post update for ${name}` }).click();
  await expect(page.getByRole("form", { name: "Post a status update" })).toBeVisible();
});

test("a manager cannot open the dashboard of a unit outside their scope", async ({ page }) => {
  const [unit] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PLAT'`,
  );
  await signIn(page, "manager@acme.example");
  const res = await page.goto(`/acme/dashboard?unit=${unit.id}`);
  expect(res?.status()).toBe(404);
});

test("finance lands on the finance view and exports the rollup as CSV", async ({ page }, info) => {
  await signIn(page, "finance@acme.example");
  await expect(page).toHaveURL(/\/acme\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Dashboard views" }).getByRole("link", { name: "Finance" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByRole("heading", { name: "Org tree rollup" })).toBeVisible();
  await shoot(page, info, "finance-dashboard");
  await expectAccessible(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV", exact: true }).click(),
  ]);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("Org unit,Code,Kind,Depth,Plan,Actual,Forecast,Variance,Variance %,Note");
  expect(csv).toContain("Engineering,ENG,");
});
