import "server-only";

import type { Member } from "@/lib/auth";
import { projectsCsv } from "@/lib/projects/csv";
import { listProjects, parseProjectFilters } from "@/lib/projects/queries";

/** The org's filtered project list as CSV (any member may export it; the route checks membership). */
export async function exportProjectsCsv(org: Pick<Member["org"], "id">, params: URLSearchParams): Promise<string> {
  return projectsCsv(await listProjects(org.id, parseProjectFilters(Object.fromEntries(params))));
}
