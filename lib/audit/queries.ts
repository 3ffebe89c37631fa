import "server-only";

import { diffAudit, type FieldChange } from "@/lib/audit/diff";
import type { AuditCursor, AuditFilters } from "@/lib/audit/filters";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addDays } from "@/lib/dates";

// Reads of the org's audit trail. Every query is scoped by orgId first; filtering, ordering,
// paging and the option lists are done by PostgreSQL (index AuditEvent(orgId, at)).

const AUDIT_PAGE_SIZE = 50;

export type AuditEventDto = {
  id: string;
  at: string;
  actor: { id: string; name: string; email: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: FieldChange[];
};

export type AuditPage = { events: AuditEventDto[]; next: AuditCursor | null };


function auditWhere(orgId: string, filters: AuditFilters): Prisma.AuditEventWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filters.from) at.gte = new Date(`${filters.from}T00:00:00Z`);
  if (filters.to) at.lt = addDays(filters.to, 1);
  return {
    orgId,
    ...(filters.actor ? { actorId: filters.actor } : {}),
    ...(filters.entity ? { entityType: filters.entity } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(at.gte || at.lt ? { at } : {}),
  };
}

const SELECT = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  actor: { select: { id: true, name: true, email: true } },
} as const;

type Row = Prisma.AuditEventGetPayload<{ select: typeof SELECT }>;

function toDto(row: Row): AuditEventDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changes: diffAudit(row.before, row.after),
  };
}

/** One page of events, newest first, after `cursor` (keyset: stable while new events arrive). */
export async function listAuditEvents(
  orgId: string,
  filters: AuditFilters,
  cursor: AuditCursor | null = null,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<AuditPage> {
  const where = auditWhere(orgId, filters);
  const rows = await db.auditEvent.findMany({
    where: cursor
      ? // `at <= cursor` is implied by the OR, but only it lets the (orgId, at) index start there.
        { AND: [where, { at: { lte: cursor.at } }, { OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] }] }
      : where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: SELECT,
  });
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  return { events: page.map(toDto), next: rows.length > pageSize && last ? { at: last.at, id: last.id } : null };
}

/** Events matching the filters, newest first, a batch at a time (the CSV export): each batch continues after the last event read. */
export async function* auditEventBatches(orgId: string, filters: AuditFilters, batch = 1000): AsyncGenerator<AuditEventDto[]> {
  let cursor: AuditCursor | null = null;
  do {
    const page: AuditPage = await listAuditEvents(orgId, filters, cursor, batch);
    if (page.events.length) yield page.events;
    cursor = page.next;
  } while (cursor);
}

export type AuditFilterOptions = {
  actors: { id: string; name: string; email: string }[];
  entityTypes: string[];
  actions: string[];
};

/** What the filter menus offer: only values that occur in this org's trail (GROUP BY in SQL). */
export async function getAuditFilterOptions(orgId: string): Promise<AuditFilterOptions> {
  const [actorIds, entityTypes, actions] = await Promise.all([
    db.auditEvent.groupBy({ by: ["actorId"], where: { orgId, actorId: { not: null } } }),
    db.auditEvent.groupBy({ by: ["entityType"], where: { orgId }, orderBy: { entityType: "asc" } }),
    db.auditEvent.groupBy({ by: ["action"], where: { orgId }, orderBy: { action: "asc" } }),
  ]);
  const actors = await db.user.findMany({
    where: { id: { in: actorIds.flatMap((a) => (a.actorId ? [a.actorId] : [])) } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
  return { actors, entityTypes: entityTypes.map((e) => e.entityType), actions: actions.map((a) => a.action) };
}
