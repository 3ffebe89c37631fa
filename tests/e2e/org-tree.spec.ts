import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { signIn, sql } from "./fixtures";

// The org tree edits in the browser: a director creates a unit with the keyboard only, renames
// it, sees its history, and closes it (empty); a manager sees the unit page without edits.
// The unit is created with kind "Other" and closed again, so the demo's teams and figures that
// other specs read are unchanged.

const uid = () => randomBytes(3).toString("hex").toUpperCase();

test("a director creates, renames and closes a unit from the keyboard", async ({ page }) => {
  const code = `E2E-${uid()}`;
  await signIn(page, "director@acme.example");
  await page.goto("/acme/teams");
  await page.getByRole("button", { name: "New unit" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "New org unit" });
  await expect(dialog).toBeVisible();
  // The parent picker: type, arrow down to the match, Enter picks it (and does not submit).
  await dialog.getByRole("combobox", { name: "Parent unit" }).fill("ENG-PLAT");
  const matches = dialog.getByRole("listbox", { name: "Matches" });
  const target = matches.getByRole("option", { name: "Platform — ENG-PLAT", exact: true });
  // Wait for the matches of what was typed (the list first shows the matches of an empty box).
  await expect
    .poll(async () => {
      const shown = await matches.getByRole("option").allTextContents();
      return shown.length > 0 && shown.every((t) => t.includes("ENG-PLAT"));
    })
    .toBe(true);
  await expect(target).toBeVisible();
  const names = await matches.getByRole("option").allTextContents();
  for (let i = 0; i <= names.indexOf("Platform — ENG-PLAT"); i++) await page.keyboard.press("ArrowDown");
  await expect(target).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("combobox", { name: "Parent unit" })).toHaveValue("Platform");
  await dialog.getByLabel("Name").fill(`E2E Guild ${code}`);
  await dialog.getByLabel("Cost-centre code").fill(code);
  await dialog.getByLabel("Kind").selectOption("OTHER");
  await dialog.getByRole("button", { name: "Create unit" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `E2E Guild ${code}` })).toBeVisible();
  // Focus follows the result, here on the page the new unit opened.
  await expect(page.getByTestId("page-result")).toHaveText(`Unit created: E2E Guild ${code}`);
  await expect(page.getByTestId("page-result")).toBeFocused();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Platform");
  const [row] = await sql<{ id: string; depth: number }>(`SELECT id, depth FROM "OrgUnit" WHERE code = $1`, [code]);
  expect(row.depth).toBe(2);

  await page.getByRole("button", { name: "Rename" }).click();
  const rename = page.getByRole("dialog");
  await rename.getByLabel("Name").fill(`E2E Chapter ${code}`);
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `E2E Chapter ${code}` })).toBeVisible();
  await expect(
    page
      .getByRole("group", { name: "Edit this unit" })
      .getByRole("status")
      .filter({ hasText: `Saved E2E Guild ${code}` }),
  ).toBeFocused();
  await expect(page.getByText("Created").first()).toBeVisible();

  await page.getByRole("button", { name: "Close" }).first().click();
  const close = page.getByRole("dialog");
  await expect(close).toContainText("is empty: nothing moves");
  await close.getByRole("button", { name: `Close E2E Chapter ${code}` }).click();
  await expect(page.getByText(/^Closed /)).toBeVisible();
  await expect(page.getByRole("button", { name: "Rename" })).toHaveCount(0);
  // Its buttons are gone with it: the result is at the top of the page, focused.
  await expect(page.getByTestId("page-result")).toHaveText(`E2E Chapter ${code} closed`);
  await expect(page.getByTestId("page-result")).toBeFocused();
});

