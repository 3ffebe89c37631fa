import { randomBytes } from "node:crypto";

import { expect, type Page, test } from "@playwright/test";

import { settled, signIn, sql } from "./fixtures";

const uid = () => randomBytes(3).toString("hex");

async function currentQuarterCell(page: Page, col: "actual" | "open" | "planned") {
  const cell = page.locator(`tr[data-current] td[data-col="${col}"]`);
  await expect(cell).toHaveCount(1);
  return Number((await cell.textContent())?.trim());
}

test("a director opens a position, fills it with a new hire and sees heads move in plan vs actual", async ({ page }) => {
  const [unit] = await sql<{ id: string; name: string }>(
    `SELECT u.id, u.name FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PROD-BILL'`,
  );
  await signIn(page, "director@acme.example");
  await page.goto(`/acme/headcount?unit=${unit.id}`);
  await expect(page.getByRole("heading", { name: /Plan vs actual/ })).toBeVisible();
  // The filter shows the unit of the URL; units are searched, not listed in the page.
  const filters = page.getByRole("form", { name: "Headcount filters" });
  await expect(filters.getByRole("combobox", { name: "Org unit" })).toHaveValue(unit.name);
  await expect(filters.locator("select[name=unit]")).toHaveCount(0);
  const actualBefore = await currentQuarterCell(page, "actual");
  const openBefore = await currentQuarterCell(page, "open");

  const title = `E2E Billing Engineer ${uid()}`;
  await page.getByRole("button", { name: "New position" }).click();
  const create = page.getByRole("dialog");
  await create.getByLabel("Title").fill(title);
  await create.getByLabel("Org unit").selectOption(unit.id);
  await create.getByLabel("Level").fill("IC3");
  await create.getByLabel("Annual compensation").fill("150000");
  await create.getByRole("button", { name: "Create position" }).click();
  await expect(create).toBeHidden();

  // Open now: one more open seat in the current quarter.
  await expect.poll(() => currentQuarterCell(page, "open")).toBe(openBefore + 1);
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row.getByText("Open", { exact: true })).toBeVisible();

  // The row's dialogs mount on demand: keyboard-open, Escape closes, focus returns to the button.
  const edit = row.getByRole("button", { name: `Edit ${title}` });
  await edit.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: `Edit ${title}` })).toBeVisible();
  // Escape is handled once the dialog has taken focus (Radix moves it in on mount) and rendered
  // again as the top layer (settled).
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest("[role=dialog]"))).toBe(true);
  await settled(page);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(edit).toBeFocused();
  await expect(edit).toHaveAttribute("aria-expanded", "false");

  await row.getByRole("button", { name: `Fill ${title}` }).click();
  const fill = page.getByRole("dialog", { name: `Fill ${title}` });
  const hire = `E2E Hire ${uid()}`;
  await fill.getByLabel("Name").fill(hire);
  await fill.getByRole("button", { name: "Fill position" }).click();
  await expect(fill).toBeHidden();
  // The row's Fill button goes with the open seat: the result at the top of the page takes focus.
  await expect(page.getByTestId("page-result")).toHaveText(`${title} filled`);
  await expect(page.getByTestId("page-result")).toBeFocused();

  // The hire starts today: actual heads +1, the seat is no longer open.
  await expect.poll(() => currentQuarterCell(page, "actual")).toBe(actualBefore + 1);
  expect(await currentQuarterCell(page, "open")).toBe(openBefore);
  await expect(page.getByRole("row", { name: new RegExp(title) }).getByText(hire)).toBeVisible();
  const [person] = await sql<{ n: string }>(`SELECT count(*)::text AS n FROM "Person" WHERE name = $1`, [hire]);
  expect(person.n).toBe("1");
});

test("a manager allocates a person to projects and sees the over-allocation flag past 100%", async ({ page }) => {
  // Someone in the manager's department (ENG-PROD) with no allocations yet.
  const [person] = await sql<{ id: string; name: string }>(
    `SELECT p.id, p.name FROM "Person" p
     JOIN "Organization" o ON o.id = p."orgId"
     JOIN "OrgUnitClosure" c ON c."descendantId" = p."orgUnitId"
     JOIN "OrgUnit" a ON a.id = c."ancestorId" AND a.code = 'ENG-PROD'
     WHERE o.slug = 'acme' AND p."endDate" IS NULL AND p."startDate" <= now()
       AND NOT EXISTS (SELECT 1 FROM "Allocation" al WHERE al."personId" = p.id)
     ORDER BY p.name LIMIT 1`,
  );
  expect(person).toBeTruthy();
  await signIn(page, "manager@acme.example");
  await page.goto(`/acme/people/${person.id}`);
  await expect(page.getByRole("heading", { name: person.name })).toBeVisible();
  await expect(page.getByText("Over-allocated")).toHaveCount(0);

  const form = page.locator("form", { has: page.getByRole("button", { name: "Allocate" }) });
  // The project picker searches the projects the manager may staff as you type.
  const projects = form.getByRole("combobox", { name: "Project" });
  await projects.click();
  await expect(form.getByRole("option").nth(1)).toBeVisible();
  await projects.press("ArrowDown");
  await projects.press("Enter");
  await expect(projects).not.toHaveValue("");
  await form.getByLabel("Percent").fill("60");
  await form.getByRole("button", { name: "Allocate" }).click();
  await expect(page.getByText("Allocated today:")).toContainText("60%");
  // Focus goes to the result beside the form, not to <body>.
  await expect(form.getByRole("status").filter({ hasText: /^Allocated 60% from / })).toBeFocused();
  await expect(page.getByText("Over-allocated")).toHaveCount(0);

  await projects.click();
  await expect(form.getByRole("option").nth(1)).toBeVisible();
  await projects.press("ArrowDown");
  await projects.press("ArrowDown");
  await projects.press("Enter");
  await form.getByLabel("Percent").fill("50");
  await form.getByRole("button", { name: "Allocate" }).click();
  await expect(page.getByText("Allocated today:")).toContainText("110%");
  await expect(page.getByText("Over-allocated").first()).toBeVisible();
  await expect(form.getByRole("status").filter({ hasText: "Over-allocated" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "110%" }).first()).toBeVisible();
});

