import "server-only";

import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";

// The forecast, computed by the database: one set of CTEs that the rollup queries
// (lib/budgets/rollup.ts) include, ending in `fc("orgUnitId", "category" (the enum), "month", "amountCents", "source")`
// = one row per org unit × category × open month. Individual pay never leaves SQL: only these
// unit totals do; what a reader without pay access sees of them is lib/privacy/disclosure.ts's to decide.
// Table-driven tests: tests/integration/forecast.test.ts.
//
// Months are first-of-month dates. A cost counts for a WHOLE month when the person, slot or
// contract is in place on any day of it (no day proration: payroll and ledgers book by month).
//
// Rounding (the only places): a monthly loaded cost is annual comp × multiplier ÷ 12, rounded
// ONCE per person, half-even, to the cent; a contract's run-rate is annual ÷ 12, rounded
// half-even per contract; a trailing average is the 3 months' sum ÷ 3, rounded half-even.
// Everything else is exact integer addition.
//
// PERSONNEL (employees and unfilled seats; contractors are paid through CONTRACTORS invoices,
// which the plan/trend rule below covers, so they are not costed again here)
//   - an employee: monthly loaded cost from their start month to their end month;
//     multiplier = their FILLED position's override, else the org default;
//   - FILLED positions are the people above (never counted twice);
//   - OPEN / PLANNED positions: from (target start, or today when none or past) + hiring delay;
//   - BACKFILL positions: from (the latest of the departure, the target start and today) + hiring delay;
//   - CLOSED positions: nothing.
// Other categories (per org unit × category × month)
//   - base = the plan, or the trailing-3-month average of actuals when that is higher;
//   - committed = run-rate of ACTIVE contracts within their term, held by the unit;
//   - a commitment is a floor for the spend of the subtree that holds it (a department's cloud
//     commit is consumed by its teams' plans): the unit adds max(0, committed − Σ base of its
//     subtree). For a unit without children that is the largest of plan, trend and committed;
//   - the source says which rule set the amount (contracts > trend > plan; a tie keeps the plan).

export type ForecastSource = "people" | "plan" | "trend" | "contracts";

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
   * Subtree root (null or absent = the whole org). Every rule reads only the unit's own facts,
   * except the commitment floor, which reads the committed unit's subtree: for a unit inside the
   * subtree that is inside it too. So the cells of a subtree's units computed from the subtree's
   * facts alone equal the org-wide cells of those units (tests/integration/forecast.test.ts).
   */
  unitId?: string | null;
};

function monthStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

/** The open months of a period: from the current month (or the period's start if later) to its last month. */
export function forecastWindow(orgId: string, period: { start: Date; end: Date }, today: Date, unitId: string | null = null): ForecastWindow {
  const current = monthStart(today);
  return { orgId, from: current > period.start ? current : period.start, to: monthStart(period.end), today, unitId };
}

