import type { FinanceTreeRow } from "@/lib/budgets/rollup";

// Shared by server and client components (no "use client" here on purpose).
//
// The finance tree crosses to the client as tuples, not objects: a large org's tree has hundreds
// of rows of which only the top levels are open at first, and as objects their keys were half
// of what the page carried for it (serialized by the server, parsed for the HTML render and again
// in the browser). React's RSC payload has no columnar form, so this one is written by hand.

/** [id, name, code, parentId, depth, withheld, plan, actual, forecast, variance, variance %] (null amounts: withheld) */
export type FinanceTreeTuple = [
  string,
  string,
  string,
  string | null,
  number,
  string | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
];

export type FinanceTreeItem = Omit<FinanceTreeRow, "kind">;

export function toTreeTuples(rows: FinanceTreeRow[]): FinanceTreeTuple[] {
  return rows.map((r) => [
    r.id,
    r.name,
    r.code,
    r.parentId,
    r.depth,
    r.withheld,
    r.planCents,
    r.actualCents,
    r.forecastCents,
    r.varianceCents,
    r.variancePct,
  ]);
}

export function fromTreeTuples(rows: FinanceTreeTuple[]): FinanceTreeItem[] {
  return rows.map(([id, name, code, parentId, depth, withheld, planCents, actualCents, forecastCents, varianceCents, variancePct]) => ({
    id,
    name,
    code,
    parentId,
    depth,
    withheld,
    planCents,
    actualCents,
    forecastCents,
    varianceCents,
    variancePct,
  }));
}
