import { expect, test } from "@playwright/test";

import { AREAS, signIn, sql } from "./fixtures";

test("an Acme user gets a 404 for every Globex page, and for an org that does not exist", async ({ page }) => {
  await signIn(page, "director@acme.example");
  for (const area of AREAS) {
    const response = await page.goto(`/globex/${area}`);
    expect(response?.status(), `/globex/${area}`).toBe(404);
    await expect(page.getByText("Globex")).toHaveCount(0);
  }
  const missing = await page.goto("/no-such-org/dashboard");
  expect(missing?.status()).toBe(404);
});

test("a Globex record id opened under Acme is a 404 and shows nothing of it", async ({ page }) => {
  const [project] = await sql<{ id: string; name: string }>(
    `SELECT p.id, p.name FROM "Project" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'globex' LIMIT 1`,
  );
  expect(project).toBeTruthy();
  await signIn(page, "director@acme.example");
  const response = await page.goto(`/acme/projects/${project.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(project.name)).toHaveCount(0);
  const foreignOrg = await page.goto(`/globex/projects/${project.id}`);
  expect(foreignOrg?.status()).toBe(404);
});

test("a Globex director sees only Globex in the org switcher and no Acme data", async ({ page }) => {
  await signIn(page, "director@globex.example");
  await expect(page).toHaveURL(/\/globex\/dashboard$/);
  const response = await page.goto("/acme/projects");
  expect(response?.status()).toBe(404);
  await page.goto("/globex/projects");
  await expect(page.getByText("Acme Robotics")).toHaveCount(0);
});

test("a project opens from the projects list and shows its history", async ({ page }) => {
  await signIn(page, "viewer@acme.example");
  await page.goto("/acme/projects");
  await page.getByRole("link", { name: "Perception Model v3" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Perception Model v3" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Status updates" })).toBeVisible();
  await expect(page.getByText(/acknowledged by|not acknowledged/).first()).toBeVisible();
});
