import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { createMemberUser, signIn, sql } from "./fixtures";

// The app-shell menus are hand-written (components/ui/menu.tsx, not Radix): these pin the
// keyboard and pointer behaviour of the menu-button pattern they promise.

async function managerOfAcmeAndGlobex() {
  const user = await createMemberUser("acme", "MANAGER");
  await sql(
    `INSERT INTO "Membership" (id, "orgId", "userId", role, "updatedAt")
     SELECT $1, o.id, $2, 'VIEWER', now() FROM "Organization" o WHERE o.slug = 'globex'`,
    [`${user.membershipId}g`, user.id],
  );
  return user;
}

test("org switcher by keyboard: Enter opens on the first org, arrows wrap, Escape returns focus, ArrowUp opens on the last, Enter switches", async ({
  page,
}) => {
  const user = await managerOfAcmeAndGlobex();
  await signIn(page, user.email, user.password);
  await page.goto("/acme/dashboard");

  const trigger = page.getByRole("button", { name: /Switch organization/ });
  await expect(trigger).toHaveAttribute("aria-haspopup", "menu");
  await expect(trigger).toHaveAttribute("aria-expanded", "false");
  await trigger.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
  await expect(menu).toHaveAccessibleName(/Switch organization/);
  const acme = menu.getByRole("menuitem", { name: /Acme/ });
  const globex = menu.getByRole("menuitem", { name: /Globex/ });
  await expect(acme).toBeFocused();
  await expect(acme).toHaveAttribute("aria-current", "true");
  expect((await new AxeBuilder({ page }).setLegacyMode().include('[role="menu"]').analyze()).violations).toEqual([]);

  await page.keyboard.press("ArrowDown");
  await expect(globex).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(acme).toBeFocused();
  await page.keyboard.press("End");
  await expect(globex).toBeFocused();
  await page.keyboard.press("Home");
  await expect(acme).toBeFocused();
  await page.keyboard.press("g");
  await expect(globex).toBeFocused();

  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(trigger).toHaveAttribute("aria-expanded", "false");

  await page.keyboard.press("ArrowUp");
  await expect(globex).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/globex\/dashboard$/);
  await expect(page.getByRole("button", { name: /Organization: Globex/ })).toBeVisible();
});

test("bell and user menu by pointer: a click outside closes, opening one closes the other; Space follows a link item", async ({ page }) => {
  const user = await managerOfAcmeAndGlobex();
  await signIn(page, user.email, user.password);
  await page.goto("/acme/dashboard");

  const bell = page.getByRole("button", { name: /^Notifications/ });
  const account = page.getByRole("button", { name: /Account menu/ });
  await bell.click();
  const menu = page.getByRole("menu");
  await expect(menu).toHaveCount(1);
  await expect(menu.getByRole("menuitem", { name: /Open the delivery review/ })).toBeVisible();

  await page.getByRole("heading", { level: 1 }).click();
  await expect(menu).toHaveCount(0);
  await expect(bell).toHaveAttribute("aria-expanded", "false");

  await account.click();
  await expect(page.getByRole("menuitem", { name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("role-badge")).toHaveText("Manager");
  await bell.click();
  await expect(menu).toHaveCount(1);
  await expect(page.getByRole("menuitem", { name: "Your account" })).toHaveCount(0);
  await expect(account).toHaveAttribute("aria-expanded", "false");
  await bell.click();
  await expect(menu).toHaveCount(0);

  await account.focus();
  await page.keyboard.press(" ");
  await expect(page.getByRole("menuitem", { name: "Your account" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(menu).toHaveCount(0);

  await account.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press(" ");
  await expect(page).toHaveURL(/\/acme\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(menu).toHaveCount(0);
});
