import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import { getDeliveryFigures, TREND_WEEKS } from "@/lib/dashboard/delivery-figures";
import { createMember, createOrg, createUnit } from "@/tests/factories/org";
import { fuzzRuns, seedFor } from "@/tests/support/fuzz";
import { resetDb, testDb } from "@/tests/support/db";

// The dashboard's 12-week health trend reads each project's history once as intervals
// (lib/dashboard/delivery-figures.ts trendCte). Its definition is the plain one: for each week's
// day, the health of the latest update created on or before that day, per ACTIVE/PAUSED project
// created by then. This checks the two agree on random histories — updates on the same day, at
// midnight, before the window, after today, projects created inside the window — with the plain
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
    WITH weeks AS (SELECT (${todayIso}::date - (i * 7)) AS "day" FROM generate_series(0, ${TREND_WEEKS - 1}) AS i)
    SELECT w."day" AS "week", COALESCE(s.health::text, 'UNKNOWN') AS "health", COUNT(*)::int AS "n"
    FROM weeks w
    JOIN "Project" p ON p."orgId" = ${orgId} AND p."archivedAt" IS NULL AND p.status IN ('ACTIVE', 'PAUSED') AND p."createdAt"::date <= w."day"
    LEFT JOIN LATERAL (
      SELECT su.health FROM "StatusUpdate" su
      WHERE su."orgId" = ${orgId} AND su."projectId" = p.id AND su."createdAt" < w."day" + 1
      ORDER BY su."createdAt" DESC LIMIT 1
    ) s ON true
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
const at = (m: { daysBack: number; minute: number }) => new Date(Date.parse(`${todayIso}T00:00:00Z`) - m.daysBack * DAY + m.minute * 60_000);

const project = fc.record({
  status: fc.constantFrom("ACTIVE", "PAUSED", "DONE", "PLANNED"),
  archived: fc.boolean(),
  created: moment,
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
            data: { orgId, orgUnitId: unitId, name: `P${i}`, status: p.status as never, createdAt: at(p.created), archivedAt: p.archived ? today : null },
          });
          for (const u of p.updates) {
            await db.statusUpdate.create({ data: { orgId, projectId: created.id, authorId, health: u.health as never, summary: "s", createdAt: at(u.at) } });
          }
        }
        expect(await computed()).toEqual(await oracle());
      }),
      { seed: seedFor("dashboard-trend"), numRuns: fuzzRuns(40) },
    );
  });

  it("has every one of the 12 weeks, oldest first, even when nothing happened", async () => {
    await db.statusUpdate.deleteMany({ where: { orgId } });
    await db.project.deleteMany({ where: { orgId } });
    const fig = await getDeliveryFigures(orgId, null, today);
    expect(fig.trend.map((w) => w.week)).toEqual(Array.from({ length: TREND_WEEKS }, (_, i) => new Date(Date.parse(todayIso) - (TREND_WEEKS - 1 - i) * 7 * DAY).toISOString().slice(0, 10)));
    expect(fig.trend.every((w) => w.ON_TRACK + w.AT_RISK + w.OFF_TRACK + w.UNKNOWN === 0)).toBe(true);
  });
});
