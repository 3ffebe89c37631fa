import { type FloorInput, he, type Q, q, scope } from "./common";

/** The forecast's open months of the fiscal year: first-of-month dates from the current month (or the year's start if later) to the year's last. */
export function openMonths(f: FloorInput): string[] {
  const first = (d: string) => new Date(`${d.slice(0, 7)}-01T00:00:00Z`);
  const months: string[] = [];
  const start = first(f.today) > first(f.fyStart) ? first(f.today) : first(f.fyStart);
  for (let m = start; m <= first(f.fyEnd); m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1)))
    months.push(m.toISOString().slice(0, 10));
  return months;
}

// The money facts of the fiscal year for the units of CTE `s`, forecast included, as CTE
// `mf(u, c, m, plan, actual, fcst)` plus `fc(u, c, m, v, src)` (the forecast cells): the same
// definitions as the app's forecast (docs/figures.md "Forecast"; lib/budgets/forecast-sql.ts),
// written here by hand. Open months are the current month and later; a closed month's forecast
// is its actual. The org's assumptions: multiplier, hiring delay, run-rate window w (months),
// lumpy categories. PERSONNEL: each employee's loaded cost for the days of each month they are
// in post (comp × multiplier × days ÷ (12 × days in the month), half-even, per person-month);
// open/planned seats from max(target start, today) + hiring delay, backfills from max(the day
// after the departure, target start, today) + delay, by day likewise. Other categories per unit
// × category × month: the run-rate (the last w closed months ÷ w, at least 0) where the unit has
// an actual in those months and the category is not lumpy (or the org has no plan line in the
// month at all), else the plan; plus what its ACTIVE contracts (annual ÷ 12, half-even; an
// auto-renewing one past its end) commit beyond the vendor's org-wide run-rate (oldest contract
// covered first) and beyond the plan-based forecast of the holder's subtree. The current month:
// at least what is booked in it. Parameters: $1 org, $2 today, $3/$4 fiscal year start/end
// (positions given by the caller); `months` the open months (openMonths), `scoped` false when
// `s` is the whole org.
export function moneyCtes(today: string, fyStart: string, fyEnd: string, months: string[], scoped: boolean): string {
  // Every input is read for the scope's units only; the whole org's scope is every row of the org,
  // so no filter is needed there (and none is planned). Vendors' spend and contracts are the
  // exception: a vendor's run-rate is shared among all its contracts, whoever holds them.
  const inS = (col: string) => (scoped ? `AND ${col} IN (SELECT id FROM s)` : "");
  // The open months as a literal array: the planner then knows there are a handful (a
  // generate_series over dates is estimated at 1,000 rows, which made it sort and merge-join).
  const open = `'{${months.join(",")}}'::date[]`;
  return `
    fm AS (SELECT m, (m + interval '1 month')::date - 1 AS e, extract(day FROM (m + interval '1 month')::date - 1) AS dim,
                  EXISTS (SELECT 1 FROM "BudgetLine" WHERE "orgId" = $1 AND month = m) AS planned
           FROM unnest(${open}) AS m),
    og AS (SELECT "loadedCostMultiplier" AS mult, "hiringDelayDays" AS delay, "forecastRunRateMonths" AS w, "forecastLumpyCategories" AS lumpy,
                  date_trunc('month', ${today}::date)::date AS t1, (date_trunc('month', ${today}::date) - make_interval(months => "forecastRunRateMonths"))::date AS t0
           FROM "Organization" WHERE id = $1),
    fp AS (SELECT DISTINCT ON ("personId") "personId" AS id, "loadedCostMultiplier" AS mult FROM "Position"
           WHERE "orgId" = $1 AND status = 'FILLED' AND "personId" IS NOT NULL ORDER BY "personId", id),
    pay AS (
      SELECT pe."orgUnitId" AS u, pe."startDate" AS f, pe."endDate" AS t, pe."annualCompCents"::numeric AS comp, coalesce(fp.mult, og.mult) AS mult
      FROM "Person" pe CROSS JOIN og LEFT JOIN fp ON fp.id = pe.id
      WHERE pe."orgId" = $1 AND pe."employmentType" = 'EMPLOYEE' AND (pe."endDate" IS NULL OR pe."endDate" >= (${open})[1]) ${inS(`pe."orgUnitId"`)}
      UNION ALL
      SELECT ps."orgUnitId", greatest(CASE WHEN ps.status = 'BACKFILL' THEN l."endDate" + 1 END, ps."targetStartDate", ${today}::date) + og.delay,
             NULL, ps."annualCompCents"::numeric, coalesce(ps."loadedCostMultiplier", og.mult)
      FROM "Position" ps CROSS JOIN og LEFT JOIN "Person" l ON l.id = ps."backfillForId" AND l."orgId" = $1
      WHERE ps."orgId" = $1 AND ps.status IN ('OPEN', 'PLANNED', 'BACKFILL') ${inS(`ps."orgUnitId"`)}
    ),
    rr AS (SELECT "orgUnitId" AS u, category AS c, greatest(0, ${he(`sum("amountCents")::numeric / og.w`)}) AS v, category = ANY(og.lumpy) AS lumpy
           FROM "ActualMonthly" CROSS JOIN og
           WHERE "orgId" = $1 AND category <> 'PERSONNEL' AND month >= og.t0 AND month < og.t1 ${inS(`"orgUnitId"`)} GROUP BY 1, 2, og.w, og.lumpy),
    k AS (SELECT ct.id, ct."vendorId" AS vid, ct."orgUnitId" AS u, ct.category AS c, ct."startDate" AS sd, fm.m, ${he(`ct."annualAmountCents"::numeric / 12`)} AS r
          FROM "Contract" ct JOIN fm ON ct."startDate" <= fm.e AND (ct."autoRenew" OR ct."endDate" >= fm.m)
          WHERE ct."orgId" = $1 AND ct.status = 'ACTIVE' AND ct.category <> 'PERSONNEL'),
    -- one index-only range per vendor with a contract in the scope
    vr AS (SELECT kv.vid, ${he(`x.s::numeric / og.w`)} AS v FROM (SELECT DISTINCT vid FROM k WHERE true ${inS("u")}) kv CROSS JOIN og
           CROSS JOIN LATERAL (SELECT sum("amountCents") AS s FROM "ActualEntry" WHERE "orgId" = $1 AND "vendorId" = kv.vid AND "bookedOn" >= og.t0 AND "bookedOn" < og.t1 AND category <> 'PERSONNEL') x
           WHERE x.s IS NOT NULL),
    un AS (SELECT u, c, m, greatest(0, least(r, cum - cov)) AS v FROM (
             SELECT k.u, k.c, k.m, k.r, coalesce(vr.v, 0) AS cov, sum(k.r) OVER (PARTITION BY k.vid, k.m ORDER BY k.sd, k.id) AS cum
             FROM k LEFT JOIN vr ON vr.vid = k.vid) z
           WHERE cum - cov > 0 ${inS(`u`)}),
    -- Each unit × category with a plan, a run-rate or an uncovered commitment, for every open month
    -- (stacked and summed in one hash aggregate): t is the run-rate where it applies, else NULL.
    bs AS (SELECT u, c, m, coalesce(sum(p), 0) AS p, max(t) AS t, coalesce(sum(cv), 0) AS cv FROM (
             SELECT "orgUnitId" AS u, category AS c, month AS m, "amountCents"::numeric AS p, NULL::numeric AS t, NULL::numeric AS cv FROM "BudgetLine"
             WHERE "orgId" = $1 AND category <> 'PERSONNEL' AND month = ANY(${open}) ${inS(`"orgUnitId"`)}
             UNION ALL
             SELECT rr.u, rr.c, fm.m, NULL, rr.v, NULL FROM rr CROSS JOIN fm WHERE NOT rr.lumpy OR NOT fm.planned
             UNION ALL
             SELECT u, c, m, NULL, NULL, v FROM un) x
           GROUP BY u, c, m),
    ex AS (SELECT h.u, h.c, h.m, greatest(0, h.cv - coalesce(sum(d.p) FILTER (WHERE d.t IS NULL), 0)) AS e
           FROM bs h JOIN "OrgUnitClosure" cl ON cl."orgId" = $1 AND cl."ancestorId" = h.u
           LEFT JOIN bs d ON d.u = cl."descendantId" AND d.c = h.c AND d.m = h.m
           WHERE h.cv > 0 GROUP BY h.u, h.c, h.m, h.cv),
    -- The cells before what is booked in the current month.
    f0 AS (
      SELECT x.u, 'PERSONNEL'::"BudgetCategory" AS c, fm.m,
             sum(${he(`x.comp * x.mult * (least(coalesce(x.t, fm.e), fm.e) - greatest(x.f, fm.m) + 1) / (12 * fm.dim)`)}) AS v, 'people' AS src
      FROM pay x JOIN fm ON x.f <= fm.e AND (x.t IS NULL OR x.t >= fm.m) GROUP BY x.u, fm.m
      UNION ALL
      SELECT u, c, m, sum(b) + coalesce(sum(e), 0), CASE WHEN sum(e) > 0 THEN 'contracts' WHEN bool_or(r) THEN 'trend' ELSE 'plan' END FROM (
        SELECT u, c, m, coalesce(t, p) AS b, NULL::numeric AS e, t IS NOT NULL AS r FROM bs UNION ALL SELECT u, c, m, NULL, e, NULL FROM ex) y
      GROUP BY u, c, m
    ),
    fc AS (
      SELECT u, c, m, greatest(coalesce(max(v), 0), max(bk)) AS v,
             CASE WHEN max(bk) > coalesce(max(v), 0) THEN 'booked' ELSE max(src) END AS src FROM (
        SELECT u, c, m, v, NULL::numeric AS bk, src FROM f0
        UNION ALL
        SELECT "orgUnitId", category, month, NULL, "amountCents", NULL FROM "ActualMonthly" CROSS JOIN og
        WHERE "orgId" = $1 AND month = og.t1 AND og.t1 = ANY(${open}) ${inS(`"orgUnitId"`)}) z
      GROUP BY u, c, m
      HAVING greatest(coalesce(max(v), 0), max(bk)) <> 0
    ),
    -- Every reader sums these rows per unit, category and/or month: the money cells of the
    -- summary MoneyMonthly (plan and actual of one unit × category × month in one row, as the
    -- pages read them) and the forecast cells, stacked (UNION ALL), not paired by a FULL JOIN. A
    -- closed month's forecast is its actual.
    mf AS (
      SELECT "orgUnitId" AS u, category AS c, month AS m, "planCents" AS plan, "actualCents" AS actual,
             CASE WHEN month < date_trunc('month', ${today}::date) THEN "actualCents" ELSE 0 END AS fcst FROM "MoneyMonthly"
      WHERE "orgId" = $1 AND month BETWEEN ${fyStart}::date AND ${fyEnd}::date ${inS(`"orgUnitId"`)}
      UNION ALL
      SELECT u, c, m, 0, 0, v::bigint FROM fc
    )`;
}

