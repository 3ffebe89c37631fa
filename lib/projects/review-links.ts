// Links to the delivery review (/[org]/projects/review), scoped like the figure that links there:
// ?unit= for a unit's subtree (none: the whole org), an anchor for the list.

export type ReviewAnchor = "at-risk" | "stale" | "due" | "awaiting" | "mine";

export function reviewHref(orgSlug: string, unitId: string | null, anchor?: ReviewAnchor): string {
  const q = unitId ? `?${new URLSearchParams({ unit: unitId })}` : "";
  return `/${orgSlug}/projects/review${q}${anchor ? `#${anchor}` : ""}`;
}
