import fc from "fast-check";
import { expect } from "vitest";

import type { ActionResult } from "@/lib/action-result";

// Hostile values for the fuzz tests: what a browser, a script or a spreadsheet can send to a
// server action or put in a CSV cell. Runs are seeded (FUZZ_SEED overrides) so a failure
// printed by fast-check can be replayed exactly; FUZZ_RUNS scales the number of runs.

const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261127);
export const fuzzRuns = (n: number) => Math.max(1, Math.round(n * Number(process.env.FUZZ_RUNS_FACTOR ?? 1)));

/** A stable per-name seed, so adding one action does not change every other action's inputs. */
export function seedFor(name: string): number {
  let h = FUZZ_SEED;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

export const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "abc\u0000def",
  "\u0001\u0002\u0007\u001b[31m",
  "\t\r\n\v\f",
  "\u202Eevil\u202C",
  "שלום عليكم",
  "👩🏽‍💻🚀🏳️‍🌈",
  "\uD800",
  "\uFEFF",
  '\'; DROP TABLE "User"; --',
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "${7*7}{{7*7}}",
  "../../etc/passwd",
  "none",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-0",
  "0",
  "-1",
  "1e400",
  "9223372036854775807",
  "9223372036854775808",
  "-9223372036854775809",
  "99999999999999999999999999",
  "999999999999999.99",
  "1,234,567,890,123,456.78",
  "(80.00)",
  "$-5",
  "0x1F",
  "1.005",
  "2026-02-30",
  "2026-02-29",
  "2026-13-01",
  "2026-00-10",
  "0000-01-01",
  "0001-01-01",
  "9999-12-31",
  "+275760-09-13",
  "2026-2-3",
  "2026-03",
  "2026-03-01T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "0000-01-01T00:00:00Z",
  "a@b",
  "x".repeat(121),
  "y".repeat(5_000),
  "z".repeat(100_000),
] as const;

const HOSTILE_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  NaN,
  Infinity,
  -Infinity,
  1e21,
] as const;

const hostileObject = () =>
  fc.constantFrom<unknown>(
    {},
    [],
    [1, 2],
    { toString: "x" },
    JSON.parse('{"__proto__":{"polluted":true}}'),
    { $gt: "" },
    new Date(NaN),
    new Date(8.64e15),
  );

/** Any value a caller could send in one field. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom<unknown>(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, true, false, 10n ** 30n, -(2n ** 63n), 2n ** 63n) },
  { weight: 1, arbitrary: hostileObject() },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
);

/** A change to a valid input: replace, delete or add fields, or replace the whole input. */
export type Mutation = { op: "set" | "delete" | "add"; key: number; value: unknown; extraKey: string };
export const mutationPlan = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.array(
      fc.record({
        op: fc.constantFrom("set" as const, "set" as const, "delete" as const, "add" as const),
        key: fc.nat(),
        value: hostileValue,
        extraKey: fc.constantFrom("orgId", "id", "__proto__", "constructor", "role", "extra", "version"),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  },
  { weight: 1, arbitrary: hostileValue.map((whole) => ({ whole })) },
);

export function applyPlan(base: unknown, plan: Mutation[] | { whole: unknown }): unknown {
  if (!Array.isArray(plan)) return plan.whole;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const m of plan) {
    const keys = Object.keys(out);
    if (m.op === "add" || keys.length === 0)
      Object.defineProperty(out, m.extraKey, { value: m.value, enumerable: true, writable: true, configurable: true });
    else if (m.op === "delete") delete out[keys[m.key % keys.length]];
    else out[keys[m.key % keys.length]] = m.value;
  }
  return out;
}

const KNOWN_CODES = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "VALIDATION", "CONFLICT", "RATE_LIMITED"];

/** A refusal the user can act on: a known code (never INTERNAL), a message, and for bad input the field or row it is about. */
export function expectClearFailure(result: ActionResult<unknown>, where: string) {
  if (result.ok) return;
  expect(KNOWN_CODES, `${where}: ${result.code} ${result.message}`).toContain(result.code);
  expect(result.message.trim().length, where).toBeGreaterThan(0);
  expect(result.message, where).not.toMatch(/prisma|invalid byte|syntax error|stack|\bat .+\.ts:\d+/i);
  if (result.code === "VALIDATION") {
    const entries = Object.entries(result.fieldErrors ?? {});
    expect(entries.length, `${where}: a VALIDATION failure names no field`).toBeGreaterThan(0);
    for (const [field, messages] of entries) {
      expect(field.length, where).toBeGreaterThan(0);
      expect(messages.length, where).toBeGreaterThan(0);
      for (const m of messages) expect(m.trim().length, `${where}: empty message for ${field}`).toBeGreaterThan(0);
    }
  }
}
