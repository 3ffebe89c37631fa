import "server-only";

import type { Member } from "@/lib/auth";
import { db } from "@/lib/db";
import { listUnitTree, type UnitOption } from "@/lib/org/queries";
import { writableUnitIds } from "@/lib/projects/access";

/**
 * The units the initiative form offers a signed-in user in the org with this slug (a manager only
 * those of their scope), for the form's route (app/(app)/[org]/roadmap/form-options/route.ts):
 * the form loads them when it opens instead of the roadmap carrying the org's unit tree for it.
 * Null when the user is not a member (404), "forbidden" when their role (or a manager without a
 * scope) cannot write initiatives (403). Role and scope come from the membership row.
 */
export async function getInitiativeFormUnitsForUser(userId: string, orgSlug: string): Promise<UnitOption[] | "forbidden" | null> {
  const m = await db.membership.findFirst({
    where: { userId, org: { slug: orgSlug } },
    select: { role: true, scopeUnitId: true, org: { select: { id: true, slug: true } } },
  });
  if (!m) return null;
  const member = { org: { id: m.org.id, slug: m.org.slug }, user: { id: userId }, role: m.role, scopeUnitId: m.scopeUnitId } as Member;
  const writable = await writableUnitIds(member, "initiatives:write");
  if (!writable) return "forbidden";
  const units = await listUnitTree(m.org.id);
  return writable === "all" ? units : units.filter((u) => writable.has(u.id));
}
