import { toDateString } from "@/lib/fiscal";
import { formatDate } from "@/lib/format";

// Which org tree a money view rolls up along (docs/figures.md "Tree basis"). By default every
// period is restated: it rolls up along today's tree, so a reorg moves past money with the units.
// A closed period can instead be seen as it was: along the tree as it stood on the period's last
// day (the unit history). Only closed periods, because only their facts are final: a reorg never
// rewrites a closed month's ledger or plan lines, so "as it was" is the same facts summed along
// yesterday's tree, and it equals what the period showed before the reorg.

export type TreeMode = "restated" | "asof";

export type TreeBasis =
  | { mode: "restated"; /** "as it was" was asked for a period that has not closed. */ asofRefused: boolean }
  | { mode: "asof"; /** The day whose tree the view rolls up along: the period's last day. */ on: string };

export function parseTreeMode(value: string | null | undefined): TreeMode {
  return value === "asof" ? "asof" : "restated";
}

/** Whether a period is closed on `today`: it ends before today's month starts (and has a month). */
export function periodClosed(period: { start: Date; end: Date }, today: Date): boolean {
  const currentMonth = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1);
  return period.end.getTime() >= period.start.getTime() && period.end.getTime() < currentMonth;
}

/** The basis a view of `period` gets when `mode` is asked for: "as it was" only for a closed period. */
export function treeBasis(mode: TreeMode | undefined, period: { start: Date; end: Date }, today: Date): TreeBasis {
  if (mode !== "asof") return { mode: "restated", asofRefused: false };
  if (!periodClosed(period, today)) return { mode: "restated", asofRefused: true };
  return { mode: "asof", on: toDateString(period.end) };
}

/** What every money view says about its tree. */
export function treeBasisLabel(b: TreeBasis): string {
  return b.mode === "asof" ? `As it was (org tree of ${formatDate(b.on)})` : "Restated (current tree)";
}

/** The sentence under the label. */
export function treeBasisNote(b: TreeBasis): string {
  if (b.mode === "asof") return `Every unit rolls up along the org tree as it stood on ${formatDate(b.on)}, the period's last day.`;
  if (b.asofRefused)
    return "Every period rolls up along today's org tree. “As it was” is only for a closed period: this one has not closed.";
  return "Every period rolls up along today's org tree.";
}
