import "server-only";

import { changesToText, diffAudit } from "@/lib/audit/diff";
import { parseAuditFilters } from "@/lib/audit/filters";
import { sentenceText, withoutPay } from "@/lib/audit/present";
import { auditEventBatches } from "@/lib/audit/queries";
import type { Member } from "@/lib/auth";
import { csvStream, mapBatches } from "@/lib/csv-write";
import { logger } from "@/lib/log";
import { can } from "@/lib/permissions";

export const AUDIT_CSV_HEADER = ["at", "actor_email", "actor_name", "action", "entity_type", "entity_id", "changes", "summary"];

/**
 * The org's filtered audit trail as a streamed CSV (newest first, read in keyset batches), or
 * null when the member may not read it (no audit:read: the route reports it like a missing org,
 * as it does a non-member). The raw fields stay (action code, record id, field names and stored
 * values) for whoever reconciles them, with the sentence the viewer shows beside them; pay
 * fields are left out for a member who may not read pay, as in the viewer. Cells go through
 * lib/csv-write.ts, which defuses anything a spreadsheet would run as a formula: audit values
 * are whatever users typed.
 */
export function exportAuditCsv(
  member: Pick<Member, "role" | "readsPay"> & { org: Pick<Member["org"], "id" | "slug" | "currency"> },
  params: URLSearchParams,
  batch?: number,
): ReadableStream<Uint8Array> | null {
  if (!can(member.role, "audit:read")) return null;
  const filters = parseAuditFilters(params);
  return csvStream(
    AUDIT_CSV_HEADER,
    mapBatches(auditEventBatches(member, filters, batch), ({ raw: e, entry }) => {
      const visible = withoutPay(e.entityType, e.before, e.after, member.readsPay);
      return [
        e.at.toISOString(),
        e.actor?.email ?? "",
        e.actor?.name ?? "",
        e.action,
        e.entityType,
        e.entityId,
        changesToText(diffAudit(visible.before, visible.after)),
        sentenceText(entry),
      ];
    }),
    (error) => logger.error({ orgId: member.org.id, filters, err: error }, "audit export failed"),
  );
}
