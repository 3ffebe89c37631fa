import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { signIn, sql } from "./fixtures";

/** The plan grid of one unit (it shows that unit and the units directly below it). */
async function planOf(code: string): Promise<string> {
  const [u] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = $1`,
    [code],
  );
  return `/acme/budgets/plan?unit=${u.id}`;
}

// Finance imports a ledger CSV through the UI and sees it at team and department level, exports
// what is shown, reverts the import; a bad file lists row-numbered errors and writes nothing.

const toCents = (text: string) => {
  const negative = text.includes("-");
  const cents = Number(text.replace(/[^0-9]/g, ""));
  return negative ? -cents : cents;
};

async function actualOf(page: Page, code: string) {
  return toCents((await page.locator(`tr[data-unit-code="${code}"] td[data-col="actual"]`).innerText()).trim());
}

/** A team of Product Engineering whose own figures finance reads (a team of fewer than 3 people's are withheld). */
async function pickTeam() {
  const [row] = await sql<{ team: string; dept: string; deptName: string }>(
    `SELECT t.code AS team, d.code AS dept, d.name AS "deptName"
     FROM "OrgUnit" t JOIN "OrgUnit" d ON d.id = t."parentId" JOIN "Organization" o ON o.id = t."orgId"
     WHERE o.slug = 'acme' AND t.kind = 'TEAM' AND d.code = 'ENG-PROD' AND t.code = 'ENG-PROD-MOBILE'`,
  );
  return row;
}

async function upload(page: Page, name: string, text: string) {
  // The import opens from the page header; its button is enabled once the page is hydrated (a
  // file chosen before that could be lost).
  const dialog = page.getByRole("dialog", { name: "Import actuals" });
  if (!(await dialog.isVisible())) await page.getByRole("button", { name: "Import actuals" }).click();
  await expect(dialog.getByRole("button", { name: "Import actuals" })).toBeEnabled();
  await dialog.getByLabel("Actuals CSV").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
}

test("the finance view's org unit is searched as you type; the pick is in the URL, survives a reload and follows back/forward", async ({
  page,
}) => {
  const [unit] = await sql<{ id: string; name: string; code: string }>(
    `SELECT u.id, u.name, u.code FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-AUTO-PERC'`,
  );
  await signIn(page, "finance@acme.example");
  await page.goto("/acme/budgets");
  // No list of every unit in the page: units are searched (/[org]/teams/search).
  await expect(page.locator("select#unit")).toHaveCount(0);
  const tree = page.getByTestId("finance-tree");
  const firstCode = () => tree.locator("tbody tr").first();
  await expect(firstCode()).not.toHaveAttribute("data-unit-code", unit.code);
  const box = page.getByRole("combobox", { name: "Org unit" });
  await expect(box).toHaveValue("");
  await box.focus();
  await page.keyboard.type("auto-perc");
  await expect(page.getByRole("option", { name: new RegExp(`^${unit.name}`) })).toBeVisible();
  // The first option is "Whole organization"; the second is the match.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]unit=${unit.id}(&|$)`));
  await expect(firstCode()).toHaveAttribute("data-unit-code", unit.code);
  await page.reload();
  await expect(box).toHaveValue(unit.name);
  await expect(firstCode()).toHaveAttribute("data-unit-code", unit.code);

  // "Whole organization" clears the filter.
  await box.focus();
  await expect(page.getByRole("option", { name: "Whole organization" })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/[?&]unit=/);
  await expect(firstCode()).not.toHaveAttribute("data-unit-code", unit.code);
  await expect(box).toHaveValue("");
  // Back: the URL's unit is shown in the box again, not the last pick.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`[?&]unit=${unit.id}(&|$)`));
  await expect(firstCode()).toHaveAttribute("data-unit-code", unit.code);
  await expect(box).toHaveValue(unit.name);
});

