// The page and route-handler half of the authorization matrix (the action half is
// tests/support/authz/matrix*.ts). One row per page (app/**/page.tsx) and per exported method of
// every route handler (app/**/route.ts); route-matrix.spec.ts reads app/ and fails naming any
// page or method without a row, or a row for something that no longer exists.
//
// Columns, in this order: ADMIN DIRECTOR MGR_IN MGR_OUT FINANCE VIEWER OTHER_ORG ANON FOREIGN
//   MGR_IN/MGR_OUT: a MANAGER whose scope holds / does not hold the record in the URL;
//   OTHER_ORG: the Globex director opening an Acme URL; ANON: no session;
//   FOREIGN: the Acme director opening an Acme URL with a Globex record id (- when no id).
// Cells: an HTTP status (200, 400, 401, 403, 404, 422), login (a redirect to /login), redirect (any
//   other redirect), - (not applicable).
// Adding a page = one line: page("/[org]/settings/audit", "200 200 404 404 404 404 404 login -").

export const COLUMNS = ["ADMIN", "DIRECTOR", "MGR_IN", "MGR_OUT", "FINANCE", "VIEWER", "OTHER_ORG", "ANON", "FOREIGN"] as const;
export type Column = (typeof COLUMNS)[number];
export type Cell = "200" | "400" | "401" | "403" | "404" | "422" | "login" | "redirect" | "-";
const CELLS = new Set<string>(["200", "400", "401", "403", "404", "422", "login", "redirect", "-"]);

export type RouteRow = {
  /** The route as in app/, without route groups: "/[org]/projects/[id]". */
  pattern: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  expect: Record<Column, Cell>;
  /** Request body for POST rows. */
  body?: { contentType: string; data: string; query?: string };
  /** Query string of a GET row (e.g. filters that reach the pay probes). */
  query?: string;
};

function parse(pattern: string, cells: string): Record<Column, Cell> {
  const tokens = cells.trim().split(/\s+/);
  if (tokens.length !== COLUMNS.length || tokens.some((t) => !CELLS.has(t))) {
    throw new Error(`Route matrix row ${pattern}: "${cells}" must be ${COLUMNS.length} of ${[...CELLS].join(" ")} (${COLUMNS.join(" ")})`);
  }
  return Object.fromEntries(tokens.map((t, i) => [COLUMNS[i], t])) as Record<Column, Cell>;
}

const page = (pattern: string, cells: string, query?: string): RouteRow => ({
  pattern,
  method: "GET",
  expect: parse(pattern, cells),
  query,
});
const route = (pattern: string, method: RouteRow["method"], cells: string, body?: RouteRow["body"]): RouteRow => ({
  pattern,
  method,
  expect: parse(pattern, cells),
  body,
});

// Every page is readable by every member (org:read); what differs is what they may change and
// whether pay is in the payload (checked separately for every 200 below).
const MEMBERS_ONLY = "200 200 200 200 200 200 404 login -";

