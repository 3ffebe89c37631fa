import { expect, test, type Page } from "@playwright/test";

import { encodeJwt } from "@/lib/auth/session-cookie";

import { createMemberUser, signIn, sql } from "./fixtures";

// Response headers, the CSP nonce, session cookie flags, idle sessions, membership removal and
// the change-password flow, seen from a real browser against the production build.

const E2E_SECRET = "e2e-only-secret-not-for-production-0123456789"; // playwright.config.ts

function cspNonce(csp: string): string {
  const match = csp.match(/script-src [^;]*'nonce-([^']+)'/);
  expect(match, `no script nonce in ${csp}`).not.toBeNull();
  return match![1];
}

/** Collects CSP violations and console errors for everything the page does from now on. */
async function watchCsp(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
  return problems;
}

test("pages carry the security headers and a fresh CSP nonce that every script tag has", async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 2; i++) {
    const response = await request.get("/login");
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // Not production: no HSTS on plain http (it would pin localhost to https).
    expect(headers["strict-transport-security"]).toBeUndefined();
    const csp = headers["content-security-policy"];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp.match(/script-src [^;]*/)![0]).not.toContain("unsafe-inline");
    const nonce = cspNonce(csp);
    nonces.add(nonce);

    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(2);
});

test("no CSP violation or console error on login and the main pages, client-side zod included", async ({ page }) => {
  const problems = await watchCsp(page);
  await signIn(page, "director@acme.example");
  for (const path of [
    "/acme/dashboard",
    "/acme/projects",
    "/acme/budgets",
    "/acme/vendors",
    "/acme/roadmap",
    "/acme/headcount",
    "/acme/settings/audit",
    "/acme/account",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  // Client navigation and a Radix menu (inline positioning styles) as well.
  await page.getByRole("button", { name: /Account menu/ }).click();
  await expect(page.getByRole("menuitem", { name: "Your account" })).toBeVisible();
  await page.keyboard.press("Escape");
  expect(problems).toEqual([]);
});

test("the session cookie is httpOnly and SameSite=Lax, invisible to scripts", async ({ page, context }) => {
  await signIn(page, "viewer@acme.example");
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  // Plain http outside production: Secure would make the browser drop it (see the unit test).
  expect(session?.secure).toBe(false);
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});

test("an idle session and one past its lifetime are sent to the login page", async ({ page, context, baseURL }) => {
  const [user] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = 'viewer@acme.example'`);
  const now = Date.now();
  const url = new URL(baseURL!);
  for (const times of [
    { authAt: now - 3 * 3600_000, lastSeen: now - 2 * 3600_000 }, // idle for 2 hours
    { authAt: now - 13 * 3600_000, lastSeen: now - 60_000 }, // active, but signed in 13 hours ago
  ]) {
    const sid = `e2e-times-${times.authAt}`;
    await sql(`INSERT INTO "UserSession" (id, "userId") VALUES ($1, $2)`, [sid, user.id]);
    const token = await encodeJwt({ token: { sub: user.id, sid, ...times }, secret: E2E_SECRET });
    await context.clearCookies();
    await context.addCookies([
      { name: "next-auth.session-token", value: token, domain: url.hostname, path: "/", httpOnly: true, sameSite: "Lax" },
    ]);
    await page.goto("/acme/dashboard");
    await expect(page).toHaveURL(/\/login/);
  }
  // The same forged-cookie route with fresh times works, so the refusals above are the times'.
  // (It needs a live server-side session record, which a forged cookie alone cannot create.)
  const sid = `e2e-forged-${now}`;
  await sql(`INSERT INTO "UserSession" (id, "userId") VALUES ($1, $2)`, [sid, user.id]);
  const fresh = await encodeJwt({ token: { sub: user.id, sid, authAt: now, lastSeen: now }, secret: E2E_SECRET });
  await context.clearCookies();
  await context.addCookies([
    { name: "next-auth.session-token", value: fresh, domain: url.hostname, path: "/", httpOnly: true, sameSite: "Lax" },
  ]);
  await page.goto("/acme/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
});

test("a removed member's next page load is a 404 and their next action is refused", async ({ page }) => {
  const user = await createMemberUser("acme", "ADMIN");
  await signIn(page, user.email, user.password);
  await page.goto("/acme/settings");
  await page.getByLabel("Organization name").fill("Removed Admin Was Here");
  await sql(`DELETE FROM "Membership" WHERE id = $1`, [user.membershipId]);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /not found|permission/i })).toBeVisible();
  const [org] = await sql<{ name: string }>(`SELECT name FROM "Organization" WHERE slug = 'acme'`);
  expect(org.name).not.toBe("Removed Admin Was Here");
  const response = await page.goto("/acme/dashboard");
  expect(response?.status()).toBe(404);
});
