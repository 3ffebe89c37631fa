import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";

import { createMemberUser, DEMO_PASSWORD, signIn, sql } from "./fixtures";
import { COLUMNS, ROUTE_ROWS, type Cell, type Column, type RouteRow } from "./route-matrix";

// Every page and route handler × every kind of caller, against the production build: the status
// (or redirect) each gets, and — for every response a role without compensation:read receives —
// that no individual's pay is in it, in any format (the page's HTML and the React payload
// embedded in it, CSV exports, JSON). Runs serially: the pay probes are shared by its tests.
test.describe.configure({ mode: "serial" });

const APP = path.resolve(import.meta.dirname, "../../app");

/** "/[org]/projects/(list)/page.tsx" → "/[org]/projects"; route groups do not appear in URLs. */
function patternOf(file: string): string {
  const parts = path
    .dirname(file)
    .split(path.sep)
    .filter((p) => p !== "." && !/^\(.*\)$/.test(p));
  return `/${parts.join("/")}`;
}

function discoverRoutes(): { pages: string[]; handlers: { pattern: string; method: string }[] } {
  const files = readdirSync(APP, { recursive: true, encoding: "utf8" }).map((f) => f.split("/").join(path.sep));
  const pages = files.filter((f) => /(^|[\\/])page\.tsx?$/.test(f)).map(patternOf);
  const handlers = files
    .filter((f) => /(^|[\\/])route\.tsx?$/.test(f))
    .flatMap((f) => {
      const text = readFileSync(path.join(APP, f), "utf8");
      const methods = new Set<string>();
      for (const m of text.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g))
        methods.add(m[1]);
      for (const m of text.matchAll(/export\s*\{([^}]*)\}/g))
        for (const name of m[1].matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b|^\s*(GET|POST|PUT|PATCH|DELETE)\b/g))
          methods.add(name[1] ?? name[2]);
      return [...methods].map((method) => ({ pattern: patternOf(f), method }));
    });
  return { pages, handlers };
}

test("every page and every route handler method in app/ has a row in tests/e2e/route-matrix.ts", () => {
  const { pages, handlers } = discoverRoutes();
  expect(pages.length).toBeGreaterThan(10);
  const rows = new Set(ROUTE_ROWS.map((r) => `${r.method} ${r.pattern}`));
  const missing = [
    ...pages.filter((p) => !rows.has(`GET ${p}`)).map((p) => `page("${p}", "<${COLUMNS.join(" ")}>") — app${p}/…/page.tsx`),
    ...handlers
      .filter((h) => !rows.has(`${h.method} ${h.pattern}`))
      .map((h) => `route("${h.pattern}", "${h.method}", "<${COLUMNS.join(" ")}>") — app${h.pattern}/…/route.ts`),
  ];
  expect(missing, "add these rows to ROUTE_ROWS in tests/e2e/route-matrix.ts").toEqual([]);
  const existing = new Set([...pages.map((p) => `GET ${p}`), ...handlers.map((h) => `${h.method} ${h.pattern}`)]);
  expect(
    [...rows].filter((r) => !existing.has(r)),
    "rows for pages or methods that no longer exist",
  ).toEqual([]);
});

type Ids = {
  projectId: string;
  personId: string;
  managerId: string;
  foreignProjectId: string;
  foreignPersonId: string;
  unitId: string;
  foreignUnitId: string;
  reorgId: string;
  foreignReorgId: string;
  positionId: string;
  foreignPositionId: string;
  contractId: string;
  foreignContractId: string;
};

/** Concrete URL for a row: records inside the in-scope manager's subtree (ENG-PROD). */
function urlFor(row: RouteRow, ids: Ids, foreign: boolean): string {
  const url = row.pattern
    .replace("[org]", "acme")
    .replace("/projects/[id]", `/projects/${foreign ? ids.foreignProjectId : ids.projectId}`)
    .replace("/people/[id]", `/people/${foreign ? ids.foreignPersonId : ids.personId}`)
    .replace("/managers/[id]", `/managers/${foreign ? ids.foreignPersonId : ids.managerId}`)
    .replace("/units/[id]", `/units/${foreign ? ids.foreignUnitId : ids.unitId}`)
    .replace("/reorgs/[id]", `/reorgs/${foreign ? ids.foreignReorgId : ids.reorgId}`)
    .replace("/positions/[id]", `/positions/${foreign ? ids.foreignPositionId : ids.positionId}`)
    .replace("/contracts/[id]", `/contracts/${foreign ? ids.foreignContractId : ids.contractId}`)
    .replace("/scim/v2/Users/[id]", "/scim/v2/Users/no-such-user")
    .replace("/scim/v2/Groups/[id]", "/scim/v2/Groups/no-such-group")
    .replace("[token]", "no-such-invitation-token-0123456789")
    .replace("[...rest]", "no-such-page")
    .replace("[...nextauth]", "session");
  const query = row.query ?? row.body?.query;
  return query ? `${url}?${query}` : url;
}

