import "server-only";

import { resolvePeriod } from "@/lib/budgets/period";
import { replicaDb as db } from "@/lib/db";
import { memoFigures, type DataTable } from "@/lib/figures-memo";
import { fiscalPeriod, toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import { planVsActual, type PlanQuarterRow } from "@/lib/headcount/plan";
import { scopeCte } from "@/lib/org/closure";
import type { DashboardParams } from "@/lib/dashboard/director";
import { daysOpenSql, openPositionSql, type PositionFilter } from "@/lib/headcount/position-filter";
import { overallocatedSql, type PeopleFilter } from "@/lib/people/list-filter";

// People panel figures of the dashboards (query counts: see lib/dashboard/director.ts).

type OpenPositionItem = { id: string; title: string; unitName: string; status: string; daysOpen: number };
export type PeopleFigures = {
  /** The period's quarter of the headcount plan: heads in post, planned heads, planned starts, departures. */
  quarter: PlanQuarterRow | null;
  /** glossary `open-positions` (today) */
  openPositions: number;
  /** glossary `days-open`: the average over the open positions. */
  avgDaysOpen: number;
  /** The open positions open longest, at most OLDEST_SHOWN. */
  oldest: OpenPositionItem[];
  /** glossary `over-allocated` (today) */
  overallocated: number;
  /** The people-list filters (lib/people/list-filter.ts) that list exactly the rows each figure counts. */
  filters: { heads: PeopleFilter | null; departures: PeopleFilter | null; overallocated: PeopleFilter };
  /** The positions-list filters (lib/headcount/position-filter.ts) likewise. */
  positionFilters: { open: PositionFilter; starts: PositionFilter | null };
};

/** Open positions the panel lists, longest open first; the rest are on the headcount page. */
const OLDEST_SHOWN = 5;

/** The tables people figures read (memo versions; tests/integration/figures-memo.test.ts checks the SQL). */
export const PEOPLE_TABLES: readonly DataTable[] = ["Allocation", "OrgUnit", "OrgUnitClosure", "Person", "Position"];

/** Headcount plan vs actual (lib/headcount/plan.ts) for the period's quarter + one query for open positions and allocations. */
export function getPeopleFigures(orgId: string, startMonth: number, p: DashboardParams, now = new Date()): Promise<PeopleFigures> {
  // Memoized per org data version and day (lib/figures-memo.ts).
  return memoFigures(orgId, "people", [startMonth, p.unitId, p.fiscalYear, p.period, toDateString(now)], PEOPLE_TABLES, () =>
    computePeopleFigures(orgId, startMonth, p, now),
  );
}

async function computePeopleFigures(orgId: string, startMonth: number, p: DashboardParams, now: Date): Promise<PeopleFigures> {
  const today = toDateString(now);
  const scope = scopeCte(orgId, p.unitId);
  // Year to date ends with the last closed month; its people figures stay on the current quarter, as for the year.
  const resolved = resolvePeriod(p.period === "ytd" ? "year" : p.period, p.fiscalYear, startMonth, now);
  // The quarter the period ends in (for year/ytd: the current quarter of that year, else Q4).
  const endQuarter = fiscalPeriod(resolved.end < now ? resolved.end : now > resolved.start ? now : resolved.end, startMonth).quarter;
  const [plan, rows] = await Promise.all([
    planVsActual(orgId, { unitId: p.unitId, fiscalYear: p.fiscalYear, startMonth, today: now }),
    db.$queryRaw<
      (
        | { kind: "sum"; open: number; avgDays: number; over: number }
        | { kind: "pos"; id: string; title: string; unitName: string; status: string; daysOpen: number }
      )[]
    >`
      WITH scope AS (${scope}),
      open AS (
        SELECT ps.id, ps.title, ps.status::text AS status, u.name AS "unitName",
               ${daysOpenSql("ps", today)} AS "daysOpen"
        FROM "Position" ps JOIN "OrgUnit" u ON u.id = ps."orgUnitId"
        WHERE ps."orgId" = ${orgId} AND ${openPositionSql("ps", today)} AND ps."orgUnitId" IN (SELECT "id" FROM scope)
      ),
      over AS (
        ${overallocatedSql(orgId, today, Prisma.sql`SELECT pe."id" FROM "Person" pe WHERE pe."orgId" = ${orgId} AND pe."orgUnitId" IN (SELECT "id" FROM scope)`)}
      )
      (SELECT 'sum' AS "kind", (SELECT COUNT(*)::int FROM open) AS "open", (SELECT COALESCE(ROUND(AVG("daysOpen")), 0)::int FROM open) AS "avgDays",
              (SELECT COUNT(*)::int FROM over) AS "over", NULL AS id, NULL AS title, NULL AS "unitName", NULL AS status, NULL::int AS "daysOpen")
      UNION ALL
      (SELECT 'pos', NULL, NULL, NULL, id, title, "unitName", status, "daysOpen" FROM open ORDER BY "daysOpen" DESC, title, id LIMIT ${OLDEST_SHOWN})`,
  ]);
  const sum = rows.find((r) => r.kind === "sum") as { open: number; avgDays: number; over: number } | undefined;
  const quarter = plan.find((q) => q.quarter === endQuarter) ?? null;
  return {
    quarter,
    openPositions: sum?.open ?? 0,
    avgDaysOpen: sum?.avgDays ?? 0,
    oldest: rows
      .filter((r) => r.kind === "pos")
      .map((r) => ({ id: r.id, title: r.title, unitName: r.unitName, status: r.status, daysOpen: r.daysOpen })),
    overallocated: sum?.over ?? 0,
    filters: {
      // Heads are counted on the quarter's last day, or today for the current quarter (none for a future one).
      heads: quarter && quarter.actual !== null ? { status: "in-post", on: quarter.end < today ? quarter.end : today } : null,
      departures: quarter ? { status: "leaving", from: quarter.start, to: quarter.end } : null,
      overallocated: { status: "overallocated", on: today },
    },
    positionFilters: {
      open: { status: "open", on: today },
      starts: quarter ? { status: "starting", from: quarter.start, to: quarter.end } : null,
    },
  };
}
