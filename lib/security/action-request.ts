import { ACTION_BODY_LIMIT_BYTES, ACTION_BODY_LIMIT_MB, ACTION_TOO_LARGE_MESSAGE } from "@/lib/security/body-limits";

// Server-action requests Next.js would answer with a bare 500 (it reports a cross-origin
// action, an over-size body and a body it cannot decode all as internal errors), refused by
// proxy.ts first with the status and words they deserve. Pure functions of the request's
// parts, so they can be unit-tested.

export type Refusal = { status: 400 | 403 | 411 | 413; message: string };

/** Nesting deeper than this is no form Keel renders; React's decoder would recurse on it. */
export const MAX_ACTION_BODY_DEPTH = 64;

type HeaderGet = { get(name: string): string | null };

/** The host the browser addressed, as Next.js's own origin check reads it. */
function requestHost(headers: HeaderGet): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

const UNSIZED_MESSAGE = `The request did not say its size, so it was refused; nothing was saved. Forms send up to ${ACTION_BODY_LIMIT_MB} MB with their size declared.`;

/** Refusal from the headers alone (origin, declared size), or null. */
export function refuseActionHeaders(headers: HeaderGet): Refusal | null {
  const origin = headers.get("origin");
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = origin === "null" ? null : new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!originHost || originHost !== requestHost(headers)) {
      return { status: 403, message: "This form was sent from another site, so it was refused; nothing was saved." };
    }
  }
  const length = headers.get("content-length");
  // Browsers always declare a form's size; without it Next.js would read a chunked body past
  // the limit before failing with a bare 500.
  if (length === null) return { status: 411, message: UNSIZED_MESSAGE };
  if (!/^\d{1,15}$/.test(length.trim()) || Number(length) > ACTION_BODY_LIMIT_BYTES) {
    return { status: 413, message: ACTION_TOO_LARGE_MESSAGE };
  }
  return null;
}

/** How deeply a JSON text nests arrays and objects (strings skipped), without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) max = Math.max(max, ++depth);
    else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return max;
}

const MALFORMED: Refusal = {
  status: 400,
  message: "The form's data could not be read, so nothing was saved. Reload the page and try again.",
};

/**
 * Refusal for an action body Next.js could not decode: a plain-text body (how the app's
 * actions send their arguments) must be JSON of bounded depth; a multipart body must parse.
 */
export async function refuseActionBody(request: Request): Promise<Refusal | null> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  try {
    if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
      const form = await request.clone().formData();
      for (const value of form.values()) if (typeof value === "string" && jsonDepth(value) > MAX_ACTION_BODY_DEPTH) return MALFORMED;
      return null;
    }
    const text = await request.clone().text();
    if (jsonDepth(text) > MAX_ACTION_BODY_DEPTH) return MALFORMED;
    JSON.parse(text);
    return null;
  } catch {
    return MALFORMED;
  }
}
