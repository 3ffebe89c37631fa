import "server-only";

import type { ForecastSource } from "@/lib/budgets/forecast-sql";
import type { PeriodKey } from "@/lib/budgets/period";
import { amounts, prepare, SUMS, type Amounts, type FinanceBase, type FinanceScope, type Prepared, type RawAmounts } from "@/lib/budgets/rollup-prepare";
import { MIN_GROUP_SIZE } from "@/lib/budgets/salary-safe";
import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { BudgetCategory, type OrgUnitKind } from "@/lib/generated/prisma/enums";
import { centsToNumber } from "@/lib/money";
import { can } from "@/lib/permissions";

// Plan, actual, forecast and variance for any org-unit subtree × fiscal period × category.
// Each view (tree, categories, months, top variances) is ONE SQL query over the same facts
// (lib/budgets/rollup-prepare.ts: plan lines + ledger lines + the forecast computed in SQL,
// PERSONNEL re-attributed salary-safely), summed up the tree through OrgUnitClosure.
// JS never sums amounts.

export { loadFinanceBase, type Amounts, type FinanceBase, type FinanceScope } from "@/lib/budgets/rollup-prepare";

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

/** The org tree (subtree of scope.unitId) with rolled-up amounts, in tree order. */
async function treeRows(p: Prepared): Promise<FinanceTreeRow[]> {
  const rows = await db.$queryRaw<({ id: string } & RawAmounts)[]>`
    WITH ${p.ctes},
    per_unit AS (
      -- One row per unit before the closure join (the join then multiplies units, not cells).
      SELECT "unitId", SUM("plan") AS "plan", SUM("actual") AS "actual", SUM("forecast") AS "forecast" FROM attributed GROUP BY "unitId"
    )
    SELECT s."id", ${SUMS}
    FROM scope s
    LEFT JOIN "OrgUnitClosure" c ON c."orgId" = ${p.scope.orgId} AND c."ancestorId" = s."id"
    LEFT JOIN per_unit a ON a."unitId" = c."descendantId"
    GROUP BY s."id"`;
  const byId = new Map(p.units.map((u) => [u.id, u]));
  const amountsById = new Map(rows.map((r) => [r.id, amounts(r)]));
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

/** Per category, plus the scope's total (the grouping set () row, category NULL). */
async function categoryRows(p: Prepared): Promise<{ categories: CategoryRow[]; totals: Amounts }> {
  // The forecast basis: how many of the scope's forecast cells of the category each rule set.
  const rows = await db.$queryRaw<({ category: BudgetCategory | null; sources: Partial<Record<ForecastSource, number>> | null } & RawAmounts)[]>`
    WITH ${p.ctes}
    SELECT a."category", ${SUMS},
           (SELECT jsonb_object_agg(s."source", s."n") FROM (
              SELECT "source", COUNT(*)::int AS "n" FROM fc
              WHERE fc."category" = a."category" AND fc."orgUnitId" IN (SELECT "id" FROM scope) GROUP BY "source") s) AS "sources"
    FROM attributed a WHERE a."unitId" IN (SELECT "id" FROM scope)
    GROUP BY GROUPING SETS ((a."category"), ())`;
  const order = Object.keys(BudgetCategory);
  const total = rows.find((r) => r.category === null);
  const categories = rows
    .filter((r): r is typeof r & { category: BudgetCategory } => r.category !== null)
    .map((r) => ({ category: r.category, forecastBasis: describeBasis(r.category, r.sources), ...amounts(r) }))
    .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category));
  return { categories, totals: total ? amounts(total) : amounts({ plan: 0n, actual: 0n, forecast: 0n, variancePct: null }) };
}

const SOURCE_LABEL: Record<ForecastSource, string> = { people: "people & positions", plan: "plan", trend: "3-month trend", contracts: "contracts" };

function describeBasis(category: BudgetCategory, sources: Partial<Record<ForecastSource, number>> | null): string {
  if (category === "PERSONNEL") return "People & positions at loaded cost";
  const entries = Object.entries(sources ?? {}) as [ForecastSource, number][];
  if (entries.length === 0) return "No open months";
  const total = entries.reduce((a, [, n]) => a + n, 0);
  return entries
    .sort((a, b) => b[1] - a[1])
    .map(([s, n]) => `${SOURCE_LABEL[s]} ${Math.round((n * 100) / total)}%`)
    .join(" · ");
}

