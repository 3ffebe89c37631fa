import type { ActionResult } from "@/lib/action-result";
import { readJsonObject } from "@/lib/api/problem";
import { readEnv } from "@/lib/env";
import { SCIM_CONTENT_TYPE, scimError, scimErrorOf } from "@/lib/scim/errors";
import { etagOf } from "@/lib/scim/resources";

// The HTTP side of the SCIM endpoints (app/api/scim/v2/…): bodies in and out as
// application/scim+json, ETags, and action results turned into SCIM answers.

/** The absolute base of the SCIM endpoints, for `location` and `$ref`. */
export function scimBase(request: Request): string {
  const origin = readEnv().NEXTAUTH_URL?.replace(/\/$/, "") ?? new URL(request.url).origin;
  return `${origin}/api/scim/v2`;
}

export function scimJson(body: unknown, init: { status?: number; version?: number; location?: string } = {}): Response {
  const headers = new Headers({ "content-type": SCIM_CONTENT_TYPE, "cache-control": "no-store" });
  if (init.version !== undefined) headers.set("etag", etagOf(init.version));
  if (init.location) headers.set("location", init.location);
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

/** The request's JSON body, or a SCIM 400 (malformed JSON, or not an object). */
export const readScimBody = (request: Request) => readJsonObject(request, (message) => scimError(400, message, "invalidSyntax"));

/** The answer to a write: the refusal, or `then` with the written resource's id. */
export async function afterWrite(result: ActionResult<{ id: string }>, then: (id: string) => Promise<Response>): Promise<Response> {
  return result.ok ? then(result.data.id) : scimErrorOf(result);
}

export const listParams = (request: Request) => {
  const q = new URL(request.url).searchParams;
  return {
    filter: q.get("filter"),
    startIndex: q.get("startIndex"),
    count: q.get("count"),
    excludedAttributes: q.get("excludedAttributes"),
  };
};
