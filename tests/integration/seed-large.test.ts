import { beforeAll, describe, expect, it } from "vitest";

import { getDashboardScope, getDeliveryFigures, getMoneyFigures, getPeopleFigures, parseDashboardParams } from "@/lib/dashboard/director";
import { listProjects } from "@/lib/projects/queries";
import { seedLarge } from "@/lib/seed-large";
import { allPlans, expectedCounts, LARGE_SLUG } from "@/lib/seed-large/plan";
import { resetDb, testDb } from "@/tests/support/db";

// The large-org generator at a tiny scale: exact row counts per org, the constraints of the
// schema hold (the insert would fail otherwise), indexes and foreign keys are back after the
// bulk load, the same inputs give the same rows, and the app's own queries work on the result.

const db = testDb();
const url = process.env.DATABASE_URL!;
const today = new Date("2026-11-27T00:00:00Z");
const opts = { scale: 0.002, smallOrgs: 2, today };

async function countsFor(orgId: string) {
  const tables = Object.keys(expectedCounts(allPlans(opts)[0]));
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${t}" WHERE "orgId" = $1`, orgId);
    out[t] = Number(row.n);
  }
  return out;
}

async function catalog() {
  return db.$queryRaw<{ name: string }[]>`
    SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('ActualEntry', 'StatusUpdate', 'BudgetLine', 'Milestone')
    UNION ALL SELECT conname FROM pg_constraint WHERE conrelid IN ('"ActualEntry"'::regclass, '"StatusUpdate"'::regclass, '"BudgetLine"'::regclass, '"Milestone"'::regclass)
    ORDER BY 1`;
}

let before: { name: string }[];
let large: { id: string; fiscalYearStartMonth: number };

beforeAll(async () => {
  await resetDb();
  before = await catalog();
  await seedLarge(url, opts);
  large = await db.organization.findUniqueOrThrow({ where: { slug: LARGE_SLUG }, select: { id: true, fiscalYearStartMonth: true } });
});

