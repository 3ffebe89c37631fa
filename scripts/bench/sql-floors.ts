import type pg from "pg";

// The SQL floor of each key page: the figures the page shows, computed by hand-written SQL, one
// query per panel, run in parallel on a pool as the app's panels are. What PostgreSQL itself
// needs for the page's numbers, with no ORM, no rendering and no HTTP.
// Actuals come from the maintained ledger summary ActualMonthly (org × month × unit × category,
// kept exact by triggers on ActualEntry) because the app reads it too: a floor that summed the
// ledger lines would measure work the app no longer does. (Before the summary, these read
// ActualEntry: bench figures from before the summary used that, higher, floor.)
// Every figure a page shows is computed here, no more: the money floors compute the forecast
// (before 2026-11-27 they summed plan and actuals only, a lower floor than the pages' work), and
// the dashboard floor the delivery review (at risk, stale by the update cadence with escalation,
// awaiting acknowledgement), blocked dependencies, the first renewals with their details and the quarter's
// headcount plan vs actual. The pool runs with jit=off, as the app's sessions do.

export type FloorInput = {
  orgId: string;
  deptId: string;
  projectId: string;
  today: string;
  /** Current fiscal quarter and year (calendar fiscal year in the generated orgs). */
  qStart: string;
  qEnd: string;
  fyStart: string;
  fyEnd: string;
};

type Q = { text: string; values: unknown[] };
const q = (text: string, ...values: unknown[]): Q => ({ text, values });

const scope = (unit: string | null) =>
  unit ? `SELECT "descendantId" AS id FROM "OrgUnitClosure" WHERE "orgId" = $1 AND "ancestorId" = '${unit}'` : `SELECT id FROM "OrgUnit" WHERE "orgId" = $1`;

// Half-even rounding to a whole number, written for the floors (x − floor(x) = ½ exactly: the
// even neighbour, 2 × round(x / 2); otherwise round()).
const he = (x: string) => `(CASE WHEN (${x}) - floor(${x}) = 0.5 THEN 2 * round((${x}) / 2) ELSE round(${x}) END)`;

