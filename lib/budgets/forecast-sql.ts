import "server-only";

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
// PERSONNEL (employees and unfilled seats; contractors are paid through CONTRACTORS invoices)
//   - an employee, for the days of the month they are in post (start to last day, inclusive);
//     multiplier = their FILLED position's override, else the org's;
//   - OPEN / PLANNED positions from their expected start = (target start, or today when none or
//     past) + hiring delay; BACKFILL from the latest of the day after the leaver's last day, the
//     target start and today, + hiring delay; prorated by day likewise. FILLED = the person;
//     CLOSED = nothing.
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

/** Half-even rounding of a numeric SQL expression to a whole number (Postgres round() goes half away from zero). */
export function roundHalfEvenSql(v: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE WHEN (${v}) - floor(${v}) = 0.5 THEN floor(${v}) + abs(mod(floor(${v}), 2)) ELSE round(${v}) END)`;
}

export type ForecastWindow = {
  orgId: string;
  /** First and last month forecast (first-of-month; none when from > to). */
  from: Date;
  to: Date;
  today: Date;
  /**
   * Subtree root (null or absent = the whole org). A unit's cells depend only on its own facts,
   * its subtree's plans (the commitment rule) and the vendors' spend org-wide, which is read
   * org-wide in a subtree too. So the cells of a subtree's units computed for the subtree equal
   * the org-wide cells of those units (tests/integration/forecast.test.ts).
   */
  unitId?: string | null;
};

function monthStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

/** The open months of a period: from the current month (or the period's start if later) to its last month. */
export function forecastWindow(
  orgId: string,
  period: { start: Date; end: Date },
  today: Date,
  unitId: string | null = null,
): ForecastWindow {
  const current = monthStart(today);
  return { orgId, from: current > period.start ? current : period.start, to: monthStart(period.end), today, unitId };
}

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
  const cost = roundHalfEvenSql(
    Prisma.sql`x."comp"::numeric * x."mult" * (LEAST(x."toDay", m."last") - GREATEST(x."fromDay", m."month") + 1) / (12 * m."days")`,
  );
  const monthly = roundHalfEvenSql(Prisma.sql`c."annualAmountCents"::numeric / 12`);
  const runRate = roundHalfEvenSql(Prisma.sql`SUM(a."amountCents")::numeric / o."window"`);
  const vendorRate = roundHalfEvenSql(Prisma.sql`l."cents"::numeric / o."window"`);
  // Restrict an input to the subtree's units (a hash semi-join each) when one is given.
  const inUnits = (col: Prisma.Sql) => (w.unitId ? Prisma.sql`AND ${col} IN (SELECT "id" FROM fc_units)` : Prisma.empty);
  const units = w.unitId
    ? Prisma.sql`fc_units AS (SELECT "descendantId" AS "id" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${w.unitId}),`
    : Prisma.empty;
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
    -- Who is paid from which day to which (inclusive; NULL = open-ended), at what pay and multiplier.
    fc_pay AS (
      SELECT p."orgUnitId", p."startDate" AS "fromDay", p."endDate" AS "toDay", p."annualCompCents" AS "comp", COALESCE(fp."mult", o."mult") AS "mult"
      FROM "Person" p CROSS JOIN fc_org o
      -- Each person's FILLED position (the first by id), read in one pass over the org's seats
      -- and hashed, not probed once per person.
      LEFT JOIN (
        SELECT DISTINCT ON (ps."personId") ps."personId", ps."loadedCostMultiplier" AS "mult" FROM "Position" ps
        WHERE ps."orgId" = ${orgId} AND ps."personId" IS NOT NULL AND ps."status" = 'FILLED' ORDER BY ps."personId", ps."id"
      ) fp ON fp."personId" = p."id"
      WHERE p."orgId" = ${orgId} AND p."employmentType" = 'EMPLOYEE' AND (p."endDate" IS NULL OR p."endDate" >= ${from}::date) ${inUnits(Prisma.sql`p."orgUnitId"`)}
      UNION ALL
      SELECT ps."orgUnitId",
             CASE WHEN ps."status" = 'BACKFILL' THEN GREATEST(bf."endDate" + 1, ps."targetStartDate", ${today}::date)
                  ELSE GREATEST(ps."targetStartDate", ${today}::date) END + o."delay",
             NULL::date, ps."annualCompCents", COALESCE(ps."loadedCostMultiplier", o."mult")
      FROM "Position" ps CROSS JOIN fc_org o
      LEFT JOIN "Person" bf ON bf."id" = ps."backfillForId" AND bf."orgId" = ps."orgId"
      WHERE ps."orgId" = ${orgId} AND ps."status" IN ('OPEN', 'PLANNED', 'BACKFILL') ${inUnits(Prisma.sql`ps."orgUnitId"`)}
    ),
    -- Each person-month rounded once (days in post ÷ days in the month), then added.
    fc_personnel AS (
      SELECT x."orgUnitId", m."month", SUM(${cost}) AS "amount"
      FROM fc_pay x JOIN fc_months m ON x."fromDay" <= m."last" AND (x."toDay" IS NULL OR x."toDay" >= m."month")
      GROUP BY x."orgUnitId", m."month"
    ),
    -- The run-rate of each unit × category with an actual in the window.
    fc_trend AS (
      SELECT a."orgUnitId", a."category", GREATEST(0, ${runRate}) AS "trend", bool_or(a."category" = ANY (o."lumpy")) AS "lumpy"
      FROM "ActualMonthly" a CROSS JOIN fc_org o -- the ledger summed per unit × category × month (exact; see the migration actual_monthly)
      WHERE a."orgId" = ${orgId} AND a."category" <> 'PERSONNEL'
        AND a."month" >= o."trailFrom" AND a."month" < ${current}::date ${inUnits(Prisma.sql`a."orgUnitId"`)}
      GROUP BY a."orgUnitId", a."category", o."window"
    ),
    -- Every commitment of the org in force in each month, whoever holds it: a vendor's coverage
    -- is shared among all its contracts, so a subtree reads them all to share it as the org does.
    fc_contract AS (
      SELECT c."id", c."vendorId", c."orgUnitId", c."category", c."startDate", m."month", ${monthly} AS "rate"
      FROM "Contract" c JOIN fc_months m ON c."startDate" <= m."last" AND (c."endDate" >= m."month" OR c."autoRenew")
      WHERE c."orgId" = ${orgId} AND c."status" = 'ACTIVE' AND c."category" <> 'PERSONNEL'
    ),
    -- Each contracted vendor's run-rate anywhere in the org: its ledger lines of the window ÷ W
    -- (only vendors with a contract in the scope matter). One index-only range per vendor
    -- (ActualEntry's vendor index covers vendor, day, category and amount), not every line the
    -- vendors ever had.
    fc_vendor AS (
      SELECT v."vendorId", ${vendorRate} AS "covered"
      FROM (SELECT DISTINCT "vendorId" FROM fc_contract WHERE true ${inUnits(Prisma.sql`"orgUnitId"`)}) v CROSS JOIN fc_org o
      CROSS JOIN LATERAL (
        SELECT SUM(e."amountCents") AS "cents" FROM "ActualEntry" e
        WHERE e."orgId" = ${orgId} AND e."vendorId" = v."vendorId" AND e."bookedOn" >= o."trailFrom" AND e."bookedOn" < ${current}::date AND e."category" <> 'PERSONNEL'
      ) l
      WHERE l."cents" IS NOT NULL
    ),
    -- What each commitment exceeds its vendor's run-rate by: the run-rate covers the vendor's
    -- contracts in order (oldest first), so together they add max(0, Σ commitments − run-rate).
    fc_uncovered AS (
      SELECT "orgUnitId", "category", "month", GREATEST(0, LEAST("rate", "cum" - "covered")) AS "uncovered"
      FROM (
        SELECT k."orgUnitId", k."category", k."month", k."rate", COALESCE(v."covered", 0) AS "covered",
               SUM(k."rate") OVER (PARTITION BY k."vendorId", k."month" ORDER BY k."startDate", k."id") AS "cum"
        FROM fc_contract k LEFT JOIN fc_vendor v ON v."vendorId" = k."vendorId"
      ) s
      WHERE "cum" - "covered" > 0 ${inUnits(Prisma.sql`"orgUnitId"`)}
    ),
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
