import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { Role } from "@/lib/generated/prisma/enums";

// What a member may do or read comes from the permission table (lib/permissions.ts) and, for
// reads, the scope derived from it (lib/scope.ts). Code under lib/ that branches on a role name
// instead (`role === "MANAGER"`) drifts from the table the day a role changes; it fails here.

const ALLOWED = new Set(["lib/permissions.ts", "lib/scope.ts"]);
const NAMES = Object.values(Role).join("|");
const PATTERNS = [
  // member.role === "MANAGER", input.role !== 'ADMIN', role == "VIEWER"
  new RegExp(String.raw`\w*role\s*[!=]==?\s*["'\`](?:${NAMES})["'\`]`, "i"),
  // "MANAGER" === member.role
  new RegExp(String.raw`["'\`](?:${NAMES})["'\`]\s*[!=]==?\s*[\w.?]*role\b`, "i"),
  // role === Role.MANAGER (either side)
  new RegExp(String.raw`\w*role\s*[!=]==?\s*Role\.\w+|Role\.\w+\s*[!=]==?\s*[\w.?]*role\b`, "i"),
  // switch (member.role) { case "MANAGER": … }
  /switch\s*\([\w.?]*role\)/i,
];

/** The lines of `source` that branch on a role name. */
function roleBranches(source: string): string[] {
  return source.split("\n").filter((line) => PATTERNS.some((p) => p.test(line)));
}

function libFiles(): string[] {
  return readdirSync("lib", { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.parentPath.split(path.sep).includes("generated"))
    .map((e) => path.relative(".", path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

describe("no branch on a role name under lib/", () => {
  it("the detector catches the shapes it looks for, and not a permission check", () => {
    expect(roleBranches(`const unit = member.role === "MANAGER" ? member.scopeUnitId : null;`)).toHaveLength(1);
    expect(roleBranches(`if (before.role !== 'ADMIN') return;`)).toHaveLength(1);
    expect(roleBranches(`if ("DIRECTOR" === member.role) return;`)).toHaveLength(1);
    expect(roleBranches(`if (role === Role.FINANCE) return;`)).toHaveLength(1);
    expect(roleBranches(`switch (member.role) {`)).toHaveLength(1);
    expect(roleBranches(`const reach = grantFor(member.role, "updates:acknowledge");`)).toEqual([]);
    expect(roleBranches(`data: { role: "MANAGER", scopeUnitId },`)).toEqual([]);
  });

  it("finds the files it checks", () => {
    const files = libFiles();
    expect(files).toContain("lib/projects/bell.ts");
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(libFiles().filter((f) => !ALLOWED.has(f)))("%s decides by permission, not by role name", (file) => {
    expect(roleBranches(readFileSync(file, "utf8"))).toEqual([]);
  });
});
