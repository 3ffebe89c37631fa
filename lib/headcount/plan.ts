import "server-only";

import { db } from "@/lib/db";
import { fiscalQuarterRange, fiscalYearRange, toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PositionStatus } from "@/lib/generated/prisma/enums";
import { centsToNumber } from "@/lib/money";
import { monthlyFromScaledSum } from "@/lib/headcount/cost";
import { type RawPlanQuarter, storedPlanVsActual } from "@/lib/headcount/heads-summary";
import { openPositionSql, plannedStartSql, unfilledPositionSql } from "@/lib/headcount/position-filter";
import { scopeCte } from "@/lib/org/closure";
import { inPostSql } from "@/lib/people/queries";

// Headcount plan vs actual for an org unit subtree (or the whole org) and a fiscal year, by
// quarter. All counting happens in SQL; the definitions are the glossary's
// (lib/figures/definitions.ts, shown on the page under "How this is counted"):
// - planned heads at the end of quarter Q: the people in post on the first day of the fiscal
//   year, plus every position of the hiring plan budgeted in that year up to Q that adds a head
//   (not CLOSED, not opened outside the plan, not held by or backfilling someone who was already
//   counted on day one). A requisition opened outside the plan never raises it;
// - actual heads: people in post on the quarter's last day (today for the current quarter,
//   none for future quarters);
// - open: the open positions today (lib/headcount/position-filter.ts), for the current quarter
//   only — a position's past status is not kept, so no other quarter has the figure;
// - hiring (planned starts): open positions whose target start falls in the quarter;
// - joiners / attrition (departures): people whose first / last day falls in the quarter.

export type PlanQuarterRow = {
  quarter: number;
  label: string;
  start: string;
  end: string;
  planned: number;
  actual: number | null;
  /** Open positions today: the current quarter only. */
  open: number | null;
  hiring: number;
  joiners: number;
  attrition: number;
};

function subtree(alias: string, orgId: string, unitId: string | null): Prisma.Sql {
  if (!unitId) return Prisma.empty;
  const a = Prisma.raw(`"${alias}"`);
  return Prisma.sql`AND EXISTS (SELECT 1 FROM "OrgUnitClosure" c WHERE c."orgId" = ${orgId} AND c."ancestorId" = ${unitId} AND c."descendantId" = ${a}."orgUnitId")`;
}

type PlanOpts = { unitId: string | null; fiscalYear: number; startMonth: number; today?: Date };

/** The fiscal year's quarters, each with the day its heads in post are counted on. */
function planQuarters(opts: PlanOpts) {
  const now = opts.today ?? new Date();
  const today = toDateString(now);
  const fy = fiscalYearRange(opts.fiscalYear, opts.startMonth);
  const quarters = [1, 2, 3, 4].map((q) => {
    const r = fiscalQuarterRange(opts.fiscalYear, q, opts.startMonth);
    const start = toDateString(r.start);
    const end = toDateString(r.end);
    return { q, start, end, asOf: end < today ? end : today };
  });
  const values = Prisma.join(quarters.map((x) => Prisma.sql`(${x.q}::int, ${x.start}::date, ${x.end}::date, ${x.asOf}::date)`));
  return { now, today, fyStart: toDateString(fy.start), fyEnd: toDateString(fy.end), quarters, values };
}

function toPlanRows(rows: RawPlanQuarter[], p: ReturnType<typeof planQuarters>): PlanQuarterRow[] {
  return rows.map((r) => {
    const x = p.quarters[r.quarter - 1];
    return {
      quarter: r.quarter,
      label: `Q${r.quarter}`,
      start: x.start,
      end: x.end,
      planned: r.planned,
      actual: x.start > p.today ? null : r.actual,
      open: r.open,
      hiring: r.hiring,
      joiners: r.joiners,
      attrition: r.attrition,
    };
  });
}

/** The plan vs actual by quarter: from the stored heads when they are current, else computed. */
export async function planVsActual(orgId: string, opts: PlanOpts): Promise<PlanQuarterRow[]> {
  return (await storedPlanVsActualRows(orgId, opts)) ?? (await computedPlanVsActual(orgId, opts));
}

/** The plan vs actual from the stored heads (lib/headcount/heads-summary.ts); null when they are not current or lack the year. */
export async function storedPlanVsActualRows(orgId: string, opts: PlanOpts): Promise<PlanQuarterRow[] | null> {
  const p = planQuarters(opts);
  const rows = await storedPlanVsActual(orgId, opts.unitId, p.values, { start: p.fyStart, end: p.fyEnd }, p.now);
  return rows && toPlanRows(rows, p);
}

