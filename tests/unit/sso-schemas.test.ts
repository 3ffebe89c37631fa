import { describe, expect, it } from "vitest";

import { groupsOf, mappedRole } from "@/lib/sso/provision";
import { formatGroupRoles, parseGroupRoles, ZUpdateSsoInput } from "@/lib/sso/schemas";

describe("group → role mapping", () => {
  it("reads one mapping a line, with an optional unit code, and names each bad line", () => {
    const { mappings, errors } = parseGroupRoles("# comment\nkeel-admins = admin\n\neng leads = MANAGER @ ENG\nnope\nx = OWNER");
    expect(mappings).toEqual([
      { group: "keel-admins", role: "ADMIN" },
      { group: "eng leads", role: "MANAGER", unitCode: "ENG" },
    ]);
    expect(errors).toEqual([expect.stringMatching(/^Line 5:/), expect.stringMatching(/^Line 6:/)]);
    expect(parseGroupRoles(formatGroupRoles(mappings)).mappings).toEqual(mappings);
  });

  it("takes the first mapping the user has, in the admin's order, else the default role", () => {
    const config = {
      groupRoles: parseGroupRoles("a = DIRECTOR\nb = MANAGER @ X").mappings,
      defaultRole: "VIEWER" as const,
    };
    expect(mappedRole(config, ["b", "a"])).toEqual({ role: "DIRECTOR", unitCode: undefined });
    expect(mappedRole(config, ["b"])).toEqual({ role: "MANAGER", unitCode: "X" });
    expect(mappedRole(config, ["c"])).toEqual({ role: "VIEWER" });
    expect(groupsOf("a b,c")).toEqual(["a", "b", "c"]);
    expect(groupsOf([1, "a"])).toEqual(["a"]);
    expect(groupsOf(undefined)).toEqual([]);
  });
});

describe("the SSO form's input", () => {
  const base = {
    displayName: "Okta",
    issuer: "https://corp.okta.com",
    clientId: "abc",
    emailDomains: "Corp.example, @corp2.example",
    groupsClaim: "groups",
    defaultRole: "VIEWER",
  };

  it("normalizes domains and scopes", () => {
    const parsed = ZUpdateSsoInput.parse({ ...base, scopes: "openid  email openid groups" });
    expect(parsed.emailDomains).toEqual(["corp.example", "corp2.example"]);
    expect(parsed.scopes).toBe("openid email groups");
  });

  it("refuses plain http off this machine, scopes without openid, bad domains and an admin default", () => {
    const result = ZUpdateSsoInput.safeParse({
      ...base,
      issuer: "http://corp.okta.com",
      scopes: "email",
      emailDomains: "not a domain",
      defaultRole: "ADMIN",
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["issuer", "scopes", "emailDomains", "defaultRole"]));
    expect(ZUpdateSsoInput.safeParse({ ...base, issuer: "http://127.0.0.1:3451" }).success).toBe(true);
  });
});
