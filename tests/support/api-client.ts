import path from "node:path";

import type { ApiCall } from "@/tests/support/authz/matrix-api";

// Calls a route handler of app/api/v1 the way Next does: a Request and a params promise. The
// route file is found from the documented path ({id} → [id]).

const ROOT = path.resolve(import.meta.dirname, "../..");

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function routeFile(apiPath: string): string {
  return path.join(ROOT, "app/api/v1", apiPath.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
}

export async function callApi(method: string, apiPath: string, token: string | null, call: ApiCall = {}): Promise<Response> {
  const mod = (await import(/* @vite-ignore */ routeFile(apiPath))) as Record<string, Handler | undefined>;
  const handler = mod[method.toUpperCase()];
  if (!handler) throw new Error(`${method} ${apiPath}: no handler exported`);
  const concrete = apiPath.replace("{id}", call.params?.id ?? "");
  const url = new URL(`http://keel.test/api/v1${concrete}`);
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers(call.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(url, { method: method.toUpperCase(), headers, body });
  return handler(request, { params: Promise.resolve(call.params ?? {}) });
}
