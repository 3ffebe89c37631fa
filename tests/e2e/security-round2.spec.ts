import { request as httpRequest } from "node:http";

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
  // (A fresh visitor's first submits can miss next-auth's CSRF cookie and never reach the
  // password check, so this counts answers, not clicks.)
  let held = false;
  for (let i = 0; i < 12 && !held; i++) {
    await other.goto("/login");
    await other.getByLabel("Email").fill(user.email);
    await other.getByLabel("Password").fill(`wrong-${i}`);
    await other.getByRole("button", { name: "Sign in" }).click();
    const error = other.locator("#login-error");
    await expect(error).toBeVisible();
    held = (await error.textContent())!.includes("Too many failed sign-ins");
  }
  expect(held, "the account backs off after repeated wrong passwords").toBe(true);
  await attacker.close();

  // The real user, on the device that signed in before, still gets in.
  await signIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/acme\/dashboard/);
});

test("sign-out ends the session: a copy of the cookie no longer works", async ({ page, browser, baseURL }) => {
  const user = await createMemberUser("acme", "VIEWER");
  await signIn(page, user.email, user.password);
  const copied = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token")!;
  expect(copied).toBeDefined();
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  // Someone who copied the cookie before the sign-out gets the login page, not the dashboard.
  const thief = await browser.newContext({ baseURL });
  await thief.addCookies([{ ...copied }]);
  const stolen = await thief.newPage();
  await stolen.goto("/acme/dashboard");
  await expect(stolen).toHaveURL(/\/login/);
  const res = await stolen.request.get("/acme/projects/search?q=a");
  expect(res.status()).toBe(401);
  await thief.close();
});

test("an admin's sign-out-everywhere ends a member's sessions at once", async ({ page, browser, baseURL }) => {
  const user = await createMemberUser("acme", "FINANCE");
  const memberContext = await browser.newContext({ baseURL });
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, user.email, user.password);

  await signIn(page, "admin@acme.example");
  await page.goto("/acme/settings");
  const row = page.getByRole("row").filter({ hasText: user.email });
  await expect(row.getByText(/1 active/)).toBeVisible();
  // For a person to look at: the members table with its sessions column, wide and on a phone.
  await page.setViewportSize({ width: 1440, height: 900 });
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("members-sessions-1440.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("members-sessions-390.png") });
  await page.setViewportSize({ width: 1280, height: 720 });
  await row.getByRole("button", { name: "Sign E2E FINANCE out everywhere" }).click();
  // Asked in the app's dialog (not the browser's confirm()); the result is reported in the page.
  await page.getByRole("dialog", { name: "Sign E2E FINANCE out everywhere?" }).getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByTestId("members-outcome")).toHaveText("E2E FINANCE was signed out everywhere.");
  await expect(page.getByTestId("members-outcome")).toBeFocused();
  await expect(row.getByText("Not signed in")).toBeVisible();

  await memberPage.goto("/acme/dashboard");
  await expect(memberPage).toHaveURL(/\/login/);
  await memberContext.close();
});

test("a user signs out one of their own other sessions from their account page", async ({ page, browser, baseURL }) => {
  const user = await createMemberUser("acme", "VIEWER");
  const phoneContext = await browser.newContext({
    baseURL,
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1",
  });
  const phone = await phoneContext.newPage();
  await signIn(phone, user.email, user.password);
  await signIn(page, user.email, user.password);

  await page.goto("/acme/account");
  const sessions = page.getByRole("list", { name: "Your sessions" });
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await expect(sessions.getByText("This browser")).toBeVisible();
  await sessions.getByRole("button", { name: /^Sign out Safari on iOS/ }).click();
  await expect(sessions.getByRole("listitem")).toHaveCount(1);
  await expect(sessions.getByRole("button", { name: /^Sign out/ })).toHaveCount(0);

  await phone.goto("/acme/dashboard");
  await expect(phone).toHaveURL(/\/login/);
  // This browser is still signed in.
  await page.goto("/acme/dashboard");
  await expect(page).toHaveURL(/\/acme\/dashboard/);
  await phoneContext.close();
});

test("an existing account is invited, not added, and joins only by accepting", async ({ page, browser, baseURL }) => {
  const invitee = await createMemberUser("globex", "VIEWER");
  await signIn(page, "admin@acme.example");
  await page.goto("/acme/settings");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(invitee.email);
  await page.getByRole("button", { name: "Invite" }).click();
  const link = page.locator("code").filter({ hasText: "/invite/" });
  await expect(link).toBeVisible();
  const invitePath = new URL((await link.textContent())!.trim()).pathname;

  const other = await browser.newContext({ baseURL });
  const inviteePage = await other.newPage();
  await signIn(inviteePage, invitee.email, invitee.password);
  // Not a member of Acme until they accept.
  expect((await inviteePage.goto("/acme/dashboard"))!.status()).toBe(404);
  await inviteePage.goto(invitePath);
  await inviteePage.getByRole("button", { name: /^Join / }).click();
  await expect(inviteePage).toHaveURL(/\/acme\/dashboard/);
  // Sign-in now lands in the org they joined last, whatever sorts first.
  await inviteePage.goto("/");
  await expect(inviteePage).toHaveURL(/\/acme\/dashboard/);
  await other.close();
});

test("server actions: cross-origin 403, over the limit 413, malformed 400 — each with a sentence, never a 500", async ({
  page,
  baseURL,
}) => {
  await signIn(page, "director@acme.example");
  const origin = new URL(baseURL!).origin;
  const post = (data: string | Buffer, headers: Record<string, string>) =>
    page.request.post("/acme/projects", {
      data,
      headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", ...headers },
      maxRedirects: 0,
    });

  const foreign = await post('["acme",{}]', { origin: "https://evil.example" });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toContain("sent from another site");

  const huge = await post(Buffer.alloc(9 * 1024 * 1024, 0x61), { origin });
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toContain("larger than 8 MB");

  for (const body of ['["acme",{"name":', "[".repeat(10_000) + "]".repeat(10_000), "not json"]) {
    const res = await post(body, { origin });
    expect(res.status(), body.slice(0, 20)).toBe(400);
  }

  // A chunked body (no Content-Length) past the limit: refused with a sentence, not Next's 500.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const chunked = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(new URL("/acme/projects", baseURL), {
      method: "POST",
      headers: {
        "next-action": "0".repeat(42),
        "content-type": "text/plain;charset=UTF-8",
        origin,
        cookie,
        "transfer-encoding": "chunked",
      },
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, text }));
    });
    // The server may answer and close before the rest is sent; only an unanswered error fails.
    req.on("error", (err) => (answered ? undefined : reject(err)));
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    for (let i = 0; i < 9; i++) req.write(chunk);
    req.end();
  });
  expect(chunked.status).toBe(411);
  expect(chunked.text).toContain("8 MB");
});
