import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { openApiDocument } from "@/lib/api/openapi";

// SCIM (app/api/scim/v2, docs/scim.md) is deliberately outside the OpenAPI document of /api/v1:
// it is described by its own discovery endpoints (Schemas, ResourceTypes, ServiceProviderConfig,
// RFC 7644 §4), which is what identity providers read. Instead, every SCIM route method must go
// through the SCIM strategy of the one route guard.

const ROOT = path.join("app", "api", "scim", "v2");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

const routes = readdirSync(ROOT, { recursive: true, encoding: "utf8" })
  .filter((f) => path.basename(f) === "route.ts")
  .map((f) => ({ file: f, src: readFileSync(path.join(ROOT, f), "utf8") }));

describe("SCIM routes", () => {
  it("exist for Users, Groups and the three discovery documents", () => {
    const dirs = routes.map((r) => path.dirname(r.file).split(path.sep)[0]).sort();
    expect([...new Set(dirs)]).toEqual(["Groups", "ResourceTypes", "Schemas", "ServiceProviderConfig", "Users"]);
  });

  it("wrap every exported method in withScim", () => {
    for (const { file, src } of routes) {
      const methods = [...src.matchAll(/export\s+(?:async\s+function|const|function)\s+(\w+)/g)]
        .map((m) => m[1])
        .filter((m) => METHODS.includes(m));
      expect(methods.length, file).toBeGreaterThan(0);
      for (const m of methods) expect(src, `${file} ${m}`).toMatch(new RegExp(`export const ${m} = withScim(<[^>]+>)?\\(`));
    }
  });

  it("are not in the OpenAPI document of /api/v1", () => {
    expect(Object.keys(openApiDocument().paths ?? {}).filter((p) => p.includes("scim"))).toEqual([]);
  });
});
