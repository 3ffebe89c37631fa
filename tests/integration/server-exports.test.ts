import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";
import { z } from "zod";

import { actionRegistry, definePublicAction, isRegisteredAction } from "@/lib/action";

// Issue 18, finding 8: the authorization matrix covers every registered action, but a "use
// server" export that skipped the pipeline would have passed every test. Every export of a "use
// server" file must be an action made by the builder (lib/action.ts) itself, not a function
// around one. (That removing the audit guard turns a test red: action-pipeline.test.ts.)

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.parentPath.includes(`${path.sep}generated`))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** Files whose first statement is the "use server" directive, and any inline directive elsewhere. */
function useServerFiles() {
  const files: string[] = [];
  const inline: string[] = [];
  for (const file of [...sourceFiles("lib"), ...sourceFiles("app"), ...sourceFiles("components")]) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    if (/^\s*(?:\/\/[^\n]*\n\s*)*["']use server["'];?/.test(text)) files.push(file);
    else if (/^\s*["']use server["'];?\s*$/m.test(text)) inline.push(file);
  }
  return { files, inline };
}

/** Imported name → module specifier, from the file's import statements. */
function imports(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/import\s*\{([^}]+)\}\s*from\s*"([^"]+)"/g)) {
    for (const part of m[1].split(",")) {
      const [orig, alias] = part.trim().split(/\s+as\s+/);
      if (orig) out.set((alias ?? orig).trim(), m[2]);
    }
  }
  return out;
}

/**
 * The exports a "use server" file declares, from its text. Allowed: an action imported from lib/
 * and exported as it is (`export const createProjectAction = createProject;`), or one built in
 * place (`export const xAction = defineAction({…})`). Anything else (a hand-written function,
 * `export *`, a default export, `export { … } from`, which Next refuses) is reported.
 */
function declaredExports(file: string, text: string): { names: string[]; problems: string[] } {
  const names: string[] = [];
  const problems: string[] = [];
  const body = text.replace(/\/\/[^\n]*/g, "");
  const imported = imports(body);
  for (const m of body.matchAll(/^export\s+([^\n]*)/gm)) {
    const rest = m[1];
    const alias = /^const\s+(\w+)\s*=\s*(\w+);\s*$/.exec(rest);
    const built = /^const\s+(\w+)\s*=\s*(?:buildAction|define(?:Public|User)?Action)\s*\(/.exec(rest);
    if (alias) {
      const spec = imported.get(alias[2]);
      if (spec?.startsWith("@/lib/")) names.push(alias[1]);
      else problems.push(`${file}: ${alias[1]} exports ${alias[2]}, which is not imported from lib/`);
    } else if (built) names.push(built[1]);
    else problems.push(`${file}: "export ${rest.slice(0, 60)}" is neither an imported nor a built action`);
  }
  return { names, problems };
}

describe('every "use server" export is a registered action', () => {
  it("no inline server actions outside the lib/<area>/actions.ts files", () => {
    const { files, inline } = useServerFiles();
    expect(inline).toEqual([]);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(file, file).toMatch(/^lib\/[a-z-]+\/actions\.ts$/);
  });

  it("each export is an action made by the builder, exported as it is (no wrapper around it)", async () => {
    const problems: string[] = [];
    let count = 0;
    for (const file of useServerFiles().files) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      const { names, problems: shape } = declaredExports(file, text);
      problems.push(...shape);
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      // What the module really exports is what its text declares: nothing arrives unseen.
      expect(new Set(Object.keys(mod)), file).toEqual(new Set(names));
      for (const name of names) {
        count++;
        if (!name.endsWith("Action")) problems.push(`${file}: ${name} does not end in "Action"`);
        // Only the builder's own function object passes: a hand-written function that calls an
        // action, or copies its actionName, is not one.
        if (!isRegisteredAction(mod[name])) problems.push(`${file}: ${name} is not an action made by buildAction (lib/action.ts)`);
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThan(30);
  });

  it("tells a built action from a hand-written wrapper that looks like one", () => {
    const built = definePublicAction({ name: "test.wrapper.probe", input: z.object({}), handler: async () => null });
    const wrapper = Object.assign(async (input: unknown) => built(input), {
      actionName: built.actionName,
      run: built.run,
      session: built.session,
    });
    expect(isRegisteredAction(built)).toBe(true);
    expect(isRegisteredAction(wrapper)).toBe(false);
    actionRegistry.delete(built.actionName);
    expect(isRegisteredAction(built), "an action no longer registered").toBe(false);
  });

  it('reads a hand-written wrapper or export * in a "use server" file as a problem', () => {
    const text = [
      '"use server";',
      'import { a } from "@/lib/x/a";',
      'import { e } from "./e";',
      "export const aAction = a;",
      'export const bAction = defineAction({ name: "b" });',
      "export async function cAction(org: string, input: unknown) { return a(org, input); }",
      'export * from "@/lib/x/d";',
      "export const eAction = e;",
      'export { f as fAction } from "@/lib/x/f";',
    ].join("\n");
    const { names, problems } = declaredExports("x.ts", text);
    expect(names).toEqual(["aAction", "bAction"]);
    expect(problems).toEqual([
      expect.stringContaining("export async function cAction"),
      expect.stringContaining("export * from"),
      "x.ts: eAction exports e, which is not imported from lib/",
      expect.stringContaining("export { f as fAction }"),
    ]);
  });
});
