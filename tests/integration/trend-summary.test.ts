import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";

import { getDeliveryFigures } from "@/lib/dashboard/delivery-figures";
import { trendCte } from "@/lib/dashboard/trend-sql";
import { storedTrend } from "@/lib/dashboard/trend-summary";
import { clearFiguresMemo } from "@/lib/figures-memo";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import { createProject } from "@/lib/projects/create-project";
import { deleteStatusUpdate } from "@/lib/projects/delete-status-update";
import { postStatusUpdate } from "@/lib/projects/post-status-update";
import { archiveProject, setProjectStatus } from "@/lib/projects/set-project-status";
import { updateProject } from "@/lib/projects/update-project";
import { refreshStaleStoredFigures } from "@/lib/stored-figures";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";
import { seedFor } from "@/tests/support/fuzz";

// The health trend kept by the writers (lib/dashboard/trend-summary.ts): a project history made
// by SQL (updates weeks back, starts, completions) is stored by the worker's refresh; then after
// every randomized write through the pipeline — projects created, edited (start date, owning
// unit), completed, paused, archived; updates posted and deleted — the stored rows are current
// and their sums equal the computed trend (lib/dashboard/trend-sql.ts) for the org and for each
// subtree. A write by SQL or another day makes them unused, never wrong.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
const DAY = 86_400_000;

type Row = { week: string; health: string; n: number };
const sorted = (rows: { week: Date; health: string; n: number }[]): Row[] =>
  rows
    .map((r) => ({ week: toDateString(r.week), health: r.health, n: r.n }))
    .sort((a, b) => a.week.localeCompare(b.week) || a.health.localeCompare(b.health));

async function computed(unitId: string | null): Promise<Row[]> {
  return sorted(
    await db.$queryRaw`WITH ${trendCte(acme.org.id, unitId, toDateString(new Date()))} SELECT "week", "health", "n" FROM trend`,
  );
}
async function stored(unitId: string | null): Promise<Row[]> {
  const scope = unitId
    ? Prisma.sql`SELECT "descendantId" FROM "OrgUnitClosure" WHERE "ancestorId" = ${unitId}`
    : Prisma.sql`SELECT "id" FROM "OrgUnit" WHERE "orgId" = ${acme.org.id}`;
  return sorted(
    await db.$queryRaw`
    SELECT "week", "health"::text AS "health", SUM("n")::int AS "n" FROM "DeliveryTrendWeekly"
    WHERE "orgId" = ${acme.org.id} AND "orgUnitId" IN (${scope}) GROUP BY 1, 2`,
  );
}
async function expectCurrentAndExact(step: string) {
  expect(await storedTrend(acme.org.id, null, new Date()).then((r) => r !== null), `${step}: current`).toBe(true);
  for (const unit of [null, acme.units.deptA.id, acme.units.teamB.id])
    expect(await stored(unit), `${step} ${unit}`).toEqual(await computed(unit));
}

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
});

