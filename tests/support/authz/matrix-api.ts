import { createApiToken } from "@/tests/factories/api";
import { row } from "@/tests/support/authz/matrix";
import { testDb } from "@/tests/support/db";

// The API token actions (lib/api/manage-tokens.ts): org tokens are the admins'; every member
// holds personal tokens of their own, and revokes only those.
// Columns: ADMIN DIRECTOR MGR_IN MGR_OUT FINANCE VIEWER OTHER_ORG ANON FOREIGN (see matrix.ts).
export const API_TOKEN_ROWS = [
  row("api-token.create", "ok F F F F F N U -", () => ({ name: "Warehouse sync", scopes: ["projects:read"], expiresInDays: "90" })),
  row("api-token.revoke", "ok F F F F F N U N", async (fx) => ({
    tokenId: (await createApiToken(testDb(), { orgId: fx.org.id, kind: "ORG", scopes: ["projects:read"] })).id,
  })),
  row("api-token.personal.create", "ok ok ok ok ok ok N U -", () => ({
    name: "My script",
    scopes: ["updates:write"],
    expiresInDays: "30",
  })),
  row("api-token.personal.revoke", "ok ok ok ok ok ok N U N", async (fx, caller) => ({
    tokenId: (await createApiToken(testDb(), { orgId: fx.org.id, kind: "PERSONAL", userId: caller, scopes: ["projects:read"] })).id,
  })),
];

// The REST API's routes × callers (tests/integration/api-v1.test.ts). One row per documented
// operation (lib/api/openapi.ts API_OPERATIONS, itself checked against app/api/v1's route
// files), so a new route cannot go without a row. Cells are HTTP statuses, written down
// explicitly like the action matrix above; "-" = not applicable.
// Columns:
//   ORG (an org token with every scope)  ADMIN DIRECTOR MGR_IN MGR_OUT FINANCE VIEWER (personal
//   tokens of those members, every scope)  NO_SCOPE (a director's token with every scope but the
//   route's)  REVOKED  EXPIRED  NONE (no Authorization header)  FOREIGN (another org's director,
//   every scope, naming this org's record)
export const API_COLUMNS = [
  "ORG",
  "ADMIN",
  "DIRECTOR",
  "MGR_IN",
  "MGR_OUT",
  "FINANCE",
  "VIEWER",
  "NO_SCOPE",
  "REVOKED",
  "EXPIRED",
  "NONE",
  "FOREIGN",
] as const;
export type ApiColumn = (typeof API_COLUMNS)[number];

export type ApiCall = { params?: { id: string }; query?: Record<string, string>; body?: unknown; headers?: Record<string, string> };
type Fx = import("@/tests/support/authz/fixture").OrgFx;

export type ApiRow = { op: string; expect: Record<ApiColumn, number | null>; call: (fx: Fx) => Promise<ApiCall> };

function apiRow(op: string, cells: string, call: ApiRow["call"]): ApiRow {
  const tokens = cells.trim().split(/\s+/);
  if (tokens.length !== API_COLUMNS.length) throw new Error(`API row ${op}: ${tokens.length} cells, expected ${API_COLUMNS.length}`);
  const expect = Object.fromEntries(API_COLUMNS.map((c, i) => [c, tokens[i] === "-" ? null : Number(tokens[i])])) as Record<
    ApiColumn,
    number | null
  >;
  return { op, expect, call };
}

const READ = "200 200 200 200 200 200 200 403 401 401 401 -";
const READ_ONE = "200 200 200 200 200 200 200 403 401 401 401 404";

export const API_ROUTE_ROWS: ApiRow[] = [
  apiRow("GET /projects", READ, async () => ({ query: { limit: "5" } })),
  apiRow("GET /projects/{id}", READ_ONE, async (fx) => ({ params: { id: (await fx.make.project()).id } })),
  apiRow("PATCH /projects/{id}", "403 403 200 200 403 403 403 403 401 401 401 404", async (fx) => ({
    params: { id: (await fx.make.project()).id },
    headers: { "if-match": '"1"' },
    body: { status: "PAUSED" },
  })),
  apiRow("GET /status-updates", READ, async () => ({})),
  apiRow("POST /status-updates", "403 403 201 201 403 403 403 403 401 401 401 404", async (fx) => ({
    body: { projectId: (await fx.make.project()).id, health: "OFF_TRACK", summary: "Blocked on hardware" },
  })),
  apiRow("GET /org-units", READ, async () => ({})),
  apiRow("GET /org-units/{id}", READ_ONE, async (fx) => ({ params: { id: fx.unit.id } })),
  apiRow("GET /people", READ, async () => ({})),
  apiRow("GET /people/{id}", READ_ONE, async (fx) => ({ params: { id: (await fx.make.person()).id } })),
  apiRow("GET /positions", READ, async () => ({})),
  apiRow("GET /milestones", READ, async (fx) => ({ query: { projectId: (await fx.make.milestone()).projectId } })),
  apiRow("GET /initiatives", READ, async (fx) => (await fx.make.initiative(), { query: { fiscalYear: "2027" } })),
  apiRow("GET /vendors", READ, async (fx) => (await fx.make.vendor(), {})),
  apiRow("GET /contracts", READ, async (fx) => (await fx.make.contract(), { query: { status: "ACTIVE" } })),
  apiRow("GET /plan-lines", READ, async (fx) => (await fx.make.planLine(), { query: { category: "TRAVEL" } })),
  apiRow("GET /actuals", READ, async () => ({ query: { from: "2026-01-01" } })),
  apiRow("GET /figures/delivery", READ, async (fx) => ({ query: { orgUnitId: fx.unit.id } })),
  apiRow("GET /figures/finance", READ, async () => ({ query: { fiscalYear: "2026", period: "q1" } })),
  apiRow("GET /positions/{id}", READ_ONE, async (fx) => ({ params: { id: (await fx.make.position()).id } })),
  apiRow("PATCH /positions/{id}", "403 403 200 200 403 403 403 403 401 401 401 404", async (fx) => ({
    params: { id: (await fx.make.position()).id },
    headers: { "if-match": '"1"' },
    body: { title: "Staff Engineer" },
  })),
  // The org comes from the token and the file names no record: no FOREIGN case. A sync needs
  // people:write across the org (no manager) from a person (no org token).
  apiRow("POST /people/sync", "403 200 200 403 403 403 403 403 401 401 401 -", async (fx) => ({
    query: { dryRun: "true" },
    headers: { "content-type": "text/csv" },
    body: `Employee #,Name,Job Title,Department,Hire Date\nE-1,Pat Doe,Engineer,${fx.unit.code},2026-01-05\n`,
  })),
  // Another org's token names this org's cost centre: not one of its units, a 422 naming the row.
  apiRow("POST /actuals/imports", "403 403 201 403 403 201 403 403 401 401 401 422", async (fx) => ({
    body: { rows: [{ date: "2026-03-02", costCentreCode: fx.unit.code, category: "TRAVEL", amount: "12.50", memo: "Train" }] },
  })),
];
