import "server-only";

import type { Member } from "@/lib/auth";
import type { UnitOption } from "@/lib/org/queries";
import { writableUnitOptions } from "@/lib/projects/access";

/**
 * The units the initiative form offers a member (a manager only those of their scope), for the
 * form's route (app/(app)/[org]/roadmap/form-options/route.ts): the form loads them when it opens
 * instead of the roadmap carrying the org's unit tree for it. "forbidden" (403) when the role (or
 * a manager without a scope) cannot write initiatives.
 */
export function getInitiativeFormUnits(member: Member): Promise<UnitOption[] | "forbidden"> {
  return writableUnitOptions(member, "initiatives:write");
}
