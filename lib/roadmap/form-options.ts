import "server-only";

import type { Member } from "@/lib/auth";
import { listUnitTree, type UnitOption } from "@/lib/org/queries";
import { writableUnitIds } from "@/lib/projects/access";

/**
 * The units the initiative form offers a member (a manager only those of their scope), for the
 * form's route (app/(app)/[org]/roadmap/form-options/route.ts): the form loads them when it opens
 * instead of the roadmap carrying the org's unit tree for it. "forbidden" (403) when the role (or
 * a manager without a scope) cannot write initiatives.
 */
export async function getInitiativeFormUnits(member: Member): Promise<UnitOption[] | "forbidden"> {
  const writable = await writableUnitIds(member, "initiatives:write");
  if (!writable) return "forbidden";
  const units = await listUnitTree(member.org.id);
  return writable === "all" ? units : units.filter((u) => writable.has(u.id));
}
