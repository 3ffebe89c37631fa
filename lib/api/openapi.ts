import { OpenApiGeneratorV31, OpenAPIRegistry, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";

import { API_SCOPES, type ApiScope } from "@/lib/api/scopes";
import {
  ZActualPage,
  ZActualQuery,
  ZContractPage,
  ZContractQuery,
  ZDeliveryFigures,
  ZDeliveryFiguresQuery,
  ZFinanceFigures,
  ZFinanceFiguresQuery,
  ZInitiativePage,
  ZInitiativeQuery,
  ZMilestonePage,
  ZMilestoneQuery,
  ZPlanLinePage,
  ZPlanLineQuery,
  ZVendorPage,
  ZVendorQuery,
  ZIdParam,
  ZOrgUnit,
  ZOrgUnitPage,
  ZOrgUnitQuery,
  ZPerson,
  ZPersonPage,
  ZPersonQuery,
  ZPosition,
  ZPositionPage,
  ZPositionQuery,
  ZProblem,
  ZProject,
  ZProjectPage,
  ZProjectQuery,
  ZStatusUpdate,
  ZStatusUpdatePage,
  ZUpdateQuery,
} from "@/lib/api/schemas";
import {
  ZActualsImportBody,
  ZActualsImportResult,
  ZPeopleSyncQuery,
  ZPeopleSyncResult,
  ZPositionPatch,
  ZProjectPatch,
  ZStatusUpdatePost,
} from "@/lib/api/write-schemas";

// The OpenAPI 3.1 document of /api/v1, generated from the schemas the routes parse with. One
// entry per operation; tests/unit/api-openapi.test.ts fails when a route file under app/api/v1
// has a method without an entry here, or an entry names no route.

export type ApiOperation = {
  method: "get" | "post" | "patch";
  path: string;
  summary: string;
  scope: ApiScope | null;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The body may instead be a CSV file (Content-Type text/csv). */
  csvBody?: boolean;
  /** The body is only a CSV file (Content-Type text/csv), its choices in the query. */
  csvOnly?: boolean;
  response?: z.ZodType;
  status?: 200 | 201;
  params?: boolean;
  headers?: string[];
};

export const API_OPERATIONS: ApiOperation[] = [
  { method: "get", path: "/projects", summary: "List projects", scope: "projects:read", query: ZProjectQuery, response: ZProjectPage },
  {
    method: "get",
    path: "/projects/{id}",
    summary: "Get a project (ETag = version)",
    scope: "projects:read",
    params: true,
    response: ZProject,
  },
  {
    method: "patch",
    path: "/projects/{id}",
    summary: "Change a project's status (If-Match: its version; 409 when stale). Personal tokens only.",
    scope: "projects:write",
    params: true,
    body: ZProjectPatch,
    response: ZProject,
    headers: ["If-Match"],
  },
  {
    method: "get",
    path: "/status-updates",
    summary: "List status updates",
    scope: "updates:read",
    query: ZUpdateQuery,
    response: ZStatusUpdatePage,
  },
  {
    method: "post",
    path: "/status-updates",
    summary: "Post a status update (the UI's action; Idempotency-Key supported). Personal tokens only.",
    scope: "updates:write",
    body: ZStatusUpdatePost,
    response: ZStatusUpdate,
    status: 201,
    headers: ["Idempotency-Key"],
  },
  { method: "get", path: "/org-units", summary: "List org units", scope: "org:read", query: ZOrgUnitQuery, response: ZOrgUnitPage },
  { method: "get", path: "/org-units/{id}", summary: "Get an org unit", scope: "org:read", params: true, response: ZOrgUnit },
  {
    method: "get",
    path: "/people",
    summary: "List people (pay only with compensation:read)",
    scope: "people:read",
    query: ZPersonQuery,
    response: ZPersonPage,
  },
  { method: "get", path: "/people/{id}", summary: "Get a person", scope: "people:read", params: true, response: ZPerson },
  {
    method: "get",
    path: "/positions",
    summary: "List positions (pay only with compensation:read)",
    scope: "positions:read",
    query: ZPositionQuery,
    response: ZPositionPage,
  },
  {
    method: "get",
    path: "/positions/{id}",
    summary: "Get a position (ETag = version)",
    scope: "positions:read",
    params: true,
    response: ZPosition,
  },
  {
    method: "patch",
    path: "/positions/{id}",
    summary:
      "Change a position's title, level, target start or budget period (the UI's action; If-Match: its version; 409 when stale; never pay). Personal tokens only.",
    scope: "positions:write",
    params: true,
    body: ZPositionPatch,
    response: ZPosition,
    headers: ["If-Match"],
  },
  {
    method: "get",
    path: "/milestones",
    summary: "List milestones",
    scope: "projects:read",
    query: ZMilestoneQuery,
    response: ZMilestonePage,
  },
  {
    method: "get",
    path: "/initiatives",
    summary: "List initiatives",
    scope: "projects:read",
    query: ZInitiativeQuery,
    response: ZInitiativePage,
  },
  { method: "get", path: "/vendors", summary: "List vendors", scope: "vendors:read", query: ZVendorQuery, response: ZVendorPage },
  { method: "get", path: "/contracts", summary: "List contracts", scope: "vendors:read", query: ZContractQuery, response: ZContractPage },
  {
    method: "get",
    path: "/plan-lines",
    summary: "List plan lines (Personnel only with compensation:read)",
    scope: "budgets:read",
    query: ZPlanLineQuery,
    response: ZPlanLinePage,
  },
  {
    method: "get",
    path: "/actuals",
    summary: "List ledger lines (Personnel only with compensation:read)",
    scope: "budgets:read",
    query: ZActualQuery,
    response: ZActualPage,
  },
  {
    method: "post",
    path: "/actuals/imports",
    summary:
      "Import ledger lines, all or nothing (the UI's import: same checks, audit and import.completed webhook). JSON rows, or the CSV file as a text/csv body (?name= its file name). Idempotency-Key supported. Personal tokens only.",
    scope: "budgets:write",
    body: ZActualsImportBody,
    csvBody: true,
    response: ZActualsImportResult,
    status: 201,
    headers: ["Idempotency-Key"],
  },
  {
    method: "post",
    path: "/people/sync",
    summary:
      "Sync people from an HRIS export (BambooHR or Workday CSV as a text/csv body), all or nothing: ?dryRun=true lists joiners, leavers, moves, manager and title changes; without it they are applied (the UI's action, audited). A pay column needs compensation:read. Personal tokens only.",
    scope: "people:write",
    query: ZPeopleSyncQuery,
    csvOnly: true,
    response: ZPeopleSyncResult,
  },
  {
    method: "get",
    path: "/figures/delivery",
    summary: "Delivery figures of a unit's subtree (glossary: active-projects, on-track, at-risk, off-track, unknown-health)",
    scope: "projects:read",
    query: ZDeliveryFiguresQuery,
    response: ZDeliveryFigures,
  },
  {
    method: "get",
    path: "/figures/finance",
    summary: "Plan, actual, forecast and variance of a fiscal period (the budgets page's figures)",
    scope: "budgets:read",
    query: ZFinanceFiguresQuery,
    response: ZFinanceFigures,
  },
  { method: "get", path: "/openapi.json", summary: "This document (no token needed)", scope: null },
];

const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: ZProblem } } });