test("finance imports actuals, sees team and department change, exports CSV, and reverts", async ({ page }) => {
  const { team, dept, deptName } = await pickTeam();
  const today = new Date().toISOString().slice(0, 10);
  const ref = randomBytes(4).toString("hex");
  await signIn(page, "finance@acme.example");
  await page.goto("/acme/budgets");
  await page.getByRole("button", { name: `Expand ${deptName}` }).click();
  const teamBefore = await actualOf(page, team);
  const deptBefore = await actualOf(page, dept);

  const csv = `\uFEFFdate,cost centre code,category,amount,vendor,memo,external reference\r\n${today},${team},Software,"1,234.56",,"E2E, with comma",E2E-${ref}-1\r\n${today},${team},CLOUD,-80.00,,,E2E-${ref}-2\r\n`;
  await upload(page, "ledger.csv", csv);
  await page.getByRole("dialog", { name: "Import actuals" }).getByRole("button", { name: "Import actuals" }).click();
  await expect(page.getByText("Imported 2 of 2 lines", { exact: true })).toBeVisible();
  // Focus moves to the result of the upload.
  await expect(page.locator(":focus")).toContainText("Imported 2 of 2 lines.");
  // (Escape would first dismiss the toast, the top layer.)
  await page.getByRole("dialog", { name: "Import actuals" }).getByRole("button", { name: "Close" }).click();
  await expect.poll(() => actualOf(page, team)).toBe(teamBefore + 123_456 - 8_000);
  expect(await actualOf(page, dept)).toBe(deptBefore + 115_456);
  await expect(page.getByRole("table", { name: "Imports" }).getByText("ledger.csv")).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).first().click()]);
  const exported = await readFile((await download.path())!, "utf8");
  const teamLine = exported.split("\r\n").find((l) => l.includes(`,${team},`));
  const expected = teamBefore + 115_456;
  expect(teamLine).toContain(`,${(expected / 100).toFixed(2)},`);
  expect(exported.split("\r\n")[0]).toBe("Org unit,Code,Kind,Depth,Plan,Actual,Forecast,Variance,Variance %,Note");

  // Re-importing the same file adds nothing, says so, and leaves no empty batch behind.
  const [{ n: batchesBefore }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "ImportBatch"`);
  await upload(page, "ledger-again.csv", csv);
  const importDialog = page.getByRole("dialog", { name: "Import actuals" });
  await importDialog.getByRole("button", { name: "Import actuals" }).click();
  await expect(importDialog.getByRole("status")).toHaveText(
    "Nothing new: all 2 rows were already imported (same external reference). Nothing was written.",
  );
  const [{ n: batchesAfter }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "ImportBatch"`);
  expect(batchesAfter).toBe(batchesBefore);
  await importDialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("table", { name: "Imports" }).getByText("ledger-again.csv")).toHaveCount(0);

  // Revert asks in an accessible dialog (not the browser's confirm), then reports and focuses the result.
  const revertButton = page.getByRole("row", { name: /ledger\.csv/ }).getByRole("button", { name: "Revert" });
  await revertButton.click();
  const confirm = page.getByRole("dialog", { name: "Revert this import?" });
  await expect(confirm).toContainText('"ledger.csv": its 2 ledger lines will be deleted');
  expect(
    (await new AxeBuilder({ page }).setLegacyMode().include('[role="dialog"]').analyze()).violations.filter(
      (v) => v.impact === "serious" || v.impact === "critical",
    ),
  ).toEqual([]);
  await confirm.getByRole("button", { name: "Keep it" }).click();
  await expect(confirm).toBeHidden();
  await expect(revertButton).toBeFocused();
  await revertButton.click();
  await confirm.getByRole("button", { name: "Revert import" }).click();
  await expect(page.getByText('Reverted "ledger.csv"', { exact: true })).toBeVisible();
  const result = page.getByRole("status").filter({ hasText: 'Reverted "ledger.csv": 2 ledger lines removed.' });
  await expect(result).toBeFocused();
  await expect.poll(() => actualOf(page, team)).toBe(teamBefore);
});

