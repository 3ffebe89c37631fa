import fc from "fast-check";

import { ROUTE_ROWS } from "../e2e/route-matrix";

// The query-string fuzz of issue 18 (finding 7): seeded random query strings built from the
// parameter names the app reads and from values known to have broken it ("%00", "toString",
// "constructor", line breaks, huge numbers, bad dates…), over every page and GET route handler
// of the route matrix. Shared by the e2e spec (no 5xx) and the bench (memory after the pass), so
// both send the same kind of traffic; never imported by the app.

export const QUERY_FUZZ_SEED = 20261206;
export const QUERY_FUZZ_RUNS = 300;

const NAMES = [
  "status",
  "health",
  "sort",
  "dir",
  "unit",
  "q",
  "page",
  "from",
  "to",
  "kind",
  "cat",
  "fy",
  "period",
  "scope",
  "view",
  "zoom",
  "offset",
  "group",
  "before",
  "actor",
  "entity",
  "action",
  "initiative",
  "lead",
  "stale",
  "archived",
  "on",
  "due",
  "vendor",
  "callbackUrl",
  "name",
  "__proto__",
  "constructor",
];
const RAW_VALUES = [
  "%00",
  "a%00b",
  "%0a",
  "%0d%0a",
  "%09",
  "%7f",
  "%1b[31m",
  "toString",
  "constructor",
  "__proto__",
  "hasOwnProperty",
  "valueOf",
  "ACTIVE",
  "ON_TRACK",
  "PERSONNEL",
  "plan",
  "desc",
  "-1",
  "0",
  "1e309",
  "99999999999999999999",
  "NaN",
  "2026-02-30",
  "2026-13",
  "9999-12",
  "0000-01",
  "%27%20OR%201%3D1--",
  "%E2%80%AE",
  "%F0%9F%92%A9",
  "%ZZ",
  "%",
  "%%",
  "a".repeat(3000),
  "",
];
const value = fc.oneof(fc.constantFrom(...RAW_VALUES), fc.string({ maxLength: 40 }).map(encodeURIComponent), fc.integer().map(String));

/** One to six `name=value` pairs joined with "&", already encoded (some deliberately badly). */
export const queryString = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 8 }).map(encodeURIComponent)), value), {
    minLength: 1,
    maxLength: 6,
  })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));

/** The values that broke a page before, each sent alone to every path after the random runs. */
export const KNOWN_BAD_QUERIES = ["q=%00", "status=toString", "health=constructor", "sort=__proto__", "unit=%00", "from=%0a", "page=1e309"];

/** Every page and GET route handler outside /api/, with an org's slug and real ids filled in. */
export function fuzzPaths(ids: { org: string; projectId: string; personId: string }): string[] {
  return [
    ...new Set(
      ROUTE_ROWS.filter((r) => r.method === "GET" && !r.pattern.startsWith("/api/")).map((r) =>
        r.pattern
          .replace("[org]", ids.org)
          .replace("/projects/[id]", `/projects/${ids.projectId}`)
          .replace("/people/[id]", `/people/${ids.personId}`)
          .replace("[token]", "no-such-invitation-token-0123456789")
          .replace("[...rest]", "no-such-page"),
      ),
    ),
  ];
}