function routeConfig(op: ApiOperation): RouteConfig {
  const responses: RouteConfig["responses"] = {
    [op.status ?? 200]: op.response
      ? { description: "OK", content: { "application/json": { schema: op.response } } }
      : { description: "OK" },
  };
  if (op.scope) {
    Object.assign(responses, {
      401: problemResponse("Missing, unknown, expired or revoked token"),
      403: problemResponse("The token lacks the scope (named in `scope`) or its principal the permission"),
      429: problemResponse("Rate limit reached (RateLimit-* headers)"),
    });
  }
  if (op.params) responses[404] = problemResponse("No such record in the token's organization");
  if (op.query) responses[400] = problemResponse("Invalid query parameter (named in `errors`)");
  if (op.body) responses[422] = problemResponse("Invalid field (named in `errors`)");
  if (op.csvBody)
    Object.assign(responses, {
      409: problemResponse("Nothing new: every line was already imported (or the Idempotency-Key's first request is still running)"),
      413: problemResponse("The file is over the upload limit"),
      415: problemResponse("Neither application/json nor text/csv"),
    });
  else if (op.csvOnly)
    Object.assign(responses, {
      413: problemResponse("The file is over the size limit"),
      415: problemResponse("Not text/csv"),
      422: problemResponse("Bad rows (each named in `errors` as file: Row N: …) or a column the token may not send"),
    });
  else if (op.headers?.includes("Idempotency-Key"))
    responses[409] = problemResponse("The Idempotency-Key's first request is still running");
  if (op.headers?.includes("If-Match"))
    Object.assign(responses, { 409: problemResponse("Stale version"), 428: problemResponse("If-Match missing") });
  return {
    method: op.method,
    path: `/api/v1${op.path}`,
    summary: op.summary,
    ...(op.scope ? { security: [{ bearer: [op.scope] }] } : { security: [] }),
    request: {
      ...(op.params ? { params: ZIdParam } : {}),
      ...(op.query ? { query: op.query } : {}),
      ...(op.body
        ? {
            body: {
              required: true,
              content: {
                "application/json": { schema: op.body },
                ...(op.csvBody
                  ? { "text/csv": { schema: { type: "string" as const, description: "The CSV file, header row first." } } }
                  : {}),
              },
            },
          }
        : op.csvOnly
          ? {
              body: {
                required: true,
                content: { "text/csv": { schema: { type: "string" as const, description: "The HRIS export, header row first." } } },
              },
            }
          : {}),
    },
    ...(op.headers
      ? {
          parameters: op.headers.map((name) => ({
            name,
            in: "header" as const,
            required: name === "If-Match",
            schema: { type: "string" as const },
          })),
        }
      : {}),
    responses,
  };
}

export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: `A Keel API token (keel_…). Scopes: ${API_SCOPES.join(", ")}.`,
  });
  for (const op of API_OPERATIONS) registry.registerPath(routeConfig(op));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: { title: "Keel REST API", version: "1", description: "See docs/api.md: tokens, scopes, pagination, errors, idempotency." },
  });
}
