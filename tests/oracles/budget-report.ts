import "server-only";

import { db } from "@/lib/db";
import { fiscalYearRange, toDateString } from "@/lib/fiscal";
import type { BudgetCategory } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { centsToNumber } from "@/lib/money";

// A test oracle, not a figure Keel shows: the budget-vs-actual report the first version had,
// with "plan to date" including the current month. Tests use it as an independent SQL reading
// of the plan and ledger tables (the product's own YTD is lib/budgets/period.ts + rollup.ts).

// Budget vs actual for one fiscal year. Variance = actual − plan to date (positive = over
// budget), where "plan to date" is the plan of the months elapsed so far (all months of a past
// year, none of a future one): comparing year-to-date actuals with a full-year plan would show
// every unit under budget until the last month.

type BudgetRow = {
  orgUnitId: string;
  unitName: string;
  unitCode: string;
  depth: number;
  category: BudgetCategory;
  /** Full fiscal-year plan */
  planCents: number;
  /** Plan of the months up to and including the as-of month (the current one for this year) */
  planToDateCents: number;
  actualCents: number;
  varianceCents: number;
  /** Variance as % of plan to date; null when there is no plan to date */
  variancePct: number | null;
  /** Tree order of the unit, then category order */
  order: number;
};

export type BudgetTotals = {
  planCents: number;
  planToDateCents: number;
  actualCents: number;
  varianceCents: number;
  variancePct: number | null;
};

export type BudgetReport = {
  fiscalYear: number;
  /** ISO dates: first and last day of the fiscal year, and the last day of the last month counted */
  start: string;
  end: string;
  asOf: string;
  rows: BudgetRow[];
  totals: BudgetTotals;
};

type RawRow = Omit<BudgetRow, "planCents" | "planToDateCents" | "actualCents" | "varianceCents" | "order"> & {
  planCents: bigint;
  planToDateCents: bigint;
  actualCents: bigint;
  varianceCents: bigint;
};

/** The fiscal year's first and last day, and the last day of the last month counted "to date". */
function budgetWindow(fiscalYear: number, startMonth: number, today: Date) {
  const range = fiscalYearRange(fiscalYear, startMonth);
  const asOfDate = today < range.start ? new Date(range.start.getTime() - 86_400_000) : today > range.end ? range.end : today;
  // Whole months on both sides: the as-of month's plan and all of its actuals, even those
  // booked later in the month (ledgers often book on the last day).
  const asOf = toDateString(new Date(Date.UTC(asOfDate.getUTCFullYear(), asOfDate.getUTCMonth() + 1, 0)));
  return { start: toDateString(range.start), end: toDateString(range.end), asOf };
}

export async function getBudgetReport(orgId: string, fiscalYear: number, startMonth: number, today = new Date()): Promise<BudgetReport> {
  const { start, end, asOf } = budgetWindow(fiscalYear, startMonth, today);
  // Plan and actuals are grouped separately (each GROUP BY unit × category) and then joined, so
  // a unit with actuals but no plan (or the reverse) still shows up.
  const [rows, totals] = await Promise.all([
    db.$queryRaw<RawRow[]>`
      WITH ${budgetCtes(orgId, start, end, asOf)}
      SELECT u."id" AS "orgUnitId", u."name" AS "unitName", u."code" AS "unitCode", u."depth",
             COALESCE(p."category", a."category")::text AS "category",
             COALESCE(p."plan", 0)::bigint AS "planCents",
             COALESCE(p."planToDate", 0)::bigint AS "planToDateCents",
             COALESCE(a."actual", 0)::bigint AS "actualCents",
             (COALESCE(a."actual", 0) - COALESCE(p."planToDate", 0))::bigint AS "varianceCents",
             ROUND((COALESCE(a."actual", 0) - p."planToDate") * 100.0 / NULLIF(p."planToDate", 0), 1)::float8 AS "variancePct"
      FROM plan p
      FULL OUTER JOIN actual a ON a."orgUnitId" = p."orgUnitId" AND a."category" = p."category"
      JOIN "OrgUnit" u ON u."id" = COALESCE(p."orgUnitId", a."orgUnitId") AND u."orgId" = ${orgId}
      LEFT JOIN LATERAL (
        SELECT array_agg(an."name" ORDER BY c."depth" DESC) AS "names"
        FROM "OrgUnitClosure" c JOIN "OrgUnit" an ON an."id" = c."ancestorId" AND an."orgId" = c."orgId"
        WHERE c."orgId" = u."orgId" AND c."descendantId" = u."id"
      ) path ON TRUE
      ORDER BY path."names", u."code", COALESCE(p."category", a."category")`,
    getBudgetTotals(orgId, fiscalYear, startMonth, today),
  ]);

  return {
    fiscalYear,
    start,
    end,
    asOf,
    rows: rows.map((r, order) => ({
      ...r,
      planCents: centsToNumber(r.planCents),
      planToDateCents: centsToNumber(r.planToDateCents),
      actualCents: centsToNumber(r.actualCents),
      varianceCents: centsToNumber(r.varianceCents),
      order,
    })),
    totals,
  };
}

/** Org-wide plan, plan to date and actuals of a fiscal year: one SQL aggregate. */
export async function getBudgetTotals(
  orgId: string,
  fiscalYear: number,
  startMonth: number,
  today = new Date(),
): Promise<BudgetTotals & { asOf: string }> {
  const { start, end, asOf } = budgetWindow(fiscalYear, startMonth, today);
  const [t] = await db.$queryRaw<{ planCents: bigint; planToDateCents: bigint; actualCents: bigint }[]>`
    WITH ${budgetCtes(orgId, start, end, asOf)}
    SELECT COALESCE((SELECT SUM("plan") FROM plan), 0)::bigint AS "planCents",
           COALESCE((SELECT SUM("planToDate") FROM plan), 0)::bigint AS "planToDateCents",
           COALESCE((SELECT SUM("actual") FROM actual), 0)::bigint AS "actualCents"`;
  const planToDate = centsToNumber(t?.planToDateCents);
  const actual = centsToNumber(t?.actualCents);
  return {
    asOf,
    planCents: centsToNumber(t?.planCents),
    planToDateCents: planToDate,
    actualCents: actual,
    varianceCents: actual - planToDate,
    // Rounded to 0.1 % like the rows; display only.
    variancePct: planToDate === 0 ? null : Math.round(((actual - planToDate) * 1000) / planToDate) / 10,
  };
}

function budgetCtes(orgId: string, start: string, end: string, asOf: string) {
  return Prisma.sql`
    plan AS (
      SELECT "orgUnitId", "category", SUM("amountCents") AS "plan",
             COALESCE(SUM("amountCents") FILTER (WHERE "month" <= ${asOf}::date), 0) AS "planToDate"
      FROM "BudgetLine"
      WHERE "orgId" = ${orgId} AND "month" BETWEEN ${start}::date AND ${end}::date
      GROUP BY "orgUnitId", "category"
    ),
    actual AS (
      SELECT "orgUnitId", "category", SUM("amountCents") AS "actual"
      FROM "ActualMonthly" -- the ledger summed per month (whole months: asOf is a month's last day)
      WHERE "orgId" = ${orgId} AND "month" BETWEEN ${start}::date AND ${asOf}::date
      GROUP BY "orgUnitId", "category"
    )`;
}
