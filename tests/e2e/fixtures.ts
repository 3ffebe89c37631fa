import { randomBytes } from "node:crypto";

import { expect, type Locator, type Page } from "@playwright/test";
import pg from "pg";

import { hashPassword } from "../../lib/auth/password";

// E2E fixtures talk to the seeded test database directly (plain SQL: the browser tests must
// not depend on app internals) to create users with unique names and to check what was written.

export const DEMO_PASSWORD = "keel-demo";
export const AREAS = ["dashboard", "teams", "roadmap", "projects", "budgets", "headcount", "vendors", "settings"] as const;
export const AREA_HEADINGS: Record<(typeof AREAS)[number], string> = {
  dashboard: "Dashboard",
  teams: "Teams",
  roadmap: "Roadmap",
  projects: "Projects",
  budgets: "Budgets",
  headcount: "Headcount",
  vendors: "Vendors",
  settings: "Settings",
};

export async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

/** A fresh user with a membership in the org, unique per call. */
export async function createMemberUser(orgSlug: string, role: string) {
  const email = `e2e-${role.toLowerCase()}-${randomBytes(4).toString("hex")}@test.example`;
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const id = `e2e${randomBytes(10).toString("hex")}`;
  await sql(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
    id,
    email,
    `E2E ${role}`,
    await hashPassword(password),
  ]);
  await sql(
    `INSERT INTO "Membership" (id, "orgId", "userId", role, "updatedAt")
     SELECT $1, o.id, $2, $3::"Role", now() FROM "Organization" o WHERE o.slug = $4`,
    [`m${id}`, id, role, orgSlug],
  );
  return { id, email, password, membershipId: `m${id}` };
}

/**
 * Waits two animation frames, by which React has rendered what the last effects scheduled. A Radix
 * dialog or menu learns that it is the top layer in a render after it mounts (DismissableLayer);
 * an Escape pressed before that render is ignored — under load a test could press it in that gap
 * right after the dialog took focus, and the dialog stayed open.
 */
export async function settled(page: Page) {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Waits until React has hydrated the element (its props are attached to the node), then two
 * frames. A `next/link` clicked in the instant hydration attaches to it can start a navigation
 * that never commits (vercel/next.js#98305, a race seen under CPU contention); a click after it
 * navigates as a user's does.
 */
export async function hydrated(target: Locator) {
  await expect
    .poll(() => target.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps$"))), { timeout: 30_000 })
    .toBe(true);
  await settled(target.page());
}
