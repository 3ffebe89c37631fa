import { firstParam, type SearchParams as PageSearchParams } from "@/lib/search-params";

// Audit log filters as they appear in the URL (?actor=&entity=&action=&from=&to=&before=):
// parsed once here for the page and the CSV export, so both show exactly the same events.

export type AuditFilters = {
  actor?: string;
  entity?: string;
  action?: string;
  /** Inclusive calendar dates (UTC), YYYY-MM-DD. */
  from?: string;
  to?: string;
};

/** Keyset cursor: the (at, id) of the last event on the previous page, newest first. */
export type AuditCursor = { at: Date; id: string };

type SearchParams = PageSearchParams | URLSearchParams;

function one(sp: SearchParams, key: string): string | undefined {
  const value = firstParam(sp, key)?.trim();
  return value && value.length <= 200 ? value : undefined;
}

function isoDate(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  // Rejects 2026-02-30 and the like: the date must survive a round trip.
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : undefined;
}

export function parseAuditFilters(sp: SearchParams): AuditFilters {
  const filters: AuditFilters = {
    actor: one(sp, "actor"),
    entity: one(sp, "entity"),
    action: one(sp, "action"),
    from: isoDate(one(sp, "from")),
    to: isoDate(one(sp, "to")),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as AuditFilters;
}

export function parseAuditCursor(sp: SearchParams): AuditCursor | null {
  const raw = one(sp, "before");
  const match = raw?.match(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([A-Za-z0-9_-]{1,64})$/);
  if (!match) return null;
  const at = new Date(match[1]);
  return Number.isNaN(at.getTime()) ? null : { at, id: match[2] };
}

export function formatAuditCursor(cursor: AuditCursor): string {
  return `${cursor.at.toISOString()}_${cursor.id}`;
}

/** The filters as a query string (without the cursor), for links and the export. */
export function auditFiltersQuery(filters: AuditFilters): string {
  return new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string")).toString();
}