/** CTEs (to follow `WITH`) ending in `fc`: the forecast cells of the window. */
export function forecastCtes(w: ForecastWindow): Prisma.Sql {
  const { orgId } = w;
  const from = toDateString(w.from);
  // The calendar months of the window (a handful; passed as an array so the planner knows it is small).
  const months: string[] = [];
  for (let m = w.from; m <= w.to; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) months.push(toDateString(m));
  const to = toDateString(w.to);
  const today = toDateString(w.today);
  const current = monthStart(w.today);
  const trailingFrom = toDateString(new Date(Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - 3, 1)));
  const loaded = roundHalfEvenSql(Prisma.sql`x."comp"::numeric * x."mult" / 12`);
  const runRate = roundHalfEvenSql(Prisma.sql`c."annualAmountCents"::numeric / 12`);
  const average = roundHalfEvenSql(Prisma.sql`SUM("amountCents")::numeric / 3`);
  // Restrict every input to the subtree's units (a hash semi-join each) when one is given.
  const inUnits = (col: Prisma.Sql) => (w.unitId ? Prisma.sql`AND ${col} IN (SELECT "id" FROM fc_units)` : Prisma.empty);
  const units = w.unitId
    ? Prisma.sql`fc_units AS (SELECT "descendantId" AS "id" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${w.unitId}),`
    : Prisma.empty;
  return Prisma.sql`
    ${units}
    fc_org AS (
      SELECT "loadedCostMultiplier" AS "mult", "hiringDelayDays" AS "delay" FROM "Organization" WHERE "id" = ${orgId}
    ),
    fc_months AS (
      SELECT unnest(${months}::date[]) AS "month"
    ),
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
             CASE WHEN ps."status" = 'BACKFILL' THEN GREATEST(bf."endDate", ps."targetStartDate", ${today}::date)
                  ELSE GREATEST(ps."targetStartDate", ${today}::date) END + o."delay",
             NULL::date, ps."annualCompCents", COALESCE(ps."loadedCostMultiplier", o."mult")
      FROM "Position" ps CROSS JOIN fc_org o
      LEFT JOIN "Person" bf ON bf."id" = ps."backfillForId" AND bf."orgId" = ps."orgId"
      WHERE ps."orgId" = ${orgId} AND ps."status" IN ('OPEN', 'PLANNED', 'BACKFILL') ${inUnits(Prisma.sql`ps."orgUnitId"`)}
    ),
    fc_personnel AS (
      SELECT x."orgUnitId", m."month", SUM(${loaded}) AS "amount"
      FROM fc_pay x JOIN fc_months m ON x."fromDay" < m."month" + interval '1 month' AND (x."toDay" IS NULL OR x."toDay" >= m."month")
      GROUP BY x."orgUnitId", m."month"
    ),
    -- Each unit × category with a plan, a trend or a commitment, for every open month: plan lines,
    -- the trailing average (the same for every month) and contract run-rates stacked and summed in
    -- ONE hash aggregate, grouped by the category enum (a cell with none of them has base 0 and
    -- no excess: no forecast row). Joining the three by text keys made the planner sort.
    fc_committed AS (
      SELECT c."orgUnitId", c."category", m."month", SUM(${runRate}) AS "committed"
      FROM "Contract" c JOIN fc_months m ON c."startDate" < m."month" + interval '1 month' AND c."endDate" >= m."month"
      WHERE c."orgId" = ${orgId} AND c."status" = 'ACTIVE' AND c."category" <> 'PERSONNEL' ${inUnits(Prisma.sql`c."orgUnitId"`)}
      GROUP BY 1, 2, 3
    ),
    fc_base AS (
      SELECT "orgUnitId", "category", "month", COALESCE(SUM("plan"), 0) AS "plan", MAX("trend") AS "trend",
             GREATEST(COALESCE(SUM("plan"), 0), MAX("trend")) AS "base", COALESCE(SUM("committed"), 0) AS "committed"
      FROM (
        SELECT "orgUnitId", "category", "month", "amountCents" AS "plan", NULL::numeric AS "trend", NULL::numeric AS "committed"
        FROM "BudgetLine"
        WHERE "orgId" = ${orgId} AND "category" <> 'PERSONNEL' AND "month" BETWEEN ${from}::date AND ${to}::date ${inUnits(Prisma.sql`"orgUnitId"`)}
        UNION ALL
        SELECT tr."orgUnitId", tr."category", m."month", NULL, tr."trend", NULL
        FROM (
          SELECT "orgUnitId", "category", ${average} AS "trend"
          FROM "ActualMonthly" -- the ledger summed per unit × category × month (exact; see the migration actual_monthly)
          WHERE "orgId" = ${orgId} AND "category" <> 'PERSONNEL' AND "month" >= ${trailingFrom}::date AND "month" < ${toDateString(current)}::date ${inUnits(Prisma.sql`"orgUnitId"`)}
          GROUP BY 1, 2
        ) tr CROSS JOIN fc_months m
        UNION ALL
        SELECT "orgUnitId", "category", "month", NULL, NULL, "committed" FROM fc_committed
      ) x
      GROUP BY 1, 2, 3
    ),
    fc_excess AS (
      -- What each commitment exceeds Σ base of its unit's subtree by, per category and month.
      SELECT c."orgUnitId", c."category", c."month", GREATEST(0, c."committed" - COALESCE(SUM(d."base"), 0)) AS "excess"
      FROM fc_committed c
      JOIN "OrgUnitClosure" cl ON cl."orgId" = ${orgId} AND cl."ancestorId" = c."orgUnitId"
      LEFT JOIN fc_base d ON d."orgUnitId" = cl."descendantId" AND d."category" = c."category" AND d."month" = c."month"
      GROUP BY c."orgUnitId", c."category", c."month", c."committed"
    ),
    fc_other AS (
      -- Each base plus the excess of its commitment (if any): the two stacked and summed per cell
      -- in one hash aggregate rather than joined.
      SELECT "orgUnitId", "category", "month", MAX("plan") AS "plan", MAX("trend") AS "trend", SUM("base") AS "base", COALESCE(SUM("excess"), 0) AS "excess"
      FROM (
        SELECT "orgUnitId", "category", "month", "plan", "trend", "base", NULL::numeric AS "excess" FROM fc_base
        UNION ALL
        SELECT "orgUnitId", "category", "month", NULL, NULL, NULL, "excess" FROM fc_excess
      ) y
      GROUP BY 1, 2, 3
    ),
    fc AS (
      SELECT "orgUnitId", 'PERSONNEL'::"BudgetCategory" AS "category", "month", "amount"::bigint AS "amountCents", 'people'::text AS "source"
      FROM fc_personnel WHERE "amount" <> 0
      UNION ALL
      SELECT "orgUnitId", "category", "month", ("base" + "excess")::bigint,
             CASE WHEN "excess" > 0 THEN 'contracts' WHEN "trend" > "plan" THEN 'trend' ELSE 'plan' END
      FROM fc_other WHERE "base" + "excess" <> 0
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