test("a bad file shows row-numbered errors and writes nothing", async ({ page }) => {
  const { team } = await pickTeam();
  const [{ n: before }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "ActualEntry"`);
  await signIn(page, "finance@acme.example");
  await page.goto("/acme/budgets");
  await upload(
    page,
    "bad.csv",
    `date,cost centre code,category,amount,vendor,memo,external reference\n2026-01-05,${team},SOFTWARE,10.00,,,X1\n2026-02-30,${team},SOFTWARE,abc,,,X2\n2026-01-05,NOPE,SOFTWARE,1,,,X3\n`,
  );
  await page.getByRole("button", { name: "Import actuals" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "nothing was imported" });
  await expect(alert).toBeVisible();
  await expect(alert.getByText(/^Row 3: date "2026-02-30" is not a valid YYYY-MM-DD date; amount "abc"/)).toBeVisible();
  await expect(alert.getByText(/^Row 4: cost centre code "NOPE"/)).toBeVisible();
  const [{ n: after }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "ActualEntry"`);
  expect(after).toBe(before);
});

test("viewers and managers get no import controls and the upload route refuses them", async ({ page }) => {
  for (const email of ["viewer@acme.example", "manager@acme.example"]) {
    await page.context().clearCookies();
    await signIn(page, email);
    await page.goto("/acme/budgets");
    await expect(page.getByRole("heading", { level: 1, name: "Budgets" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Import actuals" })).toHaveCount(0);
    const res = await page.request.post("/acme/budgets/import?name=x.csv", { data: "date\n", headers: { "Content-Type": "text/csv" } });
    expect(res.status()).toBe(403);
  }
  const res = await page.request.post("/globex/budgets/import?name=x.csv", { data: "date\n", headers: { "Content-Type": "text/csv" } });
  expect(res.status()).toBe(404);
});

// People in units with fewer than 3 people in post: their monthly loaded cost (what a team's
// personnel line would show) and their pay must not reach roles without compensation:read — not
// in the pages, not in the exports.
function monthlyLoaded(annualCents: bigint, multiplier: string): bigint {
  const [whole, frac = ""] = multiplier.split(".");
  const n = annualCents * BigInt(whole + frac);
  const d = 10n ** BigInt(frac.length) * 12n;
  const q = n / d;
  const r2 = (n % d) * 2n;
  return r2 > d || (r2 === d && q % 2n === 1n) ? q + 1n : q;
}

for (const email of ["finance@acme.example", "viewer@acme.example", "manager@acme.example"]) {
  test(`${email} gets no individual pay on the budgets pages or exports`, async ({ page }) => {
    const people = await sql<{ cents: string; mult: string }>(
      `SELECT p."annualCompCents"::text AS cents, o."loadedCostMultiplier"::text AS mult
       FROM "Person" p JOIN "Organization" o ON o.id = p."orgId"
       WHERE o.slug = 'acme' AND p."endDate" IS NULL
         AND (SELECT count(*) FROM "Person" q WHERE q."orgUnitId" = p."orgUnitId" AND q."endDate" IS NULL) < 3`,
    );
    expect(people.length).toBeGreaterThan(0);
    const usd = (c: bigint) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(Number(c) / 100);
    const dec = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, "0")}`;
    await signIn(page, email);
    for (const path of [
      "/acme/budgets",
      "/acme/budgets?period=m12",
      "/acme/budgets/export?view=top&period=m12",
      "/acme/budgets/plan",
      "/acme/budgets/export?view=tree",
      "/acme/budgets/export?view=top",
      "/acme/budgets/export?view=categories",
      "/acme/vendors",
    ]) {
      const response = await page.request.get(path);
      const body = await response.text();
      expect(body.length).toBeGreaterThan(100);
      expect(body).not.toMatch(/annualComp/i);
      for (const p of people) {
        const monthly = monthlyLoaded(BigInt(p.cents), p.mult);
        expect(body, path).not.toContain(`"${p.cents}"`);
        expect(body, path).not.toContain(usd(monthly));
        expect(body, path).not.toContain(dec(monthly));
      }
    }
  });
}

test("finance edits a plan cell in place; the change is saved, audited and totalled", async ({ page }) => {
  const [cell] = await sql<{ month: string; cents: string }>(
    `SELECT to_char(b.month, 'YYYY-MM-DD') AS month, b."amountCents"::text AS cents
     FROM "BudgetLine" b JOIN "OrgUnit" u ON u.id = b."orgUnitId" JOIN "Organization" o ON o.id = b."orgId"
     WHERE o.slug = 'acme' AND u.code = 'ENG-PROD-MOBILE' AND b.category = 'SOFTWARE' AND b.month <= now()
     ORDER BY b.month DESC LIMIT 1`,
  );
  const label = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${cell.month}T00:00:00Z`),
  );
  const [{ n: auditBefore }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'budgets.cell.set'`);
  await signIn(page, "finance@acme.example");
  await page.goto(await planOf("ENG-PROD-MOBILE"));
  const input = page.getByRole("textbox", { name: `Field App Software ${label}` });
  await input.fill("4,321.09");
  await input.press("Enter");
  await expect
    .poll(
      async () =>
        (
          await sql<{ cents: string }>(
            `SELECT b."amountCents"::text AS cents FROM "BudgetLine" b JOIN "OrgUnit" u ON u.id = b."orgUnitId"
       WHERE u.code = 'ENG-PROD-MOBILE' AND b.category = 'SOFTWARE' AND b.month = $1::date`,
            [cell.month],
          )
        )[0]?.cents,
    )
    .toBe("432109");
  await expect(input).toHaveValue("4,321.09");
  // Saving keeps focus in the cell and says the result.
  await expect(input).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: `Field App Software ${label}: saved` })).toHaveCount(1);
  const [{ n: auditAfter }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'budgets.cell.set'`);
  expect(Number(auditAfter)).toBe(Number(auditBefore) + 1);
  // A viewer sees the same grid read-only.
  await page.context().clearCookies();
  await signIn(page, "viewer@acme.example");
  await page.goto("/acme/budgets/plan");
  await expect(page.getByRole("table", { name: "Plan grid" })).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
});

