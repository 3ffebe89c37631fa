import "server-only";

import { db } from "@/lib/db";
import { projectsCsv } from "@/lib/projects/csv";
import { listProjects, parseProjectFilters } from "@/lib/projects/queries";

/**
 * The filtered project list as CSV for a user, or null when they are not a member of the org
 * (reported like a missing org). Membership is read fresh, as in the action pipeline.
 */
export async function exportProjectsCsv(userId: string, orgSlug: string, params: URLSearchParams): Promise<{ slug: string; csv: string } | null> {
  const membership = await db.membership.findFirst({ where: { userId, org: { slug: orgSlug } }, select: { org: { select: { id: true, slug: true } } } });
  if (!membership) return null;
  const rows = await listProjects(membership.org.id, parseProjectFilters(Object.fromEntries(params)));
  return { slug: membership.org.slug, csv: projectsCsv(rows) };
}
