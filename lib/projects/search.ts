import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { grantFor } from "@/lib/permissions";
import { likeTerm } from "@/lib/search-term";

export const PROJECT_SEARCH_LIMIT = 20;

/**
 * Projects whose name contains `q` (case-insensitive), for the project pickers (dependencies,
 * staffing): at most PROJECT_SEARCH_LIMIT, never `exceptId`; `open` keeps planned, active and
 * paused ones (what can still be staffed). Null when the user is not a member of the org (the
 * route answers 404, like a missing org). The actions still check what is picked.
 */
export async function searchProjectOptions(
  userId: string,
  orgSlug: string,
  q: string,
  exceptId: string,
  open = false,
): Promise<{ id: string; name: string }[] | null> {
  const membership = await db.membership.findFirst({ where: { userId, org: { slug: orgSlug } }, select: { orgId: true, role: true, scopeUnitId: true } });
  if (!membership) return null;
  const { orgId } = membership;
  let staffable: Prisma.ProjectWhereInput = {};
  if (open) {
    const grant = grantFor(membership.role, "projects:write");
    if (!grant || (grant === "scope" && !membership.scopeUnitId)) return [];
    staffable = {
      status: { in: ["PLANNED", "ACTIVE", "PAUSED"] },
      ...(grant === "scope" ? { orgUnit: { ancestors: { some: { orgId, ancestorId: membership.scopeUnitId! } } } } : {}),
    };
  }
  const term = likeTerm(q);
  return db.project.findMany({
    where: {
      orgId,
      archivedAt: null,
      id: { not: exceptId },
      ...staffable,
      ...(term ? { name: { contains: term, mode: "insensitive" } } : {}),
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: PROJECT_SEARCH_LIMIT,
  });
}
