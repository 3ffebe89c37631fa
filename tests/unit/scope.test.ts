import { describe, expect, it } from "vitest";

import type { Role } from "@/lib/generated/prisma/enums";
import { grantScope, hasScopedGrant, homeScope } from "@/lib/scope";

const member = (role: Role, scopeUnitId: string | null = null) => ({ role, scopeUnitId, org: { id: "org1" } });

describe("read scope from the permission table", () => {
  it("only roles with a grant limited to a unit carry one", () => {
    expect(hasScopedGrant("MANAGER")).toBe(true);
    for (const role of ["ADMIN", "DIRECTOR", "FINANCE", "VIEWER"] as const) expect(hasScopedGrant(role)).toBe(false);
  });

  it("starts a scoped member's own view at their unit, everyone else's at the org", () => {
    expect(homeScope(member("MANAGER", "u1"))).toEqual({ orgId: "org1", unitId: "u1" });
    expect(homeScope(member("DIRECTOR", "u1"))).toEqual({ orgId: "org1", unitId: null });
    expect(homeScope(member("VIEWER"))).toEqual({ orgId: "org1", unitId: null });
    expect(homeScope(member("MANAGER"))).toEqual({ orgId: "org1", unitId: null });
  });

  it("reaches as far as the grant: the org, the member's subtree, or nowhere", () => {
    expect(grantScope(member("DIRECTOR"), "projects:write")).toEqual({ orgId: "org1", unitId: null });
    expect(grantScope(member("MANAGER", "u1"), "projects:write")).toEqual({ orgId: "org1", unitId: "u1" });
    // A unit-limited grant without a unit reaches nothing, as the action pipeline refuses it.
    expect(grantScope(member("MANAGER"), "projects:write")).toBeNull();
    expect(grantScope(member("VIEWER"), "projects:write")).toBeNull();
    expect(grantScope(member("FINANCE", "u1"), "budgets:write")).toEqual({ orgId: "org1", unitId: null });
  });
});
