import { Badge, type BadgeProps } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";
import type { UpdateState } from "@/lib/projects/staleness";

export type UpdateBadge = { variant: NonNullable<BadgeProps["variant"]>; label: string; title: string };

/** The badge of an update state: "Update due Nov 27, 2026", "Stale · 2 missed cycles"; null when current or not required. */
export function updateBadge(state: UpdateState): UpdateBadge | null {
  if (state.state === "due") {
    const due = `Update due ${formatDate(state.dueDate)}`;
    return { variant: state.overdue ? "warning" : "secondary", label: state.overdue ? "Update overdue" : due, title: due };
  }
  if (state.state === "stale") {
    return {
      variant: "danger",
      label: `Stale · ${state.missedCycles} missed ${state.missedCycles === 1 ? "cycle" : "cycles"}`,
      title: `No update since before ${formatDate(state.staleSince)}`,
    };
  }
  return null;
}

/** An update state as a badge (see updateBadge) — nothing when the project is current or needs no updates. */
export function UpdateStateBadge({ state }: { state: UpdateState }) {
  const badge = updateBadge(state);
  return badge ? (
    <Badge variant={badge.variant} title={badge.title}>
      {badge.label}
    </Badge>
  ) : null;
}
