import { expect, test } from "@playwright/test";

import { signIn, sql } from "./fixtures";

// The director's managers: the director (above everyone in the reporting line) opens a manager's
// page, sees their span, and adds a development goal; one of that manager's reports cannot open
// the page, and the dashboard links the managers needing support to their pages.

const MANAGER = "Marcus Molina";
const REPORT = "jasmine.zielinski@acme.example";

async function managerId(): Promise<string> {
  const [m] = await sql<{ id: string }>(
    `SELECT p.id FROM "Person" p JOIN "User" u ON u.id = p."userId" WHERE u.email = 'manager@acme.example'`,
  );
  return m.id;
}

test("a director opens a manager's page and adds a development goal", async ({ page }) => {
  const id = await managerId();
  const [{ span }] = await sql<{ span: number }>(
    `SELECT COUNT(*)::int AS span FROM "Person" r WHERE r."managerId" = $1 AND r."startDate" <= CURRENT_DATE AND (r."endDate" IS NULL OR r."endDate" >= CURRENT_DATE)`,
    [id],
  );
  await signIn(page, "director@acme.example");
  await page.goto(`/acme/managers/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: MANAGER })).toBeVisible();
  await expect(page.getByText("Span of control").first()).toBeVisible();
  await expect(page.locator("#reports li")).toHaveCount(span);

  const body = `Grow a second-line lead ${Date.now().toString(36)}`;
  const form = page.getByRole("form", { name: "Add a development note" });
  await form.getByLabel("Kind").selectOption("GOAL");
  await form.getByLabel("Goal").fill(body);
  // A goal without a check-in date is refused, naming the field.
  await form.getByRole("button", { name: "Add" }).click();
  await expect(form.getByText("A goal needs a check-in date.")).toBeVisible();
  await form.getByLabel("Check in on").fill("2027-03-31");
  await form.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("list", { name: "Notes and goals" }).locator("p", { hasText: body })).toBeVisible();
  // Focus follows the result.
  await expect(form.getByRole("status")).toHaveText("Goal added.");
  await expect(form.getByRole("status")).toBeFocused();
  const rows = await sql<{ kind: string; checkInOn: Date }>(`SELECT kind::text, "checkInOn" FROM "ManagerNote" WHERE body = $1`, [body]);
  expect(rows).toHaveLength(1);
  expect(rows[0].kind).toBe("GOAL");

  // Deleting asks in the app's dialog; the row goes, and the result at the top of the page takes focus.
  const item = page.getByRole("list", { name: "Notes and goals" }).getByRole("listitem").filter({ hasText: body });
  await item.getByRole("button", { name: /^Delete goal of / }).click();
  const dialog = page.getByRole("dialog", { name: /^Delete goal of .*\?$/ });
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(item).toHaveCount(0);
  await expect(page.getByTestId("page-result")).toHaveText(/^Deleted goal of .*\.$/);
  await expect(page.getByTestId("page-result")).toBeFocused();
  expect(await sql(`SELECT id FROM "ManagerNote" WHERE body = $1`, [body])).toHaveLength(0);
});

test("a report cannot open their manager's page; the dashboard links managers needing support", async ({ page, browser }) => {
  const id = await managerId();
  const report = await browser.newPage();
  await signIn(report, REPORT);
  const res = await report.goto(`/acme/managers/${id}`);
  expect(res?.status()).toBe(404);
  await expect(report.getByText(/Grow a second-line lead/)).toHaveCount(0);

  await signIn(page, "director@acme.example");
  await page.goto("/acme/dashboard");
  const support = page.getByRole("region", { name: "Managers needing support" });
  await expect(support).toBeVisible({ timeout: 30_000 });
  const first = support.getByRole("link").first();
  await first.click();
  await expect(page).toHaveURL(/\/acme\/managers\/[^/]+$/);
  await expect(page.getByText("Span of control").first()).toBeVisible();
});
