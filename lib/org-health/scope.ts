import "server-only";

import type { Member } from "@/lib/auth";
import { db } from "@/lib/db";
import { isInSubtree } from "@/lib/org/closure";
import { grantFor } from "@/lib/permissions";

/**
 * The unit whose subtree the org health page shows for this member and ?unit=: directors and
 * admins any unit of the org (null = the whole org), a manager their scope or a unit inside it
 * (no unit = their scope). null result = the member may not see it (the page answers 404, as for
 * a unit of another org).
 */
export async function orgHealthScope(member: Member, unitParam: string | undefined): Promise<{ unitId: string | null } | null> {
  const grant = grantFor(member.role, "orghealth:read");
  if (!grant) return null;
  if (grant === "scope") {
    if (!member.scopeUnitId) return null;
    if (!unitParam) return { unitId: member.scopeUnitId };
    return (await isInSubtree(db, member.org.id, member.scopeUnitId, unitParam)) ? { unitId: unitParam } : null;
  }
  if (!unitParam) return { unitId: null };
  return (await db.orgUnit.count({ where: { id: unitParam, orgId: member.org.id } })) > 0 ? { unitId: unitParam } : null;
}