async function monthRows(p: Prepared): Promise<MonthRow[]> {
  const rows = await db.$queryRaw<{ month: Date; plan: bigint; actual: bigint; forecast: bigint; cumPlan: bigint; cumActual: bigint; cumForecast: bigint }[]>`
    WITH ${p.ctes},
    months AS (
      SELECT generate_series(${toDateString(p.period.start)}::date, ${toDateString(p.period.end)}::date, interval '1 month')::date AS "month"
    ),
    per AS (
      SELECT mo."month", COALESCE(SUM(a."plan"), 0) AS "plan", COALESCE(SUM(a."actual"), 0) AS "actual", COALESCE(SUM(a."forecast"), 0) AS "forecast"
      FROM months mo LEFT JOIN attributed a ON a."month" = mo."month" AND a."unitId" IN (SELECT "id" FROM scope)
      GROUP BY mo."month"
    )
    SELECT "month", "plan"::bigint, "actual"::bigint, "forecast"::bigint,
           SUM("plan") OVER w::bigint AS "cumPlan", SUM("actual") OVER w::bigint AS "cumActual", SUM("forecast") OVER w::bigint AS "cumForecast"
    FROM per WINDOW w AS (ORDER BY "month")
    ORDER BY "month"`;
  return rows.map((r) => {
    const closedOrCurrent = r.month <= p.currentMonth;
    return {
      month: toDateString(r.month),
      planCents: centsToNumber(r.plan),
      actualCents: closedOrCurrent ? centsToNumber(r.actual) : null,
      forecastCents: centsToNumber(r.forecast),
      cumPlanCents: centsToNumber(r.cumPlan),
      cumActualCents: closedOrCurrent ? centsToNumber(r.cumActual) : null,
      cumForecastCents: centsToNumber(r.cumForecast),
    };
  });
}

async function topVariances(p: Prepared, limit = 8): Promise<VarianceRow[]> {
  const rows = await db.$queryRaw<({ unitId: string; category: BudgetCategory } & RawAmounts)[]>`
    WITH ${p.ctes}
    SELECT a."unitId", a."category", ${SUMS}
    FROM attributed a WHERE a."unitId" IN (SELECT "id" FROM scope)
    GROUP BY a."unitId", a."category"
    HAVING COALESCE(SUM(a."forecast"), 0) <> COALESCE(SUM(a."plan"), 0)
    ORDER BY ABS(COALESCE(SUM(a."forecast"), 0) - COALESCE(SUM(a."plan"), 0)) DESC, a."unitId", a."category"
    LIMIT ${limit}`;
  const byId = new Map(p.units.map((u) => [u.id, u]));
  return rows.map((r) => ({ unitId: r.unitId, unitName: byId.get(r.unitId)?.name ?? "", unitCode: byId.get(r.unitId)?.code ?? "", category: r.category, ...amounts(r) }));
}

export type FinanceView = {
  period: { key: PeriodKey; label: string; start: string; end: string };
  currentMonth: string;
  tree: FinanceTreeRow[];
  totals: Amounts;
  categories: CategoryRow[];
  months: MonthRow[];
  top: VarianceRow[];
  salarySafe: boolean;
};

export type FinancePart = "tree" | "months" | "top";

/**
 * The finance views of one scope and period. `parts` limits which of the tree, months and top
 * variances are computed (categories and totals always are); `base` shares the org's units and
 * head counts between several periods of one request (the dashboard shows a period and the year).
 */
export async function getFinanceView(
  input: FinanceScope,
  opts: { base?: FinanceBase; parts?: FinancePart[] } = {},
): Promise<FinanceView> {
  const p = await prepare(input, opts.base);
  const want = new Set<FinancePart>(opts.parts ?? ["tree", "months", "top"]);
  const [tree, { categories, totals }, months, top] = await Promise.all([
    want.has("tree") ? treeRows(p) : [],
    categoryRows(p),
    want.has("months") ? monthRows(p) : [],
    want.has("top") ? topVariances(p) : [],
  ]);
  return {
    period: { key: p.period.key, label: p.period.label, start: toDateString(p.period.start), end: toDateString(p.period.end) },
    currentMonth: toDateString(p.currentMonth),
    tree,
    totals,
    categories,
    months,
    top,
    salarySafe: !can(input.role, "compensation:read"),
  };
}

/** Only the tree (for CSV export and tests). */
export async function getFinanceTree(input: FinanceScope): Promise<FinanceTreeRow[]> {
  return treeRows(await prepare(input));
}
export async function getFinanceCategories(input: FinanceScope): Promise<CategoryRow[]> {
  return (await categoryRows(await prepare(input))).categories;
}
export async function getFinanceTopVariances(input: FinanceScope): Promise<VarianceRow[]> {
  return topVariances(await prepare(input));
}
export async function getFinanceMonths(input: FinanceScope): Promise<MonthRow[]> {
  return monthRows(await prepare(input));
}
