import "server-only";

import { replicaDb, type Tx } from "@/lib/db";
import type { DataTable } from "@/lib/figures-memo";
import { fiscalMonthRange, fiscalYearOf, fiscalYearRange, toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import { openPositionSql, plannedStartSql } from "@/lib/headcount/position-filter";
import { scopeCte } from "@/lib/org/closure";
import { inPostSql } from "@/lib/people/in-post";
import { beginRefresh, formulaOf, isCurrentSql, type StoredFigureSpec, writeStoredState } from "@/lib/stored-figures/state";

// Heads per unit × month kept by the writers (issue 23 item 1): what the headcount plan vs actual
// (lib/headcount/plan.ts) counts, per person's or position's own unit and month of the current and
// next fiscal years, so a view sums a subtree's rows instead of reading every person and position.
// Per month: people in post at its end (today for the current month), joiners, departures, open
// positions with a target start in it, open positions today (today's month only), people in post
// on the fiscal year's first day (its first month only), and the hiring plan's positions that add
// a head, on their budget quarter's first month. Whether a position adds a head depends on the
// reader's subtree: one held by, or backfilling, someone in post on day one adds none when that
// person is in the subtree (they are counted already). So those positions are kept apart, under
// that person's unit, and the reader drops them when the unit is in its subtree.
// Like the other stored figures (lib/stored-figures) the rows are of one day and read only while
// current; tests/integration/heads-summary.test.ts proves them equal to the computation.

/** The tables the heads read; the org for its fiscal year's start month. */
const HEADS_TABLES: readonly DataTable[] = ["Organization", "Person", "Position"];

/** The counts a row holds; each is a fact's kind ("k") in headsCte. */
const COUNTS = ["inPost", "joiners", "departures", "dayOne", "starts", "open", "planAdds"] as const;

type Month = { month: string; end: string; fy: number; fq: number; quarterStart: boolean; fyStart: string };

/** The months stored: the current fiscal year and the next. */
function storedMonths(today: Date, startMonth: number): Month[] {
  const fy = fiscalYearOf(today, startMonth);
  return [fy, fy + 1].flatMap((y) =>
    Array.from({ length: 12 }, (_, i) => {
      const r = fiscalMonthRange(y, i + 1, startMonth);
      return {
        month: toDateString(r.start),
        end: toDateString(r.end),
        fy: y,
        fq: Math.floor(i / 3) + 1,
        quarterStart: i % 3 === 0,
        fyStart: toDateString(fiscalYearRange(y, startMonth).start),
      };
    }),
  );
}

/** The stored rows' counts, per own unit × month × (held, backfilled) day-one person's unit ('' = none). */
function headsCte(orgId: string, months: Month[], today: string): Prisma.Sql {
  const values = Prisma.join(
    months.map(
      (m) => Prisma.sql`(${m.month}::date, ${m.end}::date, ${m.fy}::int, ${m.fq}::int, ${m.quarterStart}::boolean, ${m.fyStart}::date)`,
    ),
  );
  const dayOneUnit = (alias: string) => {
    const a = Prisma.raw(`"${alias}"`);
    return Prisma.sql`CASE WHEN ${a}."id" IS NOT NULL AND ${inPostSql(alias, Prisma.sql`m."fyStart"`)} THEN ${a}."orgUnitId" ELSE '' END`;
  };
  return Prisma.sql`
    m("month", "end", "fy", "fq", "quarterStart", "fyStart") AS (VALUES ${values}),
    ps AS MATERIALIZED (
      SELECT ps."orgId", ps."orgUnitId", ps."status", ps."vacantFrom", ps."targetStartDate", ps."budgetFiscalYear",
             ps."budgetFiscalQuarter", ps."outsidePlan", ps."personId", ps."backfillForId"
      FROM "Position" ps WHERE ps."orgId" = ${orgId} AND ps."status" <> 'CLOSED'
    ),
    -- People in post at each month's end (today for this month and later): arrivals counted from
    -- their first day and departures from the day after their last, summed up the months per unit,
    -- instead of testing every person against every month. A record ending before it starts never counts.
    moves AS (
      SELECT e."orgUnitId", GREATEST(date_trunc('month', e."day")::date, (SELECT MIN("month") FROM m)) AS "month", SUM(e."delta") AS "n"
      FROM (
        SELECT p."orgUnitId", p."startDate" AS "day", 1 AS "delta" FROM "Person" p
        WHERE p."orgId" = ${orgId} AND (p."endDate" IS NULL OR p."endDate" >= p."startDate")
        UNION ALL
        SELECT p."orgUnitId", p."endDate" + 1, -1 FROM "Person" p WHERE p."orgId" = ${orgId} AND p."endDate" >= p."startDate"
      ) e
      WHERE e."day" <= ${today}::date
      GROUP BY 1, 2
    ),
    inpost AS (
      SELECT u."orgUnitId", m."month", SUM(COALESCE(mv."n", 0)) OVER (PARTITION BY u."orgUnitId" COLLATE "C" ORDER BY m."month") AS "n"
      FROM (SELECT DISTINCT "orgUnitId" FROM moves) u CROSS JOIN m
      LEFT JOIN moves mv ON mv."orgUnitId" = u."orgUnitId" AND mv."month" = m."month"
    ),
    -- Each fact with its count; the equalities on the month let the joins hash (the ranges say the rule).
    facts AS (
      SELECT "orgUnitId", "month", '' AS "held", '' AS "backfilled", 'inPost' AS "k", "n" FROM inpost WHERE "n" <> 0
      UNION ALL
      SELECT p."orgUnitId", m."month", '', '', 'joiners', 1 FROM "Person" p
      JOIN m ON m."month" = date_trunc('month', p."startDate")::date AND p."startDate" BETWEEN m."month" AND m."end" WHERE p."orgId" = ${orgId}
      UNION ALL
      SELECT p."orgUnitId", m."month", '', '', 'departures', 1 FROM "Person" p
      JOIN m ON m."month" = date_trunc('month', p."endDate")::date AND p."endDate" BETWEEN m."month" AND m."end" WHERE p."orgId" = ${orgId}
      UNION ALL
      SELECT p."orgUnitId", m."month", '', '', 'dayOne', 1
      FROM "Person" p JOIN m ON m."month" = m."fyStart" AND ${inPostSql("p", Prisma.sql`m."fyStart"`)} WHERE p."orgId" = ${orgId}
      UNION ALL
      SELECT ps."orgUnitId", m."month", '', '', 'starts', 1
      FROM ps JOIN m ON m."month" = date_trunc('month', ps."targetStartDate")::date AND ${plannedStartSql("ps", Prisma.sql`m."month"`, Prisma.sql`m."end"`)}
      UNION ALL
      SELECT ps."orgUnitId", m."month", '', '', 'open', 1
      FROM ps JOIN m ON ${today}::date BETWEEN m."month" AND m."end" AND ${openPositionSql("ps", today)}
      UNION ALL
      -- A budget quarter below 1 counts from the first quarter, above 4 never (as plan.ts compares them).
      SELECT ps."orgUnitId", m."month", ${dayOneUnit("hp")}, ${dayOneUnit("bp")}, 'planAdds', 1
      FROM ps JOIN m ON m."quarterStart" AND m."fy" = ps."budgetFiscalYear" AND m."fq" = GREATEST(COALESCE(ps."budgetFiscalQuarter", 1), 1)
      LEFT JOIN "Person" hp ON hp."orgId" = ps."orgId" AND hp."id" = ps."personId"
      LEFT JOIN "Person" bp ON bp."orgId" = ps."orgId" AND bp."id" = ps."backfillForId"
      WHERE NOT ps."outsidePlan"
    ),
    heads AS (
      SELECT "orgUnitId", "month", "held", "backfilled",
        ${Prisma.join(COUNTS.map((c) => Prisma.raw(`COALESCE(SUM("n") FILTER (WHERE "k" = '${c}'), 0)::int AS "${c}"`)))}
      FROM facts GROUP BY "orgUnitId", "month", "held", "backfilled"
    )`;
}

/** The stored heads: their tables and the hash of the statement they are computed by. */
export const HEADS: StoredFigureSpec = {
  name: "heads",
  tables: HEADS_TABLES,
  // The months' shape is hashed too: it is passed as parameters, which formulaOf does not read.
  formula: formulaOf(
    headsCte("", storedMonths(new Date(Date.UTC(2000, 0, 15)), 1).slice(0, 1), "2000-01-15"),
    Prisma.raw(JSON.stringify(storedMonths(new Date(Date.UTC(2000, 0, 15)), 4))),
  ),
};

/**
 * Stores the org's heads of `today` (its current and next fiscal year), under the org's lock for
 * them, held to the commit. `ifStale`: nothing is done when the stored rows are current.
 */
export async function refreshHeads(tx: Tx, orgId: string, today: Date = new Date(), ifStale = false): Promise<void> {
  const { base, current } = await beginRefresh(tx, orgId, HEADS, today);
  if (ifStale && current) return;
  const [org] = await tx.$queryRaw<{ startMonth: number }[]>`
    SELECT "fiscalYearStartMonth" AS "startMonth" FROM "Organization" WHERE "id" = ${orgId}`;
  if (!org) return;
  const months = storedMonths(today, org.startMonth);
  const changed = Prisma.join(
    COUNTS.map((c) => Prisma.sql`c.${Prisma.raw(`"${c}"`)} <> h.${Prisma.raw(`"${c}"`)}`),
    " OR ",
  );
  const cols = Prisma.raw(COUNTS.map((c) => `"${c}"`).join(", "));
  // Changed rows only, found by a full join (as lib/dashboard/trend-summary.ts); months no longer
  // stored go too.
  await tx.$executeRaw`
    WITH ${headsCte(orgId, months, toDateString(today))},
    cur AS (SELECT * FROM "HeadsMonthly" WHERE "orgId" = ${orgId}),
    d AS (
      SELECT COALESCE(h."orgUnitId", c."orgUnitId") AS "orgUnitId", COALESCE(h."month", c."month") AS "month",
             COALESCE(h."held", c."heldUnitId") AS "held", COALESCE(h."backfilled", c."backfilledUnitId") AS "backfilled",
             ${Prisma.join(COUNTS.map((c) => Prisma.sql`h.${Prisma.raw(`"${c}"`)}`))}, h."orgUnitId" IS NULL AS "gone"
      FROM heads h FULL JOIN cur c ON c."orgUnitId" = h."orgUnitId" AND c."month" = h."month"
        AND c."heldUnitId" = h."held" AND c."backfilledUnitId" = h."backfilled"
      WHERE h."orgUnitId" IS NULL OR c."orgUnitId" IS NULL OR ${changed}
    ),
    gone AS (
      DELETE FROM "HeadsMonthly" f USING d
      WHERE d."gone" AND f."orgId" = ${orgId} AND f."orgUnitId" = d."orgUnitId" AND f."month" = d."month"
        AND f."heldUnitId" = d."held" AND f."backfilledUnitId" = d."backfilled"
    )
    INSERT INTO "HeadsMonthly" ("orgId", "orgUnitId", "month", "heldUnitId", "backfilledUnitId", ${cols})
    SELECT ${orgId}, "orgUnitId", "month", "held", "backfilled", ${cols} FROM d WHERE NOT d."gone"
    ON CONFLICT ("orgId", "month", "orgUnitId", "heldUnitId", "backfilledUnitId") DO UPDATE SET
      ${Prisma.join(COUNTS.map((c) => Prisma.raw(`"${c}" = EXCLUDED."${c}"`)))}`;
  await writeStoredState(tx, orgId, HEADS, base, today, { fromMonth: new Date(months[0].month), toMonth: new Date(months.at(-1)!.month) });
}

/** A quarter of the plan vs actual as both the computation and the stored rows give it (before plan.ts applies "today"). */
export type RawPlanQuarter = {
  quarter: number;
  planned: number;
  actual: number;
  open: number | null;
  hiring: number;
  joiners: number;
  attrition: number;
};

/**
 * The plan vs actual of the unit's subtree (the whole org when null) for the quarters `q`, from
 * the stored rows when they are current and hold the quarters' fiscal year; null otherwise
 * (compute it). One statement through the replica, so the check and the rows see one snapshot.
 */
export async function storedPlanVsActual(
  orgId: string,
  unitId: string | null,
  q: Prisma.Sql,
  fy: { start: string; end: string },
  today: Date,
): Promise<RawPlanQuarter[] | null> {
  const day = toDateString(today);
  const rows = await replicaDb.$queryRaw<RawPlanQuarter[]>`
    WITH q("quarter", "qs", "qe", "asOf") AS (VALUES ${q}),
    scope AS (${scopeCte(orgId, unitId)}),
    ok AS (
      SELECT 1 FROM "StoredFigure" s WHERE s."orgId" = ${orgId} AND s."figure" = ${HEADS.name}
        AND s."fromMonth" <= ${fy.start}::date AND s."toMonth" >= date_trunc('month', ${fy.end}::date)::date
        -- Stored by the reader's fiscal calendar: fromMonth is the first month of a stored year (rows
        -- sit on their year's and quarters' first months), so a start month changed since does not match.
        AND EXTRACT(MONTH FROM s."fromMonth") = EXTRACT(MONTH FROM ${fy.start}::date)
        AND ${isCurrentSql(orgId, HEADS, today)}
    ),
    -- The subtree's rows summed per month first (12 rows), then each quarter from those.
    h AS MATERIALIZED (
      SELECT hm."month", SUM(hm."inPost") AS "inPost", SUM(hm."joiners") AS "joiners", SUM(hm."departures") AS "departures",
             SUM(hm."dayOne") AS "dayOne", SUM(hm."starts") AS "starts", SUM(hm."open") AS "open",
             SUM(hm."planAdds") FILTER (WHERE hm."heldUnitId" NOT IN (SELECT "id" FROM scope)
               AND hm."backfilledUnitId" NOT IN (SELECT "id" FROM scope)) AS "adds"
      FROM "HeadsMonthly" hm
      WHERE EXISTS (SELECT 1 FROM ok) AND hm."orgId" = ${orgId} AND hm."month" BETWEEN ${fy.start}::date AND ${fy.end}::date
        AND hm."orgUnitId" IN (SELECT "id" FROM scope)
      GROUP BY hm."month"
    )
    SELECT q."quarter",
      (COALESCE((SELECT SUM("dayOne") FROM h), 0) + COALESCE((SELECT SUM(h."adds") FROM h WHERE h."month" <= q."qs"), 0))::int AS "planned",
      COALESCE((SELECT SUM(h."inPost") FROM h WHERE h."month" = date_trunc('month', q."asOf")::date), 0)::int AS "actual",
      CASE WHEN ${day}::date BETWEEN q."qs" AND q."qe" THEN COALESCE((SELECT SUM(h."open") FROM h), 0) END::int AS "open",
      COALESCE((SELECT SUM(h."starts") FROM h WHERE h."month" BETWEEN q."qs" AND q."qe"), 0)::int AS "hiring",
      COALESCE((SELECT SUM(h."joiners") FROM h WHERE h."month" BETWEEN q."qs" AND q."qe"), 0)::int AS "joiners",
      COALESCE((SELECT SUM(h."departures") FROM h WHERE h."month" BETWEEN q."qs" AND q."qe"), 0)::int AS "attrition"
    FROM q WHERE EXISTS (SELECT 1 FROM ok)
    ORDER BY q."quarter"`;
  return rows.length ? rows : null;
}