// Pay probes: a person and an open position in the in-scope manager's subtree with pay no other
// figure can equal by chance (seeded pay is in round thousands, like many budget and contract
// amounts, so those cannot tell a leak from a coincidence), and that person's payroll as one
// PERSONNEL ledger line and as a PERSONNEL plan line (in a year nothing else plans). The person
// is also the record of the /people/[id] row. Removed again after the matrix.
const PROBE = { personCents: 17_321_947, positionCents: 16_543_219, ledgerCents: 1_443_496, planCents: 1_632_117 };
const probeId = `e2eprobe${Date.now().toString(36)}`;

function payNeedles(): string[] {
  const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
  return [PROBE.personCents, PROBE.positionCents, PROBE.ledgerCents, PROBE.planCents].flatMap((n) => [
    usd.format(n / 100),
    (n / 100).toFixed(2),
    `"${n}"`,
    `:${n},`,
    `:${n}}`,
    `:${n}]`,
  ]);
}

test.beforeAll(async () => {
  const [unit] = await sql<{ id: string; orgId: string }>(
    `SELECT u.id, u."orgId" FROM "OrgUnit" u JOIN "OrgUnitClosure" c ON c."descendantId" = u.id JOIN "OrgUnit" a ON a.id = c."ancestorId"
     JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND a.code = 'ENG-PROD' AND u."closedOn" IS NULL ORDER BY u.depth DESC, u.code LIMIT 1`,
  );
  await sql(
    `INSERT INTO "Person" (id, "orgId", name, title, level, "orgUnitId", "startDate", "annualCompCents", "updatedAt")
     VALUES ($1, $2, 'Pay Probe', 'Engineer', 'IC3', $3, '2021-01-04', $4, now()) ON CONFLICT DO NOTHING`,
    [probeId, unit.orgId, unit.id, PROBE.personCents],
  );
  await sql(
    `INSERT INTO "Position" (id, "orgId", "orgUnitId", title, level, status, "annualCompCents", "budgetFiscalYear", "openedAt", "updatedAt")
     VALUES ($1, $2, $3, 'Pay Probe Role', 'IC3', 'OPEN', $4, 2027, now(), now()) ON CONFLICT DO NOTHING`,
    [`${probeId}pos`, unit.orgId, unit.id, PROBE.positionCents],
  );
  await sql(
    `INSERT INTO "ActualEntry" (id, "orgId", "orgUnitId", "bookedOn", category, "amountCents", memo, "externalRef")
     VALUES ($1, $2, $3, CURRENT_DATE, 'PERSONNEL', $4, 'Pay probe payroll', $1) ON CONFLICT DO NOTHING`,
    [`${probeId}led`, unit.orgId, unit.id, PROBE.ledgerCents],
  );
  await sql(
    `INSERT INTO "BudgetLine" (id, "orgId", "orgUnitId", month, category, "amountCents", "updatedAt")
     VALUES ($1, $2, $3, '2031-01-01', 'PERSONNEL', $4, now()) ON CONFLICT DO NOTHING`,
    [`${probeId}plan`, unit.orgId, unit.id, PROBE.planCents],
  );
  await sql(
    `INSERT INTO "Reorg" (id, "orgId", name, "createdById", "updatedAt")
     SELECT $1, o.id, 'Globex draft', m."userId", now() FROM "Organization" o JOIN "Membership" m ON m."orgId" = o.id WHERE o.slug = 'globex' LIMIT 1 ON CONFLICT DO NOTHING`,
    [`${probeId}reorg`],
  );
});

