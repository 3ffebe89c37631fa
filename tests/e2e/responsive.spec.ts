import { readdirSync } from "node:fs";
import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { settled, signIn, sql } from "./fixtures";
import { ROUTE_ROWS } from "./route-matrix";

// Every page a member can open, for every role, at a phone (390×844) and a laptop (1280×800):
// no serious or critical axe violation, the document never scrolls sideways (wide tables scroll inside their own region, which says
// so), the navigation opens and navigates (a drawer below lg), and the update form fits.

const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "laptop", width: 1280, height: 800 },
] as const;
const ROLES = ["admin", "director", "manager", "finance", "viewer"] as const;
/** Roles the route matrix lets open a page, by its ADMIN… column. */
const COLUMN = { admin: "ADMIN", director: "DIRECTOR", manager: "MGR_IN", finance: "FINANCE", viewer: "VIEWER" } as const;

async function recordIds() {
  const [project] = await sql<{ id: string }>(
    `SELECT p.id FROM "Project" p JOIN "Organization" o ON o.id = p."orgId" JOIN "OrgUnitClosure" c ON c."descendantId" = p."orgUnitId"
     JOIN "OrgUnit" u ON u.id = c."ancestorId" WHERE o.slug = 'acme' AND u.code = 'ENG-PROD' AND p.status = 'ACTIVE' ORDER BY p.name LIMIT 1`,
  );
  const [person] = await sql<{ id: string }>(
    `SELECT p.id FROM "Person" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'acme' ORDER BY p.name LIMIT 1`,
  );
  const [unit] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PROD'`,
  );
  // Records inside the in-scope manager's subtree (ENG-PROD), as the route matrix uses.
  const [position] = await sql<{ id: string }>(
    `SELECT p.id FROM "Position" p JOIN "Organization" o ON o.id = p."orgId" JOIN "OrgUnitClosure" c ON c."descendantId" = p."orgUnitId"
     JOIN "OrgUnit" u ON u.id = c."ancestorId" WHERE o.slug = 'acme' AND u.code = 'ENG-PROD' ORDER BY p.id LIMIT 1`,
  );
  const [contract] = await sql<{ id: string }>(
    `SELECT c.id FROM "Contract" c JOIN "Organization" o ON o.id = c."orgId" WHERE o.slug = 'acme' ORDER BY c.name LIMIT 1`,
  );
  const [reorg] = await sql<{ id: string }>(
    `SELECT r.id FROM "Reorg" r JOIN "Organization" o ON o.id = r."orgId" WHERE o.slug = 'acme' ORDER BY r."createdAt" LIMIT 1`,
  );
  // A manager reporting to the in-scope manager (manager@acme.example), for /managers/[id].
  const [manager] = await sql<{ id: string }>(
    `SELECT p.id FROM "Person" p JOIN "Person" b ON b.id = p."managerId" JOIN "User" u ON u.id = b."userId"
     WHERE u.email = 'manager@acme.example' AND EXISTS (SELECT 1 FROM "Person" r WHERE r."managerId" = p.id) ORDER BY p.name, p.id LIMIT 1`,
  );
  return {
    projectId: project.id,
    personId: person.id,
    unitId: unit.id,
    positionId: position.id,
    contractId: contract.id,
    reorgId: reorg.id,
    managerId: manager.id,
  };
}

type RecordIds = Awaited<ReturnType<typeof recordIds>>;

/** The record a pattern's [id] stands for. */
function idFor(pattern: string, ids: RecordIds): string {
  if (pattern.includes("/projects/")) return ids.projectId;
  if (pattern.includes("/units/")) return ids.unitId;
  if (pattern.includes("/positions/")) return ids.positionId;
  if (pattern.includes("/contracts/")) return ids.contractId;
  if (pattern.includes("/reorgs/")) return ids.reorgId;
  if (pattern.includes("/managers/")) return ids.managerId;
  return ids.personId;
}

/** Patterns of the app's pages (every page.tsx under app/, route groups dropped), as the route matrix writes them. */
const PAGE_PATTERNS = new Set(
  readdirSync(path.resolve(import.meta.dirname, "../../app"), { recursive: true, encoding: "utf8" })
    .filter((f) => /(^|[\\/])page\.tsx?$/.test(f))
    .map(
      (f) =>
        `/${path
          .dirname(f)
          .split(/[\\/]/)
          .filter((p) => p !== "." && !/^\(.*\)$/.test(p))
          .join("/")}`,
    ),
);

