import "server-only";

import { periodMonths, resolvePeriod, type PeriodKey } from "@/lib/budgets/period";
import type { PlanCoverage } from "@/lib/budgets/plan-coverage";
import { forecastSummaryCovers } from "@/lib/budgets/forecast-summary";
import { loadFinanceUnits, prepare, scopeForecastWindow, type Amounts, type FinanceScope } from "@/lib/budgets/rollup-prepare";
import {
  categoryRows,
  monthRows,
  topVariances,
  treeRows,
  type CategoryRow,
  type FinanceTreeRow,
  type MonthRow,
  type VarianceRow,
  type ViewRow,
} from "@/lib/budgets/rollup-rows";
import { asOfReaderUnits } from "@/lib/budgets/tree-asof";
import type { TreeBasis } from "@/lib/budgets/tree-basis";
import { viewSql } from "@/lib/budgets/rollup-views-sql";
import { db } from "@/lib/db";
import { memoFigures, type DataTable } from "@/lib/figures-memo";
import { fiscalYearRange, toDateString } from "@/lib/fiscal";
import type { Grain } from "@/lib/privacy/disclosure";
import { ensurePublished, PUBLICATION_TABLES, type Publication } from "@/lib/privacy/publication";
import { computePayDisclosure, DISCLOSURE_TABLES } from "@/lib/privacy/queries";

// Plan, actual, forecast and variance for any org-unit subtree × fiscal period × category.
// The views (tree, categories, months, top variances) of one call are ONE SQL statement over the
// same facts (lib/budgets/rollup-prepare.ts: the plan and ledger summary + the forecast
// computed in SQL), summed up the tree through OrgUnitClosure. JS never sums amounts. The facts
// are the same for every reader of the same forecast: readers without pay access read the
// published one (lib/privacy/publication.ts), and lib/budgets/rollup-rows.ts then withholds the
// personnel figures that lib/privacy/disclosure.ts does not allow.

export type { Amounts, FinanceScope } from "@/lib/budgets/rollup-prepare";
export type { CategoryRow, FinanceTreeRow, MonthRow, VarianceRow } from "@/lib/budgets/rollup-rows";

export type { PlanCoverage } from "@/lib/budgets/plan-coverage";

export type FinanceView = {
  period: { key: PeriodKey; label: string; start: string; end: string; months: number };
  currentMonth: string;
  /** How much of the period the scope's plan covers (lib/budgets/plan-coverage.ts). */
  plan: PlanCoverage;
  tree: FinanceTreeRow[];
  totals: Amounts;
  categories: CategoryRow[];
  months: MonthRow[];
  top: VarianceRow[];
  salarySafe: boolean;
  /** Which org tree the view rolls up along: today's (restated) or, for a closed period, the one of its last day. */
  basis: TreeBasis;
  /** The publication whose forecast the view shows (null: the live forecast, or a year without open months). */
  published: Publication | null;
  /** For a reader without pay access: the grain of the scope's personnel figures (null: withheld), and the minimum group. */
  disclosure: { grain: Grain | null; minGroup: number } | null;
};

/** `children`: the tree's rows of the scope root's children only (the roots for the whole org). */
export type FinancePart = "categories" | "tree" | "children" | "months" | "top";

/**
 * The finance views of one scope and period. `parts` limits which of the categories, tree, months
 * and top variances are computed (the totals always are).
 */
export async function getFinanceView(input: FinanceScope, opts: { parts?: FinancePart[] } = {}): Promise<FinanceView> {
  const [view] = await getFinanceViews(input, [{ period: input.period, parts: opts.parts ?? ["categories", "tree", "months", "top"] }]);
  return view;
}

/** The tables the live finance figures read (memo versions). */
const LIVE_TABLES: readonly DataTable[] = [
  ...new Set<DataTable>([
    "ActualEntry",
    "ActualMonthly",
    "BudgetLine",
    "Contract",
    "MoneyMonthly",
    "Organization",
    "OrgUnit",
    "OrgUnitClosure",
    "OrgUnitHistory",
    "Person",
    "Position",
    ...DISCLOSURE_TABLES,
  ]),
];

/** The tables finance figures read, published forecast included (tests/integration/figures-memo.test.ts checks the SQL). */
export const FINANCE_TABLES: readonly DataTable[] = [...new Set<DataTable>([...LIVE_TABLES, ...PUBLICATION_TABLES])];

/**
 * Several periods of ONE fiscal year (the dashboard shows a quarter and the year) in one
 * statement: the facts and the forecast are computed once, for the span of the periods (the
 * year when they differ), and each view sums its own months. `input.period` is not used.
 */
