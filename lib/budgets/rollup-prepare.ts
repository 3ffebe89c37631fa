import "server-only";

import { forecastCtes } from "@/lib/budgets/forecast-sql";
import { type ForecastWindow, forecastWindow } from "@/lib/budgets/forecast-window";
import { parsePeriodKey, resolvePeriod, type Period, type PeriodKey } from "@/lib/budgets/period";
import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BudgetCategory, OrgUnitKind } from "@/lib/generated/prisma/enums";
import { centsToNumber } from "@/lib/money";
import type { PayDisclosure } from "@/lib/privacy/queries";
import { loadAsOfUnits } from "@/lib/budgets/tree-asof";
import { asOfTreeCtes } from "@/lib/budgets/tree-asof-sql";
import { treeBasis, type TreeBasis, type TreeMode } from "@/lib/budgets/tree-basis";

// The facts every finance view sums (lib/budgets/rollup.ts builds the views): plan and ledger per
// unit × category × month (MoneyMonthly, maintained by the writers' triggers) and the forecast cells
// (lib/budgets/forecast-sql.ts), all in SQL and the same for every reader of the same forecast
// (live, or published: lib/privacy/publication.ts).
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
  /** Readers without pay access get personnel figures only where lib/privacy/disclosure.ts allows. */
  payReader: boolean;
  today: Date;
  /** "asof": a closed period rolls up along the tree as it was on its last day (default: restated). */
  tree?: TreeMode;
  /**
   * Which personnel forecast a pay reader reads: "live" (default: people and positions now) or
   * "published" (what readers without pay access read, lib/privacy/publication.ts). Readers
   * without pay access always read the published one.
   */
  forecast?: "live" | "published";
};

/**
 * A row's amounts. Null = withheld from a reader without pay access (never a different number:
 * every reader who sees a figure sees the same one); `withheld` then says why.
 */
export type Amounts = {
  planCents: number | null;
  actualCents: number | null;
  forecastCents: number | null;
  varianceCents: number | null;
  variancePct: number | null;
  withheld: string | null;
};

export type RawAmounts = { plan: bigint; actual: bigint; forecast: bigint; variancePct: number | null };

/** Amounts shown as they are (nothing withheld). */
export type ShownAmounts = {
  planCents: number;
  actualCents: number;
  forecastCents: number;
  varianceCents: number;
  variancePct: number | null;
  withheld: null;
};

export function amounts(r: RawAmounts): ShownAmounts {
  const planCents = centsToNumber(r.plan);
  const forecastCents = centsToNumber(r.forecast);
  return {
    planCents,
    actualCents: centsToNumber(r.actual),
    forecastCents,
    varianceCents: forecastCents - planCents,
    variancePct: r.variancePct,
    withheld: null,
  };
}

export const SUMS = Prisma.sql`
  COALESCE(SUM(a."plan"), 0)::bigint AS "plan",
  COALESCE(SUM(a."actual"), 0)::bigint AS "actual",
  COALESCE(SUM(a."forecast"), 0)::bigint AS "forecast",
  ROUND((COALESCE(SUM(a."forecast"), 0) - COALESCE(SUM(a."plan"), 0)) * 100.0 / NULLIF(SUM(a."plan"), 0), 1)::float8 AS "variancePct"`;

export type FinanceUnit = { id: string; name: string; code: string; kind: OrgUnitKind; parentId: string | null; depth: number };

/** The org's units (the views' tree and names), read beside the finance statement. */
export async function loadFinanceUnits(orgId: string, basis: TreeBasis): Promise<FinanceUnit[]> {
  if (basis.mode === "asof") return loadAsOfUnits(orgId, basis.on);
  return db.$queryRaw<FinanceUnit[]>`
    SELECT u."id", u."name", u."code", u."kind"::text AS "kind", u."parentId", u."depth"
    FROM "OrgUnit" u WHERE u."orgId" = ${orgId}
      -- A closed unit stays while it holds money (its past figures still show); without any it is noise.
      AND (u."closedOn" IS NULL
        OR EXISTS (SELECT 1 FROM "ActualMonthly" a WHERE a."orgId" = u."orgId" AND a."orgUnitId" = u."id")
        OR EXISTS (SELECT 1 FROM "BudgetLine" b WHERE b."orgId" = u."orgId" AND b."orgUnitId" = u."id"))`;
}