test("set lead, move and merge: focus lands on each result", async ({ page }) => {
  const code = `E2E-${uid()}`;
  const [person] = await sql<{ name: string }>(
    `SELECT p.name FROM "Person" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'acme' AND p."endDate" IS NULL ORDER BY p.name LIMIT 1`,
  );
  await signIn(page, "director@acme.example");
  const [platform] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PLAT'`,
  );
  // Two empty sibling units under Platform, made from Platform's page.
  for (const suffix of ["A", "B"]) {
    await page.goto(`/acme/teams/units/${platform.id}`);
    await page.getByRole("button", { name: "New unit" }).click();
    const dialog = page.getByRole("dialog", { name: "New org unit" });
    await dialog.getByLabel("Name").fill(`E2E Pod ${code}-${suffix}`);
    await dialog.getByLabel("Cost-centre code").fill(`${code}-${suffix}`);
    await dialog.getByLabel("Kind").selectOption("OTHER");
    await dialog.getByRole("button", { name: "Create unit" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `E2E Pod ${code}-${suffix}` })).toBeVisible();
  }

  await page.getByRole("button", { name: "Set lead" }).click();
  const lead = page.getByRole("dialog");
  await lead.getByRole("combobox", { name: "Lead" }).fill(person.name);
  await lead
    .getByRole("option", { name: new RegExp(`^${person.name}`) })
    .first()
    .click();
  await lead.getByRole("button", { name: "Save lead" }).click();
  await expect(
    page
      .getByRole("group", { name: "Edit this unit" })
      .getByRole("status")
      .filter({ hasText: `Lead of E2E Pod ${code}-B saved` }),
  ).toBeFocused();

  await page.getByRole("button", { name: "Merge" }).click();
  const merge = page.getByRole("dialog");
  await merge.getByLabel("Merge into").selectOption({ label: `E2E Pod ${code}-A (${code}-A)` });
  await merge.getByRole("button", { name: `Merge and close E2E Pod ${code}-B` }).click();
  // A closed unit has no edit buttons: the result is at the top of the page.
  await expect(page.getByTestId("page-result")).toHaveText(`E2E Pod ${code}-B merged and closed`);
  await expect(page.getByTestId("page-result")).toBeFocused();

  const [a] = await sql<{ id: string }>(`SELECT id FROM "OrgUnit" WHERE code = $1`, [`${code}-A`]);
  await page.goto(`/acme/teams/units/${a.id}`);
  await page.getByRole("button", { name: "Move" }).click();
  const move = page.getByRole("dialog");
  await move.getByRole("combobox", { name: "New parent" }).fill("ENG-PROD");
  await move.getByRole("option", { name: "Product Engineering — ENG-PROD", exact: true }).click();
  await move.getByRole("button", { name: "Move unit" }).click();
  await expect(
    page
      .getByRole("group", { name: "Edit this unit" })
      .getByRole("status")
      .filter({ hasText: `E2E Pod ${code}-A moved` }),
  ).toBeFocused();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Product Engineering");
  // Leave the demo's tree as it was.
  await sql(`UPDATE "OrgUnit" SET "closedOn" = CURRENT_DATE WHERE code = $1`, [`${code}-A`]);
});

test("a bad code is refused at its field and nothing is written", async ({ page }) => {
  await signIn(page, "director@acme.example");
  await page.goto("/acme/teams");
  await page.getByRole("button", { name: "New unit" }).click();
  const dialog = page.getByRole("dialog", { name: "New org unit" });
  await dialog.getByRole("combobox", { name: "Parent unit" }).fill("ENG-PLAT");
  await dialog.getByRole("option", { name: "Platform — ENG-PLAT", exact: true }).click();
  await dialog.getByLabel("Name").fill("Duplicate");
  await dialog.getByLabel("Cost-centre code").fill("eng-plat-sre");
  const before = await sql<{ n: string }>(`SELECT count(*) AS n FROM "OrgUnit"`);
  await dialog.getByRole("button", { name: "Create unit" }).click();
  await expect(dialog.getByLabel("Cost-centre code")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("The code ENG-PLAT-SRE is already used by Site Reliability.")).toBeVisible();
  expect(await sql<{ n: string }>(`SELECT count(*) AS n FROM "OrgUnit"`)).toEqual(before);
});

test("a manager sees a unit's history but no edits", async ({ page }) => {
  const [unit] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PROD'`,
  );
  await signIn(page, "manager@acme.example");
  await page.goto(`/acme/teams/units/${unit.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Product Engineering" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Move" })).toHaveCount(0);
});
