import { expect, type Locator, test } from "@playwright/test";

import { signIn, sql } from "./fixtures";

// The projects list sorts in the database through the URL (?sort=…&dir=…): a header is a link,
// so the sorted view can be shared, and the filters and pager keep it.

const column = async (table: Locator, index: number) => table.locator(`tbody tr td:nth-child(${index})`).allTextContents();
const money = (s: string) => (s === "—" ? null : Number(s.replace(/[^0-9.-]/g, "")));

test("clicking or pressing Enter on a column header sorts the whole list through the URL; filters keep the sort", async ({ page }) => {
  const [{ total }] = await sql<{ total: number }>(
    `SELECT count(*)::int AS total FROM "Project" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'acme' AND p."archivedAt" IS NULL AND p.status = 'ACTIVE'`,
  );
  await signIn(page, "viewer@acme.example");
  await page.goto("/acme/projects?status=ACTIVE");
  const table = page.getByRole("table", { name: "Projects" });
  await expect(table.getByRole("columnheader", { name: "Project" })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.locator("tbody tr")).toHaveCount(total);
  const byName = await column(table, 1);
  expect(byName).toEqual([...byName].sort());

  // Budget sorts largest first on the first click, empty budgets last.
  await table.getByRole("columnheader", { name: "Budget" }).getByRole("link").click();
  await expect(page).toHaveURL(/[?&]sort=budget&dir=desc(&|$)/);
  await expect(page).toHaveURL(/[?&]status=ACTIVE(&|$)/);
  await expect(table.getByRole("columnheader", { name: "Budget" })).toHaveAttribute("aria-sort", "descending");
  await expect(table.getByRole("columnheader", { name: "Project" })).toHaveAttribute("aria-sort", "none");
  const desc = (await column(table, 10)).map(money);
  expect(desc).toHaveLength(total);
  const set = desc.filter((v): v is number => v !== null);
  expect(set.length).toBeGreaterThan(1);
  expect(desc).toEqual([...set.sort((a, b) => b - a), ...desc.filter((v) => v === null)]);
  expect(await column(table, 1)).not.toEqual(byName);

  // The keyboard: focus the header's link and press Enter, ascending now.
  await table.getByRole("columnheader", { name: "Budget" }).getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]sort=budget&dir=asc(&|$)/);
  await expect(table.getByRole("columnheader", { name: "Budget" })).toHaveAttribute("aria-sort", "ascending");
  const asc = (await column(table, 10)).map(money);
  const ascSet = asc.filter((v): v is number => v !== null);
  expect(asc).toEqual([...[...ascSet].sort((a, b) => a - b), ...asc.filter((v) => v === null)]);

  // The URL is the view: opened afresh it shows the same order; applying filters keeps the sort.
  await page.goto("/acme/projects?status=ACTIVE&sort=budget&dir=asc");
  // (allTextContents does not wait: first wait for the streamed table's rows.)
  await expect(table.locator("tbody tr")).toHaveCount(total);
  expect((await column(table, 10)).map(money)).toEqual(asc);
  await page.getByRole("form", { name: "Filter projects" }).getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]sort=budget&dir=asc(&|$)/);
  await expect(table.getByRole("columnheader", { name: "Budget" })).toHaveAttribute("aria-sort", "ascending");

  // A sort key that is not a column is the default order.
  await page.goto("/acme/projects?status=ACTIVE&sort=passwordHash&dir=desc");
  await expect(table.getByRole("columnheader", { name: "Project" })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.locator("tbody tr")).toHaveCount(total);
  expect(await column(table, 1)).toEqual(byName);
});
