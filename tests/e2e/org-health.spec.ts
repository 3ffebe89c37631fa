import { expect, test } from "@playwright/test";

import { signIn, sql } from "./fixtures";

// Org health in the browser: a manager sees their own subtree (and nothing outside it), a
// director the whole org and any unit; finance is not let in. Figures are checked against the
// database: the managers listed are exactly the people in post with a direct report in post.

test("a manager opens org health for their subtree", async ({ page }) => {
  await signIn(page, "manager@acme.example");
  await page.goto("/acme/org-health");
  await expect(page.getByRole("heading", { level: 1, name: "Org health" })).toBeVisible();
  await expect(page.getByText(/The shape of Product Engineering and every unit below it/)).toBeVisible();
  const [{ n }] = await sql<{ n: number }>(
    `SELECT COUNT(DISTINCT m.id)::int AS n FROM "Person" m
     JOIN "Person" r ON r."managerId" = m.id AND r."startDate" <= CURRENT_DATE AND (r."endDate" IS NULL OR r."endDate" >= CURRENT_DATE)
     JOIN "OrgUnitClosure" c ON c."descendantId" = m."orgUnitId" JOIN "OrgUnit" a ON a.id = c."ancestorId"
     JOIN "Organization" o ON o.id = a."orgId"
     WHERE o.slug = 'acme' AND a.code = 'ENG-PROD' AND m."startDate" <= CURRENT_DATE AND (m."endDate" IS NULL OR m."endDate" >= CURRENT_DATE)`,
  );
  await expect(page.locator("#span tbody tr")).toHaveCount(n);
  // A unit outside their subtree is not found.
  const [other] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PLAT'`,
  );
  const outside = await page.goto(`/acme/org-health?unit=${other.id}`);
  expect(outside?.status()).toBe(404);
});

test("a director sees the whole org and narrows it to a unit; finance may not open it", async ({ page, browser }) => {
  await signIn(page, "director@acme.example");
  await page.goto("/acme/org-health");
  await expect(page.getByText(/The shape of the whole organization/)).toBeVisible();
  await page.getByRole("combobox", { name: "Org unit" }).fill("ENG-AUTO");
  await page.getByRole("option", { name: /^Autonomy/ }).click();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText(/The shape of Autonomy and every unit below it/)).toBeVisible();

  const finance = await browser.newPage();
  await signIn(finance, "finance@acme.example");
  const res = await finance.goto("/acme/org-health");
  expect(res?.status()).toBe(404);
  await finance.close();
});
