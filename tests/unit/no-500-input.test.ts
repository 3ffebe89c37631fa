import { describe, expect, it } from "vitest";

import { zEnum } from "@/lib/search-params";
import { Health, ProjectStatus } from "@/lib/generated/prisma/enums";
import { checkRequestUrl } from "@/lib/security/request-url";

// Issue 18, finding 7: "%00" in a search or filter parameter and "status=toString" or
// "health=constructor" gave 500s.

describe("control characters in the address", () => {
  const at = (s: string) => new URL(s, "http://keel.test");

  it("a page read's query is cleaned by a redirect", () => {
    expect(checkRequestUrl(at("/acme/projects?q=a%00b&status=ACTIVE"), "GET")).toEqual({
      kind: "redirect",
      location: "/acme/projects?q=ab&status=ACTIVE",
    });
    expect(checkRequestUrl(at("/acme/people/search?q=%0a%0d%09x"), "GET")).toEqual({
      kind: "redirect",
      location: "/acme/people/search?q=x",
    });
    expect(checkRequestUrl(at("/acme/projects?%00=1"), "GET")).toEqual({ kind: "redirect", location: "/acme/projects" });
  });

  it("anything else is refused: a control character in the path, or in the query of a POST", () => {
    expect(checkRequestUrl(at("/acme/projects/%00"), "GET")).toMatchObject({ kind: "refuse" });
    expect(checkRequestUrl(at("/acme/projects/%E0%A4%A"), "GET")).toMatchObject({ kind: "refuse" });
    expect(checkRequestUrl(at("/acme/budgets?x=%00"), "POST")).toMatchObject({ kind: "refuse" });
  });

  it("ordinary addresses pass untouched, unicode included", () => {
    expect(checkRequestUrl(at("/acme/projects?q=M%C3%BCller+%26+Co&sort=name"), "GET")).toEqual({ kind: "ok" });
    expect(checkRequestUrl(at("/acme/dashboard"), "POST")).toEqual({ kind: "ok" });
  });
});

describe("enum values from the URL", () => {
  it("only the enum's own keys, never inherited ones", () => {
    expect(zEnum(ProjectStatus).parse("ACTIVE")).toBe("ACTIVE");
    for (const key of ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf", ""]) {
      expect(zEnum(ProjectStatus).parse(key), key).toBeUndefined();
      expect(zEnum(Health).parse(key), key).toBeUndefined();
    }
    expect(zEnum(Health).parse(undefined)).toBeUndefined();
  });
});
