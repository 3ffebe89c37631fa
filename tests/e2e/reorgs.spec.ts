import { randomBytes } from "node:crypto";

import { expect, type Locator, type Page, test } from "@playwright/test";

import { signIn, sql } from "./fixtures";

// Reorgs in the browser: a director drafts a reorg from Teams (two new units, the second under
// the first by its code), sees the preview, applies it after confirming, and finds the units in
// the tree. The units are of kind "Other", empty, and closed again afterwards, so the demo's
// teams and figures that other specs read are unchanged.

const uid = () => randomBytes(3).toString("hex").toUpperCase();

/** Types into a search picker and picks the option with exactly this accessible name. */
async function pick(page: Page, scope: Locator, label: string, typed: string, option: string) {
  await scope.getByRole("combobox", { name: label }).fill(typed);
  const matches = scope.getByRole("listbox", { name: "Matches" });
  await expect(matches.getByRole("option", { name: option, exact: true })).toBeVisible();
  await matches.getByRole("option", { name: option, exact: true }).click();
}

test("a director drafts a reorg, previews it, applies it and sees the units change", async ({ page }) => {
  const code = `E2E-${uid()}`;
  const cell = `${code}-C`;
  await signIn(page, "director@acme.example");
  await page.goto("/acme/teams");
  await page.getByRole("link", { name: "Reorgs: plan and schedule changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reorgs" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Reorgs" })).toContainText("Developer platform consolidation");

  await page.getByLabel("Name").fill(`E2E reorg ${code}`);
  await page.getByLabel("Name").press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: `E2E reorg ${code}` })).toBeVisible();
  // Focus follows each result (item 6): here at the top of the reorg's page.
  const result = page.getByTestId("page-result");
  await expect(result).toHaveText("Reorg drafted: add its steps below");
  await expect(result).toBeFocused();

  const form = page.getByRole("form", { name: "Add a step" });
  await form.getByLabel("Step").selectOption("create");
  await pick(page, form, "Parent unit", "ENG-PLAT", "Platform — ENG-PLAT");
  await form.getByLabel("Name").fill(`E2E Lab ${code}`);
  await form.getByLabel("Cost-centre code").fill(code);
  await form.getByLabel("Kind").selectOption("OTHER");
  await form.getByRole("button", { name: "Add step" }).click();
  await expect(page.getByRole("region", { name: "Steps" })).toContainText(
    `New unit: E2E Lab ${code} (${code}), other under Platform (ENG-PLAT)`,
  );
  await expect(result).toHaveText("Step added: it is the last step in the list");
  await expect(result).toBeFocused();

  // The second new unit goes under the first, named by the code the first step gives it.
  await form.getByLabel("Step").selectOption("create");
  await pick(page, form, "Parent unit", "E2E Lab", `E2E Lab ${code} (new) — ${code}`);
  await form.getByLabel("Name").fill(`E2E Cell ${code}`);
  await form.getByLabel("Cost-centre code").fill(cell);
  await form.getByLabel("Kind").selectOption("OTHER");
  await form.getByRole("button", { name: "Add step" }).click();
  await expect(page.getByRole("region", { name: "Steps" })).toContainText(`under E2E Lab ${code} (${code}) (new)`);

  // The preview lists both units as new, under their parents.
  const units = page.getByRole("region", { name: "Units that change" });
  await expect(units.getByRole("row").filter({ hasText: `E2E Cell ${code}` })).toContainText(`E2E Lab ${code}`);
  await expect(
    units
      .getByRole("row")
      .filter({ hasText: `E2E Lab ${code}` })
      .filter({ hasNotText: "E2E Cell" }),
  ).toContainText("Platform");

  // A bad code is refused at its field, and nothing is added.
  await form.getByLabel("Step").selectOption("create");
  await pick(page, form, "Parent unit", "ENG-PLAT", "Platform — ENG-PLAT");
  await form.getByLabel("Name").fill("Duplicate");
  await form.getByLabel("Cost-centre code").fill(code.toLowerCase());
  await form.getByRole("button", { name: "Add step" }).click();
  await expect(form.getByText(`An earlier step already creates a unit with the code ${code.toLowerCase()}.`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Steps" }).getByRole("listitem")).toHaveCount(2);

  await page.getByRole("button", { name: "Apply now" }).click();
  const dialog = page.getByRole("dialog", { name: `Apply “E2E reorg ${code}” now?` });
  await expect(dialog).toContainText("All 2 steps are applied together");
  await dialog.getByRole("button", { name: "Apply now" }).click();
  await expect(page.getByText(/^Applied /).first()).toBeVisible();
  await expect(result).toHaveText("Reorg applied");
  await expect(result).toBeFocused();
  await expect(page.getByRole("heading", { name: "What it changed" })).toBeVisible();

  await page
    .getByRole("region", { name: "Units that change" })
    .getByRole("link", { name: `E2E Cell ${code}` })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: `E2E Cell ${code}` })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(`Platform/E2E Lab ${code}`);
  const [row] = await sql<{ depth: number; actions: number }>(
    `SELECT u.depth, (SELECT COUNT(*)::int FROM "AuditEvent" a WHERE a."entityId" IN (SELECT id FROM "OrgUnit" WHERE code IN ($1, $2)) AND a.action = 'org-unit.create') AS actions
     FROM "OrgUnit" u WHERE u.code = $2`,
    [code, cell],
  );
  expect(row).toEqual({ depth: 3, actions: 2 });
  await sql(`UPDATE "OrgUnit" SET "closedOn" = CURRENT_DATE WHERE code IN ($1, $2)`, [code, cell]);
});

