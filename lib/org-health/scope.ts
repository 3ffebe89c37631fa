import "server-only";

import type { Member } from "@/lib/auth";
import { db } from "@/lib/db";
import { isInSubtree } from "@/lib/org/closure";
import type { PeopleFilter } from "@/lib/people/list-filter";
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

/**
 * Whether a departure was regretted is org health's to show: the people list honours ?regretted=
 * only for a reader of org health over exactly the unit listed (a manager: inside their subtree),
 * else it lists every departure of the window, so the split cannot be read from the people list.
 */
export async function regretFilterFor(member: Member, filter: PeopleFilter, unitId: string | null): Promise<PeopleFilter> {
  if (filter.status !== "leaving" || filter.regretted === undefined) return filter;
  const scope = await orgHealthScope(member, unitId ?? undefined);
  return scope && scope.unitId === unitId ? filter : { status: "leaving", from: filter.from, to: filter.to };
}
