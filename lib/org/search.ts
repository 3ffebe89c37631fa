import "server-only";

import { db } from "@/lib/db";
import { likeTerm } from "@/lib/search-term";

export const UNIT_SEARCH_LIMIT = 20;

export type UnitSearchOption = { id: string; name: string; title: string };

/**
 * Org units whose name or code contains `q` (case-insensitive), for the unit filters (projects
 * list, roadmap timeline, headcount plan, budgets): at most UNIT_SEARCH_LIMIT, by name, with the
 * code as the title (a large org has many units of one name, such as "Platform" in several
 * departments). Any member may search: every member sees those pages for the whole org (the
 * route checks membership with getRouteMember).
 */
export async function searchUnitOptions(orgId: string, q: string): Promise<UnitSearchOption[]> {
  const term = likeTerm(q);
  const rows = await db.orgUnit.findMany({
    where: {
      orgId,
      // A closed unit is history: nothing can be filed under it any more (lib/org/close-unit.ts).
      closedOn: null,
      ...(term ? { OR: [{ name: { contains: term, mode: "insensitive" } }, { code: { contains: term, mode: "insensitive" } }] } : {}),
    },
    select: { id: true, name: true, code: true },
    orderBy: [{ name: "asc" }, { code: "asc" }],
    take: UNIT_SEARCH_LIMIT,
  });
  return rows.map((u) => ({ id: u.id, name: u.name, title: u.code }));
}

/** A picked unit's id and name for a search box's first render; null when not a unit of this org. */
export async function unitChoice(orgId: string, unitId: string | null | undefined): Promise<{ id: string; name: string } | null> {
  return unitId ? db.orgUnit.findFirst({ where: { id: unitId, orgId }, select: { id: true, name: true } }) : null;
}
