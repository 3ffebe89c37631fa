import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import { getDeliveryFigures } from "@/lib/dashboard/delivery-figures";
import { TREND_WEEKS } from "@/lib/dashboard/trend-sql";
import { createMember, createOrg, createUnit } from "@/tests/factories/org";
import { fuzzRuns, seedFor } from "@/tests/support/fuzz";
import { resetDb, testDb } from "@/tests/support/db";

// The dashboard's 12-week health trend reads each project's history once as intervals
// (lib/dashboard/delivery-figures.ts trendCte). Its definition (glossary `health-trend`) is the
// plain one: for each past week's last day, the projects Active that day — Active now, or Done
// with a completion date after it — started by then (start date, else creation date) and not
// archived by then, by the health of their latest update created on or before that day; today's
// point is the tiles (Active, unarchived projects by current health). This checks the two agree
// on random histories — updates on the same day, at midnight, before the window, after today,
// projects created, started, completed and archived inside the window — with the plain
// definition written out here as the oracle (one index probe per project and week).

const db = testDb();
const DAY = 86_400_000;
const today = new Date("2026-06-15T12:00:00Z");
const todayIso = "2026-06-15";
let orgId: string;
let unitId: string;
let authorId: string;

beforeAll(async () => {
  await resetDb();
  const org = await createOrg(db);
  orgId = org.id;
  unitId = (await createUnit(db, orgId)).id;
  authorId = (await createMember(db, orgId, "MANAGER")).user.id;
});

type Row = { week: string; health: string; n: number };

async function oracle(): Promise<Row[]> {
  const rows = await db.$queryRaw<{ week: Date; health: string; n: number }[]>`
    WITH weeks AS (SELECT (${todayIso}::date - (i * 7)) AS "day" FROM generate_series(1, ${TREND_WEEKS - 1}) AS i)
    SELECT w."day" AS "week", COALESCE(s.health::text, 'UNKNOWN') AS "health", COUNT(*)::int AS "n"
    FROM weeks w
    JOIN "Project" p ON p."orgId" = ${orgId}
      AND (p."archivedAt" IS NULL OR p."archivedAt"::date > w."day")
      AND (p.status = 'ACTIVE' OR (p.status = 'DONE' AND p."completedDate" > w."day"))
      AND LEAST(COALESCE(p."startDate", p."createdAt"::date), ${todayIso}::date) <= w."day"
    LEFT JOIN LATERAL (
      SELECT su.health FROM "StatusUpdate" su
      WHERE su."orgId" = ${orgId} AND su."projectId" = p.id AND su."createdAt" < w."day" + 1
      ORDER BY su."createdAt" DESC LIMIT 1
    ) s ON true
    GROUP BY 1, 2
    UNION ALL
    SELECT ${todayIso}::date, p.health::text, COUNT(*)::int FROM "Project" p
    WHERE p."orgId" = ${orgId} AND p."archivedAt" IS NULL AND p.status = 'ACTIVE'
    GROUP BY 1, 2`;
  return rows.map((r) => ({ week: r.week.toISOString().slice(0, 10), health: r.health, n: r.n })).sort(byKey);
}

const byKey = (a: Row, b: Row) => a.week.localeCompare(b.week) || a.health.localeCompare(b.health);

async function computed(): Promise<Row[]> {
  const fig = await getDeliveryFigures(orgId, null, today);
  return fig.trend
    .flatMap((w) => (["ON_TRACK", "AT_RISK", "OFF_TRACK", "UNKNOWN"] as const).map((h) => ({ week: w.week, health: h, n: w[h] })))
    .filter((r) => r.n > 0)
    .sort(byKey);
}

// A moment relative to today: whole days back plus a time of day (0 = midnight exactly).
const moment = fc.record({ daysBack: fc.integer({ min: -3, max: 120 }), minute: fc.constantFrom(0, 1, 600, 1439) });
const at = (m: { daysBack: number; minute: number }) =>
  new Date(Date.parse(`${todayIso}T00:00:00Z`) - m.daysBack * DAY + m.minute * 60_000);

const day = fc.integer({ min: -10, max: 120 });
const dayAt = (daysBack: number) => new Date(Date.parse(`${todayIso}T00:00:00Z`) - daysBack * DAY);

