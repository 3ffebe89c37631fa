import type pg from "pg";

// The SQL floor of each key page: the figures the page shows, computed by hand-written SQL, one
// query per panel, run in parallel on a pool as the app's panels are. What PostgreSQL itself
// needs for the page's numbers, with no ORM, no rendering and no HTTP.
// Actuals come from the maintained ledger summary ActualMonthly (org × month × unit × category,
// kept exact by triggers on ActualEntry) because the app reads it too: a floor that summed the
// ledger lines would measure work the app no longer does. (Before the summary, these read
// ActualEntry: bench figures from before the summary used that, higher, floor.)

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

function dashboard(f: FloorInput, unit: string | null): Q[] {
  const s = scope(unit);
  return [
    // delivery: health of active projects, milestones overdue / due in 28 days
    q(`WITH s AS (${s}), p AS (SELECT id, status, health FROM "Project" WHERE "orgId" = $1 AND "archivedAt" IS NULL AND "orgUnitId" IN (SELECT id FROM s))
       SELECT (SELECT json_object_agg(health, n) FROM (SELECT health, count(*) n FROM p WHERE status = 'ACTIVE' GROUP BY health) x),
              (SELECT count(*) FILTER (WHERE m."dueDate" < $2::date) FROM "Milestone" m JOIN p ON p.id = m."projectId" WHERE m."orgId" = $1 AND m."doneDate" IS NULL AND p.status IN ('ACTIVE','PAUSED','PLANNED')),
              (SELECT count(*) FROM "Milestone" m JOIN p ON p.id = m."projectId" WHERE m."orgId" = $1 AND m."doneDate" IS NULL AND p.status IN ('ACTIVE','PAUSED','PLANNED') AND m."dueDate" BETWEEN $2::date AND $2::date + 28)`,
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
    // delivery lists: next milestones
    q(`WITH s AS (${s}) SELECT m.id, m.name, m."dueDate", p.name FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId"
       WHERE m."orgId" = $1 AND m."doneDate" IS NULL AND m."dueDate" <= $2::date + 28 AND p."archivedAt" IS NULL AND p.status IN ('ACTIVE','PAUSED','PLANNED')
         AND p."orgUnitId" IN (SELECT id FROM s) ORDER BY m."dueDate", m.name LIMIT 12`, f.orgId, f.today),
    // money: plan and actual for the quarter and the year, by category
    q(`WITH s AS (${s}),
            pl AS (SELECT category, sum("amountCents") FILTER (WHERE month BETWEEN $2::date AND $3::date) qp, sum("amountCents") yp FROM "BudgetLine"
                   WHERE "orgId" = $1 AND month BETWEEN $4::date AND $5::date AND "orgUnitId" IN (SELECT id FROM s) GROUP BY category),
            ac AS (SELECT category, sum("amountCents") FILTER (WHERE month BETWEEN $2::date AND $3::date) qa, sum("amountCents") ya FROM "ActualMonthly"
                   WHERE "orgId" = $1 AND month BETWEEN $4::date AND $5::date AND "orgUnitId" IN (SELECT id FROM s) GROUP BY category)
       SELECT * FROM pl FULL JOIN ac USING (category)`, f.orgId, f.qStart, f.qEnd, f.fyStart, f.fyEnd),
    // money: contracts up for renewal in 90 days
    q(`WITH s AS (${s}) SELECT id, name, "endDate", "annualAmountCents" FROM "Contract" WHERE "orgId" = $1 AND status = 'ACTIVE'
       AND "endDate" BETWEEN $2::date AND $2::date + 90 AND "orgUnitId" IN (SELECT id FROM s) ORDER BY "endDate" LIMIT 10`, f.orgId, f.today),
    // people: heads now, open positions and their age, over-allocated people
    q(`WITH s AS (${s})
       SELECT (SELECT count(*) FROM "Person" WHERE "orgId" = $1 AND "startDate" <= $2::date AND ("endDate" IS NULL OR "endDate" >= $2::date) AND "orgUnitId" IN (SELECT id FROM s)),
              (SELECT count(*) FROM "Position" WHERE "orgId" = $1 AND status IN ('OPEN','BACKFILL') AND "orgUnitId" IN (SELECT id FROM s)),
              (SELECT avg($2::date - "openedAt"::date) FROM "Position" WHERE "orgId" = $1 AND status = 'OPEN' AND "orgUnitId" IN (SELECT id FROM s)),
              (SELECT count(*) FROM (SELECT a."personId" FROM "Allocation" a JOIN "Person" pe ON pe.id = a."personId" WHERE a."orgId" = $1 AND a."startDate" <= $2::date
                 AND (a."endDate" IS NULL OR a."endDate" >= $2::date) AND pe."orgUnitId" IN (SELECT id FROM s) GROUP BY 1 HAVING sum(percent) > 100) o)`,
      f.orgId, f.today),
  ];
}

function finance(f: FloorInput): Q[] {
  return [
    // the tree: plan and actual of each unit's subtree for the year
    q(`WITH pl AS (SELECT "orgUnitId" u, sum("amountCents") v FROM "BudgetLine" WHERE "orgId" = $1 AND month BETWEEN $2::date AND $3::date GROUP BY 1),
            ac AS (SELECT "orgUnitId" u, sum("amountCents") v FROM "ActualMonthly" WHERE "orgId" = $1 AND month BETWEEN $2::date AND $3::date GROUP BY 1)
       SELECT c."ancestorId", sum(pl.v), sum(ac.v) FROM "OrgUnitClosure" c LEFT JOIN pl ON pl.u = c."descendantId" LEFT JOIN ac ON ac.u = c."descendantId"
       WHERE c."orgId" = $1 GROUP BY 1`, f.orgId, f.fyStart, f.fyEnd),
    // by category
    q(`SELECT category, sum(p) plan, sum(a) actual FROM (
         SELECT category, "amountCents" p, 0::bigint a FROM "BudgetLine" WHERE "orgId" = $1 AND month BETWEEN $2::date AND $3::date
         UNION ALL SELECT category, 0, "amountCents" FROM "ActualMonthly" WHERE "orgId" = $1 AND month BETWEEN $2::date AND $3::date) x GROUP BY 1`,
      f.orgId, f.fyStart, f.fyEnd),
    // by month (burn chart)
    q(`SELECT m, sum(p), sum(a) FROM (
         SELECT month m, "amountCents" p, 0::bigint a FROM "BudgetLine" WHERE "orgId" = $1 AND month BETWEEN $2::date AND $3::date
         UNION ALL SELECT month, 0, "amountCents" FROM "ActualMonthly" WHERE "orgId" = $1 AND month BETWEEN $2::date AND $3::date) x GROUP BY 1`,
      f.orgId, f.fyStart, f.fyEnd),
  ];
}

function projectsList(f: FloorInput): Q[] {
  return [
    q(`SELECT p.id, p.name, p.status, p.health, p."lastUpdateAt", p."targetDate", u.name, pe.name, i.name, count(*) OVER () total
       FROM "Project" p JOIN "OrgUnit" u ON u.id = p."orgUnitId" LEFT JOIN "Person" pe ON pe.id = p."leadId" LEFT JOIN "Initiative" i ON i.id = p."initiativeId"
       WHERE p."orgId" = $1 AND p."archivedAt" IS NULL AND p.status = 'ACTIVE' AND p.health = 'AT_RISK' ORDER BY p.name LIMIT 50`, f.orgId),
    q(`SELECT status, count(*) FROM "Project" WHERE "orgId" = $1 AND "archivedAt" IS NULL GROUP BY 1`, f.orgId),
  ];
}

function roadmap(f: FloorInput): Q[] {
  return [
    q(`SELECT i.id, i.name, i."fiscalQuarter", i.status, count(p.id), count(p.id) FILTER (WHERE p.health IN ('AT_RISK','OFF_TRACK'))
       FROM "Initiative" i LEFT JOIN "Project" p ON p."initiativeId" = i.id AND p."archivedAt" IS NULL
       WHERE i."orgId" = $1 AND i."fiscalYear" = extract(year FROM $2::date) GROUP BY i.id`, f.orgId, f.today),
    q(`SELECT p.id, p.name, p."startDate", p."targetDate", p.health, u.name FROM "Project" p JOIN "OrgUnit" u ON u.id = p."orgUnitId"
       WHERE p."orgId" = $1 AND p."archivedAt" IS NULL AND p."startDate" <= $3::date AND p."targetDate" >= $2::date ORDER BY u.name, p."startDate" LIMIT 200`,
      f.orgId, f.fyStart, f.fyEnd),
  ];
}

function headcount(f: FloorInput): Q[] {
  return [
    q(`WITH q(n, qs, qe) AS (SELECT n, ($2::date + make_interval(months => 3 * (n - 1)))::date, ($2::date + make_interval(months => 3 * n))::date - 1 FROM generate_series(1, 4) n)
       SELECT q.n,
         (SELECT count(*) FROM "Person" p WHERE p."orgId" = $1 AND p."startDate" <= least(q.qe, $3::date) AND (p."endDate" IS NULL OR p."endDate" >= least(q.qe, $3::date))),
         (SELECT count(*) FROM "Position" ps WHERE ps."orgId" = $1 AND ps.status <> 'CLOSED' AND ps."budgetFiscalYear" = extract(year FROM $2::date) AND coalesce(ps."budgetFiscalQuarter", 1) <= q.n),
         (SELECT count(*) FROM "Person" p WHERE p."orgId" = $1 AND p."startDate" BETWEEN q.qs AND q.qe),
         (SELECT count(*) FROM "Person" p WHERE p."orgId" = $1 AND p."endDate" BETWEEN q.qs AND q.qe)
       FROM q`, f.orgId, f.fyStart, f.today),
    q(`SELECT status, count(*) FROM "Position" WHERE "orgId" = $1 AND "budgetFiscalYear" = extract(year FROM $2::date) GROUP BY 1`, f.orgId, f.today),
    q(`SELECT ps.id, ps.title, ps.status, u.name, ps."targetStartDate" FROM "Position" ps JOIN "OrgUnit" u ON u.id = ps."orgUnitId"
       WHERE ps."orgId" = $1 AND ps.status IN ('OPEN','BACKFILL','PLANNED') ORDER BY ps."targetStartDate" LIMIT 50`, f.orgId),
  ];
}

function projectPage(f: FloorInput): Q[] {
  return [
    q(`SELECT p.*, u.name, pe.name, i.name FROM "Project" p JOIN "OrgUnit" u ON u.id = p."orgUnitId" LEFT JOIN "Person" pe ON pe.id = p."leadId"
       LEFT JOIN "Initiative" i ON i.id = p."initiativeId" WHERE p."orgId" = $1 AND p.id = $2`, f.orgId, f.projectId),
    q(`SELECT s.id, s.health, s.summary, s.body, s."createdAt", us.name FROM "StatusUpdate" s JOIN "User" us ON us.id = s."authorId"
       WHERE s."orgId" = $1 AND s."projectId" = $2 ORDER BY s."createdAt" DESC LIMIT 20`, f.orgId, f.projectId),
    q(`SELECT id, name, "dueDate", "doneDate" FROM "Milestone" WHERE "orgId" = $1 AND "projectId" = $2 ORDER BY "dueDate"`, f.orgId, f.projectId),
    q(`SELECT d.id, b.name, b.health FROM "ProjectDependency" d JOIN "Project" b ON b.id = CASE WHEN d."blockedId" = $2 THEN d."blockerId" ELSE d."blockedId" END
       WHERE d."orgId" = $1 AND (d."blockedId" = $2 OR d."blockerId" = $2)`, f.orgId, f.projectId),
    q(`SELECT a.id, a.percent, pe.name FROM "Allocation" a LEFT JOIN "Person" pe ON pe.id = a."personId" WHERE a."orgId" = $1 AND a."projectId" = $2`, f.orgId, f.projectId),
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
    headcount: headcount(f),
    "project-page": projectPage(f),
  };
}

/** One "request" of a page's SQL floor: its panel queries in parallel. */
export async function runFloor(pool: pg.Pool, queries: Q[]): Promise<void> {
  await Promise.all(queries.map((x) => pool.query(x.text, x.values)));
}