test.afterAll(async () => {
  await sql(`DELETE FROM "Reorg" WHERE id = $1`, [`${probeId}reorg`]);
  await sql(`DELETE FROM "BudgetLine" WHERE id = $1`, [`${probeId}plan`]);
  await sql(`DELETE FROM "ActualEntry" WHERE id = $1`, [`${probeId}led`]);
  await sql(`DELETE FROM "Position" WHERE id = $1`, [`${probeId}pos`]);
  await sql(`DELETE FROM "Person" WHERE id = $1`, [probeId]);
});

async function ids(): Promise<Ids> {
  const [p] = await sql<{ id: string }>(
    `SELECT p.id FROM "Project" p JOIN "Organization" o ON o.id = p."orgId" JOIN "OrgUnitClosure" c ON c."descendantId" = p."orgUnitId"
     JOIN "OrgUnit" u ON u.id = c."ancestorId" WHERE o.slug = 'acme' AND u.code = 'ENG-PROD' ORDER BY p.name LIMIT 1`,
  );
  const [fp] = await sql<{ id: string }>(
    `SELECT p.id FROM "Project" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'globex' LIMIT 1`,
  );
  const [fpe] = await sql<{ id: string }>(
    `SELECT p.id FROM "Person" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'globex' LIMIT 1`,
  );
  const [u] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u.code = 'ENG-PROD'`,
  );
  const [fu] = await sql<{ id: string }>(
    `SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'globex' LIMIT 1`,
  );
  const [c] = await sql<{ id: string }>(
    `SELECT c.id FROM "Contract" c JOIN "Organization" o ON o.id = c."orgId" WHERE o.slug = 'acme' ORDER BY c.name LIMIT 1`,
  );
  const [fc] = await sql<{ id: string }>(
    `SELECT c.id FROM "Contract" c JOIN "Organization" o ON o.id = c."orgId" WHERE o.slug = 'globex' LIMIT 1`,
  );
  const [fpos] = await sql<{ id: string }>(
    `SELECT p.id FROM "Position" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.slug = 'globex' LIMIT 1`,
  );
  // A manager reporting to the in-scope manager (manager@acme.example), for /managers/[id].
  const [mgr] = await sql<{ id: string }>(
    `SELECT p.id FROM "Person" p JOIN "Person" b ON b.id = p."managerId" JOIN "User" u ON u.id = b."userId"
     WHERE u.email = 'manager@acme.example' AND EXISTS (SELECT 1 FROM "Person" r WHERE r."managerId" = p.id) ORDER BY p.name, p.id LIMIT 1`,
  );
  // The demo's scheduled reorg (lib/seed/org-design.ts), and a draft in Globex made in beforeAll.
  const [r] = await sql<{ id: string }>(
    `SELECT r.id FROM "Reorg" r JOIN "Organization" o ON o.id = r."orgId" WHERE o.slug = 'acme' ORDER BY r."createdAt" LIMIT 1`,
  );
  return {
    projectId: p.id,
    personId: probeId,
    managerId: mgr.id,
    foreignProjectId: fp.id,
    foreignPersonId: fpe.id,
    unitId: u.id,
    foreignUnitId: fu.id,
    reorgId: r.id,
    foreignReorgId: `${probeId}reorg`,
    positionId: `${probeId}pos`,
    foreignPositionId: fpos.id,
    contractId: c.id,
    foreignContractId: fc.id,
  };
}

/** A MANAGER of Acme whose scope is a unit outside ENG-PROD's subtree. */
async function outOfScopeManager(): Promise<{ email: string; password: string }> {
  const user = await createMemberUser("acme", "MANAGER");
  await sql(
    `UPDATE "Membership" SET "scopeUnitId" = (
       SELECT u.id FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId" WHERE o.slug = 'acme' AND u."parentId" IS NOT NULL
         AND u.id NOT IN (SELECT c."descendantId" FROM "OrgUnitClosure" c JOIN "OrgUnit" a ON a.id = c."ancestorId" WHERE a.code = 'ENG-PROD' AND a."orgId" = u."orgId")
         AND u.id NOT IN (SELECT c."ancestorId" FROM "OrgUnitClosure" c JOIN "OrgUnit" d ON d.id = c."descendantId" WHERE d.code = 'ENG-PROD' AND d."orgId" = u."orgId")
       ORDER BY u.code LIMIT 1)
     WHERE id = $1`,
    [user.membershipId],
  );
  return user;
}

async function requestAs(browser: Browser, column: Column): Promise<{ request: APIRequestContext; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const logins: Partial<Record<Column, () => Promise<{ email: string; password: string }>>> = {
    ADMIN: async () => ({ email: "admin@acme.example", password: DEMO_PASSWORD }),
    DIRECTOR: async () => ({ email: "director@acme.example", password: DEMO_PASSWORD }),
    FOREIGN: async () => ({ email: "director@acme.example", password: DEMO_PASSWORD }),
    MGR_IN: async () => ({ email: "manager@acme.example", password: DEMO_PASSWORD }),
    MGR_OUT: outOfScopeManager,
    FINANCE: async () => ({ email: "finance@acme.example", password: DEMO_PASSWORD }),
    VIEWER: async () => ({ email: "viewer@acme.example", password: DEMO_PASSWORD }),
    OTHER_ORG: async () => ({ email: "director@globex.example", password: DEMO_PASSWORD }),
  };
  const login = logins[column];
  if (login) {
    const { email, password } = await login();
    const page = await context.newPage();
    await signIn(page, email, password);
    await page.close();
  }
  return { request: context.request, close: () => context.close() };
}

function outcome(status: number, location: string | undefined): Cell {
  if ([301, 302, 303, 307, 308].includes(status)) return /^(https?:\/\/[^/]+)?\/login(\?|$)/.test(location ?? "") ? "login" : "redirect";
  return String(status) as Cell;
}

const SEES_PAY: Column[] = ["ADMIN", "DIRECTOR", "FOREIGN"];
const seenPay = new Set<string>();

for (const column of COLUMNS) {
  test(`route matrix: ${column}`, async ({ browser }) => {
    test.setTimeout(300_000);
    const [recordIds, needles] = [await ids(), payNeedles()];
    const writesBefore = await sql<{ n: string }>(
      `SELECT (SELECT count(*) FROM "ImportBatch") + (SELECT count(*) FROM "ActualEntry") AS n`,
    );
    const { request, close } = await requestAs(browser, column);
    try {
      for (const row of ROUTE_ROWS) {
        const expected = row.expect[column];
        if (expected === "-") continue;
        const url = urlFor(row, recordIds, column === "FOREIGN");
        const response =
          row.method === "GET"
            ? await request.get(url, { maxRedirects: 0 })
            : await request.fetch(url, {
                method: row.method,
                data: row.body?.data ?? "",
                headers: { "content-type": row.body?.contentType ?? "text/plain" },
                maxRedirects: 0,
              });
        const got = outcome(response.status(), response.headers()["location"]);
        expect.soft(got, `${row.method} ${url} as ${column} (row "${row.pattern}")`).toBe(expected);
        if (response.status() !== 200) continue;
        const body = await response.text();
        const leaked = needles.filter((n) => body.includes(n));
        // The OpenAPI document names the pay fields of its schemas; it holds no values.
        if (/"(annualCompCents|compBandMinCents|compBandMaxCents)"/.test(body) && row.pattern !== "/api/v1/openapi.json")
          leaked.push("a pay field name");
        if (SEES_PAY.includes(column)) {
          if (leaked.length) seenPay.add(row.pattern);
        } else {
          expect.soft(leaked.slice(0, 5), `${row.method} ${url} as ${column}: individual pay in the response`).toEqual([]);
        }
      }
    } finally {
      await close();
    }
    // Refused and invalid uploads wrote nothing.
    const writesAfter = await sql<{ n: string }>(`SELECT (SELECT count(*) FROM "ImportBatch") + (SELECT count(*) FROM "ActualEntry") AS n`);
    expect(writesAfter[0].n).toBe(writesBefore[0].n);
    // The pay check can fail: pay IS found where admins and directors are meant to see it.
    if (column === "DIRECTOR") {
      expect([...seenPay]).toEqual(
        expect.arrayContaining([
          "/[org]/teams",
          "/[org]/people/[id]",
          "/[org]/positions/[id]",
          "/[org]/budgets/lines",
          "/[org]/budgets/lines/export",
        ]),
      );
    }
  });
}
