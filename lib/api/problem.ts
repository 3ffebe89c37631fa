import type { ActionResult, FieldErrors } from "@/lib/action-result";

// Errors of the REST API as RFC 9457 problem details (application/problem+json). A 400/422
// names every offending field in `errors`, as the forms do.

const PROBLEM_TYPE = "application/problem+json";

type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; messages: string[] }[];
  scope?: string;
};

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  412: "Precondition failed",
  413: "Content too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  428: "Precondition required",
  429: "Too many requests",
  500: "Internal server error",
};

export function problem(
  status: number,
  detail: string,
  extra: { fieldErrors?: FieldErrors; scope?: string; headers?: HeadersInit } = {},
): Response {
  const body: Problem = { type: "about:blank", title: TITLES[status] ?? "Error", status, detail };
  if (extra.fieldErrors) body.errors = Object.entries(extra.fieldErrors).map(([field, messages]) => ({ field, messages }));
  if (extra.scope) body.scope = extra.scope;
  const headers = new Headers(extra.headers);
  headers.set("content-type", PROBLEM_TYPE);
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { status, headers });
}

const STATUS_OF_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** A refused action result as a problem: the pipeline's code chooses the status. */
export function problemOf(result: Extract<ActionResult<unknown>, { ok: false }>): Response {
  const scope = /lacks the scope (\S+)\.$/.exec(result.message)?.[1];
  return problem(STATUS_OF_CODE[result.code] ?? 500, result.message, { fieldErrors: result.fieldErrors, scope });
}

type JsonBody = { ok: true; body: Record<string, unknown> } | { ok: false; response: Response };

/** The JSON object a request carries, or `refuse`'s answer to why not (malformed JSON, or not an object). */
export async function readJsonObject(request: Request, refuse: (message: string) => Response): Promise<JsonBody> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { ok: false, response: refuse("The body is not valid JSON.") };
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return { ok: false, response: refuse("The body must be a JSON object.") };
  return { ok: true, body: body as Record<string, unknown> };
}

/** The JSON body of a request, or a 400 problem (malformed JSON, or not an object). */
export const readJsonBody = (request: Request) =>
  readJsonObject(request, (message) => problem(400, message, { fieldErrors: { _body: ["Send a JSON object."] } }));

/** A JSON response (BigInt-free DTOs only), never cached. */
export function json(data: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("cache-control", "no-store");
  return Response.json(data, { status: init.status ?? 200, headers });
}
