import { randomBytes } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { signIn, sql } from "./fixtures";

const uid = () => randomBytes(3).toString("hex");

async function projectId(name: string) {
  const [row] = await sql<{ id: string }>(
    `SELECT p.id FROM "Project" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'acme' AND p.name = $1`,
    [name],
  );
  return row.id;
}

test("a manager posts an At risk update in scope; a director sees it at risk and acknowledges it", async ({ browser }) => {
  const summary = `Vendor API slipped a week ${uid()}`;
  const id = await projectId("SSO & SCIM Provisioning");

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, "manager@acme.example");
  await manager.goto(`/acme/projects/${id}`);
  await expect(manager.getByRole("heading", { level: 1, name: "SSO & SCIM Provisioning" })).toBeVisible();
  const form = manager.getByRole("form", { name: "Post a status update" });
  await form.getByLabel("At risk").check();
  // When the rules suggest worse than At risk, the form asks for a reason: give one.
  const reason = form.getByLabel("Why is it better than suggested?");
  if (await reason.isVisible()) await reason.fill("Vendor confirmed the new date in writing.");
  await form.getByLabel("Summary").fill(summary);
  await form.getByLabel("Details (markdown)").fill("**Risks**\n- vendor API late\n\n<script>window.__pwned = 1</script>");
  await form.getByRole("button", { name: /^(Post update|Add another update)$/ }).click();
  // HTML is refused with a message naming it, never silently stripped; nothing is posted.
  await expect(form.getByText(/Line 4: HTML is not allowed \(<script>\)/)).toBeVisible();
  expect(await sql(`SELECT 1 FROM "StatusUpdate" WHERE summary = $1`, [summary])).toEqual([]);
  await form.getByLabel("Details (markdown)").fill("**Risks**\n- vendor API late");
  await form.getByRole("button", { name: /^(Post update|Add another update)$/ }).click();
  await expect(toasts(manager).getByText("Update posted", { exact: true })).toBeVisible();

  const latest = manager.getByRole("region", { name: "Latest update" });
  await expect(latest.getByText(summary)).toBeVisible();
  await expect(latest.getByText("At risk").first()).toBeVisible();
  await expect(latest.locator("strong", { hasText: "Risks" })).toBeVisible();
  expect(await manager.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const [written] = await sql<{ health: string; healthDb: string }>(
    `SELECT s.health::text AS health, p.health::text AS "healthDb" FROM "StatusUpdate" s JOIN "Project" p ON p.id = s."projectId" WHERE s.summary = $1`,
    [summary],
  );
  expect(written).toEqual({ health: "AT_RISK", healthDb: "AT_RISK" });
  // This cycle's update is in: the form offers another one, and focus moved to the confirmation.
  await expect(form.getByRole("button", { name: "Add another update" })).toBeVisible();
  await expect(manager.getByText(/^Update posted: it is the latest update below/)).toBeFocused();
  await managerContext.close();

  const directorContext = await browser.newContext();
  const director = await directorContext.newPage();
  await signIn(director, "director@acme.example");
  await director.goto("/acme/projects/review");
  const atRisk = director.getByRole("list", { name: "At-risk projects" });
  const row = atRisk.getByRole("listitem").filter({ hasText: "SSO & SCIM Provisioning" });
  await expect(row).toContainText(summary);
  // The bell loads its count after the page (it counts this update for the director) and asks
  // again when the acknowledgement revalidates the shell.
  const bell = director.getByRole("button", { name: /^Notifications \(\d+\)$/ });
  await expect(bell).toBeVisible();
  const before = Number(/\((\d+)\)/.exec((await bell.getAttribute("aria-label")) ?? "")![1]);
  await row.getByRole("button", { name: "Acknowledge" }).click();
  await expect(director.getByText("Acknowledged", { exact: true })).toBeVisible();
  // The row loses its button (or leaves the list): focus goes to the result at the top of the page.
  const ackResult = director.getByTestId("page-result");
  await expect(ackResult).toHaveText("Acknowledged the update on SSO & SCIM Provisioning.");
  await expect(ackResult).toBeFocused();
  await expect(
    director.getByRole("button", { name: before > 1 ? `Notifications (${before - 1})` : "Notifications", exact: true }),
  ).toBeVisible();
  await expect(row.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  const [ack] = await sql<{ email: string }>(
    `SELECT u.email FROM "StatusUpdate" s JOIN "User" u ON u.id = s."acknowledgedById" WHERE s.summary = $1`,
    [summary],
  );
  expect(ack?.email).toBe("director@acme.example");
  await directorContext.close();
});

test("the review pages a long list: 100 rows a page, N of M, next keeps the URL shareable", async ({ page }) => {
  const tag = `Review paging ${uid()}`;
  // 101 stale projects (active, created 30 days ago, never reported) in a unit outside the manager's scope.
  await sql(
    `INSERT INTO "Project" (id, "orgId", "orgUnitId", name, status, "createdAt", "updatedAt")
     SELECT 'e2e' || md5($1 || i), o.id, u.id, $1 || ' ' || lpad(i::text, 3, '0'), 'ACTIVE', now() - interval '30 days', now()
     FROM generate_series(1, 101) i, "Organization" o JOIN "OrgUnit" u ON u."orgId" = o.id AND u.code = 'ENG-PLAT' WHERE o.slug = 'acme'`,
    [tag],
  );
  try {
    await signIn(page, "director@acme.example");
    await page.goto("/acme/projects/review");
    const stale = page.getByRole("list", { name: "Stale projects" });
    await expect(stale.getByRole("listitem")).toHaveCount(100);
    const pager = page.getByRole("navigation", { name: "Stale projects pages" });
    await expect(pager).toContainText(/1–100 of \d+ · page 1 of 2/);
    await pager.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/[?&]stalepage=2/);
    await expect(page.getByRole("navigation", { name: "Stale projects pages" })).toContainText(/101–\d+ of \d+ · page 2 of 2/);
    await expect(page.getByRole("list", { name: "Stale projects" }).getByRole("listitem").first()).toBeVisible();
  } finally {
    await sql(`DELETE FROM "Project" WHERE name LIKE $1`, [`${tag} %`]);
  }
});

