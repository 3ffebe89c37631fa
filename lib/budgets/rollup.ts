import "server-only";

import type { ForecastCell, ForecastSource } from "@/lib/budgets/forecast";
import { computeForecast } from "@/lib/budgets/forecast-data";
import { parsePeriodKey, resolvePeriod, type Period, type PeriodKey } from "@/lib/budgets/period";
import { MIN_GROUP_SIZE, personnelReportingUnits } from "@/lib/budgets/salary-safe";
import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import { BudgetCategory, type OrgUnitKind } from "@/lib/generated/prisma/enums";
import { centsToNumber } from "@/lib/money";
import { can } from "@/lib/permissions";

// Plan, actual, forecast and variance for any org-unit subtree × fiscal period × category.
// Each view (tree, categories, months, top variances) is ONE SQL query over the same facts:
//   plan lines + ledger lines + forecast cells (computed by lib/budgets/forecast.ts and passed in
//   as arrays), with PERSONNEL re-attributed salary-safely for roles without compensation:read,
//   summed up the tree through OrgUnitClosure. JS never sums amounts.
//
// Definitions (per period):
//   actual   = ledger lines booked in the period;
//   forecast = actuals of CLOSED months (before the current month) + forecast of the current
//              and later months of the period;
//   variance = forecast − plan (positive = projected over budget), % of plan.

export type FinanceScope = {
  orgId: string;
  startMonth: number;
  fiscalYear: number;
  period: PeriodKey;
  /** Subtree root; null = the whole org. */
  unitId: string | null;
  category: BudgetCategory | null;
  /** Roles without compensation:read get salary-safe PERSONNEL attribution. */
  role: string;
  today: Date;
};

export type Amounts = { planCents: number; actualCents: number; forecastCents: number; varianceCents: number; variancePct: number | null };

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

type RawAmounts = { plan: bigint; actual: bigint; forecast: bigint; variancePct: number | null };

function amounts(r: RawAmounts): Amounts {
  const planCents = centsToNumber(r.plan);
  const forecastCents = centsToNumber(r.forecast);
  return { planCents, actualCents: centsToNumber(r.actual), forecastCents, varianceCents: forecastCents - planCents, variancePct: r.variancePct };
}

const SUMS = Prisma.sql`
  COALESCE(SUM(a."plan"), 0)::bigint AS "plan",
  COALESCE(SUM(a."actual"), 0)::bigint AS "actual",
  COALESCE(SUM(a."forecast"), 0)::bigint AS "forecast",
  ROUND((COALESCE(SUM(a."forecast"), 0) - COALESCE(SUM(a."plan"), 0)) * 100.0 / NULLIF(SUM(a."plan"), 0), 1)::float8 AS "variancePct"`;

type Prepared = {
  scope: FinanceScope;
  period: Period;
  units: { id: string; name: string; code: string; kind: OrgUnitKind; parentId: string | null; depth: number }[];
  reportTo: Map<string, string>;
  headcount: Map<string, number>;
  cells: ForecastCell[];
  currentMonth: Date;
  ctes: Prisma.Sql;
};

/** Shared CTEs: `scope` (unit ids of the subtree) and `attributed` (facts after salary-safe re-attribution). */
/** What every view of one fiscal year shares (units, head counts, forecast cells): load it once. */
export type FinanceBase = Awaited<ReturnType<typeof loadFinanceBase>>;

export async function loadFinanceBase(input: Pick<FinanceScope, "orgId" | "fiscalYear" | "startMonth" | "today">) {
  const { orgId, fiscalYear, startMonth, today } = input;
  const [units, headcount, forecast] = await Promise.all([
    db.orgUnit.findMany({ where: { orgId }, select: { id: true, name: true, code: true, kind: true, parentId: true, depth: true } }),
    db.person.groupBy({
      by: ["orgUnitId"],
      where: { orgId, startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] },
      _count: { _all: true },
    }),
    computeForecast(orgId, fiscalYear, startMonth, today),
  ]);
  return { key: `${orgId}:${fiscalYear}:${startMonth}:${today.toISOString()}`, units, headcount, forecast };
}

