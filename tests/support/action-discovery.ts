import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { actionRegistry, type Session } from "@/lib/action";
import type { ActionResult } from "@/lib/action-result";

// Finds every server action from the source tree, so that a new action cannot be left out of
// the authorization matrix or the fuzz tests:
//   1. imports every lib/**/actions.ts (the 'use server' entry points), and every source file
//      under lib/ and app/ that builds an action (buildAction or one of its presets), so an action
//      defined outside those files is caught too;
//   2. reads the `name: "…"` of every such call from the source text, so an action that is
//      defined but never imported, or whose name is not a literal, is reported by name and file.

const ROOT = path.resolve(import.meta.dirname, "../..");
// A builder call: one of the presets, or buildAction with its `session`. The object literal up to
// its handler is read for the `name` (and, for buildAction, the `session`).
const CALL = /\b(defineAction|definePublicAction|defineUserAction|buildAction)\s*\(\s*\{/g;
const PRESET_SESSION: Record<string, Session | undefined> = { defineAction: "org", defineUserAction: "self", definePublicAction: "public" };

export type DefinedAction = { name: string; file: string; isPublic: boolean; isUser: boolean };
export type RunnableAction = {
  name: string;
  isPublic: boolean;
  /** A user-level action (session "self"): acts on the caller's own account, ignores orgSlug. */
  isUser: boolean;
  /** userId null = no session. Public actions ignore userId and orgSlug. */
  run: (userId: string | null, orgSlug: string, input: unknown) => Promise<ActionResult<unknown>>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.parentPath.includes(`${path.sep}generated`))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** Every action built in lib/ and app/ (buildAction or a preset), read from the source text. */
export function scanSourceForActions(): { defined: DefinedAction[]; unnamed: string[]; files: string[] } {
  const defined: DefinedAction[] = [];
  const unnamed: string[] = [];
  const files = new Set<string>();
  for (const file of [...sourceFiles("lib"), ...sourceFiles("app")]) {
    if (file === path.join("lib", "action.ts") || file.startsWith(path.join("lib", "action") + path.sep)) continue;
    const text = readFileSync(path.join(ROOT, file), "utf8");
    if (path.basename(file) === "actions.ts" && file.startsWith("lib")) files.add(file);
    for (const m of text.matchAll(CALL)) {
      files.add(file);
      const end = text.indexOf("handler", m.index);
      const head = text.slice(m.index, end < 0 ? undefined : end);
      const name = /(?:^|[{,])\s*name:\s*("([^"]+)"|[^,\n]+)/m.exec(head);
      const session = PRESET_SESSION[m[1]] ?? (/^\s*session:\s*"(org|self|public)"/m.exec(head)?.[1] as Session | undefined);
      if (name?.[2] && session) defined.push({ name: name[2], file, isPublic: session === "public", isUser: session === "self" });
      else unnamed.push(`${file}: ${m[1]} with a non-literal name or session (${(name?.[1] ?? "?").trim()})`);
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
      const fn = value as { actionName?: unknown; run?: unknown; session?: unknown };
      if (typeof fn.actionName !== "string" || typeof fn.run !== "function") continue;
      const name = fn.actionName;
      if (fn.session === "public") {
        const run = fn.run as (input: unknown) => Promise<ActionResult<unknown>>;
        actions.set(name, { name, isPublic: true, isUser: false, run: (_u, _o, input) => run(input) });
      } else if (fn.session === "self") {
        const run = fn.run as (userId: string | null, input: unknown) => Promise<ActionResult<unknown>>;
        actions.set(name, { name, isPublic: false, isUser: true, run: (u, _o, input) => run(u, input) });
      } else if (fn.session === "org") {
        actions.set(name, { name, isPublic: false, isUser: false, run: fn.run as RunnableAction["run"] });
      }
    }
  }
  return { scan, registered: new Set(actionRegistry.keys()), actions };
}
