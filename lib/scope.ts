import type { Member } from "@/lib/auth";
import type { Role } from "@/lib/generated/prisma/enums";
import { grantFor, PERMISSIONS, type Permission } from "@/lib/permissions";

// What a read covers is derived here, and only here, from the member's grants in the permission
// table: reads take a Scope and never look at a role, so a new role is a row in the table and not
// a hunt through queries.

/** The org, and the unit whose subtree a read covers (null: the whole org). */
export type Scope = { orgId: string; unitId: string | null };

type Grantee = Pick<Member, "role" | "scopeUnitId"> & { org: Pick<Member["org"], "id"> };

/** Whether any of the role's grants is limited to the member's own unit: such a member needs one. */
export function hasScopedGrant(role: Role): boolean {
  return PERMISSIONS.some((p) => grantFor(role, p) === "scope");
}

/**
 * Where a member's own view starts (their dashboard, review and bell): the subtree of their unit
 * when a grant is limited to it, else the whole org. Reading is org-wide for every role, so this
 * is a default, not a fence; a scoped member without a unit sees the org, as before units existed.
 */
export function homeScope(member: Grantee): Scope {
  return { orgId: member.org.id, unitId: hasScopedGrant(member.role) ? member.scopeUnitId : null };
}

/**
 * Where a member's grant of `permission` reaches: the whole org, the subtree of their unit, or
 * null when the role lacks it or the grant is limited to a unit the member does not have (the
 * action pipeline refuses those the same way).
 */
export function grantScope(member: Grantee, permission: Permission): Scope | null {
  const grant = grantFor(member.role, permission);
  if (!grant) return null;
  if (grant === "org") return { orgId: member.org.id, unitId: null };
  return member.scopeUnitId ? { orgId: member.org.id, unitId: member.scopeUnitId } : null;
}
