import { beforeAll, describe, expect, it } from "vitest";

import { staleProjectWhere } from "@/lib/projects/staleness-sql";
import { updatePunctuality } from "@/lib/projects/punctuality";
import { createMember, createOrg, createUnit } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// `update-punctuality` on a hand-built org, on Tuesday 2026-06-30. Cadence weekly, due Friday,
// 2 grace days: each cycle runs Monday to Sunday. The window's cycles are the 12 weeks whose
// Mondays are 2026-04-06 … 2026-06-22 (they end on or after 2026-04-07, 84 days ago, and before
// today). Team A, with T below it; B is a sibling of A; another org has its own data.
//   Punctual (A):  an update every Wednesday of the 12 weeks             → 12 of 12
//   Late (T):      Sun 05-03 (in grace: week of 04-27), Mon 05-11 (late for the week of 05-04,
//                  so on time for the week of 05-11), 06-01 and 06-03 (one week)  → 3 of 12
//   New (A):       started Wed 06-10, owes nothing for that week; update Tue 06-16 → 1 of 2
//   Archived, Paused (A), Outside (B), and updates before the window or in today's week: none.
// Hand count: 16 of 26 cycles, 61.5%.

const db = testDb();
const NOW = new Date("2026-06-30T12:00:00Z");
const DAY = "2026-06-30";
const d = (s: string, h = 10) => new Date(`${s}T${String(h).padStart(2, "0")}:00:00Z`);
const mondays = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, 3, 6 + 7 * i)).toISOString().slice(0, 10));
const plus = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type Fx = Awaited<ReturnType<typeof build>>;
let fx: Fx;

async function build() {
  const org = await createOrg(db);
  await db.organization.update({
    where: { id: org.id },
    data: { updateCadence: "WEEKLY", updateDueWeekday: "FRIDAY", updateGraceDays: 2 },
  });
  const D = await createUnit(db, org.id, { kind: "DIVISION", name: "D" });
  const A = await createUnit(db, org.id, { parentId: D.id, kind: "DEPARTMENT", name: "A" });
  const T = await createUnit(db, org.id, { parentId: A.id, kind: "TEAM", name: "T" });
  const B = await createUnit(db, org.id, { parentId: D.id, kind: "DEPARTMENT", name: "B" });
  const C = await createUnit(db, org.id, { parentId: D.id, kind: "DEPARTMENT", name: "C" });
  const author = (await createMember(db, org.id, "MANAGER")).user;
  const foreign = await createOrg(db);
  const F = await createUnit(db, foreign.id, { name: "F" });
  const foreignAuthor = (await createMember(db, foreign.id, "MANAGER")).user;

  const project = async (
    orgId: string,
    unitId: string,
    name: string,
    start: string,
    updates: string[],
    extra: { status?: "ACTIVE" | "PAUSED"; archivedAt?: Date; authorId?: string } = {},
  ) => {
    const p = await db.project.create({
      data: {
        orgId,
        orgUnitId: unitId,
        name,
        status: extra.status ?? "ACTIVE",
        createdAt: d(start, 9),
        startDate: new Date(`${start}T00:00:00Z`),
        archivedAt: extra.archivedAt ?? null,
        lastUpdateAt: updates.length ? d(updates.toSorted().at(-1)!) : null,
      },
    });
    for (const u of updates)
      await db.statusUpdate.create({
        data: { orgId, projectId: p.id, authorId: extra.authorId ?? author.id, health: "ON_TRACK", summary: "s", createdAt: d(u) },
      });
    return p;
  };
  const everyWeek = mondays.map((m) => plus(m, 2));
  const punctual = await project(org.id, A.id, "Punctual", "2026-01-05", ["2026-03-25", ...everyWeek, DAY]);
  const late = await project(org.id, T.id, "Late", "2026-01-05", ["2026-05-03", "2026-05-11", "2026-06-01", "2026-06-03"]);
  const fresh = await project(org.id, A.id, "New", "2026-06-10", ["2026-06-16"]);
  await project(org.id, A.id, "Archived", "2026-01-05", [], { archivedAt: d("2026-06-01") });
  await project(org.id, A.id, "Paused", "2026-01-05", [], { status: "PAUSED" });
  await project(org.id, B.id, "Outside", "2026-01-05", everyWeek.slice(0, 3));
  // C has only a project started in today's cycle: no cycle has ended for it.
  await project(org.id, C.id, "Today", "2026-06-29", []);
  // Another org: its own project, and an update carrying its org id on our "New" project in the
  // week of 06-22 (which "New" missed) — neither may count for our org.
  await project(foreign.id, F.id, "Foreign", "2026-01-05", everyWeek, { authorId: foreignAuthor.id });
  await db.statusUpdate.create({
    data: {
      orgId: foreign.id,
      projectId: fresh.id,
      authorId: foreignAuthor.id,
      health: "ON_TRACK",
      summary: "x",
      createdAt: d("2026-06-23"),
    },
  });
  return { org, foreign, A, T, B, C, F, punctual, late, fresh };
}

