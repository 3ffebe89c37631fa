import "server-only";

import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { notDepartedWhere } from "@/lib/people/queries";
import { likeTerm } from "@/lib/search-term";

export const PEOPLE_SEARCH_LIMIT = 20;

export type PersonOption = { id: string; name: string; title: string };

/**
 * People not gone (in post, or about to start: notDepartedWhere) of the org whose name contains
 * `q`, case-insensitive, for the person pickers (initiative owner, filling a position): at most
 * PEOPLE_SEARCH_LIMIT, by name. With `leads`, the people who lead a project instead, gone or not
 * (the projects list's lead filter: a leaver may still lead projects). Any member may search (the
 * route checks membership with getRouteMember). The actions still check that a picked id belongs
 * to the org; this only offers choices.
 */
export async function searchPeopleOptions(orgId: string, q: string, leads = false): Promise<PersonOption[]> {
  const term = likeTerm(q);
  const today = new Date(toDateString(new Date()));
  // Walks Person_orgId_name_idx in name order and stops at the limit. The title says which of
  // several people of one name this is: job title and unit.
  const rows = await db.person.findMany({
    where: {
      orgId,
      ...(leads ? { ledProjects: { some: { orgId } } } : notDepartedWhere(today)),
      ...(term ? { name: { contains: term, mode: "insensitive" } } : {}),
    },
    select: { id: true, name: true, title: true, orgUnit: { select: { name: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PEOPLE_SEARCH_LIMIT,
  });
  return rows.map((r) => ({ id: r.id, name: r.name, title: `${r.title} · ${r.orgUnit.name}` }));
}