/** Three empty units of kind Other under Platform, made in SQL with their closure rows: Old ⊃ Src, and New. */
async function makeUnits(code: string) {
  const [plat] = await sql<{ id: string; orgId: string; depth: number }>(
    `SELECT u.id, u."orgId", u.depth FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PLAT'`,
  );
  const ids = { old: `e2e-${code}-o`.toLowerCase(), src: `e2e-${code}-s`.toLowerCase(), new: `e2e-${code}-n`.toLowerCase() };
  for (const [key, parent, depth] of [
    ["old", plat.id, plat.depth + 1],
    ["new", plat.id, plat.depth + 1],
    ["src", ids.old, plat.depth + 2],
  ] as const) {
    await sql(
      `INSERT INTO "OrgUnit" (id, "orgId", "parentId", kind, name, code, depth, "updatedAt") VALUES ($1, $2, $3, 'OTHER', $4, $5, $6, now())`,
      [ids[key], plat.orgId, parent, `E2E ${key} ${code}`, `${code}-${key.toUpperCase()}`, depth],
    );
    await sql(
      `INSERT INTO "OrgUnitClosure" ("orgId", "ancestorId", "descendantId", depth)
       SELECT "orgId", "ancestorId", $1::text, depth + 1 FROM "OrgUnitClosure" WHERE "descendantId" = $2 UNION ALL SELECT $3::text, $1::text, $1::text, 0`,
      [ids[key], parent, plat.orgId],
    );
  }
  return { ...ids, orgId: plat.orgId };
}

