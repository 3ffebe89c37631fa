import "server-only";

import { db } from "@/lib/db";

export const PROJECT_SEARCH_LIMIT = 20;

/**
 * Projects whose name contains `q` (case-insensitive), for the dependency picker: at most
 * PROJECT_SEARCH_LIMIT, never `exceptId`. Null when the user is not a member of the org (the
 * route answers 404, like a missing org).
 */
export async function searchProjectOptions(userId: string, orgSlug: string, q: string, exceptId: string): Promise<{ id: string; name: string }[] | null> {
  const membership = await db.membership.findFirst({ where: { userId, org: { slug: orgSlug } }, select: { orgId: true } });
  if (!membership) return null;
  // Prisma's `contains` passes LIKE wildcards through: a typed "%" or "_" is text here.
  const term = q.trim().slice(0, 100).replace(/[\\%_]/g, "\\$&");
  return db.project.findMany({
    where: { orgId: membership.orgId, archivedAt: null, id: { not: exceptId }, ...(term ? { name: { contains: term, mode: "insensitive" } } : {}) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: PROJECT_SEARCH_LIMIT,
  });
}
