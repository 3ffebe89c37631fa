import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { actionRegistry, defineAction, definePublicAction, defineUserAction } from "@/lib/action";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

// Issue 18, finding 8: the authorization matrix covers every registered action, but a "use
// server" export that skipped defineAction would have passed every test. Every exported
// function of a "use server" file must hand its work to a registered action (the pipeline of
// lib/action.ts), and removing the pipeline's audit guard must turn a test red.

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

const resolveSpecifier = (spec: string) => (spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec);

describe('every "use server" export runs through the action pipeline', () => {
  it("no inline server actions outside the lib/<area>/actions.ts files", () => {
    const { files, inline } = useServerFiles();
    expect(inline).toEqual([]);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(file, file).toMatch(/^lib\/[a-z-]+\/actions\.ts$/);
  });

  it("each exported function first awaits a registered action imported from lib/", async () => {
    const problems: string[] = [];
    for (const file of useServerFiles().files) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      const imported = imports(text);
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      const declared = [...text.matchAll(/^export\s+(?:async\s+)?(function|const|let|class)\s+(\w+)/gm)];
      if (/^export\s*(\{|\*|default)/m.test(text)) problems.push(`${file}: re-exports or default exports are not allowed in a "use server" file`);
      const names = declared.map((d) => d[2]);
      expect(new Set(Object.keys(mod)), file).toEqual(new Set(names));
      for (const [i, d] of declared.entries()) {
        if (d[1] !== "function") {
          problems.push(`${file}: ${d[2]} is exported as a ${d[1]}, not a function`);
          continue;
        }
        const body = text.slice(d.index, declared[i + 1]?.index ?? text.length);
        const first = /(?:await|return)\s+(\w+)\s*\(/.exec(body)?.[1];
        const spec = first ? imported.get(first) : undefined;
        if (!first || !spec || !spec.startsWith("@/lib/")) {
          problems.push(`${file}: ${d[2]} does not start by awaiting an action imported from lib/`);
          continue;
        }
        const target = ((await import(/* @vite-ignore */ resolveSpecifier(spec))) as Record<string, { actionName?: unknown }>)[first];
        const name = target?.actionName;
        if (typeof name !== "string" || !actionRegistry.has(name)) problems.push(`${file}: ${d[2]} calls ${first}, which is not a registered action`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("the pipeline's audit guard", () => {
  const db = testDb();

  it("an action that writes without an audit event is refused and its write rolled back, in all three pipelines", async () => {
    await resetDb();
    const acme = await createOrgWithRoles(db);
    const before = await rowCounts();
    const write = (tx: Parameters<Parameters<typeof defineAction>[0]["handler"]>[0]["tx"]) =>
      tx.vendor.create({ data: { orgId: acme.org.id, name: `unaudited-${Math.random()}` } });

    const orgAction = defineAction({ name: "test.unaudited.org", permission: "org:settings", input: { safeParse: (v: unknown) => ({ success: true, data: v }) } as never, handler: async (ctx) => write(ctx.tx) });
    const userAction = defineUserAction({ name: "test.unaudited.user", input: { safeParse: (v: unknown) => ({ success: true, data: v }) } as never, handler: async (ctx) => write(ctx.tx) });
    const publicAction = definePublicAction({ name: "test.unaudited.public", input: { safeParse: (v: unknown) => ({ success: true, data: v }) } as never, handler: async (ctx) => write(ctx.tx) });

    for (const result of [
      await orgAction.run(acme.members.admin.user.id, acme.org.slug, {}),
      await userAction.run(acme.members.admin.user.id, {}),
      await publicAction({}),
    ]) {
      expect(result).toMatchObject({ ok: false, code: "INTERNAL" });
    }
    expect(await rowCounts()).toEqual(before);
  });
});
