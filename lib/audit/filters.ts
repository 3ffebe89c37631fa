import { z } from "zod";

import { isHistoryType, type HistoryType } from "@/lib/audit/records";
import { parseSearch, type SearchParams as PageSearchParams, zParam } from "@/lib/search-params";

// Audit log filters as they appear in the URL (?actor=&entity=&action=&record=&from=&to=&before=):
// parsed once here for the page and the CSV export, so both show exactly the same events. A
// record page's History is the same log with only the record filter set.

export type AuditFilters = {
  actor?: string;
  entity?: string;
  action?: string;
  /** One record and the events that belong to its history (lib/audit/records.ts HISTORY_RELATED); in the URL as "Project:<id>". */
  record?: AuditRecordFilter;
  /** Inclusive calendar dates (UTC), YYYY-MM-DD. */
  from?: string;
  to?: string;
};

export type AuditRecordFilter = { type: HistoryType; id: string };

/** Keyset cursor: the (at, id) of the last event on the previous page, newest first. */
export type AuditCursor = { at: Date; id: string };

type SearchParams = PageSearchParams | URLSearchParams;

// A value of at most 200 characters once trimmed; a longer one is not a filter anyone typed.
const one = zParam().transform((v) => {
  const value = v?.trim();
  return value && value.length <= 200 ? value : undefined;
});

function isoDate(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  // Rejects 2026-02-30 and the like: the date must survive a round trip.
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : undefined;
}

function recordFilter(value: string | undefined): AuditRecordFilter | undefined {
  const match = value?.match(/^([A-Za-z]+):([A-Za-z0-9_-]{1,64})$/);
  return match && isHistoryType(match[1]) ? { type: match[1], id: match[2] } : undefined;
}

export function formatRecordFilter(record: AuditRecordFilter): string {
  return `${record.type}:${record.id}`;
}

const ZAuditFilters = z
  .object({
    actor: one,
    entity: one,
    action: one,
    record: one.transform(recordFilter),
    from: one.transform(isoDate),
    to: one.transform(isoDate),
  })
  .transform((filters) => Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as AuditFilters);

export function parseAuditFilters(sp: SearchParams): AuditFilters {
  return parseSearch(ZAuditFilters, sp);
}

/** The keyset cursor in `key` (the log's "before"; a record page's History uses "history"). */
export function parseAuditCursor(sp: SearchParams, key = "before"): AuditCursor | null {
  const raw = parseSearch(z.object({ [key]: one }), sp)[key];
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
  const { record, ...rest } = filters;
  const entries = Object.entries(rest).filter((e): e is [string, string] => typeof e[1] === "string");
  if (record) entries.push(["record", formatRecordFilter(record)]);
  return new URLSearchParams(entries).toString();
}