export const ROUTE_ROWS: RouteRow[] = [
  page("/", "redirect redirect redirect redirect redirect redirect redirect login -"),
  page("/login", "redirect redirect redirect redirect redirect redirect redirect 200 -"),
  page("/invite/[token]", "200 200 200 200 200 200 200 200 -"),
  // The bench's bare page: 404 unless the server runs with KEEL_BENCH_FLOOR=1 (the bench only).
  page("/keel-bench/floor", "404 404 404 404 404 404 404 404 -"),
  page("/[org]", "redirect redirect redirect redirect redirect redirect 404 login -"),
  page("/[org]/[...rest]", "404 404 404 404 404 404 404 login -"),
  page("/[org]/dashboard", MEMBERS_ONLY),
  page("/[org]/teams", MEMBERS_ONLY),
  page("/[org]/teams/units/[id]", "200 200 200 200 200 200 404 login 404"),
  // Managers propose reorgs (their own drafts): the list opens; the demo's reorg is a director's.
  page("/[org]/teams/reorgs", "200 200 200 200 404 404 404 login -"),
  page("/[org]/teams/reorgs/[id]", "200 200 404 404 404 404 404 login 404"),
  // Org health: directors and admins for the org, managers for their own subtree; salary-safe.
  page("/[org]/org-health", "200 200 200 200 404 404 404 login -"),
  page("/[org]/people/[id]", "200 200 200 200 200 200 404 login 404"),
  // A manager's page: directors and admins, and the people above the manager in the reporting
  // line (MGR_IN is the manager's own manager); 404 for everyone else.
  page("/[org]/managers/[id]", "200 200 200 404 404 404 404 login 404"),
  page("/[org]/roadmap", MEMBERS_ONLY),
  page("/[org]/projects", MEMBERS_ONLY),
  page("/[org]/projects/[id]", "200 200 200 200 200 200 404 login 404"),
  page("/[org]/projects/review", MEMBERS_ONLY),
  page("/[org]/budgets", MEMBERS_ONLY),
  page("/[org]/budgets/plan", MEMBERS_ONLY),
  // The ledger-export import wizard: members without actuals:write are told they cannot import.
  page("/[org]/budgets/ledger-import", MEMBERS_ONLY),
  page("/[org]/budgets/plan-import", MEMBERS_ONLY),
  page("/[org]/headcount/positions-import", MEMBERS_ONLY),
  // The lines behind a money figure, filtered to the pay probes (route-matrix.spec.ts): a PERSONNEL
  // ledger line and a PERSONNEL plan line of one person, listed only for roles that read pay.
  page("/[org]/budgets/lines", MEMBERS_ONLY, "from=2020-01&to=2031-12&q=Pay+probe+payroll"),
  page("/[org]/budgets/lines", MEMBERS_ONLY, "kind=plan&cat=PERSONNEL&from=2031-01&to=2031-01"),
  page("/[org]/headcount", MEMBERS_ONLY),
  // The pay probe's position: its pay and its History's pay only for roles that read pay.
  page("/[org]/positions/[id]", "200 200 200 200 200 200 404 login 404"),
  page("/[org]/vendors", MEMBERS_ONLY),
  page("/[org]/contracts/[id]", "200 200 200 200 200 200 404 login 404"),
  page("/[org]/projects/attention", MEMBERS_ONLY),
  page("/[org]/settings", MEMBERS_ONLY),
  page("/[org]/settings/audit", "200 200 404 404 404 404 404 login -"),
  page("/[org]/settings/webhooks", "200 404 404 404 404 404 404 login -"),
  // Single sign-on decides who joins the org: admins only (docs/sso.md).
  page("/[org]/settings/sso", "200 404 404 404 404 404 404 login -"),
  page("/[org]/account", MEMBERS_ONLY),
  page("/[org]/settings/api", "200 404 404 404 404 404 404 login -"),
  page("/[org]/api-reference", MEMBERS_ONLY),
  page("/[org]/me", MEMBERS_ONLY),
  route("/[org]/settings/audit/export", "GET", "200 200 404 404 404 404 404 401 -"),
  route("/[org]/projects/export", "GET", "200 200 200 200 200 200 404 401 -"),
  route("/[org]/projects/search", "GET", "200 200 200 200 200 200 404 401 -"),
  route("/[org]/people/search", "GET", "200 200 200 200 200 200 404 401 -"),
  route("/[org]/teams/search", "GET", "200 200 200 200 200 200 404 401 -"),
  route("/[org]/roadmap/search", "GET", "200 200 200 200 200 200 404 401 -"),
  route("/[org]/notifications", "GET", "200 200 200 200 200 200 404 401 -"),
  route("/[org]/projects/form-options", "GET", "403 200 200 200 403 403 404 401 -"),
  route("/[org]/roadmap/form-options", "GET", "403 200 200 200 403 403 404 401 -"),
  route("/[org]/headcount/form-options", "GET", "403 200 200 200 403 403 404 401 -"),
  route("/[org]/budgets/export", "GET", "200 200 200 200 200 200 404 401 -"),
  {
    ...route("/[org]/budgets/lines/export", "GET", "200 200 200 200 200 200 404 401 -"),
    query: "from=2020-01&to=2031-12&q=Pay+probe+payroll",
  },
  { ...route("/[org]/budgets/lines/export", "GET", "200 200 200 200 200 200 404 401 -"), query: "kind=plan&from=2031-01&to=2031-01" },
  // A file with one bad row: allowed roles get the row errors (422) and nothing is written.
  route("/[org]/budgets/import", "POST", "403 422 403 403 422 403 404 401 -", {
    contentType: "text/csv",
    data: "date,cost centre code,category,amount,vendor,memo,external reference\n2026-02-30,NOPE,x,abc,,,\n",
  }),
  route("/[org]/budgets/import", "POST", "403 422 403 403 422 403 404 401 -", {
    contentType: "text/csv",
    data: "month,cost centre code,category,amount\n2026-13,NOPE,x,abc\n",
    query: "kind=plan",
  }),
  // One-click unsubscribe (docs/notifications.md): no session; the signed token is the only
  // authority, so a missing or forged one is 404 for everyone alike.
  route("/unsubscribe", "GET", "404 404 404 404 404 404 404 404 -"),
  route("/unsubscribe", "POST", "404 404 404 404 404 404 404 404 -", {
    contentType: "application/x-www-form-urlencoded",
    data: "List-Unsubscribe=One-Click",
    query: "t=forged.DIRECTOR_DIGEST.not-a-signature",
  }),
  // A file staged for a mapped import (lib/imports/): stored, nothing imported yet. Managers may
  // stage one for their hiring plan.
  route("/[org]/budgets/import", "POST", "403 200 200 200 200 403 404 401 -", {
    contentType: "text/csv",
    data: "Report\nDate,Account,Amount\n11/03/2026,6200 Travel,10.00\n",
    query: "kind=stage",
  }),
  // next-auth's own endpoints (here /api/auth/session): the session is readable by its owner; a
  // POST without next-auth's CSRF token is refused.
  route("/api/auth/[...nextauth]", "GET", "200 200 200 200 200 200 200 200 -"),
  // Single sign-on (docs/sso.md) is before any session: the lookup answers anyone; start without
  // an SSO email and the callback without a flow go back to the login page.
  route("/api/auth/sso/lookup", "GET", "200 200 200 200 200 200 200 200 -"),
  route("/api/auth/sso/start", "GET", "login login login login login login login login -"),
  route("/api/auth/sso/callback", "GET", "login login login login login login login login -"),
  // Health probes answer everyone alike, a session or none (docs/operations.md).
  route("/api/health/live", "GET", "200 200 200 200 200 200 200 200 -"),
  route("/api/health/ready", "GET", "200 200 200 200 200 200 200 200 -"),
  // The REST API authenticates by bearer token only: a browser session is no credential there
  // (tests/integration/api-v1.test.ts is its token matrix); its OpenAPI document is public.
  ...[
    "/api/v1/projects",
    "/api/v1/projects/[id]",
    "/api/v1/status-updates",
    "/api/v1/org-units",
    "/api/v1/org-units/[id]",
    "/api/v1/people",
    "/api/v1/people/[id]",
    "/api/v1/positions",
    "/api/v1/positions/[id]",
    "/api/v1/milestones",
    "/api/v1/initiatives",
    "/api/v1/vendors",
    "/api/v1/contracts",
    "/api/v1/plan-lines",
    "/api/v1/actuals",
    "/api/v1/figures/delivery",
    "/api/v1/figures/finance",
  ].map((p) => route(p, "GET", "401 401 401 401 401 401 401 401 -")),
  route("/api/v1/projects/[id]", "PATCH", "401 401 401 401 401 401 401 401 -", {
    contentType: "application/json",
    data: '{"status":"PAUSED"}',
  }),
  route("/api/v1/status-updates", "POST", "401 401 401 401 401 401 401 401 -", { contentType: "application/json", data: "{}" }),
  route("/api/v1/positions/[id]", "PATCH", "401 401 401 401 401 401 401 401 -", {
    contentType: "application/json",
    data: '{"title":"Staff Engineer"}',
  }),
  route("/api/v1/people/sync", "POST", "401 401 401 401 401 401 401 401 -", {
    contentType: "text/csv",
    data: "Employee #,Name,Job Title,Department,Hire Date\n",
  }),
  route("/api/v1/actuals/imports", "POST", "401 401 401 401 401 401 401 401 -", { contentType: "application/json", data: '{"rows":[]}' }),
  route("/api/v1/openapi.json", "GET", "200 200 200 200 200 200 200 200 -"),
  // SCIM 2.0 answers only an org token with the scim scope: a session is no credential there.
  ...["/api/scim/v2/ServiceProviderConfig", "/api/scim/v2/Schemas", "/api/scim/v2/ResourceTypes"].map((p) =>
    route(p, "GET", "401 401 401 401 401 401 401 401 -"),
  ),
  ...["/api/scim/v2/Users", "/api/scim/v2/Groups"].flatMap((p) => [
    route(p, "GET", "401 401 401 401 401 401 401 401 -"),
    route(p, "POST", "401 401 401 401 401 401 401 401 -", { contentType: "application/scim+json", data: "{}" }),
    route(`${p}/[id]`, "GET", "401 401 401 401 401 401 401 401 -"),
    route(`${p}/[id]`, "PUT", "401 401 401 401 401 401 401 401 -", { contentType: "application/scim+json", data: "{}" }),
    route(`${p}/[id]`, "PATCH", "401 401 401 401 401 401 401 401 -", { contentType: "application/scim+json", data: "{}" }),
    route(`${p}/[id]`, "DELETE", "401 401 401 401 401 401 401 401 -"),
  ]),
  route("/api/auth/[...nextauth]", "POST", "400 400 400 400 400 400 400 400 -", {
    contentType: "application/x-www-form-urlencoded",
    data: "",
  }),
];
