import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

// First-load JS of an app route from the production build: the root main files plus the entry
// chunks of every layout above the page and of the page itself (from the page's client
// reference manifest), each file counted once, gzip-compressed as a browser would receive it.

const NEXT = path.resolve(".next");

export function firstLoadJsKb(route: string): number | null {
  // route like "/(app)/[org]/dashboard"
  const manifestPath = path.join(NEXT, "server/app", route, "page_client-reference-manifest.js");
  if (!existsSync(manifestPath)) return null;
  const g: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  new Function("globalThis", readFileSync(manifestPath, "utf8"))(g);
  const manifest = Object.values(g.__RSC_MANIFEST ?? {})[0];
  const entries = manifest?.entryJSFiles ?? {};
  const segments = route.split("/").filter(Boolean);
  const wanted = new Set([`[project]/app/layout`, `[project]/app${route}/page`]);
  for (let i = 1; i <= segments.length; i++) wanted.add(`[project]/app/${segments.slice(0, i).join("/")}/layout`);
  const build = JSON.parse(readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const files = new Set<string>(build.rootMainFiles);
  for (const [key, list] of Object.entries(entries)) if (wanted.has(key)) for (const f of list) files.add(f);
  let bytes = 0;
  for (const f of files) bytes += gzipSync(readFileSync(path.join(NEXT, f.replace(/^\/_next\//, "")))).length;
  return Math.round(bytes / 102.4) / 10;
}