test("a manager cannot edit a project outside their scope: no controls, and the action is refused", async ({ page }) => {
  await signIn(page, "manager@acme.example");
  // Outside ENG-PROD: no edit, status, archive, update or milestone controls.
  await page.goto(`/acme/projects/${await projectId("Perception Model v3")}`);
  await expect(page.getByRole("heading", { level: 1, name: "Perception Model v3" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit project" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Archive" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Post update" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add milestone" })).toHaveCount(0);

  // A project in scope whose team is moved out of scope while the edit form is open: the
  // server refuses the edit on its own and nothing is written.
  const name = `Scope probe ${uid()}`;
  const id = `e2e-${uid()}`;
  await sql(
    `INSERT INTO "Project" (id, "orgId", "orgUnitId", name, status, "updatedAt")
     SELECT $1, o.id, u.id, $2, 'ACTIVE', now() FROM "Organization" o JOIN "OrgUnit" u ON u."orgId" = o.id AND u.code = 'ENG-PROD-INTEG' WHERE o.slug = 'acme'`,
    [id, name],
  );
  await page.goto(`/acme/projects/${id}`);
  await page.getByRole("button", { name: "Edit project" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit project" });
  await dialog.getByLabel("Name").fill(`${name} (hijacked)`);
  await sql(
    `UPDATE "Project" SET "orgUnitId" = (SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-AUTO-PERC') WHERE id = $1`,
    [id],
  );
  const auditBefore = await sql<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent"`);
  await dialog.getByRole("button", { name: "Save project" }).click();
  await expect(dialog.getByText("That is outside the part of the organization you manage.")).toBeVisible();
  const [after] = await sql<{ name: string; version: number }>(`SELECT name, version FROM "Project" WHERE id = $1`, [id]);
  expect(after).toEqual({ name, version: 1 });
  expect(await sql(`SELECT count(*) AS n FROM "AuditEvent"`)).toEqual(auditBefore);
});

test("the roadmap timeline marks a stale project apart from its health colour, with a legend", async ({ page }) => {
  // Active, started months ago and never updated: stale, with the default (unknown) health.
  const name = `Stale probe ${uid()}`;
  const id = `e2e-${uid()}`;
  await sql(
    `INSERT INTO "Project" (id, "orgId", "orgUnitId", name, status, "startDate", "targetDate", "createdAt", "updatedAt")
     SELECT $1, o.id, u.id, $2, 'ACTIVE', (now() - interval '120 days')::date, (now() + interval '30 days')::date, now() - interval '120 days', now()
     FROM "Organization" o JOIN "OrgUnit" u ON u."orgId" = o.id AND u.code = 'ENG-PROD-INTEG' WHERE o.slug = 'acme'`,
    [id, name],
  );
  const [unit] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PROD-INTEG'`,
  );
  await signIn(page, "viewer@acme.example");
  await page.goto(`/acme/roadmap?group=team&unit=${unit.id}`);
  const legend = page.getByRole("list", { name: "Timeline legend" });
  await expect(legend).toContainText("Stale");
  const bar = page.getByRole("img", { name: new RegExp(`^${name}: .*\\(stale: no update for whole cycles\\)`) });
  await expect(bar).toBeVisible();
  await expect(bar.getByText("Stale", { exact: true })).toBeVisible();
  expect(await bar.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain("repeating-linear-gradient");
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) })).toContainText("· stale");
  // A project with a recent update is not marked.
  await sql(`UPDATE "Project" SET "lastUpdateAt" = now() WHERE id = $1`, [id]);
  await page.reload();
  await expect(page.getByRole("img", { name: new RegExp(`^${name}: `) }).getByText("Stale", { exact: true })).toHaveCount(0);
  await sql(`UPDATE "Project" SET status = 'CANCELLED', "archivedAt" = now() WHERE id = $1`, [id]);
});

