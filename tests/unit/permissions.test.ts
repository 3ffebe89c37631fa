import { describe, expect, it } from "vitest";

import { can, grantFor, grantForToken, PERMISSIONS, readsPay, type Permission } from "@/lib/permissions";

// The table as the product promises it (issue: DIRECTOR writes all, MANAGER writes delivery
// and people in scope, FINANCE writes money, VIEWER reads, ADMIN members and settings).
const EXPECTED: Record<string, Partial<Record<Permission, "org" | "scope">>> = {
  ADMIN: {
    "org:read": "org",
    "org:settings": "org",
    "members:manage": "org",
    "audit:read": "org",
    "compensation:read": "org",
    "people:write": "org",
    "orgtree:write": "org",
    "reorg:propose": "org",
    "orghealth:read": "org",
    "managers:read": "org",
    "managers:notes": "org",
    "webhooks:manage": "org",
    "apitokens:manage": "org",
    "delivery:connect": "org",
  },
  DIRECTOR: {
    "org:read": "org",
    "org:settings": "org",
    "audit:read": "org",
    "compensation:read": "org",
    "people:write": "org",
    "positions:write": "org",
    "projects:write": "org",
    "updates:write": "org",
    "updates:acknowledge": "org",
    "initiatives:write": "org",
    "budgets:write": "org",
    "actuals:write": "org",
    "vendors:write": "org",
    "orgtree:write": "org",
    "reorg:propose": "org",
    "orghealth:read": "org",
    "managers:read": "org",
    "managers:notes": "org",
    "delivery:connect": "org",
  },
  MANAGER: {
    "org:read": "org",
    "people:write": "scope",
    "positions:write": "scope",
    "projects:write": "scope",
    "updates:write": "scope",
    "updates:acknowledge": "scope",
    "initiatives:write": "scope",
    "orghealth:read": "scope",
    "managers:notes": "scope",
    "reorg:propose": "scope",
    "delivery:connect": "scope",
  },
  FINANCE: {
    "org:read": "org",
    "compensation:read-if-allowed": "org",
    "budgets:write": "org",
    "actuals:write": "org",
    "vendors:write": "org",
  },
  VIEWER: { "org:read": "org" },
};

describe("permissions table", () => {
  for (const [role, grants] of Object.entries(EXPECTED)) {
    it.each(PERMISSIONS.map((p) => [p]))(`${role} × %s`, (permission) => {
      expect(grantFor(role, permission)).toBe(grants[permission] ?? null);
    });
  }

  it("denies unknown roles, missing roles and prototype keys (fail closed)", () => {
    expect(can("OWNER", "org:read")).toBe(false);
    expect(can(undefined, "org:read")).toBe(false);
    expect(can(null, "org:read")).toBe(false);
    expect(can("__proto__", "org:read")).toBe(false);
    expect(can("constructor", "org:read")).toBe(false);
  });

  it("lets only directors and admins apply org tree edits (managers may not)", () => {
    expect(
      Object.keys(EXPECTED)
        .filter((r) => can(r, "orgtree:write"))
        .sort(),
    ).toEqual(["ADMIN", "DIRECTOR"]);
  });

  it("lets managers propose reorgs inside their subtree only, and not apply them", () => {
    expect(grantFor("MANAGER", "reorg:propose")).toBe("scope");
    expect(can("MANAGER", "orgtree:write")).toBe(false);
  });

  it("denies unknown permissions", () => {
    expect(can("DIRECTOR", "everything:write" as Permission)).toBe(false);
  });

  it("grants individual pay only to ADMIN and DIRECTOR", () => {
    const roles = Object.keys(EXPECTED).filter((r) => can(r, "compensation:read"));
    expect(roles.sort()).toEqual(["ADMIN", "DIRECTOR"]);
  });

  it("lets finance read pay only where the org allows it", () => {
    const off = { financeReadsPay: false };
    const on = { financeReadsPay: true };
    expect(
      Object.keys(EXPECTED)
        .filter((r) => readsPay(r, off))
        .sort(),
    ).toEqual(["ADMIN", "DIRECTOR"]);
    expect(
      Object.keys(EXPECTED)
        .filter((r) => readsPay(r, on))
        .sort(),
    ).toEqual(["ADMIN", "DIRECTOR", "FINANCE"]);
    expect(readsPay("constructor", on)).toBe(false);
    expect(readsPay(undefined, on)).toBe(false);
  });
});

describe("API token principals", () => {
  it("an org token reads the org and pay, and writes nothing but SCIM provisioning", () => {
    const granted = PERMISSIONS.filter((p) => grantForToken({ kind: "ORG" }, p) !== null);
    expect(granted).toEqual(["org:read", "compensation:read", "scim:provision"]);
  });
  it("no role holds scim:provision: only the identity provider's org token provisions members", () => {
    for (const role of ["ADMIN", "DIRECTOR", "MANAGER", "FINANCE", "VIEWER"] as const) expect(grantFor(role, "scim:provision")).toBeNull();
  });
  it("a personal token has its member's role", () => {
    for (const role of ["ADMIN", "DIRECTOR", "MANAGER", "FINANCE", "VIEWER"] as const) {
      for (const p of PERMISSIONS) expect(grantForToken({ kind: "PERSONAL", role }, p)).toBe(grantFor(role, p));
    }
  });
});
