import "server-only";

import type { ForecastSource } from "@/lib/budgets/forecast-sql";
import { amounts, type Amounts, type Prepared } from "@/lib/budgets/rollup-prepare";
import { MIN_GROUP_SIZE } from "@/lib/budgets/salary-safe";
import { toDateString } from "@/lib/fiscal";
import { BudgetCategory, type OrgUnitKind } from "@/lib/generated/prisma/enums";
import { centsToNumber } from "@/lib/money";

// The finance views' rows as the pages use them, shaped from the one statement's result rows
// (lib/budgets/rollup.ts builds and runs it): tree order and salary-safe notes, categories with
// their forecast basis, months, top variances. Display only: every amount comes summed from SQL.

export type FinanceTreeRow = Amounts & {
  id: string;
  name: string;
  code: string;
  kind: OrgUnitKind;
  parentId: string | null;
  depth: number;
  /** Note shown when PERSONNEL of this unit is reported on its parent (or absorbed from children). */
  personnelNote: string | null;
};

export type CategoryRow = Amounts & { category: BudgetCategory; forecastBasis: string };
export type MonthRow = { month: string; planCents: number; actualCents: number | null; forecastCents: number; cumPlanCents: number; cumActualCents: number | null; cumForecastCents: number };
export type VarianceRow = Amounts & { unitId: string; unitName: string; unitCode: string; category: BudgetCategory };

// The views of one request are ONE statement: each view is a branch of a UNION ALL over the
// same CTEs, so PostgreSQL materializes the facts and the forecast once (a CTE referenced more
// than once is computed once) instead of once per view. Every branch has the same columns; the
// `part` column says which view a row belongs to.
export type ViewRow = {
  /** Index of the requested period (getFinanceViews) */
  view: number;
  part: "tree" | "cat" | "month" | "top";
  /** tree: unit id; cat: category (NULL = the scope's total); month: ISO month; top: unit id */
  key: string | null;
  /** top: the category */
  key2: string | null;
  plan: bigint;
  actual: bigint;
  forecast: bigint;
  variancePct: number | null;
  cumPlan: bigint | null;
  cumActual: bigint | null;
  cumForecast: bigint | null;
  sources: Partial<Record<ForecastSource, number>> | null;
};

/** The org tree (subtree of scope.unitId) with rolled-up amounts, in tree order. */
export function treeRows(p: Prepared, rows: ViewRow[]): FinanceTreeRow[] {
  const byId = new Map(p.units.map((u) => [u.id, u]));
  const amountsById = new Map(rows.filter((r) => r.part === "tree").map((r) => [r.key!, amounts(r)]));
  const absorbed = new Map<string, string[]>();
  // Notes only where people are involved: a unit without anyone in post has no pay to protect.
  const staffed = (id: string) => (p.headcount.get(id) ?? 0) > 0;
  for (const [from, to] of p.reportTo) if (from !== to && staffed(from)) absorbed.set(to, [...(absorbed.get(to) ?? []), byId.get(from)?.name ?? from]);

  // Tree order (display only): depth-first from the subtree root(s), children by name.
  const children = new Map<string | null, typeof p.units>();
  for (const u of p.units) if (amountsById.has(u.id)) {
    const parent = u.parentId && amountsById.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: FinanceTreeRow[] = [];
  const walk = (parent: string | null) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      const to = p.reportTo.get(u.id);
      const note =
        to && to !== u.id && staffed(u.id)
          ? `Personnel cost of fewer than ${MIN_GROUP_SIZE} people is included in ${byId.get(to)?.name ?? "the parent unit"}.`
          : absorbed.has(u.id)
            ? `Includes the personnel cost of ${absorbed.get(u.id)!.join(", ")} (fewer than ${MIN_GROUP_SIZE} people each).`
            : null;
      out.push({ id: u.id, name: u.name, code: u.code, kind: u.kind, parentId: u.parentId, depth: u.depth, personnelNote: note, ...amountsById.get(u.id)! });
      walk(u.id);
    }
  };
  walk(null);
  return out;
}

export function categoryRows(rows: ViewRow[]): { categories: CategoryRow[]; totals: Amounts } {
  const cats = rows.filter((r) => r.part === "cat");
  const order = Object.keys(BudgetCategory);
  const total = cats.find((r) => r.key === null);
  const categories = cats
    .filter((r) => r.key !== null)
    .map((r) => ({ category: r.key as BudgetCategory, forecastBasis: describeBasis(r.key as BudgetCategory, r.sources), ...amounts(r) }))
    .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category));
  return { categories, totals: total ? amounts(total) : amounts({ plan: 0n, actual: 0n, forecast: 0n, variancePct: null }) };
}

// The run-rate's window is an org setting, shown with the forecast's assumptions (components/budgets/forecast-assumptions.tsx).
export const SOURCE_LABEL: Record<ForecastSource, string> = { people: "people & positions", plan: "plan", trend: "run-rate", contracts: "contracts", booked: "booked so far" };

function describeBasis(category: BudgetCategory, sources: Partial<Record<ForecastSource, number>> | null): string {
  if (category === "PERSONNEL") return "People & positions at loaded cost, by day in post";
  const entries = Object.entries(sources ?? {}) as [ForecastSource, number][];
  if (entries.length === 0) return "No open months";
  const total = entries.reduce((a, [, n]) => a + n, 0);
  return entries
    .sort((a, b) => b[1] - a[1])
    .map(([s, n]) => `${SOURCE_LABEL[s]} ${Math.round((n * 100) / total)}%`)
    .join(" · ");
}

export function monthRows(p: Prepared, rows: ViewRow[]): MonthRow[] {
  const current = toDateString(p.currentMonth);
  return rows
    .filter((r) => r.part === "month")
    .sort((a, b) => a.key!.localeCompare(b.key!))
    .map((r) => {
      const closedOrCurrent = r.key! <= current;
      return {
        month: r.key!,
        planCents: centsToNumber(r.plan),
        actualCents: closedOrCurrent ? centsToNumber(r.actual) : null,
        forecastCents: centsToNumber(r.forecast),
        cumPlanCents: centsToNumber(r.cumPlan),
        cumActualCents: closedOrCurrent ? centsToNumber(r.cumActual) : null,
        cumForecastCents: centsToNumber(r.cumForecast),
      };
    });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function topVariances(p: Prepared, rows: ViewRow[]): VarianceRow[] {
  const byId = new Map(p.units.map((u) => [u.id, u]));
  // Largest |forecast − plan| first (the SQL's order; UNION ALL keeps no order, so sort again).
  return rows
    .filter((r) => r.part === "top")
    .map((r) => ({ unitId: r.key!, unitName: byId.get(r.key!)?.name ?? "", unitCode: byId.get(r.key!)?.code ?? "", category: r.key2 as BudgetCategory, ...amounts(r) }))
    .sort((a, b) => Math.abs(b.varianceCents) - Math.abs(a.varianceCents) || cmp(a.unitId, b.unitId) || cmp(a.category, b.category));
}

