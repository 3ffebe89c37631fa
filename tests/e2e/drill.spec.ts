import { readFile } from "node:fs/promises";

import { expect, test } from "@playwright/test";
import Papa from "papaparse";

import { signIn, sql } from "./fixtures";

// Drill to the source: from a money figure to the ledger lines it sums, their total equal to the
// figure, and the CSV of exactly those lines in the list's order.

const cents = (decimal: string) => {
  const [whole, frac = ""] = decimal.replace("-", "").split(".");
  const n = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  return decimal.startsWith("-") ? -n : n;
};

test("a director drills from the top variance to its ledger lines: the total is the variance's actual, and the CSV is the list", async ({
  page,
}) => {
  await signIn(page, "director@acme.example");
  await page.goto("/acme/budgets?period=ytd");
  // The variance's actual, as the budgets export of the same view says.
  const top = Papa.parse<Record<string, string>>(
    (await (await page.request.get("/acme/budgets/export?view=top&period=ytd")).text()).trim(),
    { header: true },
  ).data;
  expect(top.length).toBeGreaterThan(0);
  const actual = cents(top[0].Actual);

  const link = page.getByRole("table", { name: "Top variances" }).getByRole("link").first();
  await expect(link).toHaveAccessibleName(new RegExp(`^Ledger lines of ${top[0]["Org unit"]} · ${top[0].Category}: actual `));
  await link.click();
  await expect(page).toHaveURL(/\/acme\/budgets\/lines\?unit=[^&]+&scope=own&cat=[A-Z]+&from=\d{4}-\d{2}&to=\d{4}-\d{2}$/);
  await expect(page.getByRole("heading", { name: "Ledger lines" })).toBeVisible();
  const total = page.getByTestId("lines-total");
  await expect(total).toHaveAttribute("data-cents", String(actual));

  // The rows of the list (one page here), in order, by external reference.
  const rows = page.getByTestId("lines-table").locator("tbody tr");
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  const refs = await rows.locator("td:nth-child(6)").allInnerTexts();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^acme-ledger-lines-.*\.csv$/);
  const csv = Papa.parse<Record<string, string>>((await readFile((await download.path())!, "utf8")).trim(), { header: true }).data;
  expect(csv.map((r) => r["External reference"])).toEqual(refs);
  expect(csv.reduce((sum, r) => sum + cents(r.Amount), 0)).toBe(actual);
  expect(new Set(csv.map((r) => r.Category))).toEqual(new Set([top[0].Category.toUpperCase()]));

  // Sorted by amount, largest first, by the database: same total, other order.
  await page.getByRole("link", { name: /^Amount/ }).click();
  await expect(page).toHaveURL(/sort=amount&dir=asc/);
  await page.getByRole("link", { name: /^Amount/ }).click();
  await expect(page).toHaveURL(/sort=amount&dir=desc/);
  await expect(total).toHaveAttribute("data-cents", String(actual));
  const amounts = (await rows.locator('td[data-col="amount"]').allInnerTexts()).map((t) => cents(t.replace(/[$,]/g, "")));
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
});

test("the tree's Actual of a department opens its subtree's ledger lines with the same total; the dashboard's top variance opens its lines", async ({
  page,
}) => {
  await signIn(page, "director@acme.example");
  await page.goto("/acme/budgets?period=q3");
  const cell = page.locator('tr[data-unit-code="ENG-PROD"] td[data-col="actual"]');
  const shown = (await cell.innerText()).trim();
  await cell.getByRole("link").click();
  await expect(page).toHaveURL(/\/acme\/budgets\/lines\?unit=[^&]+&from=/);
  await expect(page.getByTestId("lines-total")).toHaveText(shown);
  // Page 2 keeps the filters; the total is of every page.
  const next = page.getByRole("navigation", { name: "Ledger lines pages" }).getByRole("link", { name: "Next" });
  if (await next.count()) {
    await next.click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId("lines-total")).toHaveText(shown);
  }
  // The plan lines of the same figure, one tab away.
  await page.getByRole("link", { name: "Plan lines" }).click();
  await expect(page).toHaveURL(/kind=plan/);
  await expect(page.getByRole("heading", { name: "Plan lines" })).toBeVisible();

  // The dashboard's top variances: each link names the variance's actual; a variance can be all
  // forecast (a contract's commitment with nothing booked yet): then the list is empty.
  for (const i of [0, 1, 2]) {
    await page.goto("/acme/dashboard");
    const variance = page
      .getByRole("heading", { name: /^Top 5 variances/ })
      .locator("..")
      .getByRole("link")
      .nth(i);
    const actual = (await variance.getAttribute("title"))!.replace(/^Actual /, "");
    await variance.click();
    await expect(page).toHaveURL(/\/acme\/budgets\/lines\?unit=[^&]+&scope=own&cat=/);
    if (actual === "$0.00") await expect(page.getByText("No ledger lines")).toBeVisible();
    else await expect(page.getByTestId("lines-total")).toHaveText(actual);
  }
});

test("a unit of another org lists nothing, bad filters are named and left out, and the page fits a phone", async ({ page }) => {
  const [foreign] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'globex' LIMIT 1`,
  );
  await signIn(page, "director@acme.example");
  const res = await page.goto(`/acme/budgets/lines?unit=${foreign.id}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByText("No such org unit")).toBeVisible();
  await expect(page.getByTestId("lines-table")).toHaveCount(0);
  expect((await page.request.get(`/acme/budgets/lines/export?unit=${foreign.id}`)).status()).toBe(404);

  // Control characters are stripped from the address first (proxy.ts): "no pe%00" arrives as "no pe".
  const bad = "unit=no%20pe%00&cat=constructor&from=2026-13&to=abc&sort=__proto__&q=%00";
  const ok = await page.goto(`/acme/budgets/lines?${bad}`);
  expect(ok?.status()).toBe(200);
  expect(page.url()).not.toContain("%00");
  const notice = page.getByRole("status").filter({ hasText: "could not be read" });
  await expect(notice).toContainText("Org unit: not a valid id");
  await expect(notice).toContainText("Category: unknown");
  await expect(page.getByTestId("lines-table")).toBeVisible();
  const csv = await page.request.get(`/acme/budgets/lines/export?${bad}`);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split("\r\n")[0]).toBe(
    "Date,Unit code,Unit name,Category,Vendor,Memo,External reference,Amount,Import batch,Import batch id",
  );

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/acme/budgets/lines?kind=actual");
  await expect(page.getByTestId("lines-table")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("button", { name: "Open navigation" }).click();
  await page.getByRole("dialog").getByRole("link", { name: "Budgets" }).click();
  await expect(page).toHaveURL(/\/acme\/budgets$/);
  await expect(page.getByRole("dialog")).toHaveCount(0);
});
