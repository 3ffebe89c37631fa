import "server-only";

import { getSessionUser, type Member } from "@/lib/auth";
import { db } from "@/lib/db";

// Route handlers (CSV upload and export) check access themselves, like pages do: the signed-in
// user's membership of the org is read fresh. 401 = not signed in (like every route handler);
// 404 = not a member (never confirming that the org exists).
export async function getRouteMember(orgSlug: string): Promise<Member | 401 | 404> {
  const user = await getSessionUser();
  if (!user) return 401;
  const membership = await db.membership.findFirst({
    where: { userId: user.id, org: { slug: orgSlug } },
    select: {
      role: true,
      scopeUnitId: true,
      org: { select: { id: true, slug: true, name: true, currency: true, fiscalYearStartMonth: true } },
    },
  });
  if (!membership) return 404;
  return { user, org: membership.org, role: membership.role, scopeUnitId: membership.scopeUnitId };
}
