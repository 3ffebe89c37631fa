import "server-only";

import type { Member } from "@/lib/auth";
import { listUnitChoices } from "@/lib/people/detail";
import { grantFor } from "@/lib/permissions";

export type PositionFormOptions = { units: { id: string; name: string; code: string; depth: number }[] };

/**
 * Choices for the new-position form: the units the member may create positions in (a manager:
 * their subtree), or "forbidden" (403) for a role that cannot write positions or a manager
 * without a scope. The form loads them when it opens (app/(app)/[org]/headcount/form-options):
 * a large org's ~500 units were in every headcount page.
 */
export async function getPositionFormOptionsFor(member: Member): Promise<PositionFormOptions | "forbidden"> {
  const grant = grantFor(member.role, "positions:write");
  if (!grant || (grant === "scope" && !member.scopeUnitId)) return "forbidden";
  return { units: await listUnitChoices(member.org.id, grant === "scope" ? member.scopeUnitId : null) };
}
