import "server-only";

import { forecastCtes, forecastWindow } from "@/lib/budgets/forecast-sql";
import { parsePeriodKey, resolvePeriod, type Period, type PeriodKey } from "@/lib/budgets/period";
import { personnelReportingUnits } from "@/lib/budgets/salary-safe";
import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BudgetCategory, OrgUnitKind } from "@/lib/generated/prisma/enums";
import { centsToNumber } from "@/lib/money";
import { inPostSql } from "@/lib/people/queries";
import { can } from "@/lib/permissions";

// The facts every finance view sums (lib/budgets/rollup.ts builds the views): plan lines, ledger
// months (ActualMonthly, the ledger summed per cell) and the forecast cells (lib/budgets/forecast-sql.ts), all in SQL, with PERSONNEL
// re-attributed salary-safely for roles without compensation:read.
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

export type RawAmounts = { plan: bigint; actual: bigint; forecast: bigint; variancePct: number | null };

export function amounts(r: RawAmounts): Amounts {
  const planCents = centsToNumber(r.plan);
  const forecastCents = centsToNumber(r.forecast);
  return { planCents, actualCents: centsToNumber(r.actual), forecastCents, varianceCents: forecastCents - planCents, variancePct: r.variancePct };
}

export const SUMS = Prisma.sql`
  COALESCE(SUM(a."plan"), 0)::bigint AS "plan",
  COALESCE(SUM(a."actual"), 0)::bigint AS "actual",
  COALESCE(SUM(a."forecast"), 0)::bigint AS "forecast",
  ROUND((COALESCE(SUM(a."forecast"), 0) - COALESCE(SUM(a."plan"), 0)) * 100.0 / NULLIF(SUM(a."plan"), 0), 1)::float8 AS "variancePct"`;

export type FinanceUnit = { id: string; name: string; code: string; kind: OrgUnitKind; parentId: string | null; depth: number };

/**
 * The org's units and employees in post per unit (ONE statement, run beside the finance
 * statement): the views' tree and names, and the salary-safe group sizes. Salary-safe group sizes count employees only: they are the people whose pay makes
 * up PERSONNEL (contractors are paid through CONTRACTORS invoices), so a team of one employee and
 * two contractors is a group of one.
 */
export type FinanceBase = { units: FinanceUnit[]; headcount: Map<string, number> };

export async function loadFinanceBase(input: Pick<FinanceScope, "orgId" | "today">): Promise<FinanceBase> {
  const today = toDateString(input.today);
  const rows = await db.$queryRaw<(FinanceUnit & { heads: number })[]>`
    SELECT u."id", u."name", u."code", u."kind"::text AS "kind", u."parentId", u."depth",
           (SELECT COUNT(*) FROM "Person" p
            WHERE p."orgId" = u."orgId" AND p."orgUnitId" = u."id" AND p."employmentType" = 'EMPLOYEE' AND ${inPostSql("p", today)})::int AS "heads"
    FROM "OrgUnit" u WHERE u."orgId" = ${input.orgId}`;
  return {
    units: rows.map(({ heads: _heads, ...u }) => u),
    headcount: new Map(rows.filter((r) => r.heads > 0).map((r) => [r.id, r.heads])),
  };
}

export type Prepared = {
  scope: FinanceScope;
  period: Period;
  units: FinanceUnit[];
  reportTo: Map<string, string>;
  headcount: Map<string, number>;
  currentMonth: Date;
  /**
   * CTEs for `WITH`: the forecast's `fc…` (the scope's forecast cells), `scope` (unit ids of the
   * subtree) and `cells` (the scope's facts after salary-safe re-attribution, stacked: unit,
   * category (the enum), month, plan, actual, forecast; several rows per unit × category × month;
   * read once, by the views' one aggregate in lib/budgets/rollup.ts).
   */
  ctes: Prisma.Sql;
};

/** What the statement needs (the views' rows also need the org's units and head counts: `Prepared`). */
export type Statement = Omit<Prepared, "units" | "headcount">;

/**
 * The statement of a scope. `base` (the org's units and head counts) is awaited only by roles
 * without compensation:read, whose PERSONNEL is re-attributed in the statement; for the others
 * the statement runs while it loads.
 */
