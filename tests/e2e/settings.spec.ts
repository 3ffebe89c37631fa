import { expect, test } from "@playwright/test";

import { createMemberUser, signIn, sql } from "./fixtures";

async function orgName(slug: string) {
  const [row] = await sql<{ name: string; fiscalYearStartMonth: number }>(
    `SELECT name, "fiscalYearStartMonth" FROM "Organization" WHERE slug = $1`,
    [slug],
  );
  return row;
}

test("a viewer sees settings read-only: no form, no member controls", async ({ page }) => {
  await signIn(page, "viewer@acme.example");
  await page.goto("/acme/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  // Scoped to <main>: while a streamed page is being swapped in, a hidden copy of it can sit
  // outside <main> for a moment, and an unscoped text locator then matches twice.
  await expect(page.getByRole("main").getByText("Only admins and directors can change these settings.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  await expect(page.getByLabel("Organization name")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Invite" })).toHaveCount(0);
});

test("the settings action refuses a user who is a viewer by the time they submit, and writes nothing", async ({ page }) => {
  const user = await createMemberUser("acme", "ADMIN");
  const before = await orgName("acme");
  const auditBefore = await sql<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent"`);
  await signIn(page, user.email, user.password);
  await page.goto("/acme/settings");
  await page.getByLabel("Organization name").fill("Hijacked Robotics");
  // Demoted while the form is open: the role is read from the database on every request.
  await sql(`UPDATE "Membership" SET role = 'VIEWER' WHERE id = $1`, [user.membershipId]);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("You don't have permission to do that.", { exact: true })).toBeVisible();
  expect(await orgName("acme")).toEqual(before);
  expect(await sql(`SELECT count(*) AS n FROM "AuditEvent"`)).toEqual(auditBefore);
});

test("an admin changes the fiscal year start; bad input names the field and writes nothing", async ({ page }) => {
  const user = await createMemberUser("acme", "ADMIN");
  const before = await orgName("acme");
  await signIn(page, user.email, user.password);
  await page.goto("/acme/settings");

  await page.getByLabel("Organization name").fill("");
  await page.getByLabel("Grace period (days)").fill("45");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Name must be at least 2 characters.")).toBeVisible();
  await expect(page.getByText("Grace period can be at most 30 days.")).toBeVisible();
  await expect(page.getByLabel("Organization name")).toHaveAttribute("aria-invalid", "true");
  expect(await orgName("acme")).toEqual(before);

  await page.getByLabel("Organization name").fill(before.name);
  await page.getByLabel("Grace period (days)").fill("2");
  await page.getByLabel("Fiscal year starts in").selectOption({ label: "March" });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved", { exact: true })).toBeVisible();
  expect((await orgName("acme")).fiscalYearStartMonth).toBe(3);
  const [event] = await sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "actorId" = $1 ORDER BY at DESC LIMIT 1`, [user.id]);
  expect(event?.action).toBe("org.settings.update");
  // Put the demo calendar back for the other tests.
  await page.getByLabel("Fiscal year starts in").selectOption({ label: "February" });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect.poll(async () => (await orgName("acme")).fiscalYearStartMonth).toBe(2);
});

test("an admin changes the forecast assumptions; the budgets page shows them; bad input writes nothing", async ({ page }) => {
  const assumptions = async () =>
    (
      await sql<{ months: number; lumpy: string; delay: number }>(
        `SELECT "forecastRunRateMonths" AS months, array_to_string("forecastLumpyCategories", ',') AS lumpy, "hiringDelayDays" AS delay FROM "Organization" WHERE slug = 'acme'`,
      )
    )[0];
  const user = await createMemberUser("acme", "ADMIN");
  const before = await assumptions();
  await signIn(page, user.email, user.password);
  await page.goto("/acme/settings");

  await page.getByLabel("Run-rate window (months)").fill("13");
  await page.getByLabel("Hiring delay (days)").fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Run-rate window must be from 1 to 12 months.")).toBeVisible();
  await expect(page.getByText("Hiring delay must be a number of days.")).toBeVisible();
  await expect(page.getByLabel("Run-rate window (months)")).toHaveAttribute("aria-invalid", "true");
  expect(await assumptions()).toEqual(before);

  await page.getByLabel("Run-rate window (months)").fill("6");
  await page.getByLabel("Hiring delay (days)").fill("45");
  await page.getByRole("checkbox", { name: "Travel" }).uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved", { exact: true })).toBeVisible();
  expect(await assumptions()).toEqual({ months: 6, lumpy: "HARDWARE,TRAINING", delay: 45 });

  // Everyone who sees the forecast sees them beside it.
  await page.context().clearCookies();
  await signIn(page, "viewer@acme.example");
  await page.goto("/acme/budgets");
  const line = page.getByRole("main").locator("details[aria-label='Forecast assumptions'] summary");
  await expect(line).toContainText("Hiring delay 45 days");
  await expect(line).toContainText("Run-rate last 6 closed months");
  await expect(line).toContainText("From the plan Hardware, Training");

  // Put the demo's assumptions back for the other tests.
  await sql(
    `UPDATE "Organization" SET "forecastRunRateMonths" = $1, "hiringDelayDays" = $2, "forecastLumpyCategories" = string_to_array($3, ',')::"BudgetCategory"[] WHERE slug = 'acme'`,
    [before.months, before.delay, before.lumpy],
  );
});
