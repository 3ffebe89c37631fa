import "server-only";

import {
  auditFiltersQuery,
  formatAuditCursor,
  parseAuditCursor,
  type AuditCursor,
  type AuditFilters,
  type AuditRecordFilter,
} from "@/lib/audit/filters";
import { presentAuditEvent, type AuditEntryDto, type RawAuditEvent, type ResolvedName } from "@/lib/audit/present";
import { HISTORY_RELATED, recordPath, recordTypeLabel } from "@/lib/audit/records";
import { auditSentence } from "@/lib/audit/sentences";
import { addDays } from "@/lib/dates";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/permissions";
import type { SearchParams } from "@/lib/search-params";

// Reads of the org's audit trail. Every query is scoped by orgId first; filtering, ordering,
// paging and the option lists are done by PostgreSQL (indexes AuditEvent(orgId, at) and
// (orgId, entityType, entityId)), and the names of every record a page mentions are resolved in
// one query for the whole page.

const AUDIT_PAGE_SIZE = 50;

/** Who reads the trail: the org (for links and currency) and whether they may read pay. */
export type AuditReader = { org: { id: string; slug: string; currency: string }; readsPay: boolean };

export type AuditPage = { events: AuditEntryDto[]; next: AuditCursor | null };

export type RecordHistoryPage = {
  entries: AuditEntryDto[];
  /** Link to the next (older) page, or null on the last page. */
  olderHref: string | null;
  /** Link back to the newest page, or null when this is it. */
  newestHref: string | null;
  /** The same events in the audit log, for members who may read it. */
  auditLogHref: string | null;
};

function auditWhere(orgId: string, filters: AuditFilters): Prisma.AuditEventWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filters.from) at.gte = new Date(`${filters.from}T00:00:00Z`);
  if (filters.to) at.lt = addDays(filters.to, 1);
  const record = filters.record;
  return {
    orgId,
    ...(filters.actor ? { actorId: filters.actor } : {}),
    ...(filters.entity ? { entityType: filters.entity } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(at.gte || at.lt ? { at } : {}),
    ...(record
      ? {
          OR: [
            { entityType: record.type, entityId: record.id },
            ...HISTORY_RELATED[record.type].flatMap(({ type, field }) => [
              { entityType: type, after: { path: [field], equals: record.id } },
              { entityType: type, before: { path: [field], equals: record.id } },
            ]),
          ],
        }
      : {}),
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

/** One page of raw events, newest first, after `cursor` (keyset: stable while new events arrive). */
async function auditRows(
  orgId: string,
  filters: AuditFilters,
  cursor: AuditCursor | null,
  pageSize: number,
): Promise<{ rows: RawAuditEvent[]; next: AuditCursor | null }> {
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
  return { rows: page, next: rows.length > pageSize && last ? { at: last.at, id: last.id } : null };
}

/** Every id an event mentions: its record and each …Id / …Ids value of its before and after. */
function mentionedIds(rows: RawAuditEvent[]): string[] {
  const ids = new Set<string>();
  const scan = (value: unknown) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return;
    for (const [k, v] of Object.entries(value)) {
      if (k.endsWith("Id") && typeof v === "string") ids.add(v);
      else if (k.endsWith("Ids") && Array.isArray(v)) for (const x of v) if (typeof x === "string") ids.add(x);
    }
  };
  for (const r of rows) {
    ids.add(r.entityId);
    if (r.actor) ids.add(r.actor.id);
    scan(r.before);
    scan(r.after);
  }
  return [...ids].filter((id) => id.length <= 64);
}

/**
 * Names of the records behind `ids`, in one query: each table is joined to the id list and held
 * to this org, so an id of another org resolves to nothing. A user is named only when they are a
 * member of the org or acted in it.
 */
async function resolveNames(orgId: string, ids: string[]): Promise<Map<string, ResolvedName>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<(ResolvedName & { id: string })[]>(namesSql(orgId, ids));
  return new Map(rows.map(({ id, ...r }) => [id, r]));
}