export function finance(f: FloorInput): Q[] {
  return [
    // the rollup of the full year: each unit's subtree, each category (with how many forecast
    // cells each rule set), each month (running totals) and the 8 largest variances — plan,
    // actual and forecast, the forecast computed once
    q(
      `WITH s AS (${scope(null)}), ${moneyCtes("$2", "$3", "$4", openMonths(f), false)},
            -- mf read once: totals per unit × category and per month, one hashed pass
            g AS (SELECT GROUPING(m) = 1 AS isuc, u, c, m, sum(plan) AS plan, sum(actual) AS actual, sum(fcst) AS fcst FROM mf GROUP BY GROUPING SETS ((u, c), (m))),
            uc AS (SELECT u, c, plan, actual, fcst FROM g WHERE isuc)
       SELECT 'tree', ou.id, ou.name, sum(uc.plan), sum(uc.actual), sum(uc.fcst), NULL FROM "OrgUnit" ou JOIN "OrgUnitClosure" cl ON cl."orgId" = $1 AND cl."ancestorId" = ou.id
              LEFT JOIN uc ON uc.u = cl."descendantId" WHERE ou."orgId" = $1 GROUP BY ou.id
       UNION ALL SELECT 'cat', c::text, NULL, sum(plan), sum(actual), sum(fcst), (SELECT json_object_agg(src, n) FROM (SELECT src, count(*) n FROM fc WHERE fc.c = uc.c GROUP BY src) x)
              FROM uc GROUP BY c
       UNION ALL SELECT 'month', m::text, NULL, sum(plan) OVER w, sum(actual) OVER w, sum(fcst) OVER w, NULL FROM g WHERE NOT isuc WINDOW w AS (ORDER BY m)
       UNION ALL (SELECT 'top', u, c::text, plan, actual, fcst, NULL FROM uc WHERE fcst <> plan ORDER BY abs(fcst - plan) DESC, u, c::text LIMIT 8)`,
      f.orgId,
      f.today,
      f.fyStart,
      f.fyEnd,
    ),
    // the fiscal years with plan or actuals (for the year picker)
    q(
      `SELECT (SELECT min(month) FROM "BudgetLine" WHERE "orgId" = $1), (SELECT max(month) FROM "BudgetLine" WHERE "orgId" = $1),
              (SELECT min(month) FROM "ActualMonthly" WHERE "orgId" = $1), (SELECT max(month) FROM "ActualMonthly" WHERE "orgId" = $1)`,
      f.orgId,
    ),
    // the latest imports (revertable batches)
    q(
      `SELECT b.id, b.kind, b."fileName", b."rowCount", b."insertedCount", b."skippedCount", b.status, b."createdAt", b."revertedAt", us.name
       FROM "ImportBatch" b LEFT JOIN "User" us ON us.id = b."createdById" WHERE b."orgId" = $1 ORDER BY b."createdAt" DESC LIMIT 20`,
      f.orgId,
    ),
  ];
}