describe("db:seed:large", () => {
  it("writes the planned number of rows for the large org and every small org", async () => {
    const plans = allPlans(opts);
    expect(plans).toHaveLength(3);
    for (const plan of plans) {
      const org = await db.organization.findUniqueOrThrow({ where: { slug: plan.slug }, select: { id: true } });
      expect(await countsFor(org.id)).toEqual(expectedCounts(plan));
    }
    const closure = await db.orgUnitClosure.count({ where: { orgId: large.id } });
    // 5 levels of one unit each at this scale: a chain, 5 + 4 + 3 + 2 + 1 pairs.
    expect(closure).toBe(15);
    expect(await db.membership.count({ where: { orgId: large.id } })).toBeGreaterThanOrEqual(5);
  });

  it("restores every index and constraint it dropped for the bulk load", async () => {
    expect(await catalog()).toEqual(before);
  });

  it("leaves the ledger summary (ActualMonthly, kept by triggers during the bulk load) equal to the ledger", async () => {
    const diff = await db.$queryRaw<{ n: bigint; cells: bigint }[]>`
      WITH s AS (SELECT "orgId", "month", "orgUnitId", "category", "amountCents", "lineCount"::bigint AS "lineCount" FROM "ActualMonthly"),
           o AS (SELECT "orgId", date_trunc('month', "bookedOn"::timestamp)::date AS "month", "orgUnitId", "category", SUM("amountCents")::bigint AS "amountCents", COUNT(*) AS "lineCount"
                 FROM "ActualEntry" GROUP BY 1, 2, 3, 4)
      SELECT (SELECT count(*) FROM ((SELECT * FROM s EXCEPT ALL SELECT * FROM o) UNION ALL (SELECT * FROM o EXCEPT ALL SELECT * FROM s)) d) AS "n",
             (SELECT count(*) FROM s) AS "cells"`;
    expect(Number(diff[0].n)).toBe(0);
    expect(Number(diff[0].cells)).toBeGreaterThan(0);
  });

  it("refuses to write into a database that already holds the large org", async () => {
    await expect(seedLarge(url, opts)).rejects.toThrow(/already exists/);
    expect(await db.organization.count()).toBe(3);
  });

  it("is deterministic: the same scale and day give the same rows", async () => {
    const sum = async () =>
      (
        await db.$queryRaw<{ s: bigint; h: string }[]>`
      SELECT sum("amountCents") AS s, md5(string_agg(id || "bookedOn"::text || category::text, ',' ORDER BY id)) AS h FROM "ActualEntry"`
      )[0];
    const first = await sum();
    await resetDb();
    await seedLarge(url, opts);
    expect(await sum()).toEqual(first);
  });

  it("every project has its updates in order and its health is that of its latest update", async () => {
    const rows = await db.$queryRaw<{ bad: bigint }[]>`
      SELECT count(*) AS bad FROM "Project" p
      WHERE p.health <> (SELECT health FROM "StatusUpdate" s WHERE s."projectId" = p.id ORDER BY s."createdAt" DESC LIMIT 1)
         OR p."lastUpdateAt" <> (SELECT max("createdAt") FROM "StatusUpdate" s WHERE s."projectId" = p.id)`;
    expect(Number(rows[0].bad)).toBe(0);
  });

  it("holds every employee in post on the position they were hired on, and opens backfills only after the last day", async () => {
    // At this scale there may be no backfill at all.
    const [r] = await db.$queryRaw<{ hires: bigint; unplaced: bigint; early: bigint; selfAcked: bigint }[]>`
      SELECT
        (SELECT count(*) FROM "Person" p WHERE p."orgId" = ${large.id} AND p."endDate" IS NULL) AS hires,
        (SELECT count(*) FROM "Person" p WHERE p."orgId" = ${large.id} AND p."endDate" IS NULL AND NOT EXISTS (
           SELECT 1 FROM "Position" ps WHERE ps."personId" = p.id AND ps.status = 'FILLED' AND ps."targetStartDate" = p."startDate"
             AND ps."filledAt"::date < p."startDate" AND ps."openedAt" < ps."filledAt")) AS unplaced,
        (SELECT count(*) FROM "Position" ps JOIN "Person" b ON b.id = ps."backfillForId" WHERE ps."orgId" = ${large.id} AND ps.status = 'BACKFILL'
           AND (ps."vacantFrom" IS DISTINCT FROM b."endDate" + 1 OR ps."openedAt"::date > b."endDate")) AS early,
        (SELECT count(*) FROM "StatusUpdate" s WHERE s."orgId" = ${large.id} AND s."acknowledgedById" = s."authorId") AS "selfAcked"`;
    expect(Number(r.hires)).toBeGreaterThan(0);
    expect({ unplaced: Number(r.unplaced), early: Number(r.early), selfAcked: Number(r.selfAcked) }).toEqual({
      unplaced: 0,
      early: 0,
      selfAcked: 0,
    });
  });

  it("the app's dashboard and list queries work on the generated org", async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: LARGE_SLUG }, select: { id: true, fiscalYearStartMonth: true } });
    const p = parseDashboardParams({ period: "year" }, org.fiscalYearStartMonth, today);
    const scope = await getDashboardScope(org.id, null);
    expect(scope?.subtreeIds).toHaveLength(5);
    const delivery = await getDeliveryFigures(org.id, null, today);
    const active = await db.project.count({ where: { orgId: org.id, status: "ACTIVE", archivedAt: null } });
    expect(delivery.active).toBe(active);
    expect(delivery.trend.length).toBeGreaterThan(0);
    const money = await getMoneyFigures(org.id, org.fiscalYearStartMonth, true, p, today);
    const plan = await db.budgetLine.aggregate({
      where: { orgId: org.id, month: { gte: new Date("2026-01-01"), lte: new Date("2026-12-01") } },
      _sum: { amountCents: true },
    });
    expect(money.year.planCents).toBe(Number(plan._sum.amountCents));
    expect(money.year.actualCents).toBeGreaterThan(0);
    const people = await getPeopleFigures(org.id, org.fiscalYearStartMonth, p, today);
    expect(people.openPositions).toBeGreaterThan(0);
    const projects = await listProjects(org.id, {}, today);
    expect(projects.length).toBeGreaterThan(0);
  });
});
