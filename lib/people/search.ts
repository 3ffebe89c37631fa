import "server-only";

import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { likeTerm } from "@/lib/search-term";

export const PEOPLE_SEARCH_LIMIT = 20;

export type PersonOption = { id: string; name: string; title: string };

/**
 * People in post (no end date, or one still ahead) whose name contains `q`, case-insensitive,
 * for the person pickers (initiative owner, filling a position): at most PEOPLE_SEARCH_LIMIT, by
 * name. Null when the user is not a member of the org (the route answers 404, like a missing
 * org). The actions still check that a picked id belongs to the org; this only offers choices.
 */
export async function searchPeopleOptions(userId: string, orgSlug: string, q: string): Promise<PersonOption[] | null> {
  const membership = await db.membership.findFirst({ where: { userId, org: { slug: orgSlug } }, select: { orgId: true } });
  if (!membership) return null;
  const term = likeTerm(q);
  const today = new Date(toDateString(new Date()));
  // Walks Person_orgId_name_idx in name order and stops at the limit.
  return db.person.findMany({
    where: { orgId: membership.orgId, OR: [{ endDate: null }, { endDate: { gte: today } }], ...(term ? { name: { contains: term, mode: "insensitive" } } : {}) },
    select: { id: true, name: true, title: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PEOPLE_SEARCH_LIMIT,
  });
}
