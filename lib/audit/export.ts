import "server-only";

import { changesToText } from "@/lib/audit/diff";
import { parseAuditFilters } from "@/lib/audit/filters";
import { allAuditEvents } from "@/lib/audit/queries";
import type { Member } from "@/lib/auth";
import { toCsv, type CsvCell } from "@/lib/csv-write";
import { can } from "@/lib/permissions";

export const AUDIT_CSV_HEADER = ["at", "actor_email", "actor_name", "action", "entity_type", "entity_id", "changes"];

/**
 * The org's filtered audit trail as CSV, or null when the member may not read it (no
 * audit:read: the route reports it like a missing org, as it does a non-member). Cells go through lib/csv-write.ts, which defuses anything a
 * spreadsheet would run as a formula: audit values are whatever users typed.
 */
export async function exportAuditCsv(member: Pick<Member, "role"> & { org: Pick<Member["org"], "id"> }, params: URLSearchParams): Promise<string | null> {
  if (!can(member.role, "audit:read")) return null;
  const rows: CsvCell[][] = [];
  for await (const e of allAuditEvents(member.org.id, parseAuditFilters(params))) {
    rows.push([e.at, e.actor?.email ?? "", e.actor?.name ?? "", e.action, e.entityType, e.entityId, changesToText(e.changes)]);
  }
  return toCsv(AUDIT_CSV_HEADER, rows);
}
