import { expect, test, type Locator, type Page } from "@playwright/test";

import { signIn } from "./fixtures";

// Tables that fit (issue 20, item 2) at a 1280×800 laptop: the page is the one vertical scroll
// container, a row's actions are on screen without scrolling sideways, and a wide grid scrolls
// inside its own labelled region with its first column kept in view.

test.use({ viewport: { width: 1280, height: 800 } });

/** Scrolls the page (never a table) so the element is on screen vertically. */
async function scrollPageTo(page: Page, target: Locator) {
  await target.evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - 200));
}

/** The element is painted and not covered: the topmost element at its centre is it or inside it. */
async function expectOnScreen(target: Locator) {
  await expect(target).toBeInViewport({ ratio: 0.95 });
  expect(
    await target.evaluate((el) => {
      // The first line box: a wrapped link's bounding box can have a gap at its centre.
      const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !!top && (top === el || el.contains(top));
    }),
  ).toBe(true);
}

async function expectNoInnerVerticalScroll(page: Page) {
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-slot="data-table"], [data-slot="table-container"]')]
      .filter((el) => el.scrollHeight > el.clientHeight + 1)
      .map((el) => el.getAttribute("aria-label") ?? el.querySelector("caption")?.textContent ?? "table"),
  );
  expect(boxes, "tables scrolling inside a fixed-height box").toEqual([]);
}

test("positions: every row's actions are visible without scrolling sideways", async ({ page }) => {
  await signIn(page, "director@acme.example");
  await page.goto("/acme/headcount");
  const table = page.getByRole("table", { name: "Positions", exact: true });
  await expect(table).toBeVisible();
  await expectNoInnerVerticalScroll(page);
  const edits = table.getByRole("button", { name: /^Edit / });
  expect(await edits.count()).toBeGreaterThan(3);
  for (const i of [0, (await edits.count()) - 1]) {
    const edit = edits.nth(i);
    await scrollPageTo(page, edit);
    await expectOnScreen(edit);
  }
  const fill = table.getByRole("button", { name: /^Fill / }).first();
  await scrollPageTo(page, fill);
  await expectOnScreen(fill);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});

test("vendors: the edit button of every row is visible, and the list is not boxed in", async ({ page }) => {
  await signIn(page, "director@acme.example");
  await page.goto("/acme/vendors");
  const table = page.getByRole("table", { name: "Vendors" });
  await expect(table).toBeVisible();
  await expectNoInnerVerticalScroll(page);
  const edits = table.getByRole("button", { name: /^Edit / });
  const n = await edits.count();
  expect(n).toBeGreaterThan(3);
  // The last row too: no inner box cuts it off.
  for (const i of [0, n - 1]) {
    await scrollPageTo(page, edits.nth(i));
    await expectOnScreen(edits.nth(i));
  }
});

test("projects: each row's link is visible and Target and Budget are reachable in the table's region", async ({ page }) => {
  await signIn(page, "director@acme.example");
  await page.goto("/acme/projects");
  const table = page.getByRole("table", { name: "Projects" });
  await expect(table).toBeVisible();
  await expectNoInnerVerticalScroll(page);
  const first = table.getByRole("row").nth(1).getByRole("link").first();
  await expectOnScreen(first);
  for (const column of ["Target", "Budget"]) {
    const header = table.getByRole("columnheader", { name: column });
    await header.scrollIntoViewIfNeeded();
    await expectOnScreen(header);
  }
  // Scrolled to the far right, the project names are still there (sticky first column).
  await expectOnScreen(first);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});

test("plan grid: every month and the total are reachable, the row names stay in view", async ({ page }) => {
  await signIn(page, "finance@acme.example");
  await page.goto("/acme/budgets/plan");
  const grid = page.getByRole("table", { name: "Plan grid" });
  await expect(grid).toBeVisible();
  await expectNoInnerVerticalScroll(page);
  const headers = grid.getByRole("columnheader");
  const count = await headers.count();
  expect(count).toBe(14); // org unit · category, 12 months, total
  const rowName = grid.getByRole("row").nth(1).getByRole("cell").first();
  for (let i = 1; i < count; i++) {
    await headers.nth(i).scrollIntoViewIfNeeded();
    await expectOnScreen(headers.nth(i));
  }
  await expectOnScreen(rowName);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});

test.describe("at a phone's width", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("budgets: the finance tree and top variances keep the org unit in view when scrolled sideways", async ({ page }) => {
    await signIn(page, "finance@acme.example");
    await page.goto("/acme/budgets");
    const name = "Plan, actual and forecast by org unit";
    const table = page.getByRole("table", { name, exact: true });
    const region = page.getByRole("region", { name: `${name} (scrolls sideways)` });
    const firstCell = table.getByRole("row").nth(1).getByRole("cell").first();
    await scrollPageTo(page, firstCell);
    const before = (await firstCell.boundingBox())!;
    // The table is wider than the phone: its region scrolls, the first column stays put.
    await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(async () => (await region.evaluate((el) => el.scrollLeft)) > 0).toBe(true);
    expect((await firstCell.boundingBox())!.x).toBeCloseTo(before.x, 0);
    await expect(table.getByRole("row").nth(1).getByRole("cell").last()).toBeInViewport();
    // Top variances: the same sticky first column.
    const top = page.getByRole("table", { name: "Top variances", exact: true });
    expect(
      await top
        .getByRole("row")
        .nth(1)
        .getByRole("cell")
        .first()
        .evaluate((el) => getComputedStyle(el).position),
    ).toBe("sticky");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("positions: below sm the actions column scrolls with the row instead of covering it", async ({ page }) => {
    await signIn(page, "director@acme.example");
    await page.goto("/acme/headcount");
    const table = page.getByRole("table", { name: "Positions", exact: true });
    const edit = table.getByRole("button", { name: /^Edit / }).first();
    const cell = edit.locator("xpath=ancestor::td[1]");
    expect(await cell.evaluate((el) => getComputedStyle(el).position)).not.toBe("sticky");
    // The first column still sticks.
    const first = table.getByRole("row").nth(1).getByRole("cell").first();
    expect(await first.evaluate((el) => getComputedStyle(el).position)).toBe("sticky");
  });
});

test.describe("column priority on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("projects: lower-priority columns leave the table and open under their row", async ({ page }) => {
    await signIn(page, "director@acme.example");
    await page.goto("/acme/projects");
    const table = page.getByRole("table").first();
    await expect(table.getByRole("columnheader", { name: /Project/ })).toBeVisible();
    for (const name of ["Budget", "Target", "Team"]) await expect(table.getByRole("columnheader", { name })).toBeHidden();
    const row = table.getByRole("row").nth(1);
    const toggle = row.getByRole("button", { name: "Show more columns" });
    await toggle.click();
    await expect(row.getByRole("button", { name: "Hide more columns" })).toHaveAttribute("aria-expanded", "true");
    const detail = table.locator("tr[id]").first();
    for (const label of ["Team", "Target", "Budget"]) await expect(detail.getByText(label, { exact: true })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: test.info().outputPath("projects-390-details.png") });

    // On a laptop every column is in the table and there is nothing to open.
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const name of ["Budget", "Target", "Team"]) await expect(table.getByRole("columnheader", { name })).toBeVisible();
    // The toggles stay in the page but are not displayed, so they have no role to find.
    await expect(table.getByRole("button", { name: /more columns/ })).toHaveCount(0);
  });
});
