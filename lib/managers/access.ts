import "server-only";

import type { Member } from "@/lib/auth";
import { db } from "@/lib/db";
import { isInChain } from "@/lib/managers/chain";
import { can } from "@/lib/permissions";

/**
 * What a member may see of a manager's page: the page with managers:read or from above the
 * manager in the reporting line; the development notes only from above (and with
 * managers:notes). null = not theirs to open (the page answers 404, as for an unknown person).
 */
export async function managerPageAccess(member: Member, managerId: string): Promise<{ notes: boolean } | null> {
  const above = await isInChain(db, member.org.id, managerId, member.user.id);
  if (!above && !can(member.role, "managers:read")) return null;
  return { notes: above && can(member.role, "managers:notes") };
}
