import { expect, test } from "@playwright/test";

import { AREA_HEADINGS, AREAS, signIn } from "./fixtures";

const ROLES = [
  { email: "director@acme.example", org: "acme", role: "Director" },
  { email: "manager@acme.example", org: "acme", role: "Manager" },
  { email: "finance@acme.example", org: "acme", role: "Finance" },
  { email: "viewer@acme.example", org: "acme", role: "Viewer" },
  { email: "admin@acme.example", org: "acme", role: "Admin" },
  { email: "director@globex.example", org: "globex", role: "Director" },
];

for (const { email, org, role } of ROLES) {
  test(`${email} signs in and reaches every area`, async ({ page }) => {
    await signIn(page, email);
    await expect(page).toHaveURL(new RegExp(`/${org}/dashboard$`));
    await expect(page.getByRole("button", { name: /Account menu/ })).toContainText(role);
    for (const area of AREAS) {
      const response = await page.goto(`/${org}/${area}`);
      expect(response?.status(), `${area} status`).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: AREA_HEADINGS[area] })).toBeVisible();
      // Navigation reaches the area too (the sidebar link is the active one).
      await expect(page.getByRole("navigation").getByRole("link", { name: AREA_HEADINGS[area] })).toHaveAttribute("aria-current", "page");
    }
  });
}

test("a wrong password shows one generic message and stays on the login page", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("director@acme.example");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Invalid email or password", { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("an unknown email gets the same message as a wrong password", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody@acme.example");
  await page.getByLabel("Password").fill("keel-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Invalid email or password", { exact: true })).toBeVisible();
});

test("signing out from the user menu ends the session", async ({ page }) => {
  await signIn(page, "viewer@acme.example");
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/acme/dashboard");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("signed-out visitors are sent to the login page", async ({ page }) => {
  for (const area of ["dashboard", "settings"]) {
    await page.goto(`/acme/${area}`);
    await expect(page).toHaveURL(/\/login/);
  }
});