/** The member pages of the route matrix that a role opens with 200, as URLs of the demo org. */
function pagesFor(role: (typeof ROLES)[number], ids: RecordIds): string[] {
  const urls = ROUTE_ROWS.filter(
    (r) =>
      r.method === "GET" &&
      PAGE_PATTERNS.has(r.pattern) &&
      r.pattern.startsWith("/[org]/") &&
      !r.pattern.includes("[...rest]") &&
      r.expect[COLUMN[role]] === "200",
  ).map((r) => r.pattern.replace("[org]", "acme").replace("[id]", idFor(r.pattern, ids)));
  return [...new Set(urls)];
}

async function documentWidth(page: Page) {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}

for (const vp of VIEWPORTS) {
  test.describe(`${vp.name} ${vp.width}×${vp.height}`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } });

    for (const role of ROLES) {
      test(`${role}: no page scrolls sideways`, async ({ page }) => {
        test.setTimeout(240_000);
        await signIn(page, `${role}@acme.example`);
        const urls = pagesFor(role, await recordIds());
        expect(urls.length).toBeGreaterThan(10);
        const wide: string[] = [];
        const faults: string[] = [];
        for (const url of urls) {
          const response = await page.goto(url);
          expect(response?.status(), url).toBe(200);
          await page.waitForLoadState("networkidle");
          const width = await documentWidth(page);
          if (width > vp.width) wide.push(`${url}: ${width}px`);
          // Every page × role at both widths: no serious or critical axe violation (item 6).
          const { violations } = await new AxeBuilder({ page }).analyze();
          for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
            faults.push(
              `${url} ${v.id}: ${v.nodes
                .map((n) => n.target.join(" "))
                .slice(0, 3)
                .join(", ")}`,
            );
          }
        }
        expect(wide, "pages wider than the viewport").toEqual([]);
        expect(faults, "serious or critical axe violations").toEqual([]);
      });
    }

    test("the navigation opens and navigates", async ({ page }) => {
      await signIn(page, "director@acme.example");
      await page.goto("/acme/dashboard");
      const main = page.getByRole("navigation", { name: "Main" });
      if (vp.width < 1024) {
        await expect(main).toBeHidden();
        const open = page.getByRole("button", { name: "Open navigation" });
        await open.click();
        const drawer = page.getByRole("dialog", { name: "Keel" });
        await expect(drawer).toBeVisible();
        await settled(page);
        // Focus is trapped: tabbing round never leaves the drawer.
        for (let i = 0; i < 15; i++) {
          await page.keyboard.press("Tab");
          expect(await drawer.evaluate((d) => d.contains(document.activeElement))).toBe(true);
        }
        await page.keyboard.press("Escape");
        await expect(drawer).toBeHidden();
        await expect(open).toBeFocused();

        await open.click();
        await expect(drawer).toBeVisible();
        await drawer.getByRole("link", { name: "Vendors" }).click();
        await expect(page).toHaveURL(/\/acme\/vendors$/);
        await expect(page.getByRole("heading", { level: 1, name: "Vendors" })).toBeVisible();
        await expect(drawer).toBeHidden();
        // A navigation not made in the drawer closes it too.
        await open.click();
        await expect(drawer).toBeVisible();
        await page.goBack();
        await expect(page).toHaveURL(/\/acme\/dashboard$/);
        await expect(drawer).toBeHidden();
      } else {
        await expect(page.getByRole("button", { name: "Open navigation" })).toBeHidden();
        await main.getByRole("link", { name: "Vendors" }).click();
        await expect(page).toHaveURL(/\/acme\/vendors$/);
        await expect(main.getByRole("link", { name: "Vendors" })).toHaveAttribute("aria-current", "page");
      }
    });

    test("the update form fits: every health choice is on screen and usable by keyboard", async ({ page }) => {
      const { projectId } = await recordIds();
      await signIn(page, "manager@acme.example");
      await page.goto(`/acme/projects/${projectId}`);
      const form = page.getByRole("form", { name: /status update/ });
      for (const label of ["On track", "At risk", "Off track"]) {
        const choice = form.getByLabel(label, { exact: true });
        await choice.scrollIntoViewIfNeeded();
        await expect(choice).toBeInViewport();
        const box = (await choice.locator("xpath=ancestor::label[1]").boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(vp.width);
      }
      await form.getByLabel("On track", { exact: true }).focus();
      await page.keyboard.press("ArrowRight");
      await expect(form.getByLabel("At risk", { exact: true })).toBeChecked();
      await expect(form.getByLabel("Summary")).toBeVisible();
      expect(await documentWidth(page)).toBeLessThanOrEqual(vp.width);
    });
  });
}