async function prepare(input: FinanceScope, shared?: FinanceBase): Promise<Prepared> {
  const { orgId, fiscalYear, startMonth, today } = input;
  const period = resolvePeriod(parsePeriodKey(input.period), fiscalYear, startMonth, today);
  const base = shared ?? (await loadFinanceBase(input));
  if (base.key !== `${orgId}:${fiscalYear}:${startMonth}:${today.toISOString()}`) throw new Error("Finance base of another org or year");
  const { units, headcount, forecast } = base;
  const safe = !can(input.role, "compensation:read");
  const heads = new Map(headcount.map((h) => [h.orgUnitId, h._count._all]));
  const reportTo = safe ? personnelReportingUnits(units, heads) : new Map<string, string>();
  const moved = [...reportTo].filter(([from, to]) => from !== to);

  const start = toDateString(period.start);
  const end = toDateString(period.end);
  const current = toDateString(forecast.currentMonth);
  const cells = forecast.cells.filter((c) => c.month >= period.start && c.month <= period.end && (!input.category || c.category === input.category));
  const cat = input.category ? Prisma.sql`AND "category" = ${input.category}::"BudgetCategory"` : Prisma.empty;
  const unitId = input.unitId;

  const ctes = Prisma.sql`
    scope AS (
      ${unitId
        ? Prisma.sql`SELECT "descendantId" AS "id" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${unitId}`
        : Prisma.sql`SELECT "id" FROM "OrgUnit" WHERE "orgId" = ${orgId}`}
    ),
    remap AS (
      SELECT * FROM unnest(${moved.map((m) => m[0])}::text[], ${moved.map((m) => m[1])}::text[]) AS m("fromId", "toId")
    ),
    fc AS (
      SELECT * FROM unnest(${cells.map((c) => c.orgUnitId)}::text[], ${cells.map((c) => c.category)}::text[],
                           ${cells.map((c) => toDateString(c.month))}::date[], ${cells.map((c) => c.amountCents.toString())}::bigint[])
        AS f("orgUnitId", "category", "month", "amountCents")
    ),
    facts AS (
      SELECT "orgUnitId", "category"::text AS "category", "month", "amountCents" AS "plan", 0::bigint AS "actual", 0::bigint AS "forecast"
      FROM "BudgetLine" WHERE "orgId" = ${orgId} AND "month" BETWEEN ${start}::date AND ${end}::date ${cat}
      UNION ALL
      SELECT "orgUnitId", "category"::text, date_trunc('month', "bookedOn")::date, 0, "amountCents",
             CASE WHEN "bookedOn" < ${current}::date THEN "amountCents" ELSE 0 END
      FROM "ActualEntry" WHERE "orgId" = ${orgId} AND "bookedOn" BETWEEN ${start}::date AND ${end}::date ${cat}
      UNION ALL
      SELECT "orgUnitId", "category", "month", 0, 0, "amountCents" FROM fc
    ),
    attributed AS (
      SELECT CASE WHEN f."category" = 'PERSONNEL' THEN COALESCE(m."toId", f."orgUnitId") ELSE f."orgUnitId" END AS "unitId",
             f."category", f."month", f."plan", f."actual", f."forecast"
      FROM facts f LEFT JOIN remap m ON m."fromId" = f."orgUnitId"
    )`;
  return { scope: input, period, units, reportTo, headcount: heads, cells, currentMonth: forecast.currentMonth, ctes };
}

/** The org tree (subtree of scope.unitId) with rolled-up amounts, in tree order. */
async function treeRows(p: Prepared): Promise<FinanceTreeRow[]> {
  const rows = await db.$queryRaw<({ id: string } & RawAmounts)[]>`
    WITH ${p.ctes}
    SELECT s."id", ${SUMS}
    FROM scope s
    LEFT JOIN "OrgUnitClosure" c ON c."orgId" = ${p.scope.orgId} AND c."ancestorId" = s."id"
    LEFT JOIN attributed a ON a."unitId" = c."descendantId"
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
  const rows = await db.$queryRaw<({ category: BudgetCategory | null } & RawAmounts)[]>`
    WITH ${p.ctes}
    SELECT a."category", ${SUMS}
    FROM attributed a WHERE a."unitId" IN (SELECT "id" FROM scope)
    GROUP BY GROUPING SETS ((a."category"), ())`;
  const basis = new Map<string, Map<ForecastSource, number>>();
  for (const c of p.cells) {
    const m = basis.get(c.category) ?? new Map<ForecastSource, number>();
    m.set(c.source, (m.get(c.source) ?? 0) + 1);
    basis.set(c.category, m);
  }
  const order = Object.keys(BudgetCategory);
  const total = rows.find((r) => r.category === null);
  const categories = rows
    .filter((r): r is typeof r & { category: BudgetCategory } => r.category !== null)
    .map((r) => ({ category: r.category, forecastBasis: describeBasis(r.category, basis.get(r.category)), ...amounts(r) }))
    .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category));
  return { categories, totals: total ? amounts(total) : amounts({ plan: 0n, actual: 0n, forecast: 0n, variancePct: null }) };
}

const SOURCE_LABEL: Record<ForecastSource, string> = { people: "people & positions", plan: "plan", trend: "3-month trend", contracts: "contracts" };

function describeBasis(category: BudgetCategory, m: Map<ForecastSource, number> | undefined): string {
  if (category === "PERSONNEL") return "People & positions at loaded cost";
  if (!m || m.size === 0) return "No open months";
  const total = [...m.values()].reduce((a, b) => a + b, 0);
  return [...m.entries()]
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
 * variances are computed (categories and totals always are); `base` shares the per-year
 * preparation between several periods of one request (the dashboard shows a period and the year).
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
