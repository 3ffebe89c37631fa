import "server-only";

import type { ForecastSource } from "@/lib/budgets/forecast-sql";
import type { Period } from "@/lib/budgets/period";
import { amounts, type Amounts, type Prepared, type ShownAmounts } from "@/lib/budgets/rollup-prepare";
import { fiscalYearLabel, toDateString } from "@/lib/fiscal";
import { BudgetCategory, type OrgUnitKind } from "@/lib/generated/prisma/enums";
import { centsToNumber } from "@/lib/money";
import { alignedWithGrain, type Grain } from "@/lib/privacy/disclosure";

// The finance views' rows as the pages use them, shaped from the one statement's result rows
// (lib/budgets/rollup.ts builds and runs it): tree order, categories with their forecast basis,
// months, top variances. Display only: every amount comes summed from SQL. For a reader without
// pay access, the personnel figures lib/privacy/disclosure.ts does not allow are withheld here
// (null, with the reason), never changed.

export type FinanceTreeRow = Amounts & {
  id: string;
  name: string;
  code: string;
  kind: OrgUnitKind;
  parentId: string | null;
  depth: number;
};

export type CategoryRow = Amounts & { category: BudgetCategory; forecastBasis: string };
export type MonthRow = {
  month: string;
  planCents: number | null;
  actualCents: number | null;
  forecastCents: number | null;
  cumPlanCents: number | null;
  cumActualCents: number | null;
  cumForecastCents: number | null;
};
/** A top variance is listed only where it may be shown: its amounts are never withheld. */
export type VarianceRow = ShownAmounts & { unitId: string; unitName: string; unitCode: string; category: BudgetCategory };

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

/** One requested view: the prepared statement and the period the view shows. */
export type ViewContext = { p: Prepared; period: Period };

/** How many top variances a view lists. */
export const TOP_LIMIT = 8;

const GRAIN_WORD: Record<Grain, string> = { month: "month", quarter: "quarter", year: "fiscal year" };

/** What a reader without pay access may not see of a personnel-bearing figure of this unit (null = the whole org). */
function withholding(v: ViewContext, unitId: string | null): { all: string | null; actuals: string | null } {
  const d = v.p.disclosure;
  const personnelBearing = v.p.scope.category === null || v.p.scope.category === "PERSONNEL";
  if (!d || !personnelBearing) return { all: null, actuals: null };
  const names = new Map(v.p.units.map((u) => [u.id, u.name]));
  if (unitId !== null && v.p.changedSince?.has(unitId)) {
    // Shown beside the restated figure, it would give away the pay of the units that moved.
    return {
      all: `Not shown to roles without pay access as it was: ${names.get(unitId) ?? "this unit"}'s units have changed since, and the difference from today's tree would show pay.`,
      actuals: null,
    };
  }
  const grain = unitId === null ? d.orgGrain : (d.unitGrain.get(unitId) ?? null);
  if (!grain) {
    const to = unitId === null ? null : d.includedIn.get(unitId);
    const toName = to ? (names.get(to) ?? "the unit above") : "the whole organization";
    const where = to ? `in ${toName}'s figures` : unitId === null ? "" : "in the whole organization's figures";
    if (unitId !== null && d.complementary.has(unitId)) {
      return {
        all: `Not shown to roles without pay access: with it, ${toName}'s own figures would show the pay of fewer than ${d.minGroup} people. Included ${where}.`,
        actuals: null,
      };
    }
    return {
      all: `Not shown to roles without pay access: it would show the pay of fewer than ${d.minGroup} people${where ? `. Included ${where}` : ""}.`,
      actuals: null,
    };
  }
  const first = toDateString(v.period.start).slice(0, 8) + "01";
  const last = toDateString(v.period.end).slice(0, 8) + "01";
  if (!alignedWithGrain(grain, d.yearMonths, first, last)) {
    return {
      all: null,
      actuals: `Actual and forecast including personnel are shown by ${GRAIN_WORD[grain]} here to roles without pay access (${fiscalYearLabel(d.fiscalYear)}): a shorter period would show individual pay.`,
    };
  }
  return { all: null, actuals: null };
}

/** The amounts as this reader may see them. */
function visible(a: Amounts, w: { all: string | null; actuals: string | null }): Amounts {
  if (w.all) return { planCents: null, actualCents: null, forecastCents: null, varianceCents: null, variancePct: null, withheld: w.all };
  if (w.actuals) return { ...a, actualCents: null, forecastCents: null, varianceCents: null, variancePct: null, withheld: w.actuals };
  return a;
}

