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
  // Names sort by the database's ICU numeric collation ("natural"): the same rules in JavaScript.
  expect(byName).toEqual([...byName].sort(new Intl.Collator("und", { numeric: true }).compare));

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

test("the initiative filter is searched and picked with the keyboard: a shared ?initiative= URL shows its name, 'No initiative' is a choice, and the CSV follows", async ({
  page,
}) => {
  const acmeProjects = (where: string, params: unknown[] = []) =>
    sql<{ name: string }>(
      `SELECT p.name FROM "Project" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'acme' AND p."archivedAt" IS NULL AND ${where} ORDER BY p.name`,
      params,
    ).then((rows) => rows.map((r) => r.name));
  const [autonomy] = await sql<{ id: string }>(
    `SELECT i.id FROM "Initiative" i JOIN "Organization" o ON o.id = i."orgId" WHERE o.slug = 'acme' AND i.name = 'Autonomy Stack v3'`,
  );
  const [fleet] = await sql<{ id: string }>(
    `SELECT i.id FROM "Initiative" i JOIN "Organization" o ON o.id = i."orgId" WHERE o.slug = 'acme' AND i.name = 'Fleet Uptime 99.9%'`,
  );
  const [inAutonomy, inFleet, inNone] = [
    await acmeProjects(`p."initiativeId" = $1`, [autonomy.id]),
    await acmeProjects(`p."initiativeId" = $1`, [fleet.id]),
    await acmeProjects(`p."initiativeId" IS NULL`),
  ];
  expect(inNone.length).toBeGreaterThan(0);
  await signIn(page, "viewer@acme.example");

  // A shared URL: the picked initiative's name, and its projects (no list of every initiative in the page).
  await page.goto(`/acme/projects?initiative=${autonomy.id}`);
  const filters = page.getByRole("form", { name: "Filter projects" });
  const table = page.getByRole("table", { name: "Projects" });
  const box = filters.getByRole("combobox", { name: "Initiative" });
  await expect(filters.locator("select[name=initiative]")).toHaveCount(0);
  expect(await page.content()).not.toContain(fleet.id);
  await expect(box).toHaveValue("Autonomy Stack v3");
  await expect(table.locator("tbody tr")).toHaveCount(inAutonomy.length);

  // Focus opens the list: "Any initiative", "No initiative", then initiatives by name. Escape closes it and keeps the pick.
  await box.focus();
  const list = filters.getByRole("listbox");
  await expect(list.getByRole("option", { name: /^Fleet Uptime 99\.9% — FY\d\d/ })).toBeVisible();
  await expect(list.getByRole("option").nth(1)).toHaveText("No initiative");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(list.getByRole("option", { selected: true })).toHaveText("No initiative");
  await page.keyboard.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).toHaveValue("Autonomy Stack v3");

  // Pick "No initiative" and submit, all with the keyboard.
  await page.keyboard.press("ArrowDown");
  await expect(list.getByRole("option", { name: /^Fleet Uptime/ })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(list.getByRole("option", { selected: true })).toHaveText("No initiative");
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue("No initiative");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]initiative=none(&|$)/);
  await expect(table.locator("tbody tr")).toHaveCount(inNone.length);
  await expect(page.getByRole("form", { name: "Filter projects" }).getByRole("combobox", { name: "Initiative" })).toHaveValue(
    "No initiative",
  );

  // Tab into the box (which selects its text) and type part of a name; the match follows the two fixed choices.
  await filters.getByLabel("Health").focus();
  await page.keyboard.press("Tab");
  await expect(box).toBeFocused();
  await page.keyboard.type("uptime");
  await expect(box).toHaveValue("uptime");
  await expect(list.getByRole("option")).toHaveCount(3);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(list.getByRole("option", { selected: true })).toHaveText(/^Fleet Uptime 99\.9% — FY\d\d/);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]initiative=${fleet.id}(&|$)`));
  await expect(table.locator("tbody tr")).toHaveCount(inFleet.length);
  for (const name of inFleet) await expect(table.getByRole("link", { name, exact: true })).toBeVisible();

  // The CSV export follows the filter.
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).toMatch(new RegExp(`[?&]initiative=${fleet.id}(&|$)`));
  const csv = await (await page.request.get(href!)).text();
  expect(csv.trim().split("\r\n")).toHaveLength(1 + inFleet.length);
  for (const name of inFleet) expect(csv).toContain(name);
  const none = await (await page.request.get("/acme/projects/export?initiative=none")).text();
  expect(none.trim().split("\r\n")).toHaveLength(1 + inNone.length);
});

test("the list's row, sort and pager links do not prefetch; a row still opens its project in place", async ({ page }) => {
  // Next prefetches a <Link> that scrolls into view: on a 100-row list that was a server render
  // per visible project (and per sort header) for every list view. The sidebar's few section
  // links and the header's buttons still prefetch.
  const requested: string[] = [];
  await signIn(page, "viewer@acme.example");
  // Only what the list page asks for: the dashboard signed in to may still be prefetching its own
  // project links (they do prefetch) while the list is being opened.
  page.on("request", (r) => {
    const url = new URL(r.url());
    const from = r.headers().referer ? new URL(r.headers().referer).pathname : null;
    if (url.searchParams.has("_rsc") && from === "/acme/projects") {
      url.searchParams.delete("_rsc");
      requested.push(url.pathname + url.search);
    }
  });
  await page.goto("/acme/projects");
  const table = page.getByRole("table", { name: "Projects" });
  await expect(table.locator("tbody tr").first()).toBeVisible();
  await page.mouse.wheel(0, 4000);
  await page.waitForTimeout(1500);
  const links = await table.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  expect(links.filter((h) => /\/acme\/projects\/[^/?]+$/.test(h)).length).toBeGreaterThan(10);
  expect(links.filter((h) => h.includes("sort=")).length).toBeGreaterThan(5);
  expect(requested.filter((r) => links.includes(r))).toEqual([]);
  const first = table.locator("tbody tr td:nth-child(1) a").first();
  const name = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});
