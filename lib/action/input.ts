import "server-only";

import type { z } from "zod";

import type { FieldErrors } from "@/lib/action-result";

/**
 * Collects messages per field. A Map, then own properties: a field named by the caller
 * ("constructor", "__proto__") must not reach Object.prototype.
 */
function collectFieldErrors(entries: Iterable<[string, string]>): FieldErrors {
  const byField = new Map<string, string[]>();
  for (const [key, message] of entries) {
    const list = byField.get(key);
    if (list) list.push(message);
    else byField.set(key, [message]);
  }
  return Object.fromEntries(byField);
}

const issueEntries = (error: z.ZodError): [string, string][] =>
  error.issues.map((issue) => [issue.path.length ? issue.path.join(".") : "_form", issue.message]);

// PostgreSQL text cannot hold NUL, and jsonb (the audit trail) refuses a lone UTF-16 surrogate:
// either would fail deep inside the transaction as an internal error. They are refused up front,
// for every field of every action, naming the field.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_MESSAGE = "Contains a character that cannot be saved (a NUL byte or a broken Unicode sequence).";

function unstorablePaths(value: unknown, path: string[], out: string[]): string[] {
  if (typeof value === "string") {
    if (UNSTORABLE.test(value)) out.push(path.length ? path.join(".") : "_form");
  } else if (value && typeof value === "object" && path.length < 8) {
    for (const [key, v] of Object.entries(value)) unstorablePaths(v, [...path, key], out);
  }
  return out;
}

/** The parsed input, or zod's field errors plus any unstorable characters. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  rawInput: unknown,
): { ok: true; data: z.output<S> } | { ok: false; fieldErrors: FieldErrors } {
  const unstorable = unstorablePaths(rawInput, [], []);
  const parsed = schema.safeParse(rawInput);
  if (parsed.success && unstorable.length === 0) return { ok: true, data: parsed.data };
  const issues = parsed.success ? [] : issueEntries(parsed.error);
  return { ok: false, fieldErrors: collectFieldErrors([...issues, ...unstorable.map((p): [string, string] => [p, UNSTORABLE_MESSAGE])]) };
}