const project = fc.record({
  status: fc.constantFrom("ACTIVE", "PAUSED", "DONE", "PLANNED"),
  archived: fc.option(moment, { nil: null }),
  created: moment,
  started: fc.option(day, { nil: null }),
  completed: fc.option(day, { nil: null }),
  // The current health, as the tiles read it (usually the latest update's, but a fixture may differ).
  health: fc.constantFrom("ON_TRACK", "AT_RISK", "OFF_TRACK", "UNKNOWN"),
  updates: fc.array(fc.record({ at: moment, health: fc.constantFrom("ON_TRACK", "AT_RISK", "OFF_TRACK") }), { maxLength: 8 }),
});

describe("dashboard trend", () => {
  it("equals the per-week definition on random histories", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(project, { minLength: 1, maxLength: 8 }), async (projects) => {
        await db.statusUpdate.deleteMany({ where: { orgId } });
        await db.project.deleteMany({ where: { orgId } });
        for (const [i, p] of projects.entries()) {
          const created = await db.project.create({
            data: {
              orgId,
              orgUnitId: unitId,
              name: `P${i}`,
              status: p.status as never,
              health: p.health as never,
              createdAt: at(p.created),
              archivedAt: p.archived ? at(p.archived) : null,
              startDate: p.started === null ? null : dayAt(p.started),
              completedDate: p.completed === null ? null : dayAt(p.completed),
            },
          });
          for (const u of p.updates) {
            await db.statusUpdate.create({
              data: { orgId, projectId: created.id, authorId, health: u.health as never, summary: "s", createdAt: at(u.at) },
            });
          }
        }
        expect(await computed()).toEqual(await oracle());
      }),
      { seed: seedFor("dashboard-trend"), numRuns: fuzzRuns(40) },
    );
  });

  it("counts a project completed since in the weeks it ran, and today's point is the tiles", async () => {
    await db.statusUpdate.deleteMany({ where: { orgId } });
    await db.project.deleteMany({ where: { orgId } });
    // Started 10 weeks ago, done 3 weeks ago (completion day: no longer active that day).
    const done = await db.project.create({
      data: {
        orgId,
        orgUnitId: unitId,
        name: "Done since",
        status: "DONE",
        startDate: dayAt(70),
        completedDate: dayAt(21),
        createdAt: dayAt(80),
      },
    });
    await db.statusUpdate.create({ data: { orgId, projectId: done.id, authorId, health: "AT_RISK", summary: "s", createdAt: dayAt(60) } });
    // Active, off track now; paused (in no week).
    await db.project.create({
      data: { orgId, orgUnitId: unitId, name: "Active", status: "ACTIVE", health: "OFF_TRACK", startDate: dayAt(30), createdAt: dayAt(30) },
    });
    await db.project.create({
      data: { orgId, orgUnitId: unitId, name: "Paused", status: "PAUSED", health: "AT_RISK", startDate: dayAt(30), createdAt: dayAt(30) },
    });
    const fig = await getDeliveryFigures(orgId, null, today);
    const byWeek = new Map(fig.trend.map((w) => [(Date.parse(todayIso) - Date.parse(w.week)) / DAY / 7, w]));
    expect(byWeek.get(0)).toMatchObject({ ...fig.health, OFF_TRACK: 1, AT_RISK: 0 });
    expect(byWeek.get(3)).toMatchObject({ AT_RISK: 0, UNKNOWN: 1 }); // done on that day; Active is Unknown (no update)
    expect(byWeek.get(4)).toMatchObject({ AT_RISK: 1, UNKNOWN: 1 });
    expect(byWeek.get(8)).toMatchObject({ AT_RISK: 1, UNKNOWN: 0 });
    expect(byWeek.get(9)).toMatchObject({ AT_RISK: 0, UNKNOWN: 1 }); // started, no update yet
    expect(byWeek.get(11)).toMatchObject({ AT_RISK: 0, UNKNOWN: 0 });
  });

  it("has every one of the 12 weeks, oldest first, even when nothing happened", async () => {
    await db.statusUpdate.deleteMany({ where: { orgId } });
    await db.project.deleteMany({ where: { orgId } });
    const fig = await getDeliveryFigures(orgId, null, today);
    expect(fig.trend.map((w) => w.week)).toEqual(
      Array.from({ length: TREND_WEEKS }, (_, i) =>
        new Date(Date.parse(todayIso) - (TREND_WEEKS - 1 - i) * 7 * DAY).toISOString().slice(0, 10),
      ),
    );
    expect(fig.trend.every((w) => w.ON_TRACK + w.AT_RISK + w.OFF_TRACK + w.UNKNOWN === 0)).toBe(true);
  });
});
