import { readdirSync } from "node:fs";
import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { AREAS, settled, signIn, sql } from "./fixtures";
import { ROUTE_ROWS } from "./route-matrix";

// Every page a member can open, for every role, at a phone (390×844) and a laptop (1280×800):
// the document never scrolls sideways (wide tables scroll inside their own region, which says
// so) and no serious or critical axe violation; the navigation opens and navigates (a drawer
// below lg), and the update form fits and works by touch and by keyboard.

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

/**
 * The page as it settles: loaded, every chart brought into view once (a chart loads when it comes
 * near the viewport, components/charts/lazy.tsx) so that axe and the width check see it drawn, and
 * no placeholder left (loading charts and streamed sections show an .animate-pulse placeholder
 * until they arrive), then two frames for the last layout. Cheaper than waiting for the network to
 * be idle for half a second on each of some 400 page loads.
 */
async function loaded(page: Page) {
  await page.waitForLoadState("load");
  // A chart only starts loading once its observer runs, after hydration, which may come after
  // "load": each chart is kept in view until it has started (or 15 s have passed).
  await page.evaluate(async () => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    const until = Date.now() + 15_000;
    for (
      let chart = document.querySelector("[data-chart-deferred]");
      chart && Date.now() < until;
      chart = document.querySelector("[data-chart-deferred]")
    ) {
      chart.scrollIntoView({ block: "center" });
      await frame();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForFunction(() => !document.querySelector(".animate-pulse, [data-chart-deferred]"), undefined, { timeout: 20_000 });
  // A table's scroll region learns that it overflows from a ResizeObserver, a render later
  // (components/ui/scroll-region.tsx): wait until every region says what its layout is.
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll<HTMLElement>("[data-scroll-region]")).every(
        (box) => box.scrollWidth > box.clientWidth + 1 === box.hasAttribute("data-overflowing"),
      ),
    undefined,
    { timeout: 20_000 },
  );
  await settled(page);
}

async function seriousFaults(page: Page, where: string, { include, contrast = true }: { include?: string; contrast?: boolean } = {}) {
  // Legacy mode: axe runs in the page itself (no blank page per check; Keel's pages have no frames).
  const builder = new AxeBuilder({ page }).setLegacyMode();
  if (include) builder.include(include);
  // Colour contrast is most of axe's time, and the colours do not change with the width.
  if (!contrast) builder.disableRules(["color-contrast"]);
  const { violations } = await builder.analyze();
  return violations
    .filter((x) => x.impact === "serious" || x.impact === "critical")
    .map(
      (v) =>
        `${where} ${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

/** Pages of one signed-in context that tour at once: the server, the browser and axe overlap their waits. */
const TABS = 2;

/** Runs `visit` on every item, in order, in `tabs` pages of the page's signed-in context. */
async function inTabs<T>(page: Page, tabs: number, items: T[], visit: (tab: Page, item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: tabs }, async (_, i) => {
      const tab = i === 0 ? page : await page.context().newPage();
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await visit(tab, item);
      if (tab !== page) await tab.close();
    }),
  );
}

// One test per role, signed in once: every page it opens is loaded once per width and every check
// is made on that load. Axe runs on every page × role at both widths (a table that scrolls
// sideways only on a phone must still be reachable), its colour-contrast rule once per page ×
// role at 1280 and on each role's phone dashboard and open drawer.
for (const role of ROLES) {
  test(`${role}: no page scrolls sideways at 390 or 1280, and axe finds nothing serious`, async ({ page }) => {
    test.setTimeout(420_000);
    await signIn(page, `${role}@acme.example`);
    const urls = pagesFor(role, await recordIds());
    expect(urls.length).toBeGreaterThan(10);
    expect(urls).toContain("/acme/dashboard");
    const wide: string[] = [];
    const faults: string[] = [];
    const visits = VIEWPORTS.flatMap((vp) => urls.map((url) => ({ vp, url })));
    await inTabs(page, TABS, visits, async (tab, { vp, url }) => {
      await tab.setViewportSize({ width: vp.width, height: vp.height });
      const response = await tab.goto(url);
      expect(response?.status(), url).toBe(200);
      await loaded(tab);
      const width = await documentWidth(tab);
      if (width > vp.width) wide.push(`${url} at ${vp.width}: ${width}px`);
      // The area pages' first screen, kept with the run's artefacts (test-results/) for a person to look at.
      const area = AREAS.find((a) => url === `/acme/${a}`);
      if (area) await tab.screenshot({ path: test.info().outputPath(`${role}-${area}-${vp.width}.png`) });
      const dashboard = url === "/acme/dashboard";
      faults.push(...(await seriousFaults(tab, `${url} at ${vp.width}`, { contrast: vp.name === "laptop" || dashboard })));
      if (vp.name === "phone" && dashboard) {
        await tab.getByRole("button", { name: "Open navigation" }).click();
        await expect(tab.getByRole("dialog", { name: "Keel" })).toBeVisible();
        await settled(tab);
        faults.push(...(await seriousFaults(tab, "the drawer at 390", { include: '[role="dialog"]' })));
      }
    });
    expect(wide.sort(), "pages wider than the viewport").toEqual([]);
    expect(faults.sort(), "serious or critical axe violations").toEqual([]);
  });
}

for (const vp of VIEWPORTS) {
  test.describe(`${vp.name} ${vp.width}×${vp.height}`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } });

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

    test.describe("on a touch screen", () => {
      test.use({ hasTouch: true });

      test("the update form fits: every health choice is on screen and usable by touch and keyboard", async ({ page }) => {
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
        await form.getByLabel("Off track", { exact: true }).locator("xpath=ancestor::label[1]").tap();
        await expect(form.getByLabel("Off track", { exact: true })).toBeChecked();
        await form.getByLabel("On track", { exact: true }).focus();
        await page.keyboard.press("ArrowRight");
        await expect(form.getByLabel("At risk", { exact: true })).toBeChecked();
        await form.getByLabel("Summary").tap();
        await expect(form.getByLabel("Summary")).toBeFocused();
        expect(await documentWidth(page)).toBeLessThanOrEqual(vp.width);
      });
    });
  });
}
