import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { FIGURES, figure } from "@/lib/figures/definitions";

// The glossary is written twice on purpose (code for the app, markdown for readers); this keeps
// the two the same: every figure has a heading "### <name> `<id>`" followed by its definition.
const docs = readFileSync("docs/figures.md", "utf8");

describe("figure definitions", () => {
  it("has unique ids and names", () => {
    expect(new Set(FIGURES.map((f) => f.id)).size).toBe(FIGURES.length);
    expect(new Set(FIGURES.map((f) => f.name)).size).toBe(FIGURES.length);
  });

  it.each(FIGURES.map((f) => [f.id, f] as const))("%s is in docs/figures.md with the same words", (_id, f) => {
    const heading = `### ${f.name} \`${f.id}\`\n`;
    expect(docs).toContain(heading);
    const after = docs.slice(docs.indexOf(heading) + heading.length);
    expect(after.startsWith(f.definition)).toBe(true);
    expect(after.split("\n### ")[0]).toMatch(/Computed by: `\w+`/);
  });

  it("has no heading in the docs without a definition in code", () => {
    const ids = [...docs.matchAll(/^### .+ `([a-z0-9-]+)`$/gm)].map((m) => m[1]);
    expect(ids.sort()).toEqual(FIGURES.map((f) => f.id).sort());
  });

  it("refuses an unknown id", () => {
    expect(() => figure("nope" as never)).toThrow(/Unknown figure/);
  });
});
