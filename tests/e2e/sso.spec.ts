import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { startTestIdp, type TestIdp } from "../support/oidc-idp";
import { sql } from "./fixtures";

// docs/sso.md end to end: an admin configures single sign-on against a real OpenID provider
// (oidc-provider, started here) in the settings UI and tests the connection; a new user then
// types their email on the login page, follows "Sign in with …" through the provider (its
// test-only interaction signs in the chosen account) and lands in the org with the mapped role.

const APP_PORT = Number(process.env.E2E_PORT ?? 3217);
const IDP_PORT = Number(process.env.E2E_IDP_PORT ?? 3453);
let idp: TestIdp;

test.beforeAll(async () => {
  idp = await startTestIdp({ port: IDP_PORT, redirectUris: [`http://localhost:${APP_PORT}/api/auth/sso/callback`] });
});
test.afterAll(async () => {
  await idp?.close();
});

test("an admin sets up SSO, and a new user signs in with the mapped role", async ({ page, browser }) => {
  // A fresh org and admin, so the SSO domain and settings touch no other spec.
  const id = randomBytes(4).toString("hex");
  const slug = `sso-${id}`;
  const domain = `sso-${id}.example`;
  const { hashPassword } = await import("../../lib/auth/password");
  await sql(`INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES ($1, $2, $3, now())`, [`o${id}`, `SSO ${id}`, slug]);
  await sql(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, 'SSO Admin', $3, now())`, [
    `u${id}`,
    `admin@${domain}`,
    await hashPassword("admin-password-123"),
  ]);
  await sql(`INSERT INTO "Membership" (id, "orgId", "userId", role, "updatedAt") VALUES ($1, $2, $3, 'ADMIN', now())`, [
    `m${id}`,
    `o${id}`,
    `u${id}`,
  ]);

  await page.goto("/login");
  await page.getByLabel("Email").fill(`admin@${domain}`);
  await page.getByLabel("Password").fill("admin-password-123");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });

  await page.goto(`/${slug}/settings`);
  await page.getByRole("link", { name: "Single sign-on" }).click();
  await expect(page.getByRole("heading", { name: "Single sign-on" })).toBeVisible();
  await expect(page.getByText(`http://localhost:${APP_PORT}/api/auth/sso/callback`)).toBeVisible();
  await page.getByLabel("Provider name").fill("Test IdP");
  await page.getByLabel("Issuer URL").fill(idp.issuer);
  await page.getByLabel("Client id").fill(idp.clientId);
  await page.getByLabel("Client secret").fill(idp.clientSecret);
  await page.getByLabel("Scopes").fill("openid email profile groups");
  await page.getByLabel("Email domains").fill(domain);
  await page.getByLabel("Group → role").fill("keel-directors = DIRECTOR\nkeel-finance = FINANCE");
  await page.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(page.getByText("Single sign-on saved", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Test connection" }).click();
  const steps = page.getByRole("list", { name: "Connection test" });
  await expect(steps).toContainText("✓ Discovery");
  await expect(steps).toContainText("✓ Client id and secret: The provider accepted the client id and secret.");
  const [stored] = await sql<{ clientSecretSealed: string }>(`SELECT "clientSecretSealed" FROM "OrgSso" WHERE "orgId" = $1`, [`o${id}`]);
  expect(stored.clientSecretSealed).not.toContain(idp.clientSecret);

  // A new user, in a browser of their own.
  idp.account = {
    sub: `dee-${id}`,
    email: `dee@${domain}`,
    email_verified: true,
    name: "Dee Newcomer",
    groups: ["everyone", "keel-directors"],
  };
  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await newcomer.goto("/login");
  await newcomer.getByLabel("Email").fill(`dee@${domain}`);
  await newcomer.getByRole("link", { name: "Sign in with Test IdP" }).click();
  await expect(newcomer).toHaveURL(new RegExp(`/${slug}/dashboard`), { timeout: 30_000 });
  const [membership] = await sql<{ role: string }>(
    `SELECT m.role::text AS role FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1 AND m."orgId" = $2`,
    [`dee@${domain}`, `o${id}`],
  );
  expect(membership.role).toBe("DIRECTOR");
  // Signed in with Keel's own session: a director may open the org settings form.
  await newcomer.goto(`/${slug}/settings`);
  await expect(newcomer.getByRole("button", { name: "Save settings" })).toBeVisible();
  await context.close();
});