test("a director changes a person's manager by searching; the page lists no other people and a forged id is refused", async ({ page }) => {
  // Someone with no reports (so any new manager is legal) and a uniquely named person to become
  // their manager, who is neither their manager now nor mentioned on their page.
  const [person] = await sql<{ id: string; name: string; managerId: string | null }>(
    `SELECT p.id, p.name, p."managerId" FROM "Person" p JOIN "Organization" o ON o.id = p."orgId"
     WHERE o.slug = 'acme' AND p."endDate" IS NULL AND NOT EXISTS (SELECT 1 FROM "Person" r WHERE r."managerId" = p.id)
     ORDER BY p.name LIMIT 1`,
  );
  const [boss] = await sql<{ id: string; name: string }>(
    `SELECT min(p.id) AS id, p.name FROM "Person" p JOIN "Organization" o ON o.id = p."orgId"
     WHERE o.slug = 'acme' AND p."endDate" IS NULL AND p.id <> $1 AND p.id IS DISTINCT FROM $2
       AND NOT EXISTS (SELECT 1 FROM "PersonAssignment" h WHERE h."personId" = $1 AND h."managerId" = p.id)
     GROUP BY p.name HAVING count(*) = 1 ORDER BY p.name DESC LIMIT 1`,
    [person.id, person.managerId],
  );
  const [foreign] = await sql<{ id: string }>(
    `SELECT p.id FROM "Person" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'globex' LIMIT 1`,
  );
  await signIn(page, "director@acme.example");
  const response = await page.goto(`/acme/people/${person.id}`);
  // The manager picker no longer carries every person of the org in the page.
  expect(await response?.text()).not.toContain(boss.id);

  const form = page.locator("form", { has: page.getByRole("button", { name: "Save changes" }) });
  const manager = form.getByRole("combobox", { name: "Manager" });
  // A forged foreign id in the picker's field is a field error on Manager, and nothing changes.
  await form.locator('input[type="hidden"][name="managerId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), foreign.id);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByText("That manager does not exist.")).toBeVisible();
  await expect(manager).toHaveAttribute("aria-invalid", "true");
  await expect(manager).toBeFocused();
  const [unchanged] = await sql<{ managerId: string | null }>(`SELECT "managerId" FROM "Person" WHERE id = $1`, [person.id]);
  expect(unchanged.managerId).toBe(person.managerId);

  await page.reload();
  await manager.fill(boss.name);
  // An option reads "Name — title"; other names may contain this one, so pick the exact name.
  await form.getByRole("option", { name: new RegExp(`^${boss.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} — `) }).click();
  await expect(manager).toHaveValue(boss.name);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Changes saved." })).toBeFocused();
  await expect(page.getByRole("link", { name: boss.name }).first()).toBeVisible();
  await expect
    .poll(async () => (await sql<{ managerId: string }>(`SELECT "managerId" FROM "Person" WHERE id = $1`, [person.id]))[0].managerId)
    .toBe(boss.id);
});

test("a person id from another org is a 404 on the person page", async ({ page }) => {
  const [foreign] = await sql<{ id: string; name: string }>(
    `SELECT p.id, p.name FROM "Person" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'globex' LIMIT 1`,
  );
  await signIn(page, "director@acme.example");
  const response = await page.goto(`/acme/people/${foreign.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(foreign.name)).toHaveCount(0);
});

for (const email of ["viewer@acme.example", "finance@acme.example", "manager@acme.example"]) {
  test(`${email} gets no individual pay on a person page`, async ({ page }) => {
    const [p] = await sql<{ id: string; cents: string }>(
      `SELECT p.id, p."annualCompCents"::text AS cents FROM "Person" p JOIN "Organization" o ON o.id = p."orgId"
       JOIN "OrgUnitClosure" c ON c."descendantId" = p."orgUnitId" JOIN "OrgUnit" a ON a.id = c."ancestorId" AND a.code = 'ENG-PROD'
       WHERE o.slug = 'acme' AND p."endDate" IS NULL ORDER BY p.name LIMIT 1`,
    );
    await signIn(page, email);
    const response = await page.goto(`/acme/people/${p.id}`);
    const html = (await response?.text()) ?? "";
    expect(html.length).toBeGreaterThan(1000);
    expect(html).not.toMatch(/annualComp|monthlyLoadedCost/i);
    const formatted = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(Number(p.cents) / 100);
    expect(html).not.toContain(formatted);
    expect(html).not.toContain(`"${p.cents}"`);
  });
}

test("the plan filter searches an org unit by code with the keyboard; the view is in the URL", async ({ page }) => {
  const [unit] = await sql<{ id: string; name: string }>(
    `SELECT u.id, u.name FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PROD-BILL'`,
  );
  await signIn(page, "viewer@acme.example");
  await page.goto("/acme/headcount");
  const filters = page.getByRole("form", { name: "Headcount filters" });
  const box = filters.getByRole("combobox", { name: "Org unit" });
  await expect(box).toHaveValue("");
  await box.focus();
  await page.keyboard.type("prod-bill");
  await expect(filters.getByRole("option", { name: new RegExp(`^${unit.name}`) })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue(unit.name);
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]unit=${unit.id}(&|$)`));
  await expect(page.getByText(`${unit.name} and below`).first()).toBeVisible();
});
