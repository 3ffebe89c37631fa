// Before/after of an AuditEvent as a list of changed fields (pure: shared by the viewer and the
// CSV export, unit-tested). Values are shown as text; nested objects as compact JSON.

export type FieldChange = { field: string; before: string | null; after: string | null };

function asRecord(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  return { value };
}

function displayValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

/**
 * Only fields whose value differs: a field present on one side only is a change from/to
 * nothing (null). Keys keep the order they first appear in (before, then after).
 */
export function diffAudit(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before) ?? {};
  const a = asRecord(after) ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changes: FieldChange[] = [];
  for (const field of keys) {
    const old = displayValue(b[field]);
    const next = displayValue(a[field]);
    if (old !== next) changes.push({ field, before: old, after: next });
  }
  return changes;
}

/** One line for a CSV cell: "field: old → new; …". */
export function changesToText(changes: FieldChange[]): string {
  return changes.map((c) => `${c.field}: ${c.before ?? "∅"} → ${c.after ?? "∅"}`).join("; ");
}
