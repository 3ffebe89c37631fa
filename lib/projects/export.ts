import "server-only";

import type { Member } from "@/lib/auth";
import { csvStream, mapBatches } from "@/lib/csv-write";
import { logger } from "@/lib/log";
import { projectCells, PROJECTS_CSV_HEADER } from "@/lib/projects/csv";
import {
  listProjects,
  parseProjectFilters,
  parseProjectSort,
  type ProjectFilters,
  type ProjectRow,
  type ProjectSort,
} from "@/lib/projects/queries";

/**
 * The list's rows a batch at a time, read with the list's own paging: one definition of the
 * order (listProjects), whose sorts by a lead or initiative that may be missing a keyset
 * condition cannot follow. An org's projects number in the thousands, so each batch re-sorting
 * the filtered list stays cheap.
 */
async function* projectBatches(
  orgId: string,
  filters: ProjectFilters,
  sort: ProjectSort,
  now: Date,
  batch: number,
): AsyncGenerator<ProjectRow[]> {
  for (let skip = 0; ; skip += batch) {
    const rows = await listProjects(orgId, filters, now, { sort, page: { skip, take: batch } });
    if (rows.length) yield rows;
    if (rows.length < batch) return;
  }
}

/**
 * The org's filtered project list as a streamed CSV, every matching row in the list's order (the
 * same URL filters and ?sort=…&dir=…). Any member may export it; the route checks membership.
 */
export function exportProjectsCsv(
  org: Pick<Member["org"], "id">,
  params: URLSearchParams,
  now = new Date(),
  batch = 1000,
): ReadableStream<Uint8Array> {
  const sp = Object.fromEntries(params);
  const filters = parseProjectFilters(sp);
  return csvStream(
    PROJECTS_CSV_HEADER,
    mapBatches(projectBatches(org.id, filters, parseProjectSort(sp), now, batch), projectCells),
    (error) => logger.error({ orgId: org.id, filters, err: error }, "projects export failed"),
  );
}