export async function getFinanceViews(
  input: FinanceScope,
  requests: { period: PeriodKey; parts: FinancePart[] }[],
): Promise<FinanceView[]> {
  // Memoized per org data version (lib/figures-memo.ts); whether the reader reads pay decides what is withheld.
  const { orgId, startMonth, fiscalYear, unitId, category, payReader, today, tree } = input;
  // The published forecast (docs/privacy.md rule 7) for readers without pay access, and for a pay
  // reader who asks for it; only a year with open months has a forecast to publish.
  const yearEnd = fiscalYearRange(fiscalYear, startMonth).end;
  const open = yearEnd >= new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const published = open && (!payReader || input.forecast === "published") ? await ensurePublished(orgId, startMonth, today) : null;
  return memoFigures(
    orgId,
    "finance-views",
    [startMonth, fiscalYear, unitId, category, payReader, toDateString(today), tree ?? "restated", published?.version ?? 0, requests],
    published ? FINANCE_TABLES : LIVE_TABLES,
    () => computeFinanceViews(input, requests, published),
  );
}

async function computeFinanceViews(
  input: FinanceScope,
  requests: { period: PeriodKey; parts: FinancePart[] }[],
  published: Publication | null,
): Promise<FinanceView[]> {
  const keys = [...new Set(requests.map((r) => r.period))];
  const scope = { ...input, period: keys.length === 1 ? keys[0] : "year" };
  // The forecast as the writers stored it when it is current (lib/budgets/forecast-summary.ts), else computed.
  const stored = await forecastSummaryCovers(scopeForecastWindow(scope, published?.version ?? null));
  const s = prepare(scope, published?.version ?? null, stored);
  const specs = requests.map((r) => ({
    period: resolvePeriod(r.period, input.fiscalYear, input.startMonth, input.today),
    want: new Set(r.parts),
  }));
  for (const spec of specs)
    if (spec.period.start < s.period.start || spec.period.end > s.period.end) throw new Error("Finance views of different fiscal years");
  // The units (with, for a reader without pay access, the disclosure: one statement) are read beside the statement.
  // The disclosure's units are today's tree: "as it was" reads the tree of its day beside them (lib/budgets/tree-asof.ts).
  const [all, { units, disclosure }, asof] = await Promise.all([
    db.$queryRaw<(Omit<ViewRow, "part"> & { part: ViewRow["part"] | "plan" })[]>(viewSql(s, specs)),
    input.payReader
      ? loadFinanceUnits(input.orgId, s.basis).then((units) => ({ units, disclosure: null }))
      : // The disclosure judges every unit; the tree lists the ones a pay reader's lists (the same rows for every reader).
        computePayDisclosure(input.orgId, input.fiscalYear, input.startMonth, input.today, published?.version ?? null).then((d) => ({
          units: d.units.filter((u) => u.listed),
          disclosure: d.disclosure,
        })),
    asOfReaderUnits(input.orgId, s.basis, input.payReader),
  ]);
  const p = { ...s, units: asof?.units ?? units, disclosure, changedSince: asof?.changedSince ?? null };
  return specs.map((spec, i) => {
    const mine = all.filter((r) => r.view === i);
    const rows = mine.filter((r): r is ViewRow => r.part !== "plan");
    const planRow = mine.find((r) => r.part === "plan");
    const view = { p, period: spec.period };
    const { categories, totals } = categoryRows(view, rows);
    const months = periodMonths(spec.period);
    return {
      period: {
        key: spec.period.key,
        label: spec.period.label,
        start: toDateString(spec.period.start),
        end: toDateString(spec.period.end),
        months,
      },
      currentMonth: toDateString(p.currentMonth),
      plan: { lines: Number(planRow?.plan ?? 0), months: Number(planRow?.actual ?? 0), periodMonths: months },
      tree: spec.want.has("tree") || spec.want.has("children") ? treeRows(view, rows) : [],
      totals,
      categories,
      months: monthRows(view, rows),
      top: topVariances(view, rows),
      salarySafe: !input.payReader,
      basis: s.basis,
      published,
      disclosure: disclosure
        ? {
            grain: input.unitId === null ? disclosure.orgGrain : (disclosure.unitGrain.get(input.unitId) ?? null),
            minGroup: disclosure.minGroup,
          }
        : null,
    };
  });
}

/** Single views (for tests). */
export async function getFinanceTree(input: FinanceScope): Promise<FinanceTreeRow[]> {
  return (await getFinanceView(input, { parts: ["tree"] })).tree;
}
export async function getFinanceCategories(input: FinanceScope): Promise<CategoryRow[]> {
  return (await getFinanceView(input, { parts: ["categories"] })).categories;
}
