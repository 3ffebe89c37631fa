import "server-only";

import type { Member } from "@/lib/auth";
import { db } from "@/lib/db";
import { isInSubtree } from "@/lib/org/closure";
import { grantScope } from "@/lib/scope";

/**
 * The unit whose subtree the org health page shows for this member and ?unit=: directors and
 * admins any unit of the org (null = the whole org), a manager their scope or a unit inside it
 * (no unit = their scope). null result = the member may not see it (the page answers 404, as for
 * a unit of another org).
 */
export async function orgHealthScope(member: Member, unitParam: string | undefined): Promise<{ unitId: string | null } | null> {
  const scope = grantScope(member, "orghealth:read");
  if (!scope) return null;
  if (scope.unitId !== null) {
    if (!unitParam) return { unitId: scope.unitId };
    return (await isInSubtree(db, scope.orgId, scope.unitId, unitParam)) ? { unitId: unitParam } : null;
  }
  if (!unitParam) return { unitId: null };
  return (await db.orgUnit.count({ where: { id: unitParam, orgId: member.org.id } })) > 0 ? { unitId: unitParam } : null;
}
