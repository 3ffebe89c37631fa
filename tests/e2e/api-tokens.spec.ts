import { expect, test } from "@playwright/test";

import { createMemberUser, signIn, sql } from "./fixtures";

// An admin creates an org API token in the UI, a script calls the REST API with it (the request
// fixture: what curl would send), the admin revokes it, and the very next call is refused.
test("an admin creates an API token, the API answers it, and a revoked token gets 401", async ({ page, playwright, baseURL }) => {
  const admin = await createMemberUser("acme", "ADMIN");
  await signIn(page, admin.email, admin.password);
  await page.goto("/acme/settings");
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();

  const name = `Warehouse sync ${Date.now().toString(36)}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  // No scope chosen: the form names the field and creates nothing.
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Choose at least one scope.")).toBeVisible();
  expect(await sql(`SELECT id FROM "ApiToken" WHERE name = $1`, [name])).toHaveLength(0);

  await page.getByRole("checkbox", { name: /projects:read/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-api-token").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^keel_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("list", { name: "API tokens" }).getByText(name)).toBeVisible();

  // A script, outside the browser: no cookies, only the bearer token.
  const api = await playwright.request.newContext({ baseURL });
  try {
    const ok = await api.get("/api/v1/projects?limit=2", { headers: { authorization: `Bearer ${secret}` } });
    expect(ok.status()).toBe(200);
    expect(ok.headers()["ratelimit-limit"]).toBeTruthy();
    const page1 = await ok.json();
    expect(page1.data.length).toBeGreaterThan(0);
    const noScope = await api.get("/api/v1/people", { headers: { authorization: `Bearer ${secret}` } });
    expect(noScope.status()).toBe(403);
    expect(noScope.headers()["content-type"]).toContain("application/problem+json");
    expect((await noScope.json()).scope).toBe("people:read");

    await page.getByRole("button", { name: "Done" }).click();
    await page.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(
      page
        .getByRole("list", { name: "API tokens" })
        .getByRole("listitem")
        .filter({ hasText: name })
        .getByText(/^Revoked/),
    ).toBeVisible();

    const refused = await api.get("/api/v1/projects", { headers: { authorization: `Bearer ${secret}` } });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).title).toBe("Unauthorized");
  } finally {
    await api.dispose();
  }
  const [event] = await sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "actorId" = $1 ORDER BY at DESC LIMIT 1`, [
    admin.id,
  ]);
  expect(event.action).toBe("api-token.revoke");
});