export async function prepare(input: FinanceScope, base: Promise<FinanceBase>): Promise<Statement> {
  const { orgId, fiscalYear, startMonth, today } = input;
  const period = resolvePeriod(parsePeriodKey(input.period), fiscalYear, startMonth, today);
  const safe = !can(input.role, "compensation:read");
  const reportTo = safe ? await base.then((b) => personnelReportingUnits(b.units, b.headcount)) : new Map<string, string>();
  const moved = [...reportTo].filter(([from, to]) => from !== to);

  const start = toDateString(period.start);
  const end = toDateString(period.end);
  const currentMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const current = toDateString(currentMonth);
  const cat = (t: Prisma.Sql) => (input.category ? Prisma.sql`AND ${t}."category" = ${input.category}::"BudgetCategory"` : Prisma.empty);

  // A subtree view reads only the subtree's facts and computes only its forecast: salary-safe
  // re-attribution moves PERSONNEL up the tree only (lib/budgets/salary-safe.ts), so nothing
  // outside the subtree lands in it, and the forecast of a subtree's unit depends on that
  // subtree only (forecast-sql.ts). What leaves it (the root's PERSONNEL reported on its parent)
  // is dropped after re-attribution, as before.
  const inScope = (t: Prisma.Sql) => (input.unitId ? Prisma.sql`AND ${t}."orgUnitId" IN (SELECT "id" FROM scope)` : Prisma.empty);
  const remap = (t: Prisma.Sql) => (moved.length ? Prisma.sql`LEFT JOIN remap m ON ${t}."category" = 'PERSONNEL' AND m."fromId" = ${t}."orgUnitId"` : Prisma.empty);
  const unit = (t: Prisma.Sql) => (moved.length ? Prisma.sql`COALESCE(m."toId", ${t}."orgUnitId")` : Prisma.sql`${t}."orgUnitId"`);
  const kept = (t: Prisma.Sql) => (moved.length && input.unitId ? Prisma.sql`AND ${unit(t)} IN (SELECT "id" FROM scope)` : Prisma.empty);
  const ctes = Prisma.sql`
    ${forecastCtes(forecastWindow(orgId, period, today, input.unitId))},
    scope AS (
      ${input.unitId
        ? Prisma.sql`SELECT "descendantId" AS "id" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${input.unitId}`
        : Prisma.sql`SELECT "id" FROM "OrgUnit" WHERE "orgId" = ${orgId}`}
    ),
    remap AS (
      SELECT * FROM unnest(${moved.map((m) => m[0])}::text[], ${moved.map((m) => m[1])}::text[]) AS m("fromId", "toId")
    ),
    -- Every view sums these rows per unit × category and/or month, so plan lines, ledger cells
    -- (the maintained summary ActualMonthly: one row per unit × category × month, kept exact by
    -- triggers on ActualEntry, not the ledger's lines; periods are whole months, so no line is cut
    -- off) and forecast cells (open months only) are stacked, not paired by a join, and keep the
    -- category enum (grouping by its text made the aggregates hash and compare strings).
    -- Re-attribution (PERSONNEL of a small unit on the unit it is reported on) happens inside
    -- each branch: the views' aggregate then groups by a plain column, whose group count the
    -- planner estimates as small and hashes (grouping by the remapping expression itself made
    -- it sort the ~100,000 rows, on disk).
    cells AS (
      SELECT ${unit(Prisma.sql`b`)} AS "unitId", b."category", b."month", b."amountCents" AS "plan", 0::bigint AS "actual", 0::bigint AS "forecast"
      FROM "BudgetLine" b ${remap(Prisma.sql`b`)}
      WHERE b."orgId" = ${orgId} AND b."month" BETWEEN ${start}::date AND ${end}::date ${cat(Prisma.sql`b`)} ${inScope(Prisma.sql`b`)} ${kept(Prisma.sql`b`)}
      UNION ALL
      -- The forecast of a closed month is its actual.
      SELECT ${unit(Prisma.sql`l`)}, l."category", l."month", 0, l."amountCents", CASE WHEN l."month" < ${current}::date THEN l."amountCents" ELSE 0 END
      FROM "ActualMonthly" l ${remap(Prisma.sql`l`)}
      WHERE l."orgId" = ${orgId} AND l."month" BETWEEN ${start}::date AND ${end}::date ${cat(Prisma.sql`l`)} ${inScope(Prisma.sql`l`)} ${kept(Prisma.sql`l`)}
      UNION ALL
      SELECT ${unit(Prisma.sql`x`)}, x."category", x."month", 0, 0, x."amountCents"
      FROM fc x ${remap(Prisma.sql`x`)}
      WHERE true ${cat(Prisma.sql`x`)} ${kept(Prisma.sql`x`)}
    )`;
  return { scope: input, period, reportTo, currentMonth, ctes };
}
