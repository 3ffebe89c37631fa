import "server-only";

import { changesToText } from "@/lib/audit/diff";
import { parseAuditFilters } from "@/lib/audit/filters";
import { allAuditEvents } from "@/lib/audit/queries";
import { toCsv, type CsvCell } from "@/lib/csv-write";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";

export const AUDIT_CSV_HEADER = ["at", "actor_email", "actor_name", "action", "entity_type", "entity_id", "changes"];

/**
 * The filtered audit trail as CSV, or null when the user may not read it: not a member, or a
 * member without audit:read (both reported like a missing org). Membership and role are read
 * fresh, as in the action pipeline. Cells go through lib/csv-write.ts, which defuses anything a
 * spreadsheet would run as a formula: audit values are whatever users typed.
 */
export async function exportAuditCsv(userId: string, orgSlug: string, params: URLSearchParams): Promise<{ slug: string; csv: string } | null> {
  const membership = await db.membership.findFirst({
    where: { userId, org: { slug: orgSlug } },
    select: { role: true, org: { select: { id: true, slug: true } } },
  });
  if (!membership || !can(membership.role, "audit:read")) return null;
  const rows: CsvCell[][] = [];
  for await (const e of allAuditEvents(membership.org.id, parseAuditFilters(params))) {
    rows.push([e.at, e.actor?.email ?? "", e.actor?.name ?? "", e.action, e.entityType, e.entityId, changesToText(e.changes)]);
  }
  return { slug: membership.org.slug, csv: toCsv(AUDIT_CSV_HEADER, rows) };
}
