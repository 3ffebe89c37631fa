import { expect, test, type Page } from "@playwright/test";

import { signIn, sql } from "./fixtures";

// A dashboard number opens a list with exactly that many rows (on the seeded demo org).

async function figure(page: Page, label: string): Promise<number> {
  const text = await page.locator(`[data-figure="${label}"]`).first().innerText();
  return Number(text.replace(/[^0-9.-]/g, ""));
}

/** Rows of the people table on /teams (each row links to the person). */
const personRows = (page: Page) =>
  page
    .getByRole("table", { name: "People" })
    .locator("tbody tr")
    .filter({ has: page.locator('a[href*="/people/"]') });

test("director clicks heads in post and departures and sees lists of exactly that many people", async ({ page }) => {
  await signIn(page, "director@acme.example");
  await expect(page.locator('[data-figure="Heads in post"]')).toBeVisible();
  for (const [label, status] of [
    ["Heads in post", "in-post"],
    ["Departures", "leaving"],
  ] as const) {
    await page.goto("/acme/dashboard");
    const n = await figure(page, label);
    await page.getByRole("link", { name: new RegExp(`^${label}`) }).click();
    await expect(page).toHaveURL(new RegExp(`/acme/teams\\?status=${status}`));
    await expect(page.getByText(new RegExp(`: ${n} (person|people)\\.`))).toBeVisible();
    // The list is paged (100 a page): the first page's rows, and the pager counts all n.
    await expect(personRows(page)).toHaveCount(Math.min(n, 100));
    if (n > 100) await expect(page.getByRole("navigation", { name: "People pages" })).toContainText(`of ${n}`);
    if (label === "Heads in post") expect(n).toBeGreaterThan(0);
  }
  // The filtered list says what it shows and offers the whole list back.
  await page.getByRole("link", { name: "Show everyone in post" }).click();
  await expect(page).toHaveURL(/\/acme\/teams#people$/);
});

test("over-allocated after drilling into a department: the list matches the number", async ({ page }) => {
  await signIn(page, "director@acme.example");
  await page.getByRole("list", { name: "Org units below" }).getByRole("link", { name: "Engineering" }).click();
  await expect(page).toHaveURL(/unit=/);
  await expect(page.locator('[data-figure="Over-allocated"]')).toBeVisible();
  const n = await figure(page, "Over-allocated");
  await page.getByRole("link", { name: /^Over-allocated/ }).click();
  await expect(page).toHaveURL(/\/acme\/teams\?unit=[^&]+&status=overallocated/);
  await expect(personRows(page)).toHaveCount(n);
});

test("see all milestones and blocked dependencies lists every one the dashboard counts", async ({ page }) => {
  await signIn(page, "director@acme.example");
  const milestones = page.getByRole("region", { name: "Milestones" });
  const link = milestones.getByRole("link", { name: /^See all \d+$/ });
  await expect(link).toBeVisible();
  const milestonesShown = await milestones.locator("li").count();
  const total = Number((await link.innerText()).replace(/\D/g, ""));
  await link.click();
  await expect(page).toHaveURL(/\/acme\/projects\/attention/);
  await expect(page.getByRole("list", { name: "Milestones" }).locator("li")).toHaveCount(total);
  if (total > 12) expect(total).toBeGreaterThan(milestonesShown);
  await expect(page.getByRole("heading", { name: "Blocked cross-team dependencies" })).toBeVisible();

  // A unit of another org is a 404 here and on the people list (the teams page checks the unit
  // before its content streams behind the skeleton), and the not-found page shows no one.
  const [globexUnit] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'globex' LIMIT 1`,
  );
  const res = await page.goto(`/acme/projects/attention?unit=${globexUnit.id}`);
  expect(res?.status()).toBe(404);
  const teams = await page.goto(`/acme/teams?unit=${globexUnit.id}&status=in-post`);
  expect(teams?.status()).toBe(404);
  await expect(page.getByText("Page not found")).toBeVisible();
  await expect(page.getByRole("table", { name: "People" })).toHaveCount(0);
});

/** The number in "See all N" of a region of the dashboard. */
async function seeAll(page: Page, region: string) {
  const link = page.getByRole("region", { name: region }).getByRole("link", { name: /^See all \d+$/ });
  await expect(link).toBeVisible();
  return { link, n: Number((await link.innerText()).replace(/\D/g, "")) };
}

test("from a department, at risk, stale and awaiting acknowledgement open that department's review with exactly that many rows", async ({
  page,
}) => {
  const [unit] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PROD'`,
  );
  await signIn(page, "director@acme.example");
  for (const [region, list] of [
    ["At risk and off track", "At-risk projects"],
    ["Stale updates and escalation", "Stale projects"],
    ["Awaiting acknowledgement", "Unacknowledged updates"],
  ] as const) {
    await page.goto(`/acme/dashboard?unit=${unit.id}`);
    const { link, n } = await seeAll(page, region);
    if (region === "At risk and off track") expect(n).toBe((await figure(page, "At risk")) + (await figure(page, "Off track")));
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/acme/projects/review\\?unit=${unit.id}`));
    await expect(page.getByRole("heading", { level: 1, name: "Delivery review" })).toBeVisible();
    await expect(page.getByText(/Product Engineering and below/)).toBeVisible();
    await expect(page.getByRole("list", { name: list }).getByRole("listitem")).toHaveCount(n);
  }
});

test("open positions and renewals due open lists of exactly that many rows", async ({ page }) => {
  await signIn(page, "director@acme.example");
  const open = await figure(page, "Open positions");
  expect(open).toBeGreaterThan(0);
  await page.getByRole("link", { name: /^Open positions/ }).click();
  await expect(page).toHaveURL(/\/acme\/headcount\?.*status=open/);
  await expect(page.getByRole("navigation", { name: "Position filters" }).getByRole("link", { name: "Open today" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByRole("table", { name: "Positions", exact: true }).locator("tbody tr")).toHaveCount(open);

  await page.goto("/acme/dashboard");
  const { link, n } = await seeAll(page, "Renewals due");
  await link.click();
  await expect(page).toHaveURL(/\/acme\/vendors#renewals/);
  await expect(page.getByRole("heading", { name: new RegExp(`Renewals due in the next 90 days \\(${n}\\)`) })).toBeVisible();
  await expect(page.getByRole("table", { name: "Renewals due", exact: true }).locator("tbody tr")).toHaveCount(n);
});

test("a renewal row and a position row open that record, not the whole list", async ({ page }) => {
  await signIn(page, "director@acme.example");
  await page.goto("/acme/dashboard");
  const renewal = page.getByRole("region", { name: "Renewals due" }).getByRole("listitem").first().getByRole("link");
  const [vendor, contract] = (await renewal.innerText()).split(" · ");
  await renewal.click();
  await expect(page).toHaveURL(/\/acme\/vendors\?q=.*#contracts$/);
  const contracts = page.getByRole("table", { name: "Contracts", exact: true }).locator("tbody tr");
  await expect(contracts.filter({ hasText: contract }).filter({ hasText: vendor }).first()).toBeVisible();
  expect(await contracts.count()).toBeLessThan(5);

  await page.goto("/acme/dashboard");
  const position = page
    .getByRole("heading", { name: "Longest-open positions" })
    .locator("xpath=..")
    .getByRole("listitem")
    .first()
    .getByRole("link");
  const [title] = (await position.innerText()).split(" · ");
  await position.click();
  await expect(page).toHaveURL(/\/acme\/headcount\?.*status=open.*q=.*#positions$/);
  const rows = page.getByRole("table", { name: "Positions", exact: true }).locator("tbody tr");
  await expect(rows.first()).toContainText(title);
  for (const text of await rows.allInnerTexts()) expect(text).toContain(title);
});