test("an edit against a project someone else just changed shows a conflict and overwrites nothing", async ({ page }) => {
  const name = `Conflict probe ${uid()}`;
  const id = `e2e-${uid()}`;
  await sql(
    `INSERT INTO "Project" (id, "orgId", "orgUnitId", name, status, "updatedAt")
     SELECT $1, o.id, u.id, $2, 'ACTIVE', now() FROM "Organization" o JOIN "OrgUnit" u ON u."orgId" = o.id AND u.code = 'ENG-PROD-INTEG' WHERE o.slug = 'acme'`,
    [id, name],
  );
  await signIn(page, "director@acme.example");
  await page.goto(`/acme/projects/${id}`);
  await page.getByRole("button", { name: "Edit project" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit project" });
  await dialog.getByLabel("Name").fill("Mine");
  await sql(`UPDATE "Project" SET name = 'Theirs', version = version + 1 WHERE id = $1`, [id]);
  await dialog.getByRole("button", { name: "Save project" }).click();
  await expect(dialog.getByText(/Someone else changed this project since you opened it/)).toBeVisible();
  expect((await sql<{ name: string }>(`SELECT name FROM "Project" WHERE id = $1`, [id]))[0].name).toBe("Theirs");
});

test("the roadmap renders timeline bars for seeded projects", async ({ page }) => {
  await signIn(page, "viewer@acme.example");
  await page.goto("/acme/roadmap");
  await expect(page.getByRole("heading", { level: 1, name: "Roadmap" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Perception Model v3: / })).toBeVisible();
  expect(await page.getByTestId("timeline-bar").count()).toBeGreaterThan(10);
  // One copy of each bar's and milestone's label: its title names the role="img" (no aria-label twice over).
  await expect(page.locator('[data-testid="timeline-bar"][aria-label], .tl-milestone[aria-label]')).toHaveCount(0);
  await expect(page.getByRole("img", { name: /^Milestone / }).first()).toBeAttached();
  // Axe: white text on the health-coloured bars is readable, and the rest of the page passes too.
  const axe = await new AxeBuilder({ page }).setLegacyMode().analyze();
  const bad = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await page.getByRole("link", { name: "Year" }).click();
  await expect(page).toHaveURL(/zoom=year/);
  await expect(page.getByRole("img", { name: /^Perception Model v3: / })).toBeVisible();

  // The by-period view passes axe too, and its health badges draw their icon from the shell's
  // sprite: every <use> points at one symbol there.
  await page.goto("/acme/roadmap?view=board");
  await expect(page.getByRole("heading", { name: /^Initiatives in FY/ })).toBeVisible();
  const boardAxe = await new AxeBuilder({ page }).setLegacyMode().analyze();
  expect(boardAxe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  const targets = await page.locator("[data-health] svg use").evaluateAll((uses) => uses.map((u) => u.getAttribute("href") ?? ""));
  expect(targets.length).toBeGreaterThan(0);
  for (const target of new Set(targets)) await expect(page.locator(`symbol${target}`)).toHaveCount(1);
});

test("the roadmap's views are links in the URL: by period shows each initiative's health mix and what needs attention, all initiatives the table", async ({
  page,
}) => {
  await signIn(page, "viewer@acme.example");
  await page.goto("/acme/roadmap");
  const views = page.getByRole("navigation", { name: "Roadmap views" });
  await expect(views.getByRole("link", { name: "Timeline" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("timeline-bar").first()).toBeVisible();
  // Only the chosen view is rendered: no board, no table under the timeline.
  await expect(page.getByRole("heading", { name: /^Initiatives in FY/ })).toHaveCount(0);

  // By keyboard: the view links are ordinary links.
  await views.getByRole("link", { name: "By period" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]view=board(&|$)/);
  await expect(views.getByRole("link", { name: "By period" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("timeline-bar")).toHaveCount(0);
  const heading = page.getByRole("heading", { name: /^Initiatives in FY\d\d$/ });
  await expect(heading).toBeVisible();
  const fy = 2000 + Number((await heading.textContent())!.slice(-2));

  // Each card lists the first three projects that need attention, off track before at risk, by
  // name, as the database has them.
  const initiatives = await sql<{ name: string; attention: string[] | null; total: number }>(
    `SELECT i.name,
       (SELECT array_agg(x.name ORDER BY x.health = 'AT_RISK', x.name, x.id) FROM (
          SELECT p.name, p.id, p.health FROM "Project" p WHERE p."initiativeId" = i.id AND p."archivedAt" IS NULL AND p.health IN ('OFF_TRACK', 'AT_RISK')
          ORDER BY p.health = 'AT_RISK', p.name, p.id LIMIT 3) x) AS attention,
       (SELECT count(*)::int FROM "Project" p WHERE p."initiativeId" = i.id AND p."archivedAt" IS NULL) AS total
     FROM "Initiative" i JOIN "Organization" o ON o.id = i."orgId" WHERE o.slug = 'acme' AND i."fiscalYear" = $1`,
    [fy],
  );
  expect(initiatives.length).toBeGreaterThan(0);
  expect(initiatives.some((i) => i.attention?.length)).toBe(true);
  for (const i of initiatives) {
    const card = page.locator("article").filter({ has: page.getByText(i.name, { exact: true }) });
    const listed = card.getByRole("list", { name: `${i.name}: projects that need attention` });
    if (i.attention?.length) await expect(listed.getByRole("link")).toHaveText(i.attention);
    else await expect(listed).toHaveCount(0);
    if (i.total > 1)
      await expect(card.getByRole("link", { name: `All ${i.total} projects` })).toHaveAttribute("href", /\/acme\/projects\?initiative=/);
  }
  // The board's fiscal years are links too.
  await page
    .getByRole("navigation", { name: "Fiscal year" })
    .getByRole("link", { name: `FY${String(fy - 1).slice(-2)}` })
    .click();
  await expect(page).toHaveURL(/[?&]view=board(&|$)/);
  await expect(page.getByRole("heading", { name: `Initiatives in FY${String(fy - 1).slice(-2)}` })).toBeVisible();

  await views.getByRole("link", { name: "All initiatives" }).click();
  await expect(page).toHaveURL(/[?&]view=table(&|$)/);
  await expect(page.getByRole("columnheader", { name: /Health mix/i })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("navigation", { name: "Roadmap views" }).getByRole("link", { name: "All initiatives" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByTestId("timeline-bar")).toHaveCount(0);
});

test("the roadmap's timeline filters by an org unit searched by code; the filter is in the URL and survives a reload", async ({ page }) => {
  const [unit] = await sql<{ id: string; name: string }>(
    `SELECT u.id, u.name FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-AUTO-PERC'`,
  );
  const [outside] = await sql<{ name: string }>(
    `SELECT p.name FROM "Project" p JOIN "Organization" o ON o.id = p."orgId" JOIN "OrgUnit" u ON u.id = p."orgUnitId"
     WHERE o.slug = 'acme' AND u.code = 'ENG-PROD' AND p."archivedAt" IS NULL AND p."startDate" IS NOT NULL AND p."targetDate" IS NOT NULL ORDER BY p.name LIMIT 1`,
  );
  await signIn(page, "viewer@acme.example");
  await page.goto("/acme/roadmap?zoom=year");
  const filters = page.getByRole("form", { name: "Timeline filters" });
  // No list of every unit in the page: units are searched (/[org]/teams/search).
  await expect(filters.locator("select[name=unit]")).toHaveCount(0);
  const box = filters.getByRole("combobox", { name: "Org unit" });
  await box.focus();
  await page.keyboard.type("auto-perc");
  // The first match after "All units" is the unit: a slow machine may still show an earlier
  // query's matches ("auto": Autonomy first) while the last one is on its way.
  await expect(filters.getByRole("listbox").getByRole("option").nth(1)).toHaveText(new RegExp(`^${unit.name}`));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue(unit.name);
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]unit=${unit.id}(&|$)`));
  await expect(page.getByRole("img", { name: /^Perception Model v3: / })).toBeVisible();
  if (outside) await expect(page.getByRole("img", { name: new RegExp(`^${outside.name}: `) })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("form", { name: "Timeline filters" }).getByRole("combobox", { name: "Org unit" })).toHaveValue(unit.name);
});

test("the CSV export follows the list filters and is refused to non-members", async ({ page }) => {
  await signIn(page, "viewer@acme.example");
  const csv = await page.request.get("/acme/projects/export?status=ACTIVE");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toBe("Project,Team,Lead,Initiative,Status,Health,Update,Last update,Target date,Budget");
  expect(text).toContain("Perception Model v3");
  expect(text).not.toContain("Console Design System"); // PLANNED, filtered out
  expect((await page.request.get("/globex/projects/export")).status()).toBe(404);
});

test("the projects list filters by a lead picked by search; the filter stays in the URL and survives a reload", async ({ page }) => {
  // The seeded lead of the most projects (a team's manager), whose name no one else has.
  const [lead] = await sql<{ id: string; name: string; projects: string[] }>(
    `SELECT pe.id, pe.name, array_agg(p.name ORDER BY p.name) AS projects FROM "Project" p JOIN "Person" pe ON pe.id = p."leadId"
     JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'acme' AND p."archivedAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "Person" x WHERE x."orgId" = pe."orgId" AND x.name = pe.name AND x.id <> pe.id)
     GROUP BY pe.id, pe.name ORDER BY count(*) DESC, pe.name LIMIT 1`,
  );
  expect(lead.projects.length).toBeGreaterThan(1);
  await signIn(page, "viewer@acme.example");
  await page.goto("/acme/projects");
  const filters = page.getByRole("form", { name: "Filter projects" });
  // No list of every lead in the page: the lead is searched.
  await expect(filters.locator("select[name=lead]")).toHaveCount(0);
  const box = filters.getByRole("combobox", { name: "Lead" });
  await box.fill(lead.name.split(" ")[0].toLowerCase());
  await page.getByRole("option", { name: new RegExp(`^${lead.name}`) }).click();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]lead=${lead.id}(&|$)`));
  const table = page.getByRole("table");
  for (const name of lead.projects) await expect(table.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(lead.projects.length);
  await page.reload();
  await expect(page.getByRole("form", { name: "Filter projects" }).getByRole("combobox", { name: "Lead" })).toHaveValue(lead.name);
});

test("the project form loads its choices when it opens: a manager is offered the units of their scope and creates a project", async ({
  page,
}) => {
  const unit = async (code: string) =>
    (
      await sql<{ id: string }>(
        `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = $1`,
        [code],
      )
    )[0].id;
  const [inScope, outside] = [await unit("ENG-PROD"), await unit("ENG-AUTO-PERC")];
  const name = `Created in scope ${uid()}`;
  await signIn(page, "manager@acme.example");
  await page.goto("/acme/projects");
  await page.getByRole("button", { name: "New project" }).click();
  const dialog = page.getByRole("dialog", { name: "New project" });
  const team = dialog.getByLabel("Team");
  await expect(team.locator(`option[value="${inScope}"]`)).toHaveCount(1);
  await expect(team.locator(`option[value="${outside}"]`)).toHaveCount(0);
  await dialog.getByLabel("Name").fill(name);
  await team.selectOption(inScope);
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("page-result")).toHaveText(`Project created: ${name}`);
  await expect(page.getByTestId("page-result")).toBeFocused();
  const [created] = await sql<{ orgUnitId: string }>(`SELECT "orgUnitId" FROM "Project" WHERE name = $1`, [name]);
  expect(created.orgUnitId).toBe(inScope);
});

test("the projects list filters by an org unit searched and picked with the keyboard; the filter stays in the URL, survives a reload and the CSV follows it", async ({
  page,
}) => {
  const [unit] = await sql<{ id: string; name: string; projects: string[] }>(
    `SELECT u.id, u.name, array_agg(p.name ORDER BY p.name) AS projects FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId"
     JOIN "OrgUnitClosure" c ON c."ancestorId" = u.id JOIN "Project" p ON p."orgUnitId" = c."descendantId" AND p."archivedAt" IS NULL
     WHERE o.slug = 'acme' AND u.code = 'ENG-PROD' GROUP BY u.id, u.name`,
  );
  const [other] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PLAT-SEC'`,
  );
  await signIn(page, "viewer@acme.example");
  await page.goto("/acme/projects");
  const filters = page.getByRole("form", { name: "Filter projects" });
  // No list of every unit in the page: units are searched (/[org]/teams/search).
  await expect(filters.locator("select[name=unit]")).toHaveCount(0);
  expect(await page.content()).not.toContain(other.id);
  const box = filters.getByRole("combobox", { name: "Org unit" });
  await expect(box).toHaveValue("");
  await box.focus();
  await page.keyboard.type("product eng");
  const list = filters.getByRole("listbox");
  await expect(list.getByRole("option", { name: `${unit.name} — ENG-PROD` })).toBeVisible();
  await expect(list.getByRole("option")).toHaveCount(2);
  // "All units" first, then the match; Enter picks it, and with the list closed Enter submits.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(list.getByRole("option", { selected: true })).toHaveText(`${unit.name} — ENG-PROD`);
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue(unit.name);
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(page).toHaveURL(/\/acme\/projects$/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]unit=${unit.id}(&|$)`));
  const table = page.getByRole("table");
  await expect(table.locator("tbody tr")).toHaveCount(unit.projects.length);
  for (const name of unit.projects) await expect(table.getByRole("link", { name, exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("form", { name: "Filter projects" }).getByRole("combobox", { name: "Org unit" })).toHaveValue(unit.name);
  // The CSV export has the same filter, hence the same projects.
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).toMatch(new RegExp(`[?&]unit=${unit.id}(&|$)`));
  const csv = await (await page.request.get(href!)).text();
  expect(csv.trim().split("\r\n")).toHaveLength(1 + unit.projects.length);
  for (const name of unit.projects) expect(csv).toContain(name);
});

test("the author fixes an update: counters instead of truncation, HTML is a field error, edit shows 'edited', delete removes it", async ({
  page,
}) => {
  const id = await projectId("SSO & SCIM Provisioning");
  await signIn(page, "manager@acme.example");
  await page.goto(`/acme/projects/${id}`);
  const form = page.getByRole("form", { name: "Post a status update" });
  await form.getByLabel("Off track").check();
  const long = `Pasted ${"x".repeat(170)}`;
  await form.getByLabel("Summary").fill(long);
  // Nothing is cut: the whole text is in the field and the counter says how far over it is.
  await expect(form.getByLabel("Summary")).toHaveValue(long);
  await expect(form.getByText(`${long.length} / 160 — ${long.length - 160} too many`)).toBeVisible();
  await form.getByLabel("Details (markdown)").fill("Done\n\n<div>the vendor part</div>");
  await form.getByRole("button", { name: /^(Post update|Add another update)$/ }).click();
  await expect(form.getByText(/at most 160 characters/)).toBeVisible();
  await expect(form.getByText(/Line 3: HTML is not allowed \(<div>\)/)).toBeVisible();
  // Focus goes to the first field to fix, not to <body>.
  await expect(form.getByLabel("Summary")).toBeFocused();
  await expect(form.getByLabel("Details (markdown)")).toHaveValue("Done\n\n<div>the vendor part</div>");

  const summary = `Fixable ${uid()}`;
  await form.getByLabel("Summary").fill(summary);
  await form.getByLabel("Details (markdown)").fill("Use `<div>` as code");
  await form.getByRole("button", { name: /^(Post update|Add another update)$/ }).click();
  // The toast (the project's History lists "Update posted" entries too).
  await expect(toasts(page).getByText("Update posted", { exact: true })).toBeVisible();

  const latest = page.getByRole("region", { name: "Latest update" });
  await latest.getByRole("button", { name: `Edit update: ${summary}` }).click();
  const dialog = page.getByRole("dialog", { name: /Edit your update/ });
  await dialog.getByLabel("Summary").fill(`${summary} (corrected)`);
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  // Focus lands on the result beside the Edit button, not back on the button or <body>.
  await expect(page.getByRole("status").filter({ hasText: `Update saved: ${summary} (corrected)` })).toBeFocused();
  // (exact: the result line beside Edit repeats the summary.)
  await expect(latest.getByText(`${summary} (corrected)`, { exact: true })).toBeVisible();
  await expect(latest.getByText("· edited")).toBeVisible();

  await latest.getByRole("button", { name: `Delete update: ${summary} (corrected)` }).click();
  await page.getByRole("dialog", { name: "Delete this update?" }).getByRole("button", { name: "Delete update" }).click();
  await expect(toasts(page).getByText("Update deleted", { exact: true })).toBeVisible();
  // The update is gone, so its result is at the top of the page, focused.
  await expect(page.getByTestId("page-result")).toHaveText(`Update deleted: ${summary} (corrected)`);
  await expect(page.getByTestId("page-result")).toBeFocused();
  // Gone from the updates; the History keeps its trail.
  await expect(page.getByRole("region", { name: /^(Latest update|Update history)$/ }).getByText(`${summary} (corrected)`)).toHaveCount(0);
  const audit = await sql<{ action: string }>(
    `SELECT a.action FROM "AuditEvent" a WHERE a."entityType" = 'StatusUpdate' AND a.before->>'summary' LIKE $1 ORDER BY a.at`,
    [`${summary}%`],
  );
  expect(audit.map((a) => a.action)).toEqual(["status-update.edit", "status-update.delete"]);
});

/** The toast viewport (Radix labels it "Notifications (F8)"). */
function toasts(page: Page) {
  return page.getByRole("region", { name: /^Notifications/ });
}