beforeAll(async () => {
  await resetDb();
  fx = await build();
});

/** The same figure by hand-written SQL, counting cycles as ISO weeks (Monday–Sunday here). */
async function byWeeks(orgId: string, unitId: string) {
  const [r] = await db.$queryRaw<{ cycles: number; onTime: number }[]>`
    WITH proj AS (
      SELECT p."id", date_trunc('week', GREATEST(p."startDate", p."createdAt")::date)::date AS "startWeek"
      FROM "Project" p
      WHERE p."orgId" = ${orgId} AND p.status = 'ACTIVE' AND p."archivedAt" IS NULL
        AND p."orgUnitId" IN (SELECT "descendantId" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${unitId})
    ),
    weeks AS (SELECT w::date AS w FROM generate_series(DATE '2026-04-06', DATE '2026-06-22', interval '7 days') w)
    SELECT COUNT(*)::int AS "cycles",
           COUNT(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM "StatusUpdate" su
             WHERE su."orgId" = ${orgId} AND su."projectId" = proj."id" AND date_trunc('week', su."createdAt")::date = weeks.w))::int AS "onTime"
    FROM proj JOIN weeks ON weeks.w > proj."startWeek"`;
  return r;
}

describe("update punctuality", () => {
  it("counts the team's cycles on time, equal to the hand count and to hand-written SQL", async () => {
    const f = await updatePunctuality(fx.org.id, fx.A.id, NOW);
    expect(f).toEqual({ cycles: 26, onTime: 16, pct: 61.5, from: "2026-04-07", to: "2026-06-29" });
    expect(await byWeeks(fx.org.id, fx.A.id)).toEqual({ cycles: 26, onTime: 16 });
  });

  it("counts a unit below the team on its own, and the whole org without another org's data", async () => {
    expect(await updatePunctuality(fx.org.id, fx.T.id, NOW)).toMatchObject({ cycles: 12, onTime: 3, pct: 25 });
    expect(await byWeeks(fx.org.id, fx.T.id)).toEqual({ cycles: 12, onTime: 3 });
    // D: A's 26 cycles, B's "Outside" 12 (3 on time), C's project none.
    expect(await updatePunctuality(fx.org.id, fx.B.id, NOW)).toMatchObject({ cycles: 12, onTime: 3 });
    const root = (await db.orgUnit.findFirstOrThrow({ where: { orgId: fx.org.id, name: "D" } })).id;
    expect(await updatePunctuality(fx.org.id, root, NOW)).toMatchObject({ cycles: 38, onTime: 19 });
    expect(await byWeeks(fx.org.id, root)).toEqual({ cycles: 38, onTime: 19 });
    // The foreign org's figure is its own project only; our unit is nothing in their org.
    expect(await updatePunctuality(fx.foreign.id, fx.F.id, NOW)).toMatchObject({ cycles: 12, onTime: 12, pct: 100 });
    expect(await updatePunctuality(fx.foreign.id, fx.A.id, NOW)).toMatchObject({ cycles: 0, onTime: 0, pct: null });
  });

  it("has no value when no cycle of an active project ended in the window", async () => {
    expect(await updatePunctuality(fx.org.id, fx.C.id, NOW)).toMatchObject({ cycles: 0, onTime: 0, pct: null });
  });

  it("agrees with stale: a project is stale today exactly when it missed the last cycle counted", async () => {
    const org = await db.organization.findUniqueOrThrow({
      where: { id: fx.org.id },
      select: { updateCadence: true, updateDueWeekday: true, updateGraceDays: true },
    });
    const stale = await db.project.findMany({
      where: { orgId: fx.org.id, orgUnitId: { in: [fx.A.id, fx.T.id] }, archivedAt: null, ...staleProjectWhere(org, DAY) },
      select: { name: true },
      orderBy: { name: "asc" },
    });
    // Late and New missed the week of 06-22 (the last counted); Punctual posted in it.
    expect(stale.map((p) => p.name)).toEqual(["Late", "New"]);
  });

  it("moves with the day: a week later the week of 06-29 ends and the week of 04-06 leaves", async () => {
    // Punctual 12 of 12 (its update of 06-30), Late 3 of 12, New 1 of 3.
    expect(await updatePunctuality(fx.org.id, fx.A.id, new Date("2026-07-07T08:00:00Z"))).toEqual({
      cycles: 27,
      onTime: 16,
      pct: 59.3,
      from: "2026-04-14",
      to: "2026-07-06",
    });
  });
});
