import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { safeCallbackUrl } from "@/lib/auth/callback-url";

// Issue 18, finding 2: "/login?callbackUrl=/%09/evil.example" sent a user off-site after sign-in
// and "%0a" gave a 500. (searchParams arrive decoded, so "%09" is a real tab here.)

const ORIGIN = "https://keel.example";
const stays = (path: string) => new URL(path, ORIGIN).origin === ORIGIN;

describe("callbackUrl after sign-in", () => {
  it("keeps paths of this app", () => {
    expect(safeCallbackUrl("/acme/budgets?year=2027#top", ORIGIN)).toBe("/acme/budgets?year=2027#top");
    expect(safeCallbackUrl("acme/dashboard", ORIGIN)).toBe("/acme/dashboard");
    expect(safeCallbackUrl("https://keel.example/acme/teams", ORIGIN)).toBe("/acme/teams");
  });

  it("sends everything else to the landing page", () => {
    for (const bad of [
      "/\t/evil.example",
      "/\n/evil.example",
      "\t//evil.example",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "https://evil.example/acme",
      "javascript:alert(1)",
      "data:text/html,x",
      "http://keel.example.evil.example/",
      "/acme\r\nSet-Cookie: x=1",
      "",
      undefined,
    ]) {
      expect(safeCallbackUrl(bad, ORIGIN), String(bad)).toBe("/");
    }
    expect(safeCallbackUrl(["//evil.example", "/acme"], ORIGIN)).toBe("/");
  });

  it("whatever it is given, the answer is a path a browser resolves to this origin, with no control character", () => {
    const pieces = fc.constantFrom(
      "/",
      "\\",
      "\t",
      "\n",
      "\r",
      "\u0000",
      ":",
      "@",
      "evil.example",
      "%2f",
      "%09",
      "..",
      "?",
      "#",
      " ",
      "http:",
      "javascript:",
      "ä",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces, { maxLength: 12 }).map((a) => a.join("")),
        ),
        (input) => {
          const out = safeCallbackUrl(input, ORIGIN);
          expect(out.startsWith("/")).toBe(true);
          expect(out.startsWith("//") || out.startsWith("/\\")).toBe(false);
          expect(/[\u0000-\u001f\u007f]/.test(out)).toBe(false);
          expect(stays(out)).toBe(true);
        },
      ),
      { seed: 18, numRuns: 2000 },
    );
  });
});