/** The org tree (subtree of scope.unitId) with rolled-up amounts, in tree order. */
export function treeRows(v: ViewContext, rows: ViewRow[]): FinanceTreeRow[] {
  const { p } = v;
  const amountsById = new Map(rows.filter((r) => r.part === "tree").map((r) => [r.key!, amounts(r)]));

  // Tree order (display only): depth-first from the subtree root(s), children by name.
  const children = new Map<string | null, typeof p.units>();
  for (const u of p.units)
    if (amountsById.has(u.id)) {
      const parent = u.parentId && amountsById.has(u.parentId) ? u.parentId : null;
      children.set(parent, [...(children.get(parent) ?? []), u]);
    }
  const out: FinanceTreeRow[] = [];
  const walk = (parent: string | null) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({
        id: u.id,
        name: u.name,
        code: u.code,
        kind: u.kind,
        parentId: u.parentId,
        depth: u.depth,
        ...visible(amountsById.get(u.id)!, withholding(v, u.id)),
      });
      walk(u.id);
    }
  };
  walk(null);
  return out;
}

export function categoryRows(v: ViewContext, rows: ViewRow[]): { categories: CategoryRow[]; totals: Amounts } {
  const cats = rows.filter((r) => r.part === "cat");
  const order = Object.keys(BudgetCategory);
  const scopeWithheld = withholding(v, v.p.scope.unitId);
  const total = cats.find((r) => r.key === null);
  const categories = cats
    .filter((r) => r.key !== null)
    .map((r) => {
      const category = r.key as BudgetCategory;
      const a = amounts(r);
      return { category, forecastBasis: describeBasis(category, r.sources), ...(category === "PERSONNEL" ? visible(a, scopeWithheld) : a) };
    })
    .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category));
  const totals = total ? amounts(total) : amounts({ plan: 0n, actual: 0n, forecast: 0n, variancePct: null });
  return { categories, totals: visible(totals, scopeWithheld) };
}

// The run-rate's window is an org setting, shown with the forecast's assumptions (components/budgets/forecast-assumptions.tsx).
const SOURCE_LABEL: Record<ForecastSource, string> = {
  people: "people & positions",
  plan: "plan",
  trend: "run-rate",
  contracts: "contracts",
  booked: "booked so far",
};

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

/**
 * The scope's months. For a reader without pay access, actual and forecast (and their running
 * totals) appear only at the end of each period of the disclosure's grain, and nothing
 * personnel-bearing for a withheld scope.
 */
export function monthRows(v: ViewContext, rows: ViewRow[]): MonthRow[] {
  const { p } = v;
  const current = toDateString(p.currentMonth);
  const w = withholding(v, p.scope.unitId);
  const d = p.disclosure;
  const personnelBearing = p.scope.category === null || p.scope.category === "PERSONNEL";
  const scopeGrain = d && personnelBearing ? (p.scope.unitId === null ? d.orgGrain : (d.unitGrain.get(p.scope.unitId) ?? null)) : "month";
  const size = ({ month: 1, quarter: 3, year: 12 } as const)[scopeGrain ?? "year"];
  return rows
    .filter((r) => r.part === "month")
    .sort((a, b) => a.key!.localeCompare(b.key!))
    .map((r) => {
      const closedOrCurrent = r.key! <= current;
      const index = d ? d.yearMonths.indexOf(r.key!) : 0;
      const shown = !w.all && (size === 1 || (index >= 0 && (index + 1) % size === 0));
      return {
        month: r.key!,
        planCents: w.all ? null : centsToNumber(r.plan),
        actualCents: shown && closedOrCurrent && size === 1 ? centsToNumber(r.actual) : null,
        forecastCents: shown && size === 1 ? centsToNumber(r.forecast) : null,
        cumPlanCents: w.all ? null : centsToNumber(r.cumPlan),
        cumActualCents: shown && closedOrCurrent ? centsToNumber(r.cumActual) : null,
        cumForecastCents: shown ? centsToNumber(r.cumForecast) : null,
      };
    });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Largest |forecast − plan| per unit × category (the unit's own lines). A reader without pay
 * access sees a Personnel row only where that unit's own Personnel is a published group.
 */
export function topVariances(v: ViewContext, rows: ViewRow[]): VarianceRow[] {
  const { p } = v;
  const byId = new Map(p.units.map((u) => [u.id, u]));
  const d = p.disclosure;
  // The unit's own Personnel stands alone at its own grain, and the view's period is made of whole such periods.
  const ownShown = (unitId: string) => {
    const g = d?.ownGrain.get(unitId);
    return (
      !!g &&
      alignedWithGrain(g, d!.yearMonths, toDateString(v.period.start).slice(0, 8) + "01", toDateString(v.period.end).slice(0, 8) + "01")
    );
  };
  return rows
    .filter((r) => r.part === "top")
    .filter((r) => !d || r.key2 !== "PERSONNEL" || ownShown(r.key!))
    .map((r) => ({
      unitId: r.key!,
      unitName: byId.get(r.key!)?.name ?? "",
      unitCode: byId.get(r.key!)?.code ?? "",
      category: r.key2 as BudgetCategory,
      ...amounts(r),
    }))
    .sort((a, b) => Math.abs(b.varianceCents) - Math.abs(a.varianceCents) || cmp(a.unitId, b.unitId) || cmp(a.category, b.category))
    .slice(0, TOP_LIMIT);
}