/** The forecast's open months of the fiscal year: first-of-month dates from the current month (or the year's start if later) to the year's last. */
function openMonths(f: FloorInput): string[] {
  const first = (d: string) => new Date(`${d.slice(0, 7)}-01T00:00:00Z`);
  const months: string[] = [];
  const start = first(f.today) > first(f.fyStart) ? first(f.today) : first(f.fyStart);
  for (let m = start; m <= first(f.fyEnd); m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) months.push(m.toISOString().slice(0, 10));
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
function moneyCtes(today: string, fyStart: string, fyEnd: string, months: string[], scoped: boolean): string {
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
    -- Every reader sums these rows per unit, category and/or month, so plan lines, ledger cells
    -- and forecast cells are stacked (UNION ALL), not paired by a FULL JOIN. A closed month's
    -- forecast is its actual.
    mf AS (
      SELECT "orgUnitId" AS u, category AS c, month AS m, "amountCents" AS plan, 0::bigint AS actual, 0::bigint AS fcst FROM "BudgetLine"
      WHERE "orgId" = $1 AND month BETWEEN ${fyStart}::date AND ${fyEnd}::date ${inS(`"orgUnitId"`)}
      UNION ALL
      SELECT "orgUnitId", category, month, 0, "amountCents", CASE WHEN month < date_trunc('month', ${today}::date) THEN "amountCents" ELSE 0 END FROM "ActualMonthly"
      WHERE "orgId" = $1 AND month BETWEEN ${fyStart}::date AND ${fyEnd}::date ${inS(`"orgUnitId"`)}
      UNION ALL
      SELECT u, c, m, 0, 0, v::bigint FROM fc
    )`;
}

function dashboard(f: FloorInput, unit: string | null): Q[] {
  const s = scope(unit);
  const live = `p."archivedAt" IS NULL AND p.status IN ('ACTIVE','PAUSED','PLANNED')`;
  return [
    // delivery: health of active projects, milestones overdue / due in 28 days, blocked cross-team dependencies
    q(`WITH s AS (${s}), p AS (SELECT id, status, health, "orgUnitId" FROM "Project" WHERE "orgId" = $1 AND "archivedAt" IS NULL AND "orgUnitId" IN (SELECT id FROM s))
       SELECT (SELECT json_object_agg(health, n) FROM (SELECT health, count(*) n FROM p WHERE status = 'ACTIVE' GROUP BY health) x),
              (SELECT count(*) FILTER (WHERE m."dueDate" < $2::date) FROM "Milestone" m JOIN p ON p.id = m."projectId" WHERE m."orgId" = $1 AND m."doneDate" IS NULL AND p.status IN ('ACTIVE','PAUSED','PLANNED')),
              (SELECT count(*) FROM "Milestone" m JOIN p ON p.id = m."projectId" WHERE m."orgId" = $1 AND m."doneDate" IS NULL AND p.status IN ('ACTIVE','PAUSED','PLANNED') AND m."dueDate" BETWEEN $2::date AND $2::date + 28),
              (SELECT count(*) FROM "ProjectDependency" d JOIN p ON p.id = d."blockedId" JOIN "Project" b ON b.id = d."blockerId"
                WHERE d."orgId" = $1 AND b."orgUnitId" <> p."orgUnitId" AND p.status IN ('ACTIVE','PAUSED','PLANNED') AND b.status NOT IN ('DONE','CANCELLED') AND b.health IN ('AT_RISK','OFF_TRACK'))`,
      f.orgId, f.today),
    // delivery trend: health at the end of each of the last 12 weeks — each project's history read
    // once (latest update before the window + updates inside it) and spread over the weeks it covers
    q(`WITH s AS (${s}), p AS (SELECT id, "createdAt"::date born FROM "Project" WHERE "orgId" = $1 AND "archivedAt" IS NULL AND status IN ('ACTIVE','PAUSED')
                                 AND "createdAt"::date <= $2::date AND "orgUnitId" IN (SELECT id FROM s)),
            sp AS (SELECT e.health, CASE WHEN e.nx IS NULL THEN 0 ELSE ($2::date - e.nx + 7) / 7 END lo, least(11, ($2::date - greatest(e.d, p.born)) / 7) hi
                   FROM p CROSS JOIN LATERAL (SELECT health, d, lead(d) OVER (ORDER BY t) nx FROM (
                     SELECT (SELECT health FROM "StatusUpdate" WHERE "orgId" = $1 AND "projectId" = p.id AND "createdAt" < $2::date - 76 ORDER BY "createdAt" DESC LIMIT 1),
                            '-infinity'::date, '-infinity'::timestamp
                     UNION ALL (SELECT health, "createdAt"::date, "createdAt" FROM "StatusUpdate" WHERE "orgId" = $1 AND "projectId" = p.id
                                AND "createdAt" >= $2::date - 76 AND "createdAt" < $2::date + 1)) x(health, d, t)) e)
       SELECT $2::date - 7 * i, coalesce(health::text, 'UNKNOWN'), count(*) FROM sp, generate_series(lo, hi) i GROUP BY 1, 2`, f.orgId, f.today),
    // delivery lists: the next 12 open milestones and the 12 worst blocked cross-team dependencies
    q(`WITH s AS (${s})
       (SELECT 'm', m.id, m.name, m."dueDate"::text, p.id, p.name, NULL, NULL, NULL, NULL, NULL FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId"
        WHERE m."orgId" = $1 AND m."doneDate" IS NULL AND m."dueDate" <= $2::date + 28 AND ${live} AND p."orgUnitId" IN (SELECT id FROM s)
        ORDER BY m."dueDate", m.name, m.id LIMIT 12)
       UNION ALL
       (SELECT 'b', d.id, NULL, NULL, p.id, p.name, b.id, b.name, pu.name, bu.name, d.note FROM "ProjectDependency" d
        JOIN "Project" p ON p.id = d."blockedId" JOIN "Project" b ON b.id = d."blockerId" JOIN "OrgUnit" pu ON pu.id = p."orgUnitId" JOIN "OrgUnit" bu ON bu.id = b."orgUnitId"
        WHERE d."orgId" = $1 AND ${live} AND p."orgUnitId" IN (SELECT id FROM s) AND b."orgUnitId" <> p."orgUnitId" AND b.status NOT IN ('DONE','CANCELLED') AND b.health IN ('AT_RISK','OFF_TRACK')
        ORDER BY b.health DESC, p.name, d.id LIMIT 12)`, f.orgId, f.today),
    // delivery review: at-risk / off-track projects (count, the first 8 with their latest update),
    // stale projects by the org's update cadence (count, the 8 most behind with the person their
    // reporting line escalates to), latest updates awaiting acknowledgement (100, with author)
    q(`WITH s AS (${s}),
            g AS (SELECT CASE WHEN "updateCadence" = 'BIWEEKLY' THEN 14 ELSE 7 END AS len, greatest(0, "updateGraceDays") AS grace,
                         ((array_position(enum_range(NULL::"Weekday"), "updateDueWeekday") % 7) - 4 + 7) % 7 AS off0 FROM "Organization" WHERE id = $1),
            g2 AS (SELECT len, grace, CASE WHEN len = 14 AND off0 < 4 THEN off0 + 7 ELSE off0 END AS off FROM g),
            lp AS (SELECT p.id, p.name, p.health, p.status, u.name AS team, coalesce(p."leadId", u."leadId") AS line,
                          coalesce(p."lastUpdateAt"::date, greatest(p."startDate", p."createdAt"::date)) AS ref
                   FROM "Project" p JOIN "OrgUnit" u ON u.id = p."orgUnitId" WHERE p."orgId" = $1 AND ${live} AND p."orgUnitId" IN (SELECT id FROM s)),
            st AS (SELECT lp.*, ceil((($2::date - '1970-01-01'::date) - g2.off - g2.grace)::numeric / g2.len) - 1
                                 - ceil(((lp.ref - '1970-01-01'::date) - g2.off - g2.grace)::numeric / g2.len) AS missed
                   FROM lp CROSS JOIN g2 WHERE lp.status = 'ACTIVE'),
            stale AS (SELECT * FROM st WHERE missed >= 1),
            top8 AS (SELECT * FROM stale ORDER BY missed DESC, name LIMIT 8),
            esc AS (SELECT t.id, (WITH RECURSIVE l AS (SELECT pe.id, pe.name, pe."managerId", 0 AS lvl FROM "Person" pe WHERE pe."orgId" = $1 AND pe.id = t.line
                                    UNION ALL SELECT m.id, m.name, m."managerId", l.lvl + 1 FROM l JOIN "Person" m ON m.id = l."managerId" AND m."orgId" = $1 WHERE l.lvl < 32)
                                  SELECT name FROM l ORDER BY (lvl = least(t.missed, (SELECT max(lvl) FROM l))) DESC, lvl DESC LIMIT 1) AS escalated FROM top8 t),
            risk AS (SELECT id, name, health, team FROM lp WHERE health IN ('AT_RISK','OFF_TRACK') ORDER BY health DESC, name LIMIT 8)
       SELECT 'risk', (SELECT count(*) FROM lp WHERE health IN ('AT_RISK','OFF_TRACK')), r.id, r.name, r.team,
              (SELECT su.summary FROM "StatusUpdate" su WHERE su."orgId" = $1 AND su."projectId" = r.id ORDER BY su."createdAt" DESC LIMIT 1), NULL
       FROM risk r
       UNION ALL SELECT 'stale', (SELECT count(*) FROM stale), t.id, t.name, t.missed::text, e.escalated, NULL FROM top8 t JOIN esc e ON e.id = t.id
       UNION ALL (SELECT 'ack', NULL, x.id, lp.name, x.summary, us.name, x."createdAt"::text FROM lp CROSS JOIN LATERAL (
                    SELECT su.id, su.summary, su."authorId", su."createdAt", su."acknowledgedAt" FROM "StatusUpdate" su
                    WHERE su."orgId" = $1 AND su."projectId" = lp.id ORDER BY su."createdAt" DESC LIMIT 1) x
                  JOIN "User" us ON us.id = x."authorId" WHERE x."acknowledgedAt" IS NULL ORDER BY x."createdAt" DESC LIMIT 100)`,
      f.orgId, f.today),
    // money: the quarter's and the year's plan, actual and forecast (totals, year to date through
    // the last closed month — month to date is the current month's row of the months — the
    // drill-down rows of the unit's children, the top 5 variances, the year's months) — the
    // forecast computed once for the year
    q(`WITH s AS (${s}), ${moneyCtes("$2", "$5", "$6", openMonths(f), unit !== null)},
            -- mf read once: totals per unit × category (the year's and the quarter's) and per month, one hashed pass
            g AS (SELECT GROUPING(m) = 1 AS uc, u, c, m, sum(plan) AS plan, sum(actual) AS actual, sum(fcst) AS fcst,
                         sum(plan) FILTER (WHERE m BETWEEN $3::date AND $4::date) AS qplan, sum(actual) FILTER (WHERE m BETWEEN $3::date AND $4::date) AS qactual,
                         sum(fcst) FILTER (WHERE m BETWEEN $3::date AND $4::date) AS qfcst
                  FROM mf GROUP BY GROUPING SETS ((u, c), (m))),
            ch AS (SELECT id FROM "OrgUnit" WHERE "orgId" = $1 AND ${unit ? `"parentId" = '${unit}'` : `"parentId" IS NULL`})
       SELECT 'period', NULL, NULL, sum(plan), sum(actual), sum(fcst) FROM g WHERE NOT uc AND m BETWEEN $3::date AND $4::date
       UNION ALL SELECT 'year', NULL, NULL, sum(plan), sum(actual), sum(fcst) FROM g WHERE NOT uc
       UNION ALL SELECT 'ytd', NULL, NULL, sum(plan), sum(actual), NULL FROM g WHERE NOT uc AND m < date_trunc('month', $2::date)::date
       UNION ALL SELECT 'child', ch.id, NULL, sum(g.qplan), sum(g.qactual), sum(g.qfcst) FROM ch JOIN "OrgUnitClosure" cl ON cl."orgId" = $1 AND cl."ancestorId" = ch.id
                 LEFT JOIN g ON g.uc AND g.u = cl."descendantId" GROUP BY ch.id
       UNION ALL (SELECT 'top', u, c::text, qplan, qactual, qfcst FROM g WHERE uc AND qplan IS NOT NULL AND qfcst <> qplan ORDER BY abs(qfcst - qplan) DESC, u, c::text LIMIT 5)
       UNION ALL SELECT 'month', m::text, NULL, plan, actual, fcst FROM g WHERE NOT uc`,
      f.orgId, f.today, f.qStart, f.qEnd, f.fyStart, f.fyEnd),
    // money: contracts up for renewal (end or notice date) in 90 days: how many, and the first 6
    // (soonest first) with vendor, unit and owner
    q(`WITH s AS (${s}) SELECT c.*, v.name, u.name, o.name, count(*) OVER () AS total FROM "Contract" c JOIN "Vendor" v ON v.id = c."vendorId" JOIN "OrgUnit" u ON u.id = c."orgUnitId"
       LEFT JOIN "Person" o ON o.id = c."ownerId"
       WHERE c."orgId" = $1 AND c.status = 'ACTIVE' AND (c."endDate" BETWEEN $2::date AND $2::date + 90 OR c."renewalNoticeDate" BETWEEN $2::date AND $2::date + 90)
         AND c."orgUnitId" IN (SELECT id FROM s) ORDER BY coalesce(c."renewalNoticeDate", c."endDate"), c."endDate", c.name, c.id LIMIT 6`, f.orgId, f.today),
    // people: the quarter's plan vs actual (baseline + budgeted positions, heads in post, open,
    // hiring, joiners, leavers), open positions (count, average age, the 5 oldest), over-allocated people
    q(`WITH s AS (${s}),
            base AS (SELECT id FROM "Person" WHERE "orgId" = $1 AND "orgUnitId" IN (SELECT id FROM s) AND "startDate" <= $5::date AND ("endDate" IS NULL OR "endDate" >= $5::date)),
            qn AS (SELECT (extract(year FROM age($3::date, $5::date)) * 12 + extract(month FROM age($3::date, $5::date)))::int / 3 + 1 AS n),
            op AS (SELECT ps.id, ps.title, ps.status, u.name, greatest(0, $2::date - coalesce(ps."vacantFrom", ps."openedAt"::date, ps."createdAt"::date)) AS age
                   FROM "Position" ps JOIN "OrgUnit" u ON u.id = ps."orgUnitId" WHERE ps."orgId" = $1 AND ps.status IN ('OPEN','BACKFILL') AND ps."orgUnitId" IN (SELECT id FROM s))
       SELECT (SELECT count(*) FROM base) + (SELECT count(*) FROM "Position" ps, qn WHERE ps."orgId" = $1 AND ps."orgUnitId" IN (SELECT id FROM s) AND ps."budgetFiscalYear" = extract(year FROM $5::date)
                 AND ps.status <> 'CLOSED' AND coalesce(ps."budgetFiscalQuarter", 1) <= qn.n
                 AND (ps."personId" IS NULL OR ps."personId" NOT IN (SELECT id FROM base)) AND (ps."backfillForId" IS NULL OR ps."backfillForId" NOT IN (SELECT id FROM base))),
              (SELECT count(*) FROM "Person" WHERE "orgId" = $1 AND "startDate" <= $2::date AND ("endDate" IS NULL OR "endDate" >= $2::date) AND "orgUnitId" IN (SELECT id FROM s)),
              (SELECT count(*) FROM "Position" ps, qn WHERE ps."orgId" = $1 AND ps."orgUnitId" IN (SELECT id FROM s) AND ps.status IN ('OPEN','BACKFILL') AND (ps."vacantFrom" IS NULL OR ps."vacantFrom" <= $4::date)
                 AND (ps."budgetFiscalYear" < extract(year FROM $5::date) OR (ps."budgetFiscalYear" = extract(year FROM $5::date) AND coalesce(ps."budgetFiscalQuarter", 1) <= qn.n))),
              (SELECT count(*) FROM "Position" WHERE "orgId" = $1 AND "orgUnitId" IN (SELECT id FROM s) AND status IN ('OPEN','BACKFILL') AND "targetStartDate" BETWEEN $3::date AND $4::date),
              (SELECT count(*) FROM "Person" WHERE "orgId" = $1 AND "orgUnitId" IN (SELECT id FROM s) AND "startDate" BETWEEN $3::date AND $4::date),
              (SELECT count(*) FROM "Person" WHERE "orgId" = $1 AND "orgUnitId" IN (SELECT id FROM s) AND "endDate" BETWEEN $3::date AND $4::date),
              (SELECT count(*) FROM op), (SELECT round(avg(age)) FROM op), (SELECT json_agg(o) FROM (SELECT * FROM op ORDER BY age DESC, title LIMIT 5) o),
              (SELECT count(*) FROM (SELECT a."personId" FROM "Allocation" a JOIN "Person" pe ON pe.id = a."personId" WHERE a."orgId" = $1 AND a."startDate" <= $2::date
                 AND (a."endDate" IS NULL OR a."endDate" >= $2::date) AND pe."orgUnitId" IN (SELECT id FROM s) GROUP BY 1 HAVING sum(percent) > 100) o)`,
      f.orgId, f.today, f.qStart, f.qEnd, f.fyStart),
  ];
}

function finance(f: FloorInput): Q[] {
  return [
    // the rollup of the full year: each unit's subtree, each category (with how many forecast
    // cells each rule set), each month (running totals) and the 8 largest variances — plan,
    // actual and forecast, the forecast computed once
    q(`WITH s AS (${scope(null)}), ${moneyCtes("$2", "$3", "$4", openMonths(f), false)},
            -- mf read once: totals per unit × category and per month, one hashed pass
            g AS (SELECT GROUPING(m) = 1 AS isuc, u, c, m, sum(plan) AS plan, sum(actual) AS actual, sum(fcst) AS fcst FROM mf GROUP BY GROUPING SETS ((u, c), (m))),
            uc AS (SELECT u, c, plan, actual, fcst FROM g WHERE isuc)
       SELECT 'tree', ou.id, ou.name, sum(uc.plan), sum(uc.actual), sum(uc.fcst), NULL FROM "OrgUnit" ou JOIN "OrgUnitClosure" cl ON cl."orgId" = $1 AND cl."ancestorId" = ou.id
              LEFT JOIN uc ON uc.u = cl."descendantId" WHERE ou."orgId" = $1 GROUP BY ou.id
       UNION ALL SELECT 'cat', c::text, NULL, sum(plan), sum(actual), sum(fcst), (SELECT json_object_agg(src, n) FROM (SELECT src, count(*) n FROM fc WHERE fc.c = uc.c GROUP BY src) x)
              FROM uc GROUP BY c
       UNION ALL SELECT 'month', m::text, NULL, sum(plan) OVER w, sum(actual) OVER w, sum(fcst) OVER w, NULL FROM g WHERE NOT isuc WINDOW w AS (ORDER BY m)
       UNION ALL (SELECT 'top', u, c::text, plan, actual, fcst, NULL FROM uc WHERE fcst <> plan ORDER BY abs(fcst - plan) DESC, u, c::text LIMIT 8)`,
      f.orgId, f.today, f.fyStart, f.fyEnd),
    // the fiscal years with plan or actuals (for the year picker)
    q(`SELECT (SELECT min(month) FROM "BudgetLine" WHERE "orgId" = $1), (SELECT max(month) FROM "BudgetLine" WHERE "orgId" = $1),
              (SELECT min(month) FROM "ActualMonthly" WHERE "orgId" = $1), (SELECT max(month) FROM "ActualMonthly" WHERE "orgId" = $1)`, f.orgId),
    // the latest imports (revertable batches)
    q(`SELECT b.id, b.kind, b."fileName", b."rowCount", b."insertedCount", b."skippedCount", b.status, b."createdAt", b."revertedAt", us.name
       FROM "ImportBatch" b LEFT JOIN "User" us ON us.id = b."createdById" WHERE b."orgId" = $1 ORDER BY b."createdAt" DESC LIMIT 20`, f.orgId),
  ];
}

/**
 * /large/projects?status=ACTIVE&health=AT_RISK:
 *  1. the list: the first page (100, by name) of matching projects with unit, lead, initiative,
 *     status, health, last update, target date, budget and what the update-state badge needs
 *     (start and creation dates, the org's cadence), and their total for the pager;
 *  2. stat cards: non-archived projects per status.
 * No filter options: units, initiatives and leads are searched as you type, and only a picked
 * one's name is read (none is picked in this URL); the "new project" dialog loads its choices
 * when it opens.
 */
function projectsList(f: FloorInput): Q[] {
  return [
    q(`SELECT p.id, p.name, p.status, p.health, p."lastUpdateAt", p."targetDate", p."budgetCents", p."startDate", p."createdAt",
         u.id AS "unitId", u.name AS unit, pe.name AS lead, i.name AS initiative, count(*) OVER () AS total,
         o."updateCadence", o."updateDueWeekday", o."updateGraceDays"
       FROM "Project" p JOIN "OrgUnit" u ON u.id = p."orgUnitId" AND u."orgId" = $1 JOIN "Organization" o ON o.id = p."orgId"
       LEFT JOIN "Person" pe ON pe.id = p."leadId" AND pe."orgId" = $1 LEFT JOIN "Initiative" i ON i.id = p."initiativeId" AND i."orgId" = $1
       WHERE p."orgId" = $1 AND p."archivedAt" IS NULL AND p.status = 'ACTIVE' AND p.health = 'AT_RISK' ORDER BY p.name, p.id LIMIT 100`, f.orgId),
    q(`SELECT status, count(*) FROM "Project" WHERE "orgId" = $1 AND "archivedAt" IS NULL GROUP BY 1`, f.orgId),
  ];
}

/**
 * /large/roadmap as it opens (the timeline view, half-year zoom on the current fiscal half,
 * grouped by initiative):
 *  1. stat cards: initiatives per status;
 *  2. timeline: the groups (initiatives of the projects whose dates overlap the half, "No
 *     initiative" last) counted for the pager, the first 10 by name with each project's team,
 *     health and dates, its milestones inside the window, the projects it waits on (name,
 *     health) and how many it blocks; plus the projects without dates ("n not shown").
 * No unit filter options: units are searched as you type, and only a picked one's name is read
 * (none is picked in this URL). The other views are their own rows: roadmapBoard below.
 */
function roadmap(f: FloorInput): Q[] {
  return [
    q(`SELECT status, count(*) FROM "Initiative" WHERE "orgId" = $1 GROUP BY 1`, f.orgId),
    q(`WITH w AS (
         SELECT ws, (ws + interval '6 months' - interval '1 day')::date AS we
         FROM (SELECT CASE WHEN $2::date < $3::date + interval '6 months' THEN $3::date ELSE ($3::date + interval '6 months')::date END AS ws) h
       ),
       inwin AS (
         SELECT p.id, p.name, p.health, p."startDate", p."targetDate", p."orgUnitId", p."initiativeId"
         FROM "Project" p CROSS JOIN w
         WHERE p."orgId" = $1 AND p."archivedAt" IS NULL AND p."startDate" <= w.we AND p."targetDate" >= w.ws
       ),
       keys AS (
         SELECT k."initiativeId", i.name, count(*) OVER () AS groups
         FROM (SELECT DISTINCT "initiativeId" FROM inwin) k LEFT JOIN "Initiative" i ON i.id = k."initiativeId" AND i."orgId" = $1
         ORDER BY k."initiativeId" IS NULL, i.name LIMIT 10
       )
       SELECT r.id, r.name, r.health, r."startDate", r."targetDate", k.name AS initiative, k.groups, u.name AS team,
         (SELECT json_agg(json_build_array(m.name, m."dueDate", m."doneDate" IS NOT NULL) ORDER BY m."dueDate") FROM "Milestone" m CROSS JOIN w
          WHERE m."orgId" = $1 AND m."projectId" = r.id AND m."dueDate" BETWEEN w.ws AND w.we) AS milestones,
         (SELECT json_agg(json_build_array(b.id, b.name, b.health)) FROM "ProjectDependency" d JOIN "Project" b ON b.id = d."blockerId" AND b."orgId" = $1
          WHERE d."orgId" = $1 AND d."blockedId" = r.id) AS "waitsOn",
         (SELECT count(*) FROM "ProjectDependency" d WHERE d."orgId" = $1 AND d."blockerId" = r.id) AS blocks,
         (SELECT count(*) FROM "Project" x WHERE x."orgId" = $1 AND x."archivedAt" IS NULL AND (x."startDate" IS NULL OR x."targetDate" IS NULL)) AS undated
       FROM inwin r JOIN keys k ON k."initiativeId" IS NOT DISTINCT FROM r."initiativeId" JOIN "OrgUnit" u ON u.id = r."orgUnitId" AND u."orgId" = $1
       ORDER BY r."startDate", r.name`, f.orgId, f.today, f.fyStart),
  ];
}

/**
 * /large/roadmap?view=board (the current fiscal year's initiatives by period):
 *  1. stat cards: initiatives per status;
 *  2. the year's initiatives, each with status, owner, its live projects counted by health and
 *     the first 3 that need attention (off track, then at risk, by name) with their health.
 */
function roadmapBoard(f: FloorInput): Q[] {
  const fy = `extract(year FROM $2::date)::int`;
  return [
    q(`SELECT status, count(*) FROM "Initiative" WHERE "orgId" = $1 GROUP BY 1`, f.orgId),
    q(`SELECT i.id, i.name, i.objective, i."orgUnitId", i."fiscalQuarter", i."fiscalHalf", i.status, i."updatedAt", o.id AS "ownerId", o.name AS owner,
         (SELECT json_build_array(count(*) FILTER (WHERE p.health = 'ON_TRACK'), count(*) FILTER (WHERE p.health = 'AT_RISK'),
                                  count(*) FILTER (WHERE p.health = 'OFF_TRACK'), count(*) FILTER (WHERE p.health = 'UNKNOWN'))
          FROM "Project" p WHERE p."orgId" = $1 AND p."initiativeId" = i.id AND p."archivedAt" IS NULL) AS mix,
         (SELECT json_agg(x) FROM (SELECT p.id, p.name, p.health FROM "Project" p
                                   WHERE p."orgId" = $1 AND p."initiativeId" = i.id AND p."archivedAt" IS NULL AND p.health IN ('OFF_TRACK', 'AT_RISK')
                                   ORDER BY p.health = 'AT_RISK', p.name, p.id LIMIT 3) x) AS attention
       FROM "Initiative" i LEFT JOIN "Person" o ON o.id = i."ownerId" AND o."orgId" = $1
       WHERE i."orgId" = $1 AND i."fiscalYear" = ${fy} ORDER BY i.name`, f.orgId, f.fyEnd),
  ];
}

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
function headcount(f: FloorInput): Q[] {
  const fy = `extract(year FROM $2::date)::int`;
  return [
    q(`SELECT status, count(*) FROM "Position" WHERE "orgId" = $1 AND "budgetFiscalYear" = ${fy} GROUP BY 1`, f.orgId, f.fyEnd),
    q(`WITH q(n, qs, qe) AS (SELECT n, ($2::date + make_interval(months => 3 * (n - 1)))::date, ($2::date + make_interval(months => 3 * n))::date - 1 FROM generate_series(1, 4) n),
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
       FROM q ORDER BY q.n`, f.orgId, f.fyStart, f.today),
    q(`SELECT u.id, u.name, u.code, u.depth, count(ps.id) AS positions,
         sum(ps."annualCompCents"::numeric * coalesce(ps."loadedCostMultiplier", o."loadedCostMultiplier")) AS loaded
       FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."orgId"
       LEFT JOIN "OrgUnitClosure" c ON c."orgId" = u."orgId" AND c."ancestorId" = u.id
       LEFT JOIN "Position" ps ON ps."orgId" = u."orgId" AND ps."orgUnitId" = c."descendantId" AND ps.status IN ('PLANNED', 'OPEN', 'BACKFILL')
       WHERE u."orgId" = $1 AND u.depth <= 1 GROUP BY u.id ORDER BY u.depth, u.name`, f.orgId),
    q(`SELECT ps.id, ps.title, ps.level, ps.status, ps."targetStartDate", ps."budgetFiscalYear", ps."budgetFiscalQuarter", ps."annualCompCents",
         ps."compBandMinCents", ps."compBandMaxCents", coalesce(ps."loadedCostMultiplier", o."loadedCostMultiplier"), ps."vacantFrom",
         u.name AS unit, h.name AS holder, b.name AS "backfillFor", count(*) OVER () AS total
       FROM "Position" ps JOIN "Organization" o ON o.id = ps."orgId" JOIN "OrgUnit" u ON u.id = ps."orgUnitId" AND u."orgId" = $1
       LEFT JOIN "Person" h ON h.id = ps."personId" AND h."orgId" = $1 LEFT JOIN "Person" b ON b.id = ps."backfillForId" AND b."orgId" = $1
       WHERE ps."orgId" = $1 ORDER BY ps."budgetFiscalYear", ps."targetStartDate" NULLS LAST, ps.title, ps.id LIMIT 100`, f.orgId),
  ];
}

/**
 * /large/projects/<first active project>, as its director sees it:
 *  1. the project's facts: unit (name, code), lead (name, title), reviewer (the lead's manager,
 *     else the unit's lead), initiative, dates, budget, and the org's cadence for the update badge;
 *  2. the whole update history (the page lists every update) with author and acknowledger;
 *  3. milestones; 4. dependencies both ways with note, name and health;
 *  5. the health suggestion's facts: spend (sum and count of the project's ledger lines), its
 *     allocations (all, and those to open positions), open positions of its unit;
 *  6. the audit trail: the 50 latest events of the project, its milestones and dependencies;
 *  7. staffing: current allocations with person and position, each person's allocations (for
 *     over-allocation), open positions in the owning unit's subtree.
 * (The edit dialog loads its units and initiatives when it opens: not part of the page.)
 */
function projectPage(f: FloorInput): Q[] {
  return [
    q(`SELECT p.*, u.name, u.code, pe.name AS lead, pe.title, coalesce(m.name, ul.name) AS reviewer, i.name AS initiative,
         o."updateCadence", o."updateDueWeekday", o."updateGraceDays"
       FROM "Project" p JOIN "Organization" o ON o.id = p."orgId" JOIN "OrgUnit" u ON u.id = p."orgUnitId" AND u."orgId" = $1
       LEFT JOIN "Person" pe ON pe.id = p."leadId" AND pe."orgId" = $1 LEFT JOIN "Person" m ON m.id = pe."managerId" AND m."orgId" = $1
       LEFT JOIN "Person" ul ON ul.id = u."leadId" AND ul."orgId" = $1 LEFT JOIN "Initiative" i ON i.id = p."initiativeId" AND i."orgId" = $1
       WHERE p."orgId" = $1 AND p.id = $2`, f.orgId, f.projectId),
    q(`SELECT s.id, s.health, s.summary, s.body, s."createdAt", s."suggestedHealth", s."overrideReason", s."acknowledgedAt", au.id, au.name, ak.name
       FROM "StatusUpdate" s JOIN "User" au ON au.id = s."authorId" LEFT JOIN "User" ak ON ak.id = s."acknowledgedById"
       WHERE s."orgId" = $1 AND s."projectId" = $2 ORDER BY s."createdAt" DESC`, f.orgId, f.projectId),
    q(`SELECT id, name, "dueDate", "doneDate" FROM "Milestone" WHERE "orgId" = $1 AND "projectId" = $2 ORDER BY "dueDate"`, f.orgId, f.projectId),
    q(`SELECT d.id, d.note, d."blockedId" = $2 AS "waitsOn", b.id, b.name, b.health FROM "ProjectDependency" d
       JOIN "Project" b ON b."orgId" = $1 AND b.id = CASE WHEN d."blockedId" = $2 THEN d."blockerId" ELSE d."blockedId" END
       WHERE d."orgId" = $1 AND (d."blockedId" = $2 OR d."blockerId" = $2)`, f.orgId, f.projectId),
    q(`SELECT (SELECT sum("amountCents") FROM "ActualEntry" WHERE "orgId" = $1 AND "projectId" = $2) AS spent,
         (SELECT count(*) FROM "ActualEntry" WHERE "orgId" = $1 AND "projectId" = $2) AS lines,
         (SELECT count(*) FROM "Allocation" a WHERE a."orgId" = $1 AND a."projectId" = $2) AS allocations,
         (SELECT count(*) FROM "Allocation" a JOIN "Position" ps ON ps.id = a."positionId" AND ps."orgId" = $1
          WHERE a."orgId" = $1 AND a."projectId" = $2 AND ps.status IN ('OPEN', 'BACKFILL')) AS "allocatedOpen",
         (SELECT count(*) FROM "Position" ps JOIN "Project" p ON p."orgId" = $1 AND p.id = $2
          WHERE ps."orgId" = $1 AND ps."orgUnitId" = p."orgUnitId" AND ps.status IN ('OPEN', 'BACKFILL')) AS "teamOpen"`, f.orgId, f.projectId),
    q(`SELECT e.id, e.at, e.action, e.before, e.after, us.name FROM "AuditEvent" e LEFT JOIN "User" us ON us.id = e."actorId"
       WHERE e."orgId" = $1 AND ((e."entityType" = 'Project' AND e."entityId" = $2)
         OR (e."entityType" IN ('Milestone', 'ProjectDependency') AND (e.after->>'projectId' = $2 OR e.before->>'projectId' = $2)))
       ORDER BY e.at DESC LIMIT 50`, f.orgId, f.projectId),
    q(`SELECT a.id, a.percent, a."startDate", a."endDate", pe.id, pe.name, pe.title, ps.id, ps.title, ps.level, ps.status, ps."targetStartDate",
         (SELECT json_agg(json_build_array(x.percent, x."startDate", x."endDate")) FROM "Allocation" x WHERE x."orgId" = $1 AND x."personId" = pe.id) AS "personAllocations",
         (SELECT count(*) FROM "Position" op JOIN "Project" p ON p."orgId" = $1 AND p.id = $2
          JOIN "OrgUnitClosure" c ON c."orgId" = $1 AND c."ancestorId" = p."orgUnitId" AND c."descendantId" = op."orgUnitId"
          WHERE op."orgId" = $1 AND op.status IN ('OPEN', 'BACKFILL')) AS "openInTeam"
       FROM (SELECT 1) one LEFT JOIN "Allocation" a ON a."orgId" = $1 AND a."projectId" = $2 AND (a."endDate" IS NULL OR a."endDate" >= $3::date)
       LEFT JOIN "Person" pe ON pe.id = a."personId" AND pe."orgId" = $1 LEFT JOIN "Position" ps ON ps.id = a."positionId" AND ps."orgId" = $1
       ORDER BY a."startDate", a.id`, f.orgId, f.projectId, f.today),
  ];
}

export const FLOOR_FRAMEWORK: (f: FloorInput) => Q[] = (f) => [q(`SELECT id, name, slug FROM "Organization" WHERE id = $1`, f.orgId)];

export function pageFloors(f: FloorInput): Record<string, Q[]> {
  return {
    "dashboard-org": dashboard(f, null),
    "dashboard-dept": dashboard(f, f.deptId),
    "finance-year": finance(f),
    "projects-filtered": projectsList(f),
    roadmap: roadmap(f),
    "roadmap-board": roadmapBoard(f),
    headcount: headcount(f),
    "project-page": projectPage(f),
  };
}

/** One "request" of a page's SQL floor: its panel queries in parallel. */
export async function runFloor(pool: pg.Pool, queries: Q[]): Promise<void> {
  await Promise.all(queries.map((x) => pool.query(x.text, x.values)));
}