test("a director's reorg moves a unit: its heads and plan leave the old parent's dashboard and budgets for the new one's", async ({
  page,
}) => {
  const code = `E2M-${uid()}`;
  const u = await makeUnits(code);
  // One person in post and a Software plan line every month of this year, in Src (under Old).
  const [person] = await sql<{ id: string }>(
    `INSERT INTO "Person" (id, "orgId", "orgUnitId", name, title, level, "startDate", "annualCompCents", "updatedAt")
     VALUES ($1, $2, $3, $4, 'Engineer', 'IC3', '2024-01-01', 12000000, now()) RETURNING id`,
    [`e2e-${code}-p`.toLowerCase(), u.orgId, u.src, `E2E Person ${code}`],
  );
  await sql(
    `INSERT INTO "BudgetLine" (id, "orgId", "orgUnitId", month, category, "amountCents", "updatedAt")
     SELECT $1::text || m, $2, $3, make_date(EXTRACT(YEAR FROM CURRENT_DATE)::int, m, 1), 'SOFTWARE', 100000, now() FROM generate_series(1, 12) m`,
    [`e2e-${code}-b`.toLowerCase(), u.orgId, u.src],
  );
  await signIn(page, "director@acme.example");
  const heads = async (unitId: string) => {
    await page.goto(`/acme/dashboard?unit=${unitId}`);
    return Number((await page.locator('[data-figure="Heads in post"]').first().innerText()).replace(/\D/g, ""));
  };
  const plan = async (unitId: string, unitCode: string) => {
    await page.goto(`/acme/budgets?unit=${unitId}`);
    return (await page.locator(`tr[data-unit-code="${unitCode}"] td[data-col="plan"]`).innerText()).trim();
  };
  const before = { oldHeads: await heads(u.old), newHeads: await heads(u.new), oldPlan: await plan(u.old, `${code}-OLD`) };
  const newPlanBefore = await plan(u.new, `${code}-NEW`);
  expect([before.oldHeads, before.newHeads]).toEqual([1, 0]);
  expect(before.oldPlan).not.toBe(newPlanBefore);

  await page.goto("/acme/teams/reorgs");
  await page.getByLabel("Name").fill(`E2E move ${code}`);
  await page.getByLabel("Name").press("Enter");
  const form = page.getByRole("form", { name: "Add a step" });
  await form.getByLabel("Step").selectOption("move");
  await pick(page, form, "Unit", `${code}-SRC`, `E2E src ${code} — ${code}-SRC`);
  await pick(page, form, "New parent", `${code}-NEW`, `E2E new ${code} — ${code}-NEW`);
  await form.getByRole("button", { name: "Add step" }).click();
  await expect(page.getByRole("region", { name: "Steps" }).getByRole("listitem")).toHaveCount(1);
  await page.getByRole("button", { name: "Apply now" }).click();
  await page
    .getByRole("dialog", { name: `Apply “E2E move ${code}” now?` })
    .getByRole("button", { name: "Apply now" })
    .click();
  await expect(page.getByTestId("page-result")).toHaveText("Reorg applied");

  // The head and the plan moved with the unit: Old now shows what New showed, and New what Old did.
  expect([await heads(u.old), await heads(u.new)]).toEqual([0, 1]);
  expect(await plan(u.new, `${code}-NEW`)).toBe(before.oldPlan);
  expect(await plan(u.old, `${code}-OLD`)).toBe(newPlanBefore);

  await sql(`DELETE FROM "BudgetLine" WHERE "orgUnitId" = $1`, [u.src]);
  await sql(`DELETE FROM "Person" WHERE id = $1`, [person.id]);
  await sql(`UPDATE "OrgUnit" SET "closedOn" = CURRENT_DATE WHERE id IN ($1, $2, $3)`, [u.old, u.new, u.src]);
});

test("a manager proposes reorgs: the list shows no one else's, and a director's reorg is not found", async ({ page }) => {
  await signIn(page, "manager@acme.example");
  const response = await page.goto("/acme/teams/reorgs");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("a director or admin previews and applies them")).toBeVisible();
  await expect(page.getByRole("link", { name: "Developer platform consolidation" })).toHaveCount(0);
  const [r] = await sql<{ id: string }>(
    `SELECT r.id FROM "Reorg" r JOIN "Organization" o ON o.id = r."orgId" WHERE o.slug = 'acme' AND r.name = 'Developer platform consolidation'`,
  );
  expect((await page.goto(`/acme/teams/reorgs/${r.id}`))?.status()).toBe(404);
});
