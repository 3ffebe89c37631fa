import { expect, test } from "@playwright/test";

import { createMemberUser, signIn, sql } from "./fixtures";

test("changing the password keeps this browser signed in and signs the others out", async ({ page, browser }) => {
  const user = await createMemberUser("acme", "MANAGER");
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, user.email, user.password);
  await signIn(page, user.email, user.password);

  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page).toHaveURL(/\/acme\/account$/);

  // Wrong current password and a weak new one: both named, nothing changed.
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Confirm new password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("a-much-better-passphrase");
  await page.getByLabel("Confirm new password").fill("a-much-better-passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your current password is not correct.")).toBeVisible();
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  // A refusal focuses the first field to fix.
  await expect(page.getByLabel("Current password")).toBeFocused();
  const [unchanged] = await sql<{ passwordChangedAt: Date | null }>(`SELECT "passwordChangedAt" FROM "User" WHERE id = $1`, [user.id]);
  expect(unchanged.passwordChangedAt).toBeNull();

  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("a-much-better-passphrase");
  await page.getByLabel("Confirm new password").fill("a-much-better-passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/Your password was changed/)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /Your password was changed/ })).toBeFocused();
  const [event] = await sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "actorId" = $1 ORDER BY at DESC LIMIT 1`, [user.id]);
  expect(event.action).toBe("account.password.change");

  // This browser keeps working; the other one is signed out on its next request.
  await page.goto("/acme/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await otherPage.goto("/acme/dashboard");
  await expect(otherPage).toHaveURL(/\/login/);

  // The old password no longer works; the new one does.
  await otherPage.getByLabel("Email").fill(user.email);
  await otherPage.getByLabel("Password").fill(user.password);
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(otherPage.getByText(/Invalid email or password/)).toBeVisible();
  await signIn(otherPage, user.email, "a-much-better-passphrase");
  await other.close();
});
