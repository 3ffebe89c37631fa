import "server-only";

import { commitmentCtes } from "@/lib/budgets/forecast-commitments-sql";
import { personnelCtes } from "@/lib/budgets/forecast-personnel-sql";
import { type ForecastSqlContext, type ForecastWindow, monthStart, roundHalfEvenSql } from "@/lib/budgets/forecast-window";
import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";

// The forecast, computed by the database: one set of CTEs that the rollup queries
// (lib/budgets/rollup.ts) include, ending in `fc("orgUnitId", "category" (the enum), "month", "amountCents", "source")`
// = one row per org unit × category × open month (the current month and later). Individual pay
// never leaves SQL: only these unit totals do (what a reader without pay access sees of them is
// lib/privacy/disclosure.ts's to decide). The rules are the glossary's (docs/figures.md
// "Forecast"); each has a hand-computed case in tests/integration/forecast.test.ts.
//
// Assumptions are the org's settings, read here (Organization): the loaded-cost multiplier, the
// hiring delay, the run-rate window W (months) and the lumpy categories (forecast from the plan).
//
// Rounding (the only places, each half-even to the cent): a person's or a seat's cost of one
// month (annual × multiplier × days in post ÷ (12 × days in the month)), a contract's monthly
// run-rate (annual ÷ 12), a run-rate (the window's sum ÷ W, per unit × category and per vendor).
// Everything else is exact integer addition, subtraction and comparison.
//
// PERSONNEL: each employee and unfilled seat prorated by day (lib/budgets/forecast-personnel-sql.ts).
// Other categories, per unit × category × month
//   - lumpy categories: the plan; in a month the org has no plan line for at all (a year not
//     planned yet), the run-rate like the others;
//   - others: the run-rate = the last W closed months' actuals ÷ W (months without any count as
//     0; below zero counts as 0), in both directions; a cell without any actual in the window
//     has no run-rate and is forecast from the plan;
//   - commitments: an ACTIVE contract's run-rate in each month of its term (an auto-renewing one
//     also after its end date: it renews term after term). A commitment adds only what no
//     forecast already covers: first the vendor's run-rate anywhere in the org (its ledger lines
//     of the window ÷ W, shared among the vendor's contracts oldest first), then the plan-based
//     forecast of the holding unit's subtree in the contract's category (a budget is drawn up
//     knowing its contracts). The rest goes to the holding unit, in the contract's category.
// The current month (every category) = the larger of what is booked in it so far and its forecast.
// The source says which rule set the amount: people, plan, trend (run-rate), contracts (a
// commitment added to it), booked (booked so far exceeds the forecast).

export type ForecastSource = "people" | "plan" | "trend" | "contracts" | "booked";