describe("the health trend kept by the writers", () => {
  it("equals the computed trend after a history by SQL and randomized writes through the pipeline", async () => {
    const { org, units, members } = acme;
    const teams = [units.teamA, units.teamB, units.deptA];
    const author = members.director.user.id;
    const ago = (days: number) => new Date(Date.now() - days * DAY);
    // A history by SQL: projects started weeks ago with updates spread over the 12 weeks.
    const HEALTHS = ["ON_TRACK", "AT_RISK", "OFF_TRACK"] as const;
    for (let k = 0; k < 12; k++) {
      const p = await db.project.create({
        data: {
          orgId: org.id,
          orgUnitId: teams[k % 3].id,
          name: `History ${k}`,
          status: "ACTIVE",
          startDate: ago(90 - k * 5),
          createdAt: ago(95),
        },
      });
      for (let j = 0; j < 4; j++)
        await db.statusUpdate.create({
          data: {
            orgId: org.id,
            projectId: p.id,
            authorId: author,
            health: HEALTHS[(k + j) % 3],
            summary: "Week",
            createdAt: ago(80 - k * 3 - j * 15),
          },
        });
    }
    expect(await storedTrend(org.id, null, new Date()).then((r) => r !== null), "nothing stored yet").toBe(false);
    expect(await refreshStaleStoredFigures(db)).toBeGreaterThanOrEqual(1);
    await expectCurrentAndExact("after the worker's refresh");
    expect((await stored(null)).length).toBeGreaterThan(10);

    type Op =
      | { op: "create"; unit: number; start: number; active: boolean }
      | { op: "post"; pick: number; health: number }
      | { op: "status"; pick: number; status: number }
      | { op: "archive"; pick: number }
      | { op: "edit"; pick: number; unit: number; start: number }
      | { op: "delete"; pick: number };
    const n = fc.nat({ max: 1000 });
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant("create" as const), unit: n, start: fc.nat({ max: 100 }), active: fc.boolean() }),
      fc.record({ op: fc.constant("post" as const), pick: n, health: n }),
      fc.record({ op: fc.constant("status" as const), pick: n, status: n }),
      fc.record({ op: fc.constant("archive" as const), pick: n }),
      fc.record({ op: fc.constant("edit" as const), pick: n, unit: n, start: fc.nat({ max: 100 }) }),
      fc.record({ op: fc.constant("delete" as const), pick: n }),
    );
    const ops = fc.sample(fc.array(opArb, { minLength: 24, maxLength: 24 }), { numRuns: 1, seed: seedFor("trend-summary") })[0];
    const done = new Set<string>();
    const pick = async (i: number) => {
      const all = await db.project.findMany({ where: { orgId: org.id, archivedAt: null }, orderBy: { id: "asc" } });
      return all[i % all.length];
    };
    for (const [i, o] of ops.entries()) {
      const step = `step ${i}: ${JSON.stringify(o)}`;
      let r: { ok: boolean };
      if (o.op === "create") {
        r = await createProject.run(author, org.slug, {
          name: `Project ${i}`,
          orgUnitId: teams[o.unit % 3].id,
          status: o.active ? "ACTIVE" : "PLANNED",
          startDate: toDateString(ago(o.start)),
        });
      } else if (o.op === "post") {
        const p = await pick(o.pick);
        r = await postStatusUpdate.run(author, org.slug, {
          projectId: p.id,
          health: HEALTHS[o.health % 3],
          summary: "Today",
          overrideReason: "Because",
        });
      } else if (o.op === "status") {
        const p = await pick(o.pick);
        r = await setProjectStatus.run(author, org.slug, {
          id: p.id,
          version: p.version,
          status: (["DONE", "PAUSED", "ACTIVE"] as const)[o.status % 3],
        });
      } else if (o.op === "archive") {
        const p = await pick(o.pick);
        r = await archiveProject.run(author, org.slug, { id: p.id, version: p.version, archived: "on" });
      } else if (o.op === "edit") {
        const p = await pick(o.pick);
        r = await updateProject.run(author, org.slug, {
          id: p.id,
          version: p.version,
          name: p.name,
          orgUnitId: teams[o.unit % 3].id,
          startDate: toDateString(ago(o.start)),
        });
      } else {
        const u = await db.statusUpdate.findFirst({ where: { orgId: org.id }, orderBy: { createdAt: "desc" } });
        if (!u) continue;
        r = await deleteStatusUpdate.run(u.authorId, org.slug, { updateId: u.id });
      }
      if (r.ok) done.add(o.op);
      await expectCurrentAndExact(step);
    }
    expect([...done].sort()).toEqual(["archive", "create", "delete", "edit", "post", "status"]);
    // The dashboard's figures read them and agree (today's point is the tiles, not stored).
    clearFiguresMemo();
    const figures = await getDeliveryFigures(org.id, units.deptA.id, new Date());
    const past = figures.trend
      .slice(0, -1)
      .flatMap((w) =>
        (["ON_TRACK", "AT_RISK", "OFF_TRACK", "UNKNOWN"] as const)
          .filter((h) => w[h] > 0)
          .map((h) => ({ week: w.week, health: h, n: w[h] })),
      );
    expect(past.sort((a, b) => a.week.localeCompare(b.week) || a.health.localeCompare(b.health))).toEqual(await computed(units.deptA.id));
  });

  it("is not used after a write by SQL or on another day, until the worker's refresh", async () => {
    const { org, units, members } = acme;
    const r = await createProject.run(members.director.user.id, org.slug, {
      name: "Fresh",
      orgUnitId: units.teamA.id,
      status: "ACTIVE",
      startDate: toDateString(new Date(Date.now() - 40 * DAY)),
    });
    expect(r.ok).toBe(true);
    await expectCurrentAndExact("after the create");
    expect(await storedTrend(org.id, null, new Date(Date.now() + DAY)).then((r) => r !== null), "tomorrow").toBe(false);
    const p = await db.project.findFirstOrThrow({ where: { orgId: org.id } });
    await db.statusUpdate.create({
      data: {
        orgId: org.id,
        projectId: p.id,
        authorId: members.director.user.id,
        health: "OFF_TRACK",
        summary: "By SQL",
        createdAt: new Date(Date.now() - 20 * DAY),
      },
    });
    expect(await storedTrend(org.id, null, new Date()).then((r) => r !== null)).toBe(false);
    expect(await stored(null)).not.toEqual(await computed(null));
    await refreshStaleStoredFigures(db);
    await expectCurrentAndExact("after the worker's refresh");
  });
});
