import { type FloorInput, type Q, q } from "./common";

/**
 * /large/headcount (whole org, current fiscal year):
 *  1. stat cards: positions budgeted in the year per status;
 *  2. plan vs actual by quarter, by the page's definitions (lib/headcount/plan.ts): planned heads
 *     (people in post on the year's first day plus positions budgeted up to the quarter that add
 *     a head), actual heads, open seats, hiring, joiners and attrition;
 *  3. cost of unfilled positions for the top two levels of units (subtree count and loaded cost);
 *  4. the positions table: the first page (100, in plan order) with unit, holder, backfilled
 *     person and pay, and their total for the pager.
 * No unit options: the filter searches units as you type (none is picked in this URL) and the
 * "new position" form loads its units when it opens.
 */
export function headcount(f: FloorInput): Q[] {
  const fy = `extract(year FROM $2::date)::int`;
  return [
    q(`SELECT status, count(*) FROM "Position" WHERE "orgId" = $1 AND "budgetFiscalYear" = ${fy} GROUP BY 1`, f.orgId, f.fyEnd),
    q(
      `WITH q(n, qs, qe) AS (SELECT n, ($2::date + make_interval(months => 3 * (n - 1)))::date, ($2::date + make_interval(months => 3 * n))::date - 1 FROM generate_series(1, 4) n),
       baseline AS (SELECT p.id FROM "Person" p WHERE p."orgId" = $1 AND p."startDate" <= $2::date AND (p."endDate" IS NULL OR p."endDate" >= $2::date)),
       adds AS (
         SELECT coalesce(ps."budgetFiscalQuarter", 1) AS n FROM "Position" ps
         WHERE ps."orgId" = $1 AND ps."budgetFiscalYear" = ${fy} AND ps.status <> 'CLOSED'
           AND (ps."personId" IS NULL OR ps."personId" NOT IN (SELECT id FROM baseline))
           AND (ps."backfillForId" IS NULL OR ps."backfillForId" NOT IN (SELECT id FROM baseline))
       )
       SELECT q.n,
         (SELECT count(*) FROM baseline) + (SELECT count(*) FROM adds a WHERE a.n <= q.n) AS planned,
         (SELECT count(*) FROM "Person" p WHERE p."orgId" = $1 AND p."startDate" <= least(q.qe, $3::date) AND (p."endDate" IS NULL OR p."endDate" >= least(q.qe, $3::date))) AS actual,
         (SELECT count(*) FROM "Position" ps WHERE ps."orgId" = $1 AND ps.status IN ('OPEN', 'BACKFILL') AND (ps."vacantFrom" IS NULL OR ps."vacantFrom" <= q.qe)
            AND (ps."budgetFiscalYear" < ${fy} OR (ps."budgetFiscalYear" = ${fy} AND coalesce(ps."budgetFiscalQuarter", 1) <= q.n))) AS open,
         (SELECT count(*) FROM "Position" ps WHERE ps."orgId" = $1 AND ps.status IN ('OPEN', 'BACKFILL') AND ps."targetStartDate" BETWEEN q.qs AND q.qe) AS hiring,
         (SELECT count(*) FROM "Person" p WHERE p."orgId" = $1 AND p."startDate" BETWEEN q.qs AND q.qe) AS joiners,
         (SELECT count(*) FROM "Person" p WHERE p."orgId" = $1 AND p."endDate" BETWEEN q.qs AND q.qe) AS attrition
       FROM q ORDER BY q.n`,
      f.orgId,
      f.fyStart,
      f.today,
    ),
    q(
      `SELECT u.id, u.name, u.code, u.depth, count(ps.id) AS positions,
         sum(ps."annualCompCents"::numeric * coalesce(ps."loadedCostMultiplier", o."loadedCostMultiplier")) AS loaded
       FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId"
       LEFT JOIN "OrgUnitClosure" c ON c."orgId" = u."orgId" AND c."ancestorId" = u.id
       LEFT JOIN "Position" ps ON ps."orgId" = u."orgId" AND ps."orgUnitId" = c."descendantId" AND ps.status IN ('PLANNED', 'OPEN', 'BACKFILL')
       WHERE u."orgId" = $1 AND u.depth <= 1 GROUP BY u.id ORDER BY u.depth, u.name`,
      f.orgId,
    ),
    q(
      `SELECT ps.id, ps.title, ps.level, ps.status, ps."targetStartDate", ps."budgetFiscalYear", ps."budgetFiscalQuarter", ps."annualCompCents",
         ps."compBandMinCents", ps."compBandMaxCents", coalesce(ps."loadedCostMultiplier", o."loadedCostMultiplier"), ps."vacantFrom",
         u.name AS unit, h.name AS holder, b.name AS "backfillFor", count(*) OVER () AS total
       FROM "Position" ps JOIN "Organization" o ON o.id = ps."orgId" JOIN "OrgUnit" u ON u.id = ps."orgUnitId" AND u."orgId" = $1
       LEFT JOIN "Person" h ON h.id = ps."personId" AND h."orgId" = $1 LEFT JOIN "Person" b ON b.id = ps."backfillForId" AND b."orgId" = $1
       WHERE ps."orgId" = $1 ORDER BY ps."budgetFiscalYear", ps."targetStartDate" NULLS LAST, ps.title, ps.id LIMIT 100`,
      f.orgId,
    ),
  ];
}
