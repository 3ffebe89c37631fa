import { beforeAll, describe, expect, it } from "vitest";

import { fiscalPeriod, fiscalQuarterRange, fiscalYearRange, toDateString } from "@/lib/fiscal";
import { seedDemo } from "@/lib/seed";
import { resetDb, testDb } from "@/tests/support/db";

// The demo a director opens must be believable: each rule below is checked with SQL on the
// seeded demo (Acme Robotics, fiscal year from February), for a day late in the fiscal year (the
// one the demo was reviewed on) and one early in it.

const db = testDb();
/** Raw SQL with $n parameters, so the checks read as the SQL a reviewer would type. */
function sql(strings: TemplateStringsArray, ...values: unknown[]) {
  return { text: strings.reduce((acc, s, i) => acc + (i ? `$${i}` : "") + s), values };
}
const rows = <T>(q: ReturnType<typeof sql>) => db.$queryRawUnsafe<T[]>(q.text, ...q.values);

for (const day of ["2026-12-06", "2026-03-16"]) {
  describe(`the demo seeded on ${day}`, () => {
    const today = new Date(`${day}T00:00:00Z`);
    const fy = fiscalPeriod(today, 2).fiscalYear;
    const thisYear = fiscalYearRange(fy, 2);
    const lastYear = fiscalYearRange(fy - 1, 2);
    const quarter = fiscalQuarterRange(fy, fiscalPeriod(today, 2).quarter, 2);
    const [todayIso, fyStart, fyEnd, lastStart, lastEnd] = [today, thisYear.start, thisYear.end, lastYear.start, lastYear.end].map(
      toDateString,
    );
    let orgId: string;

    beforeAll(async () => {
      await resetDb();
      await seedDemo(db, { today });
      orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" }, select: { id: true } })).id;
    });

    it("plans last year from last year's roster: each department's plan within ±10% of its actual, personnel and in total", async () => {
      // This year is compared over its closed months only (the current month is still being booked).
      const closedEnd = toDateString(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0)));
      const spans: [string, string, string][] = [["last year", lastStart, lastEnd]];
      if (closedEnd >= fyStart) spans.push(["this year to date", fyStart, closedEnd]);
      for (const [label, from, to] of spans) {
        const depts = await rows<{ code: string; planPersonnel: number; actualPersonnel: number; plan: number; actual: number }>(sql`
          SELECT d.code,
            (SELECT sum(b."amountCents") FROM "BudgetLine" b JOIN "OrgUnitClosure" c ON c."descendantId" = b."orgUnitId" AND c."ancestorId" = d.id
              WHERE b."orgId" = d."orgId" AND b.month BETWEEN ${from}::date AND ${to}::date AND b.category = 'PERSONNEL')::float8 AS "planPersonnel",
            (SELECT sum(a."amountCents") FROM "ActualEntry" a JOIN "OrgUnitClosure" c ON c."descendantId" = a."orgUnitId" AND c."ancestorId" = d.id
              WHERE a."orgId" = d."orgId" AND a."bookedOn" BETWEEN ${from}::date AND ${to}::date AND a.category = 'PERSONNEL')::float8 AS "actualPersonnel",
            (SELECT sum(b."amountCents") FROM "BudgetLine" b JOIN "OrgUnitClosure" c ON c."descendantId" = b."orgUnitId" AND c."ancestorId" = d.id
              WHERE b."orgId" = d."orgId" AND b.month BETWEEN ${from}::date AND ${to}::date)::float8 AS plan,
            (SELECT sum(a."amountCents") FROM "ActualEntry" a JOIN "OrgUnitClosure" c ON c."descendantId" = a."orgUnitId" AND c."ancestorId" = d.id
              WHERE a."orgId" = d."orgId" AND a."bookedOn" BETWEEN ${from}::date AND ${to}::date)::float8 AS actual
          FROM "OrgUnit" d WHERE d."orgId" = ${orgId} AND d.depth <= 1 ORDER BY d.code`);
        expect(depts.length, label).toBe(4);
        for (const d of depts) {
          expect(d.actualPersonnel / d.planPersonnel - 1, `${label} ${d.code} personnel`).toBeGreaterThan(-0.1);
          expect(d.actualPersonnel / d.planPersonnel - 1, `${label} ${d.code} personnel`).toBeLessThan(0.1);
          expect(Math.abs(d.actual / d.plan - 1), `${label} ${d.code} total`).toBeLessThan(0.1);
        }
      }
    });

    it("has people who left during last year in last year's roster", async () => {
      const [n] = await rows<{ leavers: number }>(sql`
        SELECT count(*)::int AS leavers FROM "Person" WHERE "orgId" = ${orgId} AND "employmentType" = 'EMPLOYEE'
          AND "endDate" BETWEEN ${lastStart}::date AND ${lastEnd}::date`);
      expect(n.leavers).toBeGreaterThanOrEqual(3);
    });

    it("puts every hire of this fiscal year on the FILLED position they hold, filled before their start", async () => {
      const hires = await rows<{ name: string; startDate: Date; endDate: Date | null; filled: number; closedOrVacated: number }>(sql`
        SELECT p.name, p."startDate", p."endDate",
          (SELECT count(*)::int FROM "Position" ps WHERE ps."orgId" = p."orgId" AND ps."personId" = p.id AND ps.status = 'FILLED'
             AND ps."targetStartDate" = p."startDate" AND ps."filledAt"::date < p."startDate" AND ps."openedAt" < ps."filledAt"
             AND ps."budgetFiscalYear" = ${fy}) AS filled,
          (SELECT count(*)::int FROM "Position" ps WHERE ps."orgId" = p."orgId"
             AND ((ps.status = 'BACKFILL' AND ps."backfillForId" = p.id) OR (ps.status = 'CLOSED' AND ps."personId" = p.id))) AS "closedOrVacated"
        FROM "Person" p WHERE p."orgId" = ${orgId} AND p."employmentType" = 'EMPLOYEE' AND p."startDate" BETWEEN ${fyStart}::date AND ${fyEnd}::date`);
      expect(hires.length).toBeGreaterThan(0);
      // A hire who has since given notice no longer holds the seat: it is a backfill or closed.
      for (const h of hires) expect(h.endDate ? h.closedOrVacated : h.filled, h.name).toBe(1);
    });

    it("writes updates by the project leads (the teams' managers), a few by the director, none acknowledged by its author", async () => {
      const [share] = await rows<{
        total: number;
        byLead: number;
        byDirector: number;
        selfAcked: number;
        directorAcked: number;
        wrongAcker: number;
      }>(sql`
        SELECT count(*)::int AS total,
          count(*) FILTER (WHERE s."authorId" = l."userId")::int AS "byLead",
          count(*) FILTER (WHERE s."authorId" = dm."userId")::int AS "byDirector",
          count(*) FILTER (WHERE s."acknowledgedById" = s."authorId")::int AS "selfAcked",
          count(*) FILTER (WHERE s."authorId" = dm."userId" AND s."acknowledgedById" IS NOT NULL)::int AS "directorAcked",
          -- whoever acknowledges is the author's manager (the lead's manager) or a director
          count(*) FILTER (WHERE s."acknowledgedById" IS NOT NULL AND s."acknowledgedById" IS DISTINCT FROM lm."userId" AND s."acknowledgedById" <> dm."userId")::int AS "wrongAcker"
        FROM "StatusUpdate" s
        JOIN "Project" p ON p.id = s."projectId"
        JOIN "Person" l ON l.id = p."leadId"
        LEFT JOIN "Person" lm ON lm.id = l."managerId"
        JOIN "Membership" dm ON dm."orgId" = s."orgId" AND dm.role = 'DIRECTOR'
        WHERE s."orgId" = ${orgId}`);
      expect(share.total).toBeGreaterThan(0);
      expect(share.byLead / share.total).toBeGreaterThanOrEqual(0.85);
      expect(share.byDirector / share.total).toBeLessThanOrEqual(0.1);
      expect(share.byLead + share.byDirector).toBe(share.total);
      expect(share).toMatchObject({ selfAcked: 0, directorAcked: 0, wrongAcker: 0 });

      // The queue: each open project's latest unacknowledged update, and its reviewer as the
      // review page finds it (the lead's manager's login, else the owning unit's lead's).
      const queue = await rows<{ name: string; author: string; reviewer: string | null; byDirector: boolean }>(sql`
        SELECT p.name, s."authorId" AS author, COALESCE(lm."userId", ul."userId") AS reviewer, s."authorId" = dm."userId" AS "byDirector"
        FROM "Project" p
        CROSS JOIN LATERAL (SELECT * FROM "StatusUpdate" su WHERE su."projectId" = p.id ORDER BY su."createdAt" DESC LIMIT 1) s
        JOIN "OrgUnit" u ON u.id = p."orgUnitId"
        LEFT JOIN "Person" l ON l.id = p."leadId" LEFT JOIN "Person" lm ON lm.id = l."managerId" LEFT JOIN "Person" ul ON ul.id = u."leadId"
        JOIN "Membership" dm ON dm."orgId" = p."orgId" AND dm.role = 'DIRECTOR'
        WHERE p."orgId" = ${orgId} AND p.status IN ('ACTIVE', 'PAUSED', 'PLANNED') AND s."acknowledgedAt" IS NULL`);
      expect(queue.length).toBeGreaterThan(0);
      for (const q of queue) {
        expect(q.reviewer, q.name).not.toBeNull();
        expect(q.reviewer, q.name).not.toBe(q.author);
        expect(q.byDirector, q.name).toBe(false);
      }
    });

    it("keeps the documented demo logins and gives each unit lead a login as MANAGER of their unit", async () => {
      const logins = await rows<{ email: string; role: string; scope: string | null }>(sql`
        SELECT us.email, m.role::text AS role, u.code AS scope FROM "Membership" m JOIN "User" us ON us.id = m."userId"
        LEFT JOIN "OrgUnit" u ON u.id = m."scopeUnitId" WHERE m."orgId" = ${orgId} AND us.email NOT LIKE '%.%@acme.example' ORDER BY us.email`);
      expect(logins).toEqual([
        { email: "admin@acme.example", role: "ADMIN", scope: null },
        { email: "director@acme.example", role: "DIRECTOR", scope: null },
        { email: "finance@acme.example", role: "FINANCE", scope: null },
        { email: "manager@acme.example", role: "MANAGER", scope: "ENG-PROD" },
        { email: "viewer@acme.example", role: "VIEWER", scope: null },
      ]);
      const [leads] = await rows<{ units: number; withLogin: number; scopedToOwnUnit: number }>(sql`
        SELECT count(*)::int AS units, count(pe."userId")::int AS "withLogin",
          count(*) FILTER (WHERE m.role = 'MANAGER' AND m."scopeUnitId" = u.id)::int AS "scopedToOwnUnit"
        FROM "OrgUnit" u JOIN "Person" pe ON pe.id = u."leadId" LEFT JOIN "Membership" m ON m."orgId" = u."orgId" AND m."userId" = pe."userId"
        WHERE u."orgId" = ${orgId}`);
      expect(leads.withLogin).toBe(leads.units);
      expect(leads.scopedToOwnUnit).toBe(leads.units - 1); // all but the director's division
    });

    it("opens a backfill only from the day after the leaver's last day, and fills it after that", async () => {
      const backfills = await rows<{
        title: string;
        status: string;
        vacantFrom: Date | null;
        lastDay: Date | null;
        holderStart: Date | null;
        openedAt: Date | null;
      }>(sql`
        SELECT ps.title, ps.status::text AS status, ps."vacantFrom", b."endDate" AS "lastDay", h."startDate" AS "holderStart", ps."openedAt"
        FROM "Position" ps JOIN "Person" b ON b.id = ps."backfillForId" LEFT JOIN "Person" h ON h.id = ps."personId"
        WHERE ps."orgId" = ${orgId}`);
      expect(backfills.filter((b) => b.status === "BACKFILL").length).toBeGreaterThan(0);
      for (const b of backfills) {
        expect(b.lastDay, b.title).not.toBeNull();
        if (b.status === "BACKFILL")
          expect(toDateString(b.vacantFrom!), b.title).toBe(toDateString(new Date(b.lastDay!.getTime() + 86_400_000)));
        if (b.status === "FILLED") expect(b.holderStart!.getTime(), b.title).toBeGreaterThan(b.lastDay!.getTime());
        expect(b.openedAt!.getTime(), b.title).toBeLessThan(today.getTime());
      }
      // No position is vacant while someone still holds it, or before its vacancy starts.
      const [held] = await rows<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM "Position" ps WHERE ps."orgId" = ${orgId}
          AND (ps.status IN ('OPEN', 'BACKFILL', 'PLANNED') AND ps."personId" IS NOT NULL OR ps.status = 'BACKFILL' AND ps."vacantFrom" IS NULL)`);
      expect(held.n).toBe(0);
    });

    it("speaks of a date in the tense of the update's own day, and never of a milestone already done", async () => {
      // Dates are written "Dec 18" (the year is the one nearest the update's day). Ahead: "on",
      // "by", "will miss", "(due". Behind: "was due", "missed", "slipped past".
      const mentions = await rows<{ summary: string; posted: string; word: string; day: string }>(sql`
        WITH m AS (
          SELECT s.summary, s."createdAt"::date AS posted, x[1] AS word, x[2] AS md
          FROM "StatusUpdate" s
          CROSS JOIN LATERAL regexp_matches(s.summary || E'\n' || s.body,
            '(was due|\\(due|will miss|missed|slipped past|on|by) ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{1,2})\\M', 'g') x
          WHERE s."orgId" = ${orgId}
        )
        SELECT summary, posted::text, word,
          (SELECT d FROM unnest(ARRAY[to_date(md || ' ' || (extract(year FROM posted)::int - 1), 'Mon DD YYYY'),
                                      to_date(md || ' ' || extract(year FROM posted)::int, 'Mon DD YYYY'),
                                      to_date(md || ' ' || (extract(year FROM posted)::int + 1), 'Mon DD YYYY')]) d
           ORDER BY abs(d - posted) LIMIT 1)::text AS day
        FROM m`);
      expect(mentions.length).toBeGreaterThan(20);
      expect(mentions.some((m) => ["missed", "was due", "slipped past"].includes(m.word))).toBe(true);
      for (const m of mentions) {
        if (["was due", "missed", "slipped past"].includes(m.word)) expect(m.day < m.posted, `${m.posted}: ${m.summary}`).toBe(true);
        else expect(m.day >= m.posted, `${m.posted}: ${m.summary}`).toBe(true);
      }
      const [done] = await rows<{ mentions: number; doneBefore: number }>(sql`
        SELECT count(*)::int AS mentions, count(*) FILTER (WHERE ms."doneDate" < s."createdAt"::date)::int AS "doneBefore"
        FROM "StatusUpdate" s JOIN "Milestone" ms ON ms."projectId" = s."projectId"
        WHERE s."orgId" = ${orgId} AND strpos(s.summary || E'\n' || s.body, ms.name) > 0`);
      expect(done.mentions).toBeGreaterThan(0);
      expect(done.doneBefore).toBe(0);
      // Nor does an update say "on track" more than a week after a milestone it has not met.
      const [late] = await rows<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM "StatusUpdate" s WHERE s."orgId" = ${orgId} AND s.health = 'ON_TRACK'
          AND EXISTS (SELECT 1 FROM "Milestone" ms WHERE ms."projectId" = s."projectId" AND ms."dueDate" < s."createdAt"::date - 7
                        AND (ms."doneDate" IS NULL OR ms."doneDate" > s."createdAt"::date))`);
      expect(late.n).toBe(0);
    });

    it("keeps what the tests and README rely on: trouble to review, renewals, open seats, a departure, a small unit", async () => {
      const [f] = await rows<Record<string, number>>(sql`
        SELECT
          (SELECT count(*)::int FROM "Project" WHERE "orgId" = ${orgId} AND status = 'ACTIVE' AND health = 'AT_RISK') AS "atRisk",
          (SELECT count(*)::int FROM "Project" WHERE "orgId" = ${orgId} AND status = 'ACTIVE' AND health = 'OFF_TRACK') AS "offTrack",
          (SELECT count(*)::int FROM "Project" WHERE "orgId" = ${orgId} AND status = 'ACTIVE' AND "lastUpdateAt" < ${todayIso}::date - 9) AS stale,
          (SELECT count(*)::int FROM "Milestone" WHERE "orgId" = ${orgId} AND "dueDate" < ${todayIso}::date AND "doneDate" IS NULL) AS overdue,
          (SELECT count(*)::int FROM "ProjectDependency" d JOIN "Project" b ON b.id = d."blockerId"
             WHERE d."orgId" = ${orgId} AND b.health IN ('AT_RISK', 'OFF_TRACK')) AS blocked,
          (SELECT count(*)::int FROM "Contract" WHERE "orgId" = ${orgId} AND status = 'ACTIVE'
             AND COALESCE("renewalNoticeDate", "endDate") BETWEEN ${todayIso}::date AND ${todayIso}::date + 90) AS renewals,
          (SELECT count(*)::int FROM "Position" WHERE "orgId" = ${orgId} AND status = 'OPEN') AS open,
          (SELECT count(*)::int FROM "Person" WHERE "orgId" = ${orgId} AND "endDate" BETWEEN ${toDateString(quarter.start)}::date AND ${toDateString(quarter.end)}::date) AS departures,
          (SELECT count(*)::int FROM (SELECT "orgUnitId" FROM "Person" WHERE "orgId" = ${orgId} AND "employmentType" = 'EMPLOYEE'
             AND "startDate" <= ${todayIso}::date AND ("endDate" IS NULL OR "endDate" >= ${todayIso}::date) GROUP BY 1 HAVING count(*) < 3) x) AS "smallUnits"`);
      for (const [k, v] of Object.entries(f)) expect(v, k).toBeGreaterThan(0);
    });
  });
}
