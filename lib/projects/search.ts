import "server-only";

import type { Member } from "@/lib/auth";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { grantFor } from "@/lib/permissions";
import { likeTerm } from "@/lib/search-term";

export const PROJECT_SEARCH_LIMIT = 20;

/**
 * Projects whose name contains `q` (case-insensitive), for the project pickers (dependencies,
 * staffing): at most PROJECT_SEARCH_LIMIT, never `exceptId`; `open` keeps planned, active and
 * paused ones in the member's write scope (what they can still staff). The route checks
 * membership (getRouteMember); the actions still check what is picked.
 */
export async function searchProjectOptions(
  member: Pick<Member, "role" | "scopeUnitId"> & { org: Pick<Member["org"], "id"> },
  q: string,
  exceptId: string,
  open = false,
): Promise<{ id: string; name: string }[]> {
  const orgId = member.org.id;
  let staffable: Prisma.ProjectWhereInput = {};
  if (open) {
    const grant = grantFor(member.role, "projects:write");
    if (!grant || (grant === "scope" && !member.scopeUnitId)) return [];
    staffable = {
      status: { in: ["PLANNED", "ACTIVE", "PAUSED"] },
      ...(grant === "scope" ? { orgUnit: { ancestors: { some: { orgId, ancestorId: member.scopeUnitId! } } } } : {}),
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
