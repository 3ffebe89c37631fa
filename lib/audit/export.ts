import "server-only";

import { changesToText, diffAudit } from "@/lib/audit/diff";
import { parseAuditFilters } from "@/lib/audit/filters";
import { sentenceText, withoutPay } from "@/lib/audit/present";
import { allAuditEvents } from "@/lib/audit/queries";
import type { Member } from "@/lib/auth";
import { toCsv, type CsvCell } from "@/lib/csv-write";
import { can } from "@/lib/permissions";

export const AUDIT_CSV_HEADER = ["at", "actor_email", "actor_name", "action", "entity_type", "entity_id", "changes", "summary"];

/**
 * The org's filtered audit trail as CSV, or null when the member may not read it (no
 * audit:read: the route reports it like a missing org, as it does a non-member). The raw fields
 * stay (action code, record id, field names and stored values) for whoever reconciles them, with
 * the sentence the viewer shows beside them; pay fields are left out for a member who may not
 * read pay, as in the viewer. Cells go through lib/csv-write.ts, which defuses anything a
 * spreadsheet would run as a formula: audit values are whatever users typed.
 */
export async function exportAuditCsv(
  member: Pick<Member, "role" | "readsPay"> & { org: Pick<Member["org"], "id" | "slug" | "currency"> },
  params: URLSearchParams,
): Promise<string | null> {
  if (!can(member.role, "audit:read")) return null;
  const rows: CsvCell[][] = [];
  for await (const { raw: e, entry } of allAuditEvents(member, parseAuditFilters(params))) {
    const visible = withoutPay(e.entityType, e.before, e.after, member.readsPay);
    const changes = changesToText(diffAudit(visible.before, visible.after));
    rows.push([e.at.toISOString(), e.actor?.email ?? "", e.actor?.name ?? "", e.action, e.entityType, e.entityId, changes, sentenceText(entry)]);
  }
  return toCsv(AUDIT_CSV_HEADER, rows);
}
