import { type FloorInput, type Q, q, scope } from "./common";
import { moneyCtes, openMonths } from "./money";

export function dashboard(f: FloorInput, unit: string | null): Q[] {
  const s = scope(unit);
  const live = `p."archivedAt" IS NULL AND p.status IN ('ACTIVE','PAUSED','PLANNED')`;
  return [
    // delivery: health of active projects, milestones overdue / due in 28 days, blocked cross-team dependencies
    q(
      `WITH s AS (${s}), p AS (SELECT id, status, health, "orgUnitId" FROM "Project" WHERE "orgId" = $1 AND "archivedAt" IS NULL AND "orgUnitId" IN (SELECT id FROM s))
       SELECT (SELECT json_object_agg(health, n) FROM (SELECT health, count(*) n FROM p WHERE status = 'ACTIVE' GROUP BY health) x),
              (SELECT count(*) FILTER (WHERE m."dueDate" < $2::date) FROM "Milestone" m JOIN p ON p.id = m."projectId" WHERE m."orgId" = $1 AND m."doneDate" IS NULL AND p.status IN ('ACTIVE','PAUSED','PLANNED')),
              (SELECT count(*) FROM "Milestone" m JOIN p ON p.id = m."projectId" WHERE m."orgId" = $1 AND m."doneDate" IS NULL AND p.status IN ('ACTIVE','PAUSED','PLANNED') AND m."dueDate" BETWEEN $2::date AND $2::date + 28),
              (SELECT count(*) FROM "ProjectDependency" d JOIN p ON p.id = d."blockedId" JOIN "Project" b ON b.id = d."blockerId"
                WHERE d."orgId" = $1 AND b."orgUnitId" <> p."orgUnitId" AND p.status IN ('ACTIVE','PAUSED','PLANNED') AND b.status NOT IN ('DONE','CANCELLED') AND b.health IN ('AT_RISK','OFF_TRACK'))`,
      f.orgId,
      f.today,
    ),
    // delivery trend: health at the end of each of the last 12 weeks — each project's history read
    // once (latest update before the window + updates inside it) and spread over the weeks it covers
    q(
      `WITH s AS (${s}), p AS (SELECT id, "createdAt"::date born FROM "Project" WHERE "orgId" = $1 AND "archivedAt" IS NULL AND status IN ('ACTIVE','PAUSED')
                                 AND "createdAt"::date <= $2::date AND "orgUnitId" IN (SELECT id FROM s)),
            sp AS (SELECT e.health, CASE WHEN e.nx IS NULL THEN 0 ELSE ($2::date - e.nx + 7) / 7 END lo, least(11, ($2::date - greatest(e.d, p.born)) / 7) hi
                   FROM p CROSS JOIN LATERAL (SELECT health, d, lead(d) OVER (ORDER BY t) nx FROM (
                     SELECT (SELECT health FROM "StatusUpdate" WHERE "orgId" = $1 AND "projectId" = p.id AND "createdAt" < $2::date - 76 ORDER BY "createdAt" DESC LIMIT 1),
                            '-infinity'::date, '-infinity'::timestamp
                     UNION ALL (SELECT health, "createdAt"::date, "createdAt" FROM "StatusUpdate" WHERE "orgId" = $1 AND "projectId" = p.id
                                AND "createdAt" >= $2::date - 76 AND "createdAt" < $2::date + 1)) x(health, d, t)) e)
       SELECT $2::date - 7 * i, coalesce(health::text, 'UNKNOWN'), count(*) FROM sp, generate_series(lo, hi) i GROUP BY 1, 2`,
      f.orgId,
      f.today,
    ),
    // delivery lists: the next 12 open milestones and the 12 worst blocked cross-team dependencies
    q(
      `WITH s AS (${s})
       (SELECT 'm', m.id, m.name, m."dueDate"::text, p.id, p.name, NULL, NULL, NULL, NULL, NULL FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId"
        WHERE m."orgId" = $1 AND m."doneDate" IS NULL AND m."dueDate" <= $2::date + 28 AND ${live} AND p."orgUnitId" IN (SELECT id FROM s)
        ORDER BY m."dueDate", m.name, m.id LIMIT 12)
       UNION ALL
       (SELECT 'b', d.id, NULL, NULL, p.id, p.name, b.id, b.name, pu.name, bu.name, d.note FROM "ProjectDependency" d
        JOIN "Project" p ON p.id = d."blockedId" JOIN "Project" b ON b.id = d."blockerId" JOIN "OrgUnit" pu ON pu.id = p."orgUnitId" JOIN "OrgUnit" bu ON bu.id = b."orgUnitId"
        WHERE d."orgId" = $1 AND ${live} AND p."orgUnitId" IN (SELECT id FROM s) AND b."orgUnitId" <> p."orgUnitId" AND b.status NOT IN ('DONE','CANCELLED') AND b.health IN ('AT_RISK','OFF_TRACK')
        ORDER BY b.health DESC, p.name, d.id LIMIT 12)`,
      f.orgId,
      f.today,
    ),
    // delivery review: at-risk / off-track projects (count, the first 8 with their latest update),
    // stale projects by the org's update cadence (count, the 8 most behind with the person their
    // reporting line escalates to), latest updates awaiting acknowledgement (100, with author)
    q(
      `WITH s AS (${s}),
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
      f.orgId,
      f.today,
    ),
    // money: the quarter's and the year's plan, actual and forecast (totals, year to date through
    // the last closed month — month to date is the current month's row of the months — the
    // drill-down rows of the unit's children, the top 5 variances, the year's months) — the
    // forecast computed once for the year
    q(
      `WITH s AS (${s}), ${moneyCtes("$2", "$5", "$6", openMonths(f), unit !== null)},
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
      f.orgId,
      f.today,
      f.qStart,
      f.qEnd,
      f.fyStart,
      f.fyEnd,
    ),
    // money: contracts up for renewal (end or notice date) in 90 days: how many, and the first 6
    // (soonest first) with vendor, unit and owner
    q(
      `WITH s AS (${s}) SELECT c.*, v.name, u.name, o.name, count(*) OVER () AS total FROM "Contract" c JOIN "Vendor" v ON v.id = c."vendorId" JOIN "OrgUnit" u ON u.id = c."orgUnitId"
       LEFT JOIN "Person" o ON o.id = c."ownerId"
       WHERE c."orgId" = $1 AND c.status = 'ACTIVE' AND (c."endDate" BETWEEN $2::date AND $2::date + 90 OR c."renewalNoticeDate" BETWEEN $2::date AND $2::date + 90)
         AND c."orgUnitId" IN (SELECT id FROM s) ORDER BY coalesce(c."renewalNoticeDate", c."endDate"), c."endDate", c.name, c.id LIMIT 6`,
      f.orgId,
      f.today,
    ),
    // people: the quarter's plan vs actual (baseline + budgeted positions, heads in post, open,
    // hiring, joiners, leavers), open positions (count, average age, the 5 oldest), over-allocated people
    q(
      `WITH s AS (${s}),
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
      f.orgId,
      f.today,
      f.qStart,
      f.qEnd,
      f.fyStart,
    ),
  ];
}
