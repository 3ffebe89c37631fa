import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";
import type { UpdateState } from "@/lib/projects/staleness";

/** "Update due Fri", "Stale · 2 cycles" — nothing when the project is current or needs no updates. */
export function UpdateStateBadge({ state }: { state: UpdateState }) {
  if (state.state === "due") {
    return (
      <Badge variant={state.overdue ? "warning" : "secondary"} title={`Update due ${formatDate(state.dueDate)}`}>
        {state.overdue ? "Update overdue" : `Update due ${formatDate(state.dueDate)}`}
      </Badge>
    );
  }
  if (state.state === "stale") {
    return (
      <Badge variant="danger" title={`No update since before ${formatDate(state.staleSince)}`}>
        Stale · {state.missedCycles} missed {state.missedCycles === 1 ? "cycle" : "cycles"}
      </Badge>
    );
  }
  return null;
}
