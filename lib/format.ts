import { formatDistanceStrict } from "date-fns";

// Display helpers shared by server pages and client tables (no server-only imports here).

const dateFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", timeZone: "UTC" });

/** "2026-11-27" or an ISO timestamp → "Nov 27, 2026" (calendar dates are UTC). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  return dateFormat.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));
}

/** "2026-11-30" → "November 2026" */
export function formatMonth(iso: string): string {
  return monthFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/**
 * "3 days ago", relative to `nowIso` passed down from the server so that server and client
 * render the same text (no hydration mismatch, no clock drift between them).
 */
export function formatRelative(iso: string | null | undefined, nowIso: string): string {
  if (!iso) return "Never";
  return formatDistanceStrict(new Date(iso), new Date(nowIso), { addSuffix: true, roundingMethod: "floor" });
}

/** ENUM_VALUE → "Enum value" */
export function humanize(value: string): string {
  const s = value.replace(/_/g, " ").toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** 12.3 → "+12.3%", null → "—" */
export function formatPercent(value: number | null | undefined, opts: { signed?: boolean } = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const sign = opts.signed && value > 0 ? "+" : "";
  return `${sign}${value.toFixed(1)}%`;
}

/** "1 project", "2 projects" (and "1 person", "3 people" with an explicit plural). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
