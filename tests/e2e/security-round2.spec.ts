import { expect, test } from "@playwright/test";

import { createMemberUser, signIn } from "./fixtures";

// Issue 18 (security round 2), seen from a real browser against the production build.

test("callbackUrl only leads to this origin; no callbackUrl gives a 500", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const raw of ["%0a", "/%0a/x", "/%09/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example/"]) {
    const res = await page.request.get(`/login?callbackUrl=${raw}`);
    expect(res.status(), raw).toBeLessThan(500);
  }
  await page.goto("/login?callbackUrl=/%09/evil.example");
  await signIn(page, "viewer@acme.example");
  expect(new URL(page.url()).origin).toBe(origin);
  await expect(page).toHaveURL(/\/acme\/dashboard/);
  // Signed in, the login page redirects at once: still only to this origin, never a 500.
  for (const raw of ["%0a", "/%09/evil.example", "//evil.example"]) {
    const res = await page.request.get(`/login?callbackUrl=${raw}`, { maxRedirects: 0 });
    expect(res.status(), raw).toBeLessThan(400);
    expect(new URL(res.headers().location ?? "/", origin).origin).toBe(origin);
  }
});

test("prefetch responses carry the CSP header", async ({ page }) => {
  await signIn(page, "viewer@acme.example");
  const res = await page.request.get("/acme/projects", { headers: { "next-router-prefetch": "1", rsc: "1" } });
  expect(res.headers()["content-security-policy"]).toContain("script-src");
});

test("guesses from elsewhere cannot lock out a user on a device that signed in before", async ({ page, browser }) => {
  const user = await createMemberUser("acme", "VIEWER");
  await signIn(page, user.email, user.password);
  const device = (await page.context().cookies()).find((c) => c.name === "keel-device");
  expect(device?.httpOnly).toBe(true);
  await page.context().clearCookies({ name: "next-auth.session-token" });

  // An attacker elsewhere (no device cookie) guesses until the account backs off.
  const attacker = await browser.newContext();
  const other = await attacker.newPage();
  for (let i = 0; i < 6; i++) {
    await other.goto("/login");
    await other.getByLabel("Email").fill(user.email);
    await other.getByLabel("Password").fill(`wrong-${i}`);
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect(other.getByRole("alert")).toBeVisible();
  }
  await expect(other.getByRole("alert")).toContainText("Too many failed sign-ins");
  await attacker.close();

  // The real user, on the device that signed in before, still gets in.
  await signIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/acme\/dashboard/);
});