test("a bad plan amount is refused in place and writes nothing; emptying a cell removes its line", async ({ page }) => {
  const [cell] = await sql<{ month: string; cents: string }>(
    `SELECT to_char(b.month, 'YYYY-MM-DD') AS month, b."amountCents"::text AS cents
     FROM "BudgetLine" b JOIN "OrgUnit" u ON u.id = b."orgUnitId" JOIN "Organization" o ON o.id = b."orgId"
     WHERE o.slug = 'acme' AND u.code = 'ENG-PROD-MOBILE' AND b.category = 'HARDWARE' AND b.month <= now() ORDER BY b.month DESC LIMIT 1`,
  );
  const line = async () =>
    (
      await sql<{ cents: string }>(
        `SELECT b."amountCents"::text AS cents FROM "BudgetLine" b JOIN "OrgUnit" u ON u.id = b."orgUnitId"
       WHERE u.code = 'ENG-PROD-MOBILE' AND b.category = 'HARDWARE' AND b.month = $1::date`,
        [cell.month],
      )
    )[0]?.cents ?? null;
  const audits = async (action: string) =>
    Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = $1`, [action]))[0].n);
  const label = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${cell.month}T00:00:00Z`),
  );
  const [setBefore, clearBefore] = [await audits("budgets.cell.set"), await audits("budgets.cell.clear")];
  await signIn(page, "finance@acme.example");
  await page.goto(await planOf("ENG-PROD-MOBILE"));
  const input = page.getByRole("textbox", { name: `Field App Hardware ${label}` });
  for (const bad of ["0x10", "1e3", "12.345"]) {
    await input.fill(bad);
    await input.press("Enter");
    await expect(input).toHaveAttribute("aria-invalid", "true");
  }
  expect(await line()).toBe(cell.cents);
  expect(await audits("budgets.cell.set")).toBe(setBefore);
  // Emptying the cell is the explicit way to remove the line.
  await input.fill("");
  await input.press("Enter");
  await expect.poll(line).toBeNull();
  expect(await audits("budgets.cell.clear")).toBe(clearBefore + 1);
  // And it can be planned again.
  await input.fill("12.00");
  await input.press("Enter");
  await expect.poll(line).toBe("1200");
});