/** The plan vs actual computed from the subtree's people and positions (what the stored heads are proven equal to). */
export async function computedPlanVsActual(orgId: string, opts: PlanOpts): Promise<PlanQuarterRow[]> {
  const { unitId, fiscalYear } = opts;
  const p = planQuarters(opts);
  const { fyStart, today, values } = p;
  // The subtree's people and live positions are read once (not once per quarter and figure), then
  // each quarter's figures are counted over those few rows.
  const rows = await db.$queryRaw<RawPlanQuarter[]>`
    WITH q("quarter", "qs", "qe", "asOf") AS (VALUES ${values}),
    scope AS (${scopeCte(orgId, unitId)}),
    people AS MATERIALIZED (
      SELECT p."id", p."startDate", p."endDate" FROM "Person" p
      WHERE p."orgId" = ${orgId} AND p."orgUnitId" IN (SELECT "id" FROM scope)
    ),
    positions AS MATERIALIZED (
      SELECT ps."status", ps."budgetFiscalYear", ps."budgetFiscalQuarter", ps."vacantFrom", ps."targetStartDate", ps."personId", ps."backfillForId", ps."outsidePlan"
      FROM "Position" ps
      WHERE ps."orgId" = ${orgId} AND ps."orgUnitId" IN (SELECT "id" FROM scope) AND ps."status" <> 'CLOSED'
    ),
    baseline AS (
      SELECT p."id" FROM people p WHERE ${inPostSql("p", fyStart)}
    ),
    adds AS (
      SELECT COALESCE(ps."budgetFiscalQuarter", 1) AS "quarter" FROM positions ps
      WHERE ps."budgetFiscalYear" = ${fiscalYear} AND NOT ps."outsidePlan"
        AND (ps."personId" IS NULL OR ps."personId" NOT IN (SELECT "id" FROM baseline))
        AND (ps."backfillForId" IS NULL OR ps."backfillForId" NOT IN (SELECT "id" FROM baseline))
    )
    SELECT q."quarter",
      ((SELECT COUNT(*) FROM baseline) + (SELECT COUNT(*) FROM adds a WHERE a."quarter" <= q."quarter"))::int AS "planned",
      pe."actual", pe."joiners", pe."attrition", po."open", po."hiring"
    FROM q
    CROSS JOIN LATERAL (
      SELECT COUNT(*) FILTER (WHERE ${inPostSql("p", Prisma.sql`q."asOf"`)})::int AS "actual",
             COUNT(*) FILTER (WHERE p."startDate" BETWEEN q."qs" AND q."qe")::int AS "joiners",
             COUNT(*) FILTER (WHERE p."endDate" BETWEEN q."qs" AND q."qe")::int AS "attrition"
      FROM people p
    ) pe
    CROSS JOIN LATERAL (
      SELECT CASE WHEN ${today}::date BETWEEN q."qs" AND q."qe" THEN COUNT(*) FILTER (WHERE ${openPositionSql("ps", today)}) END::int AS "open",
             COUNT(*) FILTER (WHERE ${plannedStartSql("ps", Prisma.sql`q."qs"`, Prisma.sql`q."qe"`)})::int AS "hiring"
      FROM positions ps
    ) po
    ORDER BY q."quarter"`;
  return toPlanRows(rows, p);
}

export type FunnelCounts = Record<PositionStatus, number>;

/** Positions by status for the subtree, budgeted in the fiscal year (GROUP BY in SQL). */
export async function hiringFunnel(orgId: string, opts: { unitId: string | null; fiscalYear: number }): Promise<FunnelCounts> {
  const rows = await db.$queryRaw<{ status: PositionStatus; n: number }[]>`
    SELECT ps."status"::text AS "status", COUNT(*)::int AS "n" FROM "Position" ps
    WHERE ps."orgId" = ${orgId} ${subtree("ps", orgId, opts.unitId)} AND ps."budgetFiscalYear" = ${opts.fiscalYear}
    GROUP BY ps."status"`;
  const out: FunnelCounts = { PLANNED: 0, OPEN: 0, FILLED: 0, BACKFILL: 0, CLOSED: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export type UnitCostRow = {
  unitId: string;
  name: string;
  code: string;
  depth: number;
  /** Unfilled positions (glossary `unfilled-positions`) in the unit's subtree. */
  positions: number;
  /** Of those, the open positions today (glossary `open-positions`). */
  open: number;
  /** Monthly loaded cost of those positions, rounded once; null for a reader without pay access. */
  monthlyLoadedCostCents: number | null;
};

/**
 * Unfilled positions per unit subtree (the selected unit and its children), with their monthly
 * loaded cost for pay readers only. The cost is a figure of now that moves by one seat's pay at
 * every fill or departure, so no grouping makes it safe to compare over time: a reader without
 * pay access gets the counts (their cost is inside the budgets' forecast, docs/privacy.md).
 */
export async function unfilledCostByUnit(
  orgId: string,
  unitId: string | null,
  reader: { readsPay: boolean },
  now = new Date(),
): Promise<UnitCostRow[]> {
  const today = toDateString(now);
  const units = unitId ? Prisma.sql`u."id" = ${unitId} OR u."parentId" = ${unitId}` : Prisma.sql`u."depth" <= 1`;
  const rows = await db.$queryRaw<
    { unitId: string; name: string; code: string; depth: number; positions: number; open: number; scaled: string | null }[]
  >`
    SELECT u."id" AS "unitId", u."name", u."code", u."depth",
      COUNT(ps."id")::int AS "positions", (COUNT(ps."id") FILTER (WHERE ${openPositionSql("ps", today)}))::int AS "open",
      ${reader.readsPay ? Prisma.sql`SUM(ps."annualCompCents"::numeric * COALESCE(ps."loadedCostMultiplier", o."loadedCostMultiplier") * 10000)::text` : Prisma.sql`NULL::text`} AS "scaled"
    FROM "OrgUnit" u
    JOIN "Organization" o ON o."id" = u."orgId"
    LEFT JOIN "OrgUnitClosure" c ON c."orgId" = u."orgId" AND c."ancestorId" = u."id"
    LEFT JOIN "Position" ps ON ps."orgId" = u."orgId" AND ps."orgUnitId" = c."descendantId" AND ${unfilledPositionSql("ps")}
    WHERE u."orgId" = ${orgId} AND (${units}) AND u."closedOn" IS NULL
    GROUP BY u."id", u."name", u."code", u."depth"
    ORDER BY u."depth", u."name"`;
  return rows.map((r) => ({
    unitId: r.unitId,
    name: r.name,
    code: r.code,
    depth: r.depth,
    positions: r.positions,
    open: r.open,
    // The scaled sum is an exact integer (multipliers have four decimals): strip a ".0000" tail.
    monthlyLoadedCostCents: reader.readsPay ? centsToNumber(monthlyFromScaledSum(r.scaled ? r.scaled.split(".")[0] : null)) : null,
  }));
}
