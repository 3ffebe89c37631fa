import { randomBytes } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { createMemberUser, settled, signIn, sql } from "./fixtures";

// Issue 20, item 6: no serious or critical axe violation inside the main dialogs and forms (the
// update form's edit and delete, the org tree's, the import and its revert, new position,
// vendor and contract, the member invite and its removal), and focus moves to the result after a
// submission (also on the settings forms and milestones).
// Pages themselves are checked at 390 and 1280 by responsive.spec.ts.

test.use({ viewport: { width: 1280, height: 800 } });

const uid = () => randomBytes(3).toString("hex").toUpperCase();

/** Serious and critical violations on the page as it is now (an open dialog included). */
async function faults(page: Page, where: string): Promise<string[]> {
  await settled(page);
  // A toast or dialog still fading in is partly transparent: check what the reader ends up seeing.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${where} ${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

test("the update form's dialogs: edit and delete of one's own update", async ({ page }) => {
  const [project] = await sql<{ id: string }>(
    `SELECT p.id FROM "Project" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'acme' AND p.name = 'SSO & SCIM Provisioning'`,
  );
  await signIn(page, "manager@acme.example");
  await page.goto(`/acme/projects/${project.id}`);
  const form = page.getByRole("form", { name: "Post a status update" });
  const summary = `A11y ${uid()}`;
  await form.getByLabel("On track").check();
  await form.getByLabel("Summary").fill(summary);
  await form.getByRole("button", { name: /^(Post update|Add another update)$/ }).click();
  await expect(page.getByText(/^Update posted: it is the latest update below/)).toBeFocused();
  const found = await faults(page, "update form after posting");

  const latest = page.getByRole("region", { name: "Latest update" });
  // The edit window is a deadline: "editable until 14:32".
  await expect(latest.getByText(/editable until (tomorrow )?\d\d:\d\d/)).toBeVisible();
  await latest.getByRole("button", { name: `Edit update: ${summary}` }).click();
  await expect(page.getByRole("dialog", { name: /Edit your update/ })).toBeVisible();
  found.push(...(await faults(page, "edit update dialog")));
  await page.keyboard.press("Escape");
  await latest.getByRole("button", { name: `Delete update: ${summary}` }).click();
  const del = page.getByRole("dialog", { name: "Delete this update?" });
  await expect(del).toBeVisible();
  found.push(...(await faults(page, "delete update dialog")));
  // Leave the demo as it was.
  await del.getByRole("button", { name: "Delete update" }).click();
  // Gone from the updates (the project's History keeps its trail).
  await expect(page.getByRole("region", { name: /^(Latest update|Update history)$/ }).getByText(summary)).toHaveCount(0);
  expect(found).toEqual([]);
});

test("the org tree's dialogs", async ({ page }) => {
  await signIn(page, "director@acme.example");
  await page.goto("/acme/teams");
  await page.getByRole("button", { name: "New unit" }).click();
  await expect(page.getByRole("dialog", { name: "New org unit" })).toBeVisible();
  const found = await faults(page, "new unit dialog");
  await page.keyboard.press("Escape");
  const [unit] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PROD'`,
  );
  await page.goto(`/acme/teams/units/${unit.id}`);
  for (const name of ["Rename", /^(Set|Change) lead$/]) {
    await page.getByRole("button", { name }).first().click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    found.push(...(await faults(page, `${name} dialog`)));
    // (Escape would first close the lead picker's open list.)
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
  }
  expect(found).toEqual([]);
});

test("the import dialog and the revert confirmation", async ({ page }) => {
  const [team] = await sql<{ code: string }>(
    `SELECT u.code FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PROD'`,
  );
  await signIn(page, "finance@acme.example");
  const file = `a11y-${uid()}.csv`;
  const today = new Date().toISOString().slice(0, 10);
  const res = await page.request.post(`/acme/budgets/import?kind=actuals&name=${file}`, {
    data: `date,cost centre code,category,amount,vendor,memo,external reference\n${today},${team.code},SOFTWARE,1.00,,,A11Y-${uid()}\n`,
    headers: { "Content-Type": "text/csv" },
  });
  expect(res.status()).toBe(200);
  await page.goto("/acme/budgets");
  await page.getByRole("button", { name: "Import actuals" }).click();
  const importDialog = page.getByRole("dialog", { name: "Import actuals" });
  await expect(importDialog).toBeVisible();
  const found = await faults(page, "import dialog");
  await importDialog.getByRole("button", { name: "Close" }).click();
  await page.getByRole("button", { name: `Revert ${file}` }).click();
  const confirm = page.getByRole("dialog", { name: "Revert this import?" });
  await expect(confirm).toBeVisible();
  found.push(...(await faults(page, "revert dialog")));
  await confirm.getByRole("button", { name: "Revert import" }).click();
  await expect(
    page
      .locator("#main")
      .getByRole("status")
      .filter({ hasText: `Reverted "${file}": 1 ledger line removed.` }),
  ).toBeFocused();
  found.push(...(await faults(page, "after revert")));
  expect(found).toEqual([]);
});

test("new position: the dialog, and focus on the result after creating", async ({ page }) => {
  await signIn(page, "director@acme.example");
  await page.goto("/acme/headcount");
  await page.getByRole("button", { name: "New position" }).click();
  const dialog = page.getByRole("dialog", { name: "New position" });
  await expect(dialog.getByLabel("Title")).toBeVisible();
  const found = await faults(page, "new position dialog");
  const title = `A11y Analyst ${uid()}`;
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Level").fill("IC3");
  await dialog.getByLabel("Annual compensation").fill("150000");
  await dialog.getByLabel("Open for hiring now").uncheck();
  await dialog.getByLabel(/Outside the hiring plan/).check();
  await dialog.getByRole("button", { name: "Create position" }).click();
  await expect(dialog).toBeHidden();
  // (The toast repeats it in its own live region, outside the page's main.)
  await expect(
    page
      .locator("#main")
      .getByRole("status")
      .filter({ hasText: `Position planned: ${title}` }),
  ).toBeFocused();
  expect(found).toEqual([]);
});