export type Prepared = {
  scope: FinanceScope;
  period: Period;
  units: FinanceUnit[];
  /** What a reader without pay access may see (null for pay readers: everything). */
  disclosure: PayDisclosure | null;
  /**
   * "As it was", for a reader without pay access: the units whose subtree differs from today's.
   * Their figures differ between the two trees by the units that moved, so their personnel
   * figures are withheld (the difference would show the pay the disclosure withholds).
   */
  changedSince: ReadonlySet<string> | null;
  /** Which tree the views roll up along. */
  basis: TreeBasis;
  currentMonth: Date;
  /**
   * CTEs for `WITH`: the forecast's `fc…` (the scope's forecast cells), `scope` (unit ids of the
   * subtree) and `cells` (the scope's facts stacked: unit, category (the enum), month, plan,
   * actual, forecast, plan lines; up to two rows per unit × category × month; read once, by the
   * views' one aggregate in lib/budgets/rollup.ts).
   */
  ctes: Prisma.Sql;
};

/** What the statement needs (the views' rows also need the org's units and the disclosure: `Prepared`). */
export type Statement = Omit<Prepared, "units" | "disclosure" | "changedSince">;

/** The forecast window of a scope's statement (its period's open months, its subtree, its variant). */
export function scopeForecastWindow(input: FinanceScope, published: number | null): ForecastWindow {
  const period = resolvePeriod(parsePeriodKey(input.period), input.fiscalYear, input.startMonth, input.today);
  return forecastWindow(input.orgId, period, input.today, input.unitId, published);
}

/**
 * The statement of a scope: the same facts for every reader (privacy withholds figures afterwards,
 * never changes them). `stored`: the forecast cells are read as the writers stored them
 * (lib/budgets/forecast-summary.ts; the caller checked they are current), else computed.
 */
export function prepare(input: FinanceScope, published: number | null = null, stored = false): Statement {
  const { orgId, fiscalYear, startMonth, today } = input;
  const period = resolvePeriod(parsePeriodKey(input.period), fiscalYear, startMonth, today);
  const basis = treeBasis(input.tree, period, today);
  const currentMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const start = toDateString(period.start);
  const end = toDateString(period.end);
  const current = toDateString(currentMonth);
  const cat = (t: Prisma.Sql) => (input.category ? Prisma.sql`AND ${t}."category" = ${input.category}::"BudgetCategory"` : Prisma.empty);

  // A subtree view reads only the subtree's facts and computes only its forecast: the forecast
  // of a subtree's unit depends on that subtree only (forecast-sql.ts).
  const inScope = (t: Prisma.Sql) => (input.unitId ? Prisma.sql`AND ${t}."orgUnitId" IN (SELECT "id" FROM scope)` : Prisma.empty);
  const ctes = Prisma.sql`
    ${forecastCtes({ ...forecastWindow(orgId, period, today, input.unitId, published), stored })},
    ${basis.mode === "asof" ? Prisma.sql`${asOfTreeCtes(orgId, basis.on)},` : Prisma.empty}
    scope AS (
      ${
        !input.unitId
          ? Prisma.sql`SELECT "id" FROM "OrgUnit" WHERE "orgId" = ${orgId}`
          : basis.mode === "asof"
            ? Prisma.sql`SELECT "descendantId" AS "id" FROM asof_closure WHERE "ancestorId" = ${input.unitId}`
            : Prisma.sql`SELECT "descendantId" AS "id" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${input.unitId}`
      }
    ),
    -- Every view sums these rows per unit × category and/or month: the money cells (the maintained
    -- summary MoneyMonthly: plan and actual of one unit × category × month in one row, kept exact
    -- by triggers on BudgetLine and ActualEntry, not the ledger's lines; periods are whole months,
    -- so no line is cut off) and the forecast cells (open months only), stacked, not paired by a
    -- join, keeping the category enum (grouping by its text made the aggregates hash and compare
    -- strings).
    cells AS (
      -- The forecast of a closed month is its actual.
      SELECT m."orgUnitId" AS "unitId", m."category", m."month", m."planCents" AS "plan", m."actualCents" AS "actual",
             CASE WHEN m."month" < ${current}::date THEN m."actualCents" ELSE 0 END AS "forecast", m."planLines"
      FROM "MoneyMonthly" m
      WHERE m."orgId" = ${orgId} AND m."month" BETWEEN ${start}::date AND ${end}::date ${cat(Prisma.sql`m`)} ${inScope(Prisma.sql`m`)}
      UNION ALL
      SELECT x."orgUnitId", x."category", x."month", 0, 0, x."amountCents", 0
      FROM fc x
      WHERE true ${cat(Prisma.sql`x`)}
    )`;
  return { scope: input, period, currentMonth, ctes, basis };
}
