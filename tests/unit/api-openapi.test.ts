import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { API_OPERATIONS, openApiDocument } from "@/lib/api/openapi";

// The OpenAPI document and the route files of app/api/v1 describe the same API: a route method
// without a documented operation, or an operation without a route, fails here. Every route but
// the document itself is wrapped in the token guard (withToken, lib/route-guard.ts). SCIM
// (app/api/scim/v2) is deliberately not in this document: tests/unit/scim-routes.test.ts.

const ROOT = path.join("app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

const routes = readdirSync(ROOT, { recursive: true, encoding: "utf8" })
  .filter((f) => path.basename(f) === "route.ts")
  .flatMap((f) => {
    const src = readFileSync(path.join(ROOT, f), "utf8");
    const apiPath = `/${path.dirname(f).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
    return [...src.matchAll(/export\s+(?:async\s+function|const|function)\s+(\w+)/g)]
      .map((m) => m[1])
      .filter((n) => METHODS.includes(n))
      .map((method) => ({ key: `${method} ${apiPath}`, src, method }));
  });

describe("OpenAPI 3.1 of /api/v1", () => {
  const doc = openApiDocument();
  const documented = Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
    Object.keys(item as object)
      .filter((k) => METHODS.includes(k.toUpperCase()))
      .map((m) => `${m.toUpperCase()} ${p.replace(/^\/api\/v1/, "")}`),
  );

  it("is OpenAPI 3.1 with the bearer scheme", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("documents exactly the route methods that exist", () => {
    expect(routes.length).toBeGreaterThan(5);
    expect(documented.sort()).toEqual(routes.map((r) => r.key).sort());
    expect(API_OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual(documented.sort());
  });

  it("names the scope of every guarded operation, and the guard asks for the same scope", () => {
    for (const op of API_OPERATIONS) {
      const route = routes.find((r) => r.key === `${op.method.toUpperCase()} ${op.path}`)!;
      if (!op.scope) {
        expect(route.src, op.path).not.toMatch(/withToken/);
        continue;
      }
      expect(route.src, route.key).toMatch(new RegExp(`export const ${route.method} = withToken(<[^>]+>)?\\(`));
      const block = route.src.slice(route.src.indexOf(`export const ${route.method}`));
      expect(/scope: "([a-z:]+)"/.exec(block)?.[1], route.key).toBe(op.scope);
    }
  });

  it("describes problems for refusals and the response schema for success", () => {
    const projects = (doc.paths?.["/api/v1/projects/{id}"] as Record<string, { responses: Record<string, unknown> }>).patch;
    expect(Object.keys(projects.responses).sort()).toEqual(["200", "401", "403", "404", "409", "422", "428", "429"]);
    expect(JSON.stringify(doc.components?.schemas?.Project)).toContain('"additionalProperties":false');
  });
});
