import "server-only";

import { db } from "@/lib/db";
import { formatFiscalPeriod } from "@/lib/fiscal";
import { likeTerm } from "@/lib/search-term";

export const INITIATIVE_SEARCH_LIMIT = 20;

export type InitiativeSearchOption = { id: string; name: string; title: string };

/**
 * Initiatives whose name contains `q` (case-insensitive), for the projects list's initiative
 * filter: at most INITIATIVE_SEARCH_LIMIT, by name, with the fiscal period as the title ("FY27
 * Q2": a yearly initiative often keeps its name). Any member may search: every member sees the
 * whole projects list (the route checks membership with getRouteMember).
 */
export async function searchInitiativeOptions(orgId: string, q: string): Promise<InitiativeSearchOption[]> {
  const term = likeTerm(q);
  const rows = await db.initiative.findMany({
    where: { orgId, ...(term ? { name: { contains: term, mode: "insensitive" } } : {}) },
    select: { id: true, name: true, fiscalYear: true, fiscalQuarter: true, fiscalHalf: true },
    orderBy: [{ name: "asc" }, { fiscalYear: "desc" }, { id: "asc" }],
    take: INITIATIVE_SEARCH_LIMIT,
  });
  return rows.map((i) => ({ id: i.id, name: i.name, title: formatFiscalPeriod(i) }));
}
