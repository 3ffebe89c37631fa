import "server-only";

import type { Member } from "@/lib/auth";
import { projectsCsv } from "@/lib/projects/csv";
import { listProjects, parseProjectFilters, parseProjectSort } from "@/lib/projects/queries";

/**
 * The org's filtered project list as CSV, every matching row in the list's order (the same URL
 * filters and ?sort=…&dir=…). Any member may export it; the route checks membership.
 */
export async function exportProjectsCsv(org: Pick<Member["org"], "id">, params: URLSearchParams): Promise<string> {
  const sp = Object.fromEntries(params);
  return projectsCsv(await listProjects(org.id, parseProjectFilters(sp), new Date(), { sort: parseProjectSort(sp) }));
}