/** CTEs (to follow `WITH`) ending in `fc`: the forecast cells of the window. */
export function forecastCtes(w: ForecastWindow): Prisma.Sql {
  const { orgId } = w;
  // The calendar months of the window (a handful; passed as an array so the planner knows it is small).
  const months: string[] = [];
  for (let m = w.from; m <= w.to; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) months.push(toDateString(m));
  const from = toDateString(w.from);
  const to = toDateString(w.to);
  const today = toDateString(w.today);
  const currentMonth = monthStart(w.today);
  const current = toDateString(currentMonth);
  const hasCurrent = currentMonth >= w.from && currentMonth <= w.to;
  const runRate = roundHalfEvenSql(Prisma.sql`SUM(a."amountCents")::numeric / o."window"`);
  // Restrict an input to the subtree's units (a hash semi-join each) when one is given.
  const inUnits = (col: Prisma.Sql) => (w.unitId ? Prisma.sql`AND ${col} IN (SELECT "id" FROM fc_units)` : Prisma.empty);
  const ctx: ForecastSqlContext = { orgId, from, to, today, current, inUnits, published: w.published ?? null };
  const units = w.unitId
    ? Prisma.sql`fc_units AS (SELECT "descendantId" AS "id" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${w.unitId}),`
    : Prisma.empty;
  // The cells as the writers stored them (lib/budgets/forecast-summary.ts), when the caller found them current.
  if (w.stored)
    return Prisma.sql`
    ${units}
    fc AS (
      SELECT "orgUnitId", "category", "month", "amountCents", "source" FROM "ForecastMonthly"
      WHERE "orgId" = ${orgId} AND "variant" = ${w.published ?? 0}::int AND "month" BETWEEN ${from}::date AND ${to}::date ${inUnits(Prisma.sql`"orgUnitId"`)}
    )`;
  return Prisma.sql`
    ${units}
    fc_org AS (
      SELECT "loadedCostMultiplier" AS "mult", "hiringDelayDays" AS "delay", "forecastRunRateMonths" AS "window",
             "forecastLumpyCategories" AS "lumpy", (${current}::date - make_interval(months => "forecastRunRateMonths"))::date AS "trailFrom"
      FROM "Organization" WHERE "id" = ${orgId}
    ),
    -- "planned": the org has a plan line for the month (read org-wide, also for a subtree).
    fc_months AS (
      SELECT "month", ("month" + interval '1 month')::date - 1 AS "last", (("month" + interval '1 month')::date - "month") AS "days",
             EXISTS (SELECT 1 FROM "BudgetLine" b WHERE b."orgId" = ${orgId} AND b."month" = t."month") AS "planned"
      FROM unnest(${months}::date[]) AS t("month")
    ),
    ${personnelCtes(ctx)},
    -- The run-rate of each unit × category with an actual in the window.
    fc_trend AS (
      SELECT a."orgUnitId", a."category", GREATEST(0, ${runRate}) AS "trend", bool_or(a."category" = ANY (o."lumpy")) AS "lumpy"
      FROM "ActualMonthly" a CROSS JOIN fc_org o -- the ledger summed per unit × category × month (exact; see the migration actual_monthly)
      WHERE a."orgId" = ${orgId} AND a."category" <> 'PERSONNEL'
        AND a."month" >= o."trailFrom" AND a."month" < ${current}::date ${inUnits(Prisma.sql`a."orgUnitId"`)}
      GROUP BY a."orgUnitId", a."category", o."window"
    ),
    ${commitmentCtes(ctx)},
    -- Each unit × category with a plan, a run-rate or an uncovered commitment, for every open
    -- month: the three stacked and summed in ONE hash aggregate, grouped by the category enum.
    fc_base AS (
      SELECT "orgUnitId", "category", "month", COALESCE(SUM("plan"), 0) AS "plan", MAX("trend") AS "trend", COALESCE(SUM("uncovered"), 0) AS "uncovered"
      FROM (
        SELECT "orgUnitId", "category", "month", "amountCents"::numeric AS "plan", NULL::numeric AS "trend", NULL::numeric AS "uncovered"
        FROM "BudgetLine"
        WHERE "orgId" = ${orgId} AND "category" <> 'PERSONNEL' AND "month" BETWEEN ${from}::date AND ${to}::date ${inUnits(Prisma.sql`"orgUnitId"`)}
        UNION ALL
        -- Lumpy categories follow the run-rate only in a month the org has not planned at all.
        SELECT t."orgUnitId", t."category", m."month", NULL, t."trend", NULL FROM fc_trend t JOIN fc_months m ON NOT (t."lumpy" AND m."planned")
        UNION ALL
        SELECT "orgUnitId", "category", "month", NULL, NULL, "uncovered" FROM fc_uncovered
      ) x
      GROUP BY 1, 2, 3
    ),
    -- What the holder's uncovered commitments exceed the plan-based forecast of its subtree by.
    fc_excess AS (
      SELECT c."orgUnitId", c."category", c."month",
             GREATEST(0, c."uncovered" - COALESCE(SUM(d."plan") FILTER (WHERE d."trend" IS NULL), 0)) AS "excess"
      FROM fc_base c
      JOIN "OrgUnitClosure" cl ON cl."orgId" = ${orgId} AND cl."ancestorId" = c."orgUnitId"
      LEFT JOIN fc_base d ON d."orgUnitId" = cl."descendantId" AND d."category" = c."category" AND d."month" = c."month"
      WHERE c."uncovered" > 0
      GROUP BY c."orgUnitId", c."category", c."month", c."uncovered"
    ),
    -- Each cell's forecast before what is booked: PERSONNEL, then the base (run-rate, else plan)
    -- plus the excess of its commitments, stacked and summed per cell rather than joined.
    fc_cells AS (
      SELECT "orgUnitId", 'PERSONNEL'::"BudgetCategory" AS "category", "month", "amount", 'people'::text AS "source"
      FROM fc_personnel
      UNION ALL
      SELECT "orgUnitId", "category", "month", SUM("base") + COALESCE(SUM("excess"), 0),
             CASE WHEN SUM("excess") > 0 THEN 'contracts' WHEN bool_or("byRate") THEN 'trend' ELSE 'plan' END
      FROM (
        SELECT "orgUnitId", "category", "month", COALESCE("trend", "plan") AS "base", NULL::numeric AS "excess", "trend" IS NOT NULL AS "byRate" FROM fc_base
        UNION ALL
        SELECT "orgUnitId", "category", "month", NULL, "excess", NULL FROM fc_excess
      ) y
      GROUP BY 1, 2, 3
    ),
    fc AS (
      ${
        hasCurrent
          ? Prisma.sql`
      -- The current month never forecasts less than is booked in it already.
      -- (Only the current month has "booked"; GREATEST ignores its NULL in the others.)
      SELECT "orgUnitId", "category", "month", GREATEST(COALESCE(MAX("amount"), 0), MAX("booked"))::bigint AS "amountCents",
             CASE WHEN MAX("booked") > COALESCE(MAX("amount"), 0) THEN 'booked' ELSE MAX("source") END AS "source"
      FROM (
        SELECT "orgUnitId", "category", "month", "amount", NULL::numeric AS "booked", "source" FROM fc_cells
        UNION ALL
        SELECT "orgUnitId", "category", "month", NULL, "amountCents", NULL
        FROM "ActualMonthly" WHERE "orgId" = ${orgId} AND "month" = ${current}::date ${inUnits(Prisma.sql`"orgUnitId"`)}
      ) z
      GROUP BY 1, 2, 3
      HAVING GREATEST(COALESCE(MAX("amount"), 0), MAX("booked")) <> 0`
          : Prisma.sql`
      SELECT "orgUnitId", "category", "month", "amount"::bigint AS "amountCents", "source" FROM fc_cells WHERE "amount" <> 0`
      }
    )`;
}

export type ForecastCellRow = { orgUnitId: string; category: string; month: string; amountCents: bigint; source: ForecastSource };

/** The forecast cells themselves (unit × category × month totals), for tests and diagnostics. */
export async function getForecastCells(w: ForecastWindow): Promise<ForecastCellRow[]> {
  const rows = await db.$queryRaw<(Omit<ForecastCellRow, "month"> & { month: Date })[]>`
    WITH ${forecastCtes(w)}
    SELECT "orgUnitId", "category"::text AS "category", "month", "amountCents", "source" FROM fc ORDER BY "orgUnitId", "category"::text, "month"`;
  return rows.map((r) => ({ ...r, month: toDateString(r.month) }));
}