test("vendors: new vendor and new contract dialogs, focus on the result after creating", async ({ page }) => {
  await signIn(page, "director@acme.example");
  await page.goto("/acme/vendors");
  await page.getByRole("button", { name: "New contract" }).click();
  await expect(page.getByRole("dialog", { name: "New contract" })).toBeVisible();
  const found = await faults(page, "new contract dialog");
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "New vendor" }).click();
  const dialog = page.getByRole("dialog", { name: "New vendor" });
  await expect(dialog).toBeVisible();
  found.push(...(await faults(page, "new vendor dialog")));
  // A refused save keeps the dialog open and says why.
  await dialog.getByRole("button", { name: "Save vendor" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "Please correct the highlighted fields." })).toBeVisible();
  found.push(...(await faults(page, "new vendor dialog with errors")));
  const name = `A11y Vendor ${uid()}`;
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Save vendor" }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page
      .locator("#main")
      .getByRole("status")
      .filter({ hasText: `Vendor "${name}" added` }),
  ).toBeFocused();
  expect(found).toEqual([]);
});

test("members: the invite form, focus on the link after inviting and on the field after a refusal", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/acme/settings");
  const email = page.getByLabel("Email", { exact: true });
  await email.fill("not an email");
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  const found = await faults(page, "invite refused");
  await email.fill(`a11y-${uid().toLowerCase()}@example.com`);
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Invitation created\. Send this single-use link/ })).toBeFocused();
  found.push(...(await faults(page, "invite sent")));
  expect(found).toEqual([]);
});

test("members: removing one asks in a dialog, and the result is reported in the page and focused", async ({ page }) => {
  const user = await createMemberUser("acme", "VIEWER");
  await signIn(page, "admin@acme.example");
  await page.goto(`/acme/settings?q=${encodeURIComponent(user.email)}`);
  const row = page.getByRole("row").filter({ hasText: user.email });
  await row.getByRole("button", { name: "Remove E2E VIEWER" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove E2E VIEWER?" });
  await expect(dialog).toBeVisible();
  const found = await faults(page, "remove member dialog");
  // Cancelling writes nothing and returns to the button.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("button", { name: "Remove E2E VIEWER" })).toBeFocused();
  expect(await sql(`SELECT id FROM "Membership" WHERE id = $1`, [user.membershipId])).toHaveLength(1);

  await row.getByRole("button", { name: "Remove E2E VIEWER" }).click();
  await dialog.getByRole("button", { name: "Remove member" }).click();
  const outcome = page.getByTestId("members-outcome");
  await expect(outcome).toHaveText("E2E VIEWER was removed from the organization.");
  await expect(outcome).toBeFocused();
  await expect(page.getByRole("row").filter({ hasText: user.email })).toHaveCount(0);
  expect(await sql(`SELECT id FROM "Membership" WHERE id = $1`, [user.membershipId])).toHaveLength(0);
  expect(found).toEqual([]);
});

test("settings: focus on the saved note after saving, and on the field to fix after a refusal", async ({ page }) => {
  const user = await createMemberUser("acme", "ADMIN");
  await signIn(page, user.email, user.password);
  await page.goto("/acme/settings");
  const grace = page.getByLabel("Grace period (days)");
  const kept = await grace.inputValue();
  await grace.fill("45");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(grace).toBeFocused();
  await expect(grace).toHaveAttribute("aria-invalid", "true");
  await grace.fill(kept);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeFocused();

  const group = page.getByLabel("Minimum group");
  const size = await group.inputValue();
  await group.fill(size);
  await page.getByRole("button", { name: "Save pay privacy" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Pay privacy saved." })).toBeFocused();
});

test("milestones: focus on the result after adding, rescheduling and ticking one done", async ({ page }) => {
  const [project] = await sql<{ id: string }>(
    `SELECT p.id FROM "Project" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'acme' AND p.name = 'SSO & SCIM Provisioning'`,
  );
  const name = `A11y milestone ${uid()}`;
  await signIn(page, "manager@acme.example");
  await page.goto(`/acme/projects/${project.id}`);
  const form = page.getByRole("form", { name: "Add a milestone" });
  await form.getByLabel("Milestone").fill(name);
  await form.getByRole("button", { name: "Add milestone" }).click();
  await expect(form.getByLabel("Due")).toBeFocused();
  await form.getByLabel("Milestone").fill(name);
  await form.getByLabel("Due").fill("2027-03-31");
  await form.getByRole("button", { name: "Add milestone" }).click();
  await expect(form.getByRole("status")).toHaveText(`Milestone added: ${name}`);
  await expect(form.getByRole("status")).toBeFocused();
  await expect(form.locator("xpath=..").getByText(name, { exact: true }).first()).toBeVisible();

  // Rescheduling and ticking it done disable the field while saving: focus goes to the row's result.
  await page.getByLabel(`${name} due date`).fill("2027-04-30");
  // Saved on Enter (or leaving the field), not while a date is typed key by key.
  await page.getByLabel(`${name} due date`).press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `${name} rescheduled to` })).toBeFocused();
  // (click, not check: the box shows the saved state, so it is ticked once the save is in.)
  await page.getByRole("checkbox", { name: `${name} done` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${name} marked done.` })).toBeFocused();
  await expect(page.getByRole("checkbox", { name: `${name} done` })).toBeChecked();
  await sql(`DELETE FROM "Milestone" WHERE name = $1`, [name]);
});