test("the YTD tile names its span and compares the same months; a year without a plan says so", async ({ page }) => {
  const [{ start }] = await sql<{ start: number }>(`SELECT "fiscalYearStartMonth" AS start FROM "Organization" WHERE slug = 'acme'`);
  const now = new Date();
  const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const fy = start !== 1 && now.getUTCMonth() + 1 >= start ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  const fyStart = (y: number) => new Date(Date.UTC(start === 1 ? y : y - 1, start - 1, 1));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const month = (d: Date) => new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" }).format(d);
  const compact = (cents: number) =>
    new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 }).format(
      cents / 100,
    );
  const fyLabel = (y: number) => `FY${String(y % 100).padStart(2, "0")}`;
  // Plan and actual of the same closed months, from the raw tables.
  const [sums] = await sql<{ plan: string; actual: string }>(
    `SELECT (SELECT COALESCE(SUM(b."amountCents"), 0) FROM "BudgetLine" b JOIN "Organization" o ON o.id = b."orgId" WHERE o.slug = 'acme' AND b.month >= $1::date AND b.month < $2::date)::text AS plan,
            (SELECT COALESCE(SUM(a."amountCents"), 0) FROM "ActualEntry" a JOIN "Organization" o ON o.id = a."orgId" WHERE o.slug = 'acme' AND a."bookedOn" >= $1::date AND a."bookedOn" < $2::date)::text AS actual`,
    [iso(fyStart(fy)), iso(thisMonth)],
  );
  await signIn(page, "director@acme.example");
  await page.goto("/acme/dashboard");
  if (thisMonth.getTime() === fyStart(fy).getTime()) {
    await expect(page.locator('[data-figure="Year to date"]')).toHaveText("—");
  } else {
    const span = `YTD through ${month(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)))}`;
    await expect(page.locator(`[data-figure="${span}"]`)).toHaveText(compact(Number(sums.actual)));
    await expect(page.getByRole("link", { name: new RegExp(`^${span}`) })).toContainText(`actual vs ${compact(Number(sums.plan))} plan`);
  }
  await expect(page.getByRole("link", { name: /^Month to date/ })).toContainText("partial month");
  // The burn table marks the month in progress as partial (the chart stops its actual line before it).
  await expect(page.getByText(/so far \(partial month\)/).first()).toBeAttached();
  // The budgets page's year to date is the same span.
  await page.goto("/acme/budgets?period=ytd");
  await expect(page.getByRole("heading", { name: /^Month to date/ })).toBeVisible();

  // Next year has no plan: the forecast is shown, without any variance.
  const next = fy + 1;
  const [{ n }] = await sql<{ n: string }>(
    `SELECT count(*) AS n FROM "BudgetLine" b JOIN "Organization" o ON o.id = b."orgId" WHERE o.slug = 'acme' AND b.month >= $1::date AND b.month < $2::date`,
    [iso(fyStart(next)), iso(fyStart(next + 1))],
  );
  expect(Number(n), "the demo has no plan for next year").toBe(0);
  await page.goto(`/acme/dashboard?fy=${next}`);
  await expect(page.getByText(`No plan for ${fyLabel(next)} yet: forecast only`)).toBeVisible();
  await expect(page.locator('[data-figure$=" variance"]')).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /^Variance by org unit/ })).toHaveCount(0);
  await expect(page.getByText(/so there are no variances to rank/)).toBeVisible();
  await page.goto(`/acme/budgets?fy=${next}&period=year`);
  await expect(page.getByText(`No plan for ${fyLabel(next)} yet`, { exact: true })).toBeVisible();
  await expect(page.getByText("No plan, so no variance: the forecast stands alone")).toBeVisible();
});

