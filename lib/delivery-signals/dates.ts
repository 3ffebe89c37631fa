// Timestamps as the services write them. APIs use ISO 8601 (Jira's offset without a colon,
// "+0100", is normalized); exports use their own layouts (jira-csv.ts, linear-csv.ts).

/** An ISO 8601 instant, also with a "+hhmm" offset; null when empty or not a date. */
export function parseIsoInstant(value: unknown): Date | null {
  if (typeof value !== "string" || !value.trim()) return null;
  const text = value.trim().replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}
