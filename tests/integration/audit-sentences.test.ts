import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { AUDIT_SENTENCES } from "@/lib/audit/sentences";
import { ZPositionTransitionInput } from "@/lib/headcount/schemas";
import { discoverActions } from "@/tests/support/action-discovery";

// Every action name the audit trail can hold has a sentence (lib/audit/sentences.ts): each
// registered action (the pipeline's default name) and each name an action passes to ctx.audit
// itself, read from the source, as does the demo seed. A new action without a renderer fails here.

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Names built from a template literal, expanded here from the values the template can take. */
const TEMPLATES: Record<string, string[]> = {
  "`position.${input.event}`": ZPositionTransitionInput.shape.event.options.map((e) => `position.${e}`),
  '`org-unit.${change === "recoded" ? "recode" : "rename"}`': ["org-unit.recode", "org-unit.rename"],
};

function overriddenNames(): { names: string[]; unknown: string[] } {
  const names: string[] = [];
  const unknown: string[] = [];
  const files = readdirSync(path.join(ROOT, "lib"), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.parentPath.includes("generated"))
    .map((e) => path.join(e.parentPath, e.name))
    // The pipeline itself (which applies the override) and the audit reader are not writers.
    .filter(
      (f) =>
        f !== path.join(ROOT, "lib", "action.ts") &&
        !f.startsWith(path.join(ROOT, "lib", "action") + path.sep) &&
        !f.startsWith(path.join(ROOT, "lib", "audit")),
    );
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    // `action: <expr>, … entityType` inside an audit event literal (ctx.audit({...}) or a seeded row).
    for (const m of text.matchAll(/\baction:\s*([^,\n]+?),\s*(?:\n\s*)?entityType\b/g)) {
      const expr = m[1].trim();
      if (expr.startsWith("`")) {
        if (TEMPLATES[expr]) names.push(...TEMPLATES[expr]);
        else unknown.push(`${path.relative(ROOT, file)}: ${expr}`);
        continue;
      }
      const literals = [...expr.matchAll(/"([a-z][a-z-]*(?:\.[a-z-]+)+)"/g)].map((l) => l[1]);
      if (literals.length === 0) unknown.push(`${path.relative(ROOT, file)}: ${expr}`);
      names.push(...literals);
    }
  }
  return { names, unknown };
}

describe("audit sentences", () => {
  it("exist for every registered action", async () => {
    const { registered } = await discoverActions();
    expect(registered.size).toBeGreaterThan(30);
    expect(
      [...registered].filter((name) => !Object.hasOwn(AUDIT_SENTENCES, name)),
      "actions without a sentence in lib/audit/sentences.ts",
    ).toEqual([]);
  });

  it("exist for every name an action or the seed writes instead of its own", () => {
    const { names, unknown } = overriddenNames();
    expect(unknown, "audit action names this test cannot read: add the template's values to TEMPLATES").toEqual([]);
    // The scan finds the overrides that exist today (a broken scan would pass vacuously).
    expect(names).toEqual(
      expect.arrayContaining(["person.move", "milestone.reopen", "project.unarchive", "position.open", "org-unit.rename"]),
    );
    expect(
      [...new Set(names)].filter((name) => !Object.hasOwn(AUDIT_SENTENCES, name)),
      "audit names without a sentence in lib/audit/sentences.ts",
    ).toEqual([]);
  });

  it("has no sentence for an action that no longer exists, and no two with the same filter label", async () => {
    const { registered } = await discoverActions();
    const known = new Set([...registered, ...overriddenNames().names]);
    expect(
      Object.keys(AUDIT_SENTENCES).filter((name) => !known.has(name)),
      "sentences for names nothing writes",
    ).toEqual([]);
    const labels = Object.values(AUDIT_SENTENCES).map((s) => s.label);
    expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
  });
});
