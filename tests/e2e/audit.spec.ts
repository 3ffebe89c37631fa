import { expect, test } from "@playwright/test";

import { auditSentence } from "@/lib/audit/sentences";

import { signIn, sql } from "./fixtures";

test("a director reads the audit log from settings, filters it in the URL and exports the same rows", async ({ page }) => {
  await signIn(page, "director@acme.example");
  await page.goto("/acme/settings");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByTestId("audit-row").first()).toBeVisible();

  const [{ action, n }] = await sql<{ action: string; n: string }>(
    `SELECT a.action, count(*) AS n FROM "AuditEvent" a JOIN "Organization" o ON o.id = a."orgId"
     WHERE o.slug = 'acme' GROUP BY a.action ORDER BY count(*) ASC, a.action LIMIT 1`,
  );
  await page.getByLabel("Action").selectOption(action);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]action=${encodeURIComponent(action).replace(/\./g, "\\.")}`));
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(Math.min(Number(n), 50));
  // The rows say what happened in words, not the action code.
  for (const text of await rows.allInnerTexts()) expect(text).toContain(auditSentence(action).label);

  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).toContain(`action=${encodeURIComponent(action)}`);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const lines = (await response.text()).trim().split("\r\n");
  expect(lines[0]).toBe("at,actor_email,actor_name,action,entity_type,entity_id,changes,summary");
  expect(lines).toHaveLength(Number(n) + 1);
  for (const line of lines.slice(1)) expect(line.split(",")[3]).toBe(action);
});

test("an entry links its record, whose History shows the same entry, at desktop and phone widths", async ({ page }) => {
  await signIn(page, "director@acme.example");
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto("/acme/settings/audit?entity=Contract");
    const row = page.getByTestId("audit-row").first();
    const sentence = (await row.locator("p").first().innerText()).trim();
    expect(sentence).toMatch(/ edited contract /);
    expect(sentence).not.toMatch(/c[a-z0-9]{20,}/);
    await row.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/acme\/contracts\/[^/?#]+$/);
    const history = page.locator("#history");
    await expect(history.getByRole("heading", { name: "History" })).toBeVisible();
    // The same sentence; a History names the actor without their email.
    await expect(history.getByTestId("audit-row").first()).toContainText(sentence.replace(/ \([^()\s]+@[^()\s]+\)/, ""));
    // Nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  }
});

for (const email of ["manager@acme.example", "finance@acme.example", "viewer@acme.example"]) {
  test(`${email} gets a 404 for the audit log and its export, and no link to it`, async ({ page }) => {
    await signIn(page, email);
    const response = await page.goto("/acme/settings/audit");
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("audit-row")).toHaveCount(0);
    const csv = await page.request.get("/acme/settings/audit/export");
    expect(csv.status()).toBe(404);
    await page.goto("/acme/settings");
    await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  });
}

test("a Globex director cannot read Acme's audit log", async ({ page }) => {
  await signIn(page, "director@globex.example");
  expect((await page.goto("/acme/settings/audit"))?.status()).toBe(404);
  expect((await page.request.get("/acme/settings/audit/export")).status()).toBe(404);
});
