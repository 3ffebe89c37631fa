import "server-only";

import type { ForecastSource } from "@/lib/budgets/forecast-sql";
import type { PeriodKey } from "@/lib/budgets/period";
import { amounts, prepare, SUMS, type Amounts, type FinanceBase, type FinanceScope, type Prepared } from "@/lib/budgets/rollup-prepare";
import { MIN_GROUP_SIZE } from "@/lib/budgets/salary-safe";
import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import { BudgetCategory, type OrgUnitKind } from "@/lib/generated/prisma/enums";
import { centsToNumber } from "@/lib/money";
import { can } from "@/lib/permissions";

// Plan, actual, forecast and variance for any org-unit subtree × fiscal period × category.
// The views (tree, categories, months, top variances) of one call are ONE SQL statement over the
// same facts (lib/budgets/rollup-prepare.ts: plan lines + the ledger summary + the forecast
// computed in SQL, PERSONNEL re-attributed salary-safely), summed up the tree through OrgUnitClosure.
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

// The views of one request are ONE statement: each view is a branch of a UNION ALL over the
// same CTEs, so PostgreSQL materializes the facts and the forecast once (a CTE referenced more
// than once is computed once) instead of once per view. Every branch has the same columns; the
// `part` column says which view a row belongs to.
type ViewRow = {
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

const TOP_LIMIT = 8;

function viewSql(p: Prepared, want: Set<FinancePart>): Prisma.Sql {
  const none = Prisma.sql`NULL::bigint AS "cumPlan", NULL::bigint AS "cumActual", NULL::bigint AS "cumForecast", NULL::jsonb AS "sources"`;
  const branches: Prisma.Sql[] = [
    // Per category, plus the scope's total (the grouping set () row, category NULL). The
    // forecast basis: how many of the scope's forecast cells of the category each rule set.
    Prisma.sql`(SELECT 'cat' AS "part", a."category" AS "key", NULL::text AS "key2", ${SUMS}, NULL::bigint AS "cumPlan", NULL::bigint AS "cumActual", NULL::bigint AS "cumForecast",
              (SELECT jsonb_object_agg(s."source", s."n") FROM (
                 SELECT "source", COUNT(*)::int AS "n" FROM fc
                 WHERE fc."category" = a."category" AND fc."orgUnitId" IN (SELECT "id" FROM scope) GROUP BY "source") s) AS "sources"
       FROM attributed a WHERE a."unitId" IN (SELECT "id" FROM scope)
       GROUP BY GROUPING SETS ((a."category"), ()))`,
  ];
  if (want.has("tree")) {
    // One row per unit before the closure join (the join then multiplies units, not cells).
    branches.push(Prisma.sql`(SELECT 'tree', s."id", NULL, ${SUMS}, ${none}
       FROM scope s
       LEFT JOIN "OrgUnitClosure" c ON c."orgId" = ${p.scope.orgId} AND c."ancestorId" = s."id"
       LEFT JOIN (SELECT "unitId", SUM("plan") AS "plan", SUM("actual") AS "actual", SUM("forecast") AS "forecast" FROM attributed GROUP BY "unitId") a
         ON a."unitId" = c."descendantId"
       GROUP BY s."id")`);
  }
  if (want.has("months")) {
    branches.push(Prisma.sql`(SELECT 'month', to_char(x."month", 'YYYY-MM-DD'), NULL, x."plan"::bigint, x."actual"::bigint, x."forecast"::bigint, NULL::float8,
              (SUM(x."plan") OVER w)::bigint, (SUM(x."actual") OVER w)::bigint, (SUM(x."forecast") OVER w)::bigint, NULL::jsonb
       FROM (
         SELECT mo."month", COALESCE(SUM(a."plan"), 0) AS "plan", COALESCE(SUM(a."actual"), 0) AS "actual", COALESCE(SUM(a."forecast"), 0) AS "forecast"
         FROM (SELECT generate_series(${toDateString(p.period.start)}::date, ${toDateString(p.period.end)}::date, interval '1 month')::date AS "month") mo
         LEFT JOIN attributed a ON a."month" = mo."month" AND a."unitId" IN (SELECT "id" FROM scope)
         GROUP BY mo."month"
       ) x WINDOW w AS (ORDER BY x."month"))`);
  }
  if (want.has("top")) {
    branches.push(Prisma.sql`(SELECT 'top', a."unitId", a."category", ${SUMS}, ${none}
       FROM attributed a WHERE a."unitId" IN (SELECT "id" FROM scope)
       GROUP BY a."unitId", a."category"
       HAVING COALESCE(SUM(a."forecast"), 0) <> COALESCE(SUM(a."plan"), 0)
       ORDER BY ABS(COALESCE(SUM(a."forecast"), 0) - COALESCE(SUM(a."plan"), 0)) DESC, a."unitId", a."category"
       LIMIT ${TOP_LIMIT})`);
  }
  return Prisma.sql`WITH ${p.ctes}
    ${Prisma.join(branches, " UNION ALL ")}`;
}

/** The org tree (subtree of scope.unitId) with rolled-up amounts, in tree order. */
function treeRows(p: Prepared, rows: ViewRow[]): FinanceTreeRow[] {
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

function categoryRows(rows: ViewRow[]): { categories: CategoryRow[]; totals: Amounts } {
  const cats = rows.filter((r) => r.part === "cat");
  const order = Object.keys(BudgetCategory);
  const total = cats.find((r) => r.key === null);
  const categories = cats
    .filter((r) => r.key !== null)
    .map((r) => ({ category: r.key as BudgetCategory, forecastBasis: describeBasis(r.key as BudgetCategory, r.sources), ...amounts(r) }))
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

function monthRows(p: Prepared, rows: ViewRow[]): MonthRow[] {
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

function topVariances(p: Prepared, rows: ViewRow[]): VarianceRow[] {
  const byId = new Map(p.units.map((u) => [u.id, u]));
  // Largest |forecast − plan| first (the SQL's order; UNION ALL keeps no order, so sort again).
  return rows
    .filter((r) => r.part === "top")
    .map((r) => ({ unitId: r.key!, unitName: byId.get(r.key!)?.name ?? "", unitCode: byId.get(r.key!)?.code ?? "", category: r.key2 as BudgetCategory, ...amounts(r) }))
    .sort((a, b) => Math.abs(b.varianceCents) - Math.abs(a.varianceCents) || cmp(a.unitId, b.unitId) || cmp(a.category, b.category));
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
  const rows = await db.$queryRaw<ViewRow[]>(viewSql(p, want));
  const { categories, totals } = categoryRows(rows);
  const tree = treeRows(p, rows);
  const months = monthRows(p, rows);
  const top = topVariances(p, rows);
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

/** Single views (for tests). */
export async function getFinanceTree(input: FinanceScope): Promise<FinanceTreeRow[]> {
  return (await getFinanceView(input, { parts: ["tree"] })).tree;
}
export async function getFinanceCategories(input: FinanceScope): Promise<CategoryRow[]> {
  return (await getFinanceView(input, { parts: [] })).categories;
}
export async function getFinanceTopVariances(input: FinanceScope): Promise<VarianceRow[]> {
  return (await getFinanceView(input, { parts: ["top"] })).top;
}
export async function getFinanceMonths(input: FinanceScope): Promise<MonthRow[]> {
  return (await getFinanceView(input, { parts: ["months"] })).months;
}
