import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { signIn, sql } from "./fixtures";

// The search pickers (components/ui/search-combobox.tsx): people and projects are searched as you
// type through /[org]/people/search and /[org]/projects/search instead of sitting in the page.

const uid = () => randomBytes(3).toString("hex");

async function acmePerson() {
  const [person] = await sql<{ id: string; name: string }>(
    `SELECT p.id, p.name FROM "Person" p JOIN "Organization" o ON o.id = p."orgId"
     WHERE o.slug = 'acme' AND p."endDate" IS NULL ORDER BY p.name DESC LIMIT 1`,
  );
  return person;
}

test("a director picks an initiative owner with the keyboard; Escape closes the list, not the dialog", async ({ page }) => {
  const person = await acmePerson();
  const [unit] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PROD'`,
  );
  await signIn(page, "director@acme.example");
  await page.goto("/acme/roadmap");
  // No person of the org is in the page any more.
  expect(await page.content()).not.toContain(person.id);

  await page.getByRole("button", { name: "New initiative" }).click();
  const dialog = page.getByRole("dialog", { name: "New initiative" });
  const name = `E2E initiative ${uid()}`;
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Org unit").selectOption(unit.id);

  const owner = dialog.getByRole("combobox", { name: "Owner" });
  await owner.fill(person.name);
  const list = dialog.getByRole("listbox");
  await expect(list.getByRole("option", { name: new RegExp(person.name) }).first()).toBeVisible();
  await expect(owner).toHaveAttribute("aria-expanded", "true");
  await owner.press("Escape");
  await expect(owner).toHaveAttribute("aria-expanded", "false");
  await expect(dialog).toBeVisible();
  // Nothing was picked: leaving the box shows the (empty) pick again.
  await expect(owner).toHaveValue("");

  await owner.fill(person.name);
  await expect(list.getByRole("option", { name: new RegExp(person.name) }).first()).toBeVisible();
  // The first option is "No owner"; the second is the first match.
  await owner.press("ArrowDown");
  await owner.press("ArrowDown");
  await expect(owner).toHaveAttribute("aria-activedescendant", /.+/);
  await owner.press("Enter");
  await expect(owner).toHaveValue(person.name);
  await expect(owner).toHaveAttribute("aria-expanded", "false");
  await expect(dialog).toBeVisible();

  await dialog.getByRole("button", { name: "Create initiative" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `Initiative created: ${name}` })).toBeFocused();
  const [created] = await sql<{ ownerId: string | null }>(`SELECT "ownerId" FROM "Initiative" WHERE name = $1`, [name]);
  expect(created.ownerId).toBe(person.id);
});

test("a person id from another org put in the picker's field is refused by the action", async ({ page }) => {
  const [foreign] = await sql<{ id: string }>(
    `SELECT p.id FROM "Person" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'globex' LIMIT 1`,
  );
  const [unit] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PROD'`,
  );
  await signIn(page, "director@acme.example");
  await page.goto("/acme/roadmap");
  await page.getByRole("button", { name: "New initiative" }).click();
  const dialog = page.getByRole("dialog", { name: "New initiative" });
  const name = `E2E forged owner ${uid()}`;
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Org unit").selectOption(unit.id);
  await dialog.locator('input[type="hidden"][name="ownerId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), foreign.id);
  await dialog.getByRole("button", { name: "Create initiative" }).click();
  await expect(dialog.getByText("That person does not exist in this organization.")).toBeVisible();
  await expect(dialog.getByRole("combobox", { name: "Owner" })).toHaveAttribute("aria-invalid", "true");
  expect(await sql(`SELECT id FROM "Initiative" WHERE name = $1`, [name])).toEqual([]);
});

test("the people search answers members only, with this org's people only", async ({ page }) => {
  const [foreign] = await sql<{ name: string }>(
    `SELECT p.name FROM "Person" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'globex' ORDER BY p.name LIMIT 1`,
  );
  await signIn(page, "viewer@acme.example");
  const own = await page.request.get(`/acme/people/search?q=${encodeURIComponent(foreign.name)}`);
  expect(own.status()).toBe(200);
  const rows = (await own.json()) as { id: string; name: string }[];
  const [globexIds] = [
    await sql<{ id: string }>(`SELECT p.id FROM "Person" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'globex'`),
  ];
  expect(rows.filter((r) => globexIds.some((g) => g.id === r.id))).toEqual([]);
  expect((await page.request.get("/globex/people/search?q=a")).status()).toBe(404);
  expect(((await (await page.request.get("/acme/people/search?q=%25")).json()) as unknown[]).length).toBe(0);
});
