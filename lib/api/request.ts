import "server-only";

import type { z } from "zod";

import { problem, readJsonBody } from "@/lib/api/problem";
import type { ApiPrincipal } from "@/lib/api/tokens";
import type { Scope } from "@/lib/scope";

// Parsing a request of the REST API with the schemas of lib/api/schemas.ts: every offending field
// is named (an unknown field by its own name), and nothing runs on a bad request.

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (field: string, message: string) => (out[field] ??= []).push(message);
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") for (const key of issue.keys) add([...issue.path, key].join("."), "Unknown field.");
    else add(issue.path.length ? issue.path.join(".") : "_body", issue.message);
  }
  return out;
}

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** The query string parsed by `schema`, or a 400 problem naming each bad parameter. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): Parsed<z.output<S>> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, response: problem(400, "Some query parameters are invalid.", { fieldErrors: fieldErrorsOf(parsed.error) }) };
}

/** A JSON body parsed by `schema`, or a 422 problem naming each bad field. */
export function parseBody<S extends z.ZodType>(body: unknown, schema: S): Parsed<z.output<S>> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, response: problem(422, "Some fields are invalid.", { fieldErrors: fieldErrorsOf(parsed.error) }) };
}

/** What a token reads: its whole org (reading is org-wide for every principal, lib/scope.ts). */
export const scopeOf = (principal: ApiPrincipal): Scope => ({ orgId: principal.org.id, unitId: null });

/** The version named by If-Match ("3" or W/"3"), or null when absent or not a version. */
function ifMatchVersion(request: Request): number | null | "malformed" {
  const raw = request.headers.get("if-match");
  if (raw === null) return null;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  return m ? Number(m[1]) : "malformed";
}

/**
 * A versioned update's request: the If-Match version and the JSON body parsed by `schema`, or the
 * problem to answer (428 without If-Match, 400 for a malformed one or malformed JSON, 422 naming
 * each bad field).
 */
export async function readVersionedPatch<S extends z.ZodType>(
  request: Request,
  schema: S,
  noun: string,
): Promise<{ ok: true; version: number; data: z.output<S> } | { ok: false; response: Response }> {
  const version = ifMatchVersion(request);
  if (version === null) return { ok: false, response: problem(428, `Send If-Match with the ${noun}'s version (its ETag, e.g. "3").`) };
  if (version === "malformed")
    return {
      ok: false,
      response: problem(400, `If-Match must be the ${noun}'s ETag.`, { fieldErrors: { "If-Match": ['Use the ETag, e.g. "3".'] } }),
    };
  const body = await readJsonBody(request);
  if (!body.ok) return body;
  const input = parseBody(body.body, schema);
  return input.ok ? { ok: true, version, data: input.data } : input;
}

/** The ETag of a versioned record. */
export const etagOf = (version: number) => `"${version}"`;

export const notFoundProblem = () => problem(404, "No such record in this organization.");
