import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import { likeTerm } from "@/lib/search-term";

export const PROJECT_SEARCH_LIMIT = 20;

/**
 * Projects whose name contains `q` (case-insensitive), for the project pickers (dependencies,
 * staffing): at most PROJECT_SEARCH_LIMIT, never `exceptId`. With `staffable` (the reach of the
 * member's projects:write, lib/scope.ts grantScope) only planned, active and paused ones inside
 * it, what they can still staff; null there means they may staff none. The route checks
 * membership (getRouteMember); the actions still check what is picked.
 */
export async function searchProjectOptions(
  orgId: string,
  q: string,
  exceptId: string,
  staffable?: Scope | null,
): Promise<{ id: string; name: string }[]> {
  if (staffable === null) return [];
  const open: Prisma.ProjectWhereInput = staffable
    ? {
        status: { in: ["PLANNED", "ACTIVE", "PAUSED"] },
        ...(staffable.unitId ? { orgUnit: { ancestors: { some: { orgId, ancestorId: staffable.unitId } } } } : {}),
      }
    : {};
  const term = likeTerm(q);
  return db.project.findMany({
    where: {
      orgId,
      archivedAt: null,
      id: { not: exceptId },
      ...open,
      ...(term ? { name: { contains: term, mode: "insensitive" } } : {}),
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: PROJECT_SEARCH_LIMIT,
  });
}
