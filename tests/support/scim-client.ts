import path from "node:path";

// Calls a route handler of app/api/scim/v2 the way Next does (a Request and a params promise),
// with a body as an identity provider sends it: application/scim+json.

const ROOT = path.resolve(import.meta.dirname, "../..");

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type ScimCall = { body?: unknown; headers?: Record<string, string> };

export async function callScim(method: string, target: string, token: string | null, call: ScimCall = {}): Promise<Response> {
  const url = new URL(`http://keel.test/api/scim/v2${target}`);
  const [resource, id] = url.pathname.replace("/api/scim/v2/", "").split("/");
  const file = path.join(ROOT, "app/api/scim/v2", resource, id ? "[id]" : "", "route.ts");
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, Handler | undefined>;
  const handler = mod[method];
  if (!handler) throw new Error(`${method} ${target}: no handler exported`);
  const headers = new Headers(call.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    headers.set("content-type", "application/scim+json; charset=utf-8");
  }
  return handler(new Request(url, { method, headers, body }), {
    params: Promise.resolve<Record<string, string>>(id ? { id: decodeURIComponent(id) } : {}),
  });
}
