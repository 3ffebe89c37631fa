import type { LinesKind } from "@/lib/budgets/lines-query";

// A PERSONNEL ledger line can be one person's payroll, and a PERSONNEL plan line of a small unit
// its people's pay; the lines behind a money figure (/[org]/budgets/lines, its CSV export and the
// drill links to them) hide them from roles that may not read pay. This is the one place that
// decides it, per kind, so the plan rule can be refined without touching the lists.

/** Whether a reader is shown PERSONNEL lines (rows and totals) of this kind: pay readers only (docs/privacy.md). */
export function personnelLinesVisible(reader: { readsPay: boolean }, kind: LinesKind = "actual"): boolean {
  switch (kind) {
    case "actual":
    case "plan":
      return reader.readsPay;
  }
}

export const PERSONNEL_HIDDEN_NOTE = "Personnel lines are shown only to roles that may read pay.";