test("finance adds a vendor; a viewer cannot", async ({ page }) => {
  const name = `E2E Vendor ${randomBytes(3).toString("hex")}`;
  await signIn(page, "finance@acme.example");
  await page.goto("/acme/vendors");
  await page.getByRole("button", { name: "New vendor" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Website").fill("not a url");
  await dialog.getByRole("button", { name: "Save vendor" }).click();
  await expect(dialog.getByText("Website must start with http:// or https://.")).toBeVisible();
  await dialog.getByLabel("Website").fill("https://vendor.example");
  await dialog.getByRole("button", { name: "Save vendor" }).click();
  await expect(page.getByRole("table", { name: "Vendors" }).getByText(name)).toBeVisible();
  await page.context().clearCookies();
  await signIn(page, "viewer@acme.example");
  await page.goto("/acme/vendors");
  await expect(page.getByRole("heading", { level: 1, name: "Vendors" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New vendor" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
});

test("finance edits a team's personnel plan line; a small group's own line is withheld, with the reason", async ({ page }) => {
  // Navigation & Planning has enough people for its own personnel line; the root unit's own two do not.
  const [cell] = await sql<{ month: string }>(
    `SELECT to_char(b.month, 'YYYY-MM-DD') AS month FROM "BudgetLine" b JOIN "OrgUnit" u ON u.id = b."orgUnitId" JOIN "Organization" o ON o.id = b."orgId"
     WHERE o.slug = 'acme' AND u.code = 'ENG-AUTO-NAV' AND b.category = 'PERSONNEL' AND b.month > now() ORDER BY b.month LIMIT 1`,
  );
  expect(cell).toBeDefined();
  const label = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${cell.month}T00:00:00Z`),
  );
  await signIn(page, "finance@acme.example");
  await page.goto(await planOf("ENG-AUTO-NAV"));
  const input = page.getByRole("textbox", { name: `Navigation & Planning Personnel ${label}` });
  await input.fill("123,456.78");
  await input.press("Enter");
  await expect
    .poll(
      async () =>
        (
          await sql<{ cents: string }>(
            `SELECT b."amountCents"::text AS cents FROM "BudgetLine" b JOIN "OrgUnit" u ON u.id = b."orgUnitId"
       WHERE u.code = 'ENG-AUTO-NAV' AND b.category = 'PERSONNEL' AND b.month = $1::date`,
            [cell.month],
          )
        )[0]?.cents,
    )
    .toBe("12345678");
  // The root's own personnel line is not in the grid (the top units' grid); the page says why.
  await page.goto("/acme/budgets/plan");
  await expect(page.getByRole("table", { name: "Plan grid" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: new RegExp(`^Engineering Personnel ${label}$`) })).toHaveCount(0);
  await expect(page.getByText(/are not shown to your role: each would show the pay of too few people/)).toBeVisible();
  // On the budgets page a withheld figure is a dash with its reason, and the note explains the rule.
  await page.goto("/acme/budgets?period=year");
  await expect(page.getByTestId("pay-privacy-note")).toContainText("does not read individual pay");
  // The forecast is the published one, and says when it was published (docs/privacy.md rule 7).
  await expect(page.getByTestId("forecast-as-of")).toBeVisible();
  await expect(
    page
      .getByTestId("finance-tree")
      .getByText(/Not shown to roles without pay access/)
      .first(),
  ).toBeVisible();
});
