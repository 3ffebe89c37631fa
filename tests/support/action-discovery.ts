import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { actionRegistry } from "@/lib/action";
import type { ActionResult } from "@/lib/action-result";

// Finds every server action from the source tree, so that a new action cannot be left out of
// the authorization matrix or the fuzz tests:
//   1. imports every lib/**/actions.ts (the 'use server' entry points), and every source file
//      under lib/ and app/ that calls defineAction/definePublicAction/defineUserAction (an action defined outside
//      those files is caught too);
//   2. reads the `name: "…"` of every such call from the source text, so an action that is
//      defined but never imported, or whose name is not a literal, is reported by name and file.

const ROOT = path.resolve(import.meta.dirname, "../..");
const CALL = /\bdefine(Public|User)?Action\s*\(\s*\{\s*name:\s*("([^"]+)"|[^,\n]+)/g;

export type DefinedAction = { name: string; file: string; isPublic: boolean; isUser: boolean };
export type RunnableAction = {
  name: string;
  isPublic: boolean;
  /** A user-level action (defineUserAction): acts on the caller's own account, ignores orgSlug. */
  isUser: boolean;
  /** userId null = no session. Public actions ignore userId and orgSlug. */
  run: (userId: string | null, orgSlug: string, input: unknown) => Promise<ActionResult<unknown>>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.parentPath.includes(`${path.sep}generated`))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** Every defineAction/definePublicAction call in lib/ and app/, read from the source text. */
export function scanSourceForActions(): { defined: DefinedAction[]; unnamed: string[]; files: string[] } {
  const defined: DefinedAction[] = [];
  const unnamed: string[] = [];
  const files = new Set<string>();
  for (const file of [...sourceFiles("lib"), ...sourceFiles("app")]) {
    if (file === path.join("lib", "action.ts")) continue;
    const text = readFileSync(path.join(ROOT, file), "utf8");
    if (path.basename(file) === "actions.ts" && file.startsWith("lib")) files.add(file);
    for (const m of text.matchAll(CALL)) {
      files.add(file);
      if (m[3]) defined.push({ name: m[3], file, isPublic: m[1] === "Public", isUser: m[1] === "User" });
      else unnamed.push(`${file}: define${m[1] ?? ""}Action with a non-literal name (${m[2].trim()})`);
    }
  }
  return { defined, unnamed, files: [...files].sort() };
}

/** Imports every file that defines or exports actions; returns the runnable actions by name. */
export async function discoverActions(): Promise<{
  scan: ReturnType<typeof scanSourceForActions>;
  registered: Set<string>;
  actions: Map<string, RunnableAction>;
}> {
  const scan = scanSourceForActions();
  const actions = new Map<string, RunnableAction>();
  for (const file of scan.files) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (typeof value !== "function") continue;
      const fn = value as { actionName?: unknown; run?: unknown; isPublicAction?: unknown; isUserAction?: unknown };
      if (typeof fn.actionName !== "string") continue;
      if (fn.isPublicAction === true) {
        const call = value as (input: unknown) => Promise<ActionResult<unknown>>;
        actions.set(fn.actionName, { name: fn.actionName, isPublic: true, isUser: false, run: (_u, _o, input) => call(input) });
      } else if (fn.isUserAction === true && typeof fn.run === "function") {
        const runAs = fn.run as (userId: string | null, input: unknown) => Promise<ActionResult<unknown>>;
        actions.set(fn.actionName, { name: fn.actionName, isPublic: false, isUser: true, run: (u, _o, input) => runAs(u, input) });
      } else if (typeof fn.run === "function") {
        actions.set(fn.actionName, { name: fn.actionName, isPublic: false, isUser: false, run: fn.run as RunnableAction["run"] });
      }
    }
  }
  return { scan, registered: new Set(actionRegistry.keys()), actions };
}
