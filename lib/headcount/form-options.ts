import "server-only";

import type { Member } from "@/lib/auth";
import type { UnitOption } from "@/lib/org/queries";
import { writableUnitOptions } from "@/lib/projects/access";

export type PositionFormOptions = { units: UnitOption[] };

/**
 * Choices for the new-position form: the units the member may create positions in (a manager:
 * their subtree), or "forbidden" (403) for a role that cannot write positions or a manager
 * without a scope. The form loads them when it opens (app/(app)/[org]/headcount/form-options):
 * a large org's ~500 units were in every headcount page.
 */
export async function getPositionFormOptionsFor(member: Member): Promise<PositionFormOptions | "forbidden"> {
  const units = await writableUnitOptions(member, "positions:write");
  return units === "forbidden" ? units : { units };
}