/** resolveNames's statement (its plan is tested: tests/integration/audit-log.test.ts). */
export function namesSql(orgId: string, ids: string[]): Prisma.Sql {
  return Prisma.sql`
    WITH ids AS (SELECT DISTINCT unnest(${ids}::text[]) AS id),
    -- The users among the ids, found first: the checks below then run for those few only.
    users AS MATERIALIZED (SELECT u.id, u.name FROM "User" u JOIN ids ON ids.id = u.id)
    SELECT 'Project' AS type, x.id, x.name, x.id AS "projectId" FROM "Project" x JOIN ids ON ids.id = x.id WHERE x."orgId" = ${orgId}
    UNION ALL SELECT 'Person', x.id, x.name, NULL FROM "Person" x JOIN ids ON ids.id = x.id WHERE x."orgId" = ${orgId}
    UNION ALL SELECT 'Position', x.id, x.title || ', ' || u.name, NULL FROM "Position" x JOIN ids ON ids.id = x.id JOIN "OrgUnit" u ON u.id = x."orgUnitId" WHERE x."orgId" = ${orgId}
    UNION ALL SELECT 'Contract', x.id, x.name, NULL FROM "Contract" x JOIN ids ON ids.id = x.id WHERE x."orgId" = ${orgId}
    UNION ALL SELECT 'Vendor', x.id, x.name, NULL FROM "Vendor" x JOIN ids ON ids.id = x.id WHERE x."orgId" = ${orgId}
    UNION ALL SELECT 'OrgUnit', x.id, x.name, NULL FROM "OrgUnit" x JOIN ids ON ids.id = x.id WHERE x."orgId" = ${orgId}
    UNION ALL SELECT 'Initiative', x.id, x.name, NULL FROM "Initiative" x JOIN ids ON ids.id = x.id WHERE x."orgId" = ${orgId}
    UNION ALL SELECT 'Milestone', x.id, x.name, x."projectId" FROM "Milestone" x JOIN ids ON ids.id = x.id WHERE x."orgId" = ${orgId}
    UNION ALL SELECT 'StatusUpdate', x.id, p.name, x."projectId" FROM "StatusUpdate" x JOIN ids ON ids.id = x.id JOIN "Project" p ON p.id = x."projectId" WHERE x."orgId" = ${orgId}
    UNION ALL SELECT 'Allocation', x.id, p.name, x."projectId" FROM "Allocation" x JOIN ids ON ids.id = x.id JOIN "Project" p ON p.id = x."projectId" WHERE x."orgId" = ${orgId}
    UNION ALL SELECT 'ProjectDependency', x.id, p.name, x."blockedId" FROM "ProjectDependency" x JOIN ids ON ids.id = x.id JOIN "Project" p ON p.id = x."blockedId" WHERE x."orgId" = ${orgId}
    UNION ALL SELECT 'ImportBatch', x.id, x."fileName", NULL FROM "ImportBatch" x JOIN ids ON ids.id = x.id WHERE x."orgId" = ${orgId}
    UNION ALL SELECT 'Reorg', x.id, x.name, NULL FROM "Reorg" x JOIN ids ON ids.id = x.id WHERE x."orgId" = ${orgId}
    UNION ALL SELECT 'Membership', x.id, u.name, NULL FROM "Membership" x JOIN ids ON ids.id = x.id JOIN "User" u ON u.id = x."userId" WHERE x."orgId" = ${orgId}
    UNION ALL SELECT 'User', u.id, u.name, NULL FROM users u
      WHERE EXISTS (SELECT 1 FROM "Membership" m WHERE m."orgId" = ${orgId} AND m."userId" = u.id)
         -- Their latest event here, by the (orgId, actorId, at) index: as EXISTS, the planner read
         -- the org's whole log for each user who never acted in it.
         OR (SELECT e."at" FROM "AuditEvent" e WHERE e."orgId" = ${orgId} AND e."actorId" = u.id ORDER BY e."at" DESC LIMIT 1) IS NOT NULL`;
}

async function present(reader: AuditReader, rows: RawAuditEvent[]): Promise<AuditEntryDto[]> {
  const names = await resolveNames(reader.org.id, mentionedIds(rows));
  const ctx = { orgSlug: reader.org.slug, currency: reader.org.currency, readsPay: reader.readsPay, names };
  return rows.map((row) => presentAuditEvent(row, ctx));
}

/**
 * One page of the trail as sentences, newest first. The audit log page passes its URL filters;
 * a record page's History passes only `{ record }` — the same query, so a History is exactly the
 * log filtered to its record.
 */
export async function listAuditEvents(
  reader: AuditReader,
  filters: AuditFilters,
  cursor: AuditCursor | null = null,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<AuditPage> {
  const { rows, next } = await auditRows(reader.org.id, filters, cursor, pageSize);
  return { events: await present(reader, rows), next };
}

/**
 * Events matching the filters, newest first, raw and as sentences, a batch at a time (the CSV
 * export): each batch continues after the last event read.
 */
export async function* auditEventBatches(
  reader: AuditReader,
  filters: AuditFilters,
  batch = 1000,
): AsyncGenerator<{ raw: RawAuditEvent; entry: AuditEntryDto }[]> {
  let cursor: AuditCursor | null = null;
  do {
    const page: { rows: RawAuditEvent[]; next: AuditCursor | null } = await auditRows(reader.org.id, filters, cursor, batch);
    const entries = await present(reader, page.rows);
    if (page.rows.length) yield page.rows.map((raw, i) => ({ raw, entry: entries[i] }));
    cursor = page.next;
  } while (cursor);
}

const HISTORY_PAGE_SIZE = 20;
const HISTORY_PARAM = "history";

/**
 * A record page's History: the audit log filtered to the record (listAuditEvents with only the
 * record filter), paged by `?history=` in the record page's URL. Every member who can open the
 * record page reads it, with pay withheld as everywhere; the link into the full log is offered
 * only to members with audit:read.
 */
export async function getRecordHistory(
  member: AuditReader & { role: string },
  record: AuditRecordFilter,
  sp: SearchParams,
): Promise<RecordHistoryPage> {
  const cursor = parseAuditCursor(sp, HISTORY_PARAM);
  const page = await listAuditEvents(member, { record }, cursor, HISTORY_PAGE_SIZE);
  const base = `/${member.org.slug}${recordPath(record.type, record.id, null)}`;
  return {
    entries: page.events,
    olderHref: page.next ? `${base}?${new URLSearchParams({ [HISTORY_PARAM]: formatAuditCursor(page.next) })}#history` : null,
    newestHref: cursor ? `${base}#history` : null,
    auditLogHref: can(member.role, "audit:read") ? `/${member.org.slug}/settings/audit?${auditFiltersQuery({ record })}` : null,
  };
}

type AuditOption = { value: string; label: string };

export type AuditFilterOptions = {
  actors: { id: string; name: string; email: string }[];
  entityTypes: AuditOption[];
  actions: AuditOption[];
};

const byLabel = (a: AuditOption, b: AuditOption) => a.label.localeCompare(b.label, "en") || a.value.localeCompare(b.value, "en");

/** What the filter menus offer, in words: only values that occur in this org's trail (GROUP BY in SQL). */
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
  return {
    actors,
    entityTypes: entityTypes.map((e) => ({ value: e.entityType, label: recordTypeLabel(e.entityType) })).sort(byLabel),
    actions: actions.map((a) => ({ value: a.action, label: auditSentence(a.action).label })).sort(byLabel),
  };
}
