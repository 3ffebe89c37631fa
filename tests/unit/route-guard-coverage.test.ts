import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

// Every route handler of an org (app/(app)/[org]/**/route.ts) is wrapped in withMember
// (lib/route-guard.ts): a new handler that checks access its own way, or not at all, fails here.

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

describe("route handlers under /[org]", () => {
  const root = path.join("app", "(app)", "[org]");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => path.join(root, f));

  it("are found", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)("%s: every exported method is withMember(…)", (file) => {
    const src = readFileSync(file, "utf8");
    const exported = [...src.matchAll(/export\s+(?:async\s+function|const|function)\s+(\w+)/g)]
      .map((m) => m[1])
      .filter((n) => METHODS.includes(n));
    expect(exported.length, "no handler exported").toBeGreaterThan(0);
    for (const method of exported) expect(src, method).toMatch(new RegExp(`export const ${method} = withMember\\(`));
  });
});
