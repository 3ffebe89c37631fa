import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";

import { fiscalYearOf, toDateString } from "@/lib/fiscal";
import { createPosition } from "@/lib/headcount/create-position";
import { fillPosition } from "@/lib/headcount/fill-position";
import { HEADS } from "@/lib/headcount/heads-summary";
import { computedPlanVsActual, planVsActual, storedPlanVsActualRows } from "@/lib/headcount/plan";
import { transitionPosition } from "@/lib/headcount/transition-position";
import { moveUnit } from "@/lib/org/move-unit";
import { setEndDate } from "@/lib/people/set-end-date";
import { updatePerson } from "@/lib/people/update-person";
import { updateOrgSettings } from "@/lib/settings/update-org-settings";
import { refreshStaleStoredFigures } from "@/lib/stored-figures";
import { currentStoredState } from "@/lib/stored-figures/state";
import { createPerson } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";
import { seedFor } from "@/tests/support/fuzz";
import { tablesMentioned } from "@/tests/support/tables-read";

// Heads kept by the writers (lib/headcount/heads-summary.ts): a staff history made by SQL (people
// in post before the fiscal year, leavers, positions held by day-one people) is stored by the
// worker's refresh; then after every randomized write through the pipeline — positions planned,
// opened, closed and filled (by a new hire or someone already in post), departures with a
// backfill or a close, people moved between units, units moved, the fiscal year's start month
// changed — the stored heads are current, and the plan vs actual read from them equals the one
// computed from people and positions, for the whole org and every subtree, this fiscal year and
// the next. Another day, another fiscal year or a write by SQL make them unused, never wrong.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
const DAY = 86_400_000;

const isCurrent = async (orgId: string, day = new Date()) => (await currentStoredState(orgId, HEADS, day)) !== null;

async function expectCurrentAndExact(step: string) {
  const { org, units } = acme;
  expect(await isCurrent(org.id), `${step}: current`).toBe(true);
  const { fiscalYearStartMonth: startMonth } = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
  const fy = fiscalYearOf(new Date(), startMonth);
  for (const fiscalYear of [fy, fy + 1])
    for (const unitId of [null, units.division.id, units.deptA.id, units.deptB.id, units.teamA.id, units.teamB.id]) {
      const opts = { unitId, fiscalYear, startMonth };
      expect(await storedPlanVsActualRows(org.id, opts), `${step}: FY${fiscalYear} ${unitId}`).toEqual(
        await computedPlanVsActual(org.id, opts),
      );
    }
}

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
});

describe("the heads kept by the writers", () => {
  it("equal the computed plan vs actual after a history by SQL and randomized writes through the pipeline", async () => {
    const { org, units, members } = acme;
    const teams = [units.teamA, units.teamB, units.deptA, units.deptB];
    const as = (role: "director" | "admin") => members[role].user.id;
    const now = new Date();
    const day = (offset: number) => toDateString(new Date(now.getTime() + offset * DAY));
    const fy = fiscalYearOf(now, 1);
    // The history is dated from the fiscal year's first day, so who was in post then does not depend on the test's date.
    const fyStart = Date.UTC(fy, 0, 1);
    const fromFy = (offset: number) => toDateString(new Date(fyStart + offset * DAY));
    // A history by SQL: people in post since before the fiscal year (some leaving during it), recent
    // joiners, and plan positions held by, or backfilling, people in post on day one.
    const people = [];
    for (let k = 0; k < 12; k++)
      people.push(
        await createPerson(db, org.id, teams[k % 4].id, 10_000_000n, {
          start: fromFy(-800 + k * 60),
          end: k % 5 === 0 ? fromFy(20 + k * 10) : null,
        }),
      );
    // A record that ends before it starts (a bad HRIS row) is never in post.
    await createPerson(db, org.id, units.teamB.id, 10_000_000n, { start: day(-30), end: day(-60) });
    for (let k = 0; k < 4; k++)
      await db.position.create({
        data: {
          orgId: org.id,
          orgUnitId: teams[(k + 1) % 4].id,
          title: `Seat ${k}`,
          level: "L3",
          status: k % 2 ? "FILLED" : "BACKFILL",
          personId: k % 2 ? people[k].id : null,
          backfillForId: k % 2 ? null : people[k].id,
          budgetFiscalYear: fy,
          budgetFiscalQuarter: (k % 4) + 1,
          annualCompCents: 10_000_000n,
        },
      });
    expect(await isCurrent(org.id), "nothing stored yet").toBe(false);
    expect(await refreshStaleStoredFigures(db)).toBeGreaterThanOrEqual(1);
    await expectCurrentAndExact("after the worker's refresh");
    const [rows] = await db.$queryRaw<{ linked: number; all: number }[]>`
      SELECT COUNT(*) FILTER (WHERE "heldUnitId" <> '' OR "backfilledUnitId" <> '')::int AS "linked", COUNT(*)::int AS "all"
      FROM "HeadsMonthly" WHERE "orgId" = ${org.id}`;
    expect(rows.all, "rows stored").toBeGreaterThan(20);
    expect(rows.linked, "positions of day-one people kept apart").toBe(4);

    type Op =
      | { op: "plan"; unit: number; year: number; quarter: number; open: boolean; outside: boolean; start: number }
      | { op: "transition"; pick: number; close: boolean }
      | { op: "fill"; pick: number; existing: number; start: number }
      | { op: "leave"; pick: number; end: number; backfill: boolean }
      | { op: "move"; pick: number; unit: number }
      | { op: "reorg"; unit: number }
      | { op: "settings"; april: boolean };
    const n = fc.nat({ max: 1000 });
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      {
        arbitrary: fc.record({
          op: fc.constant("plan" as const),
          unit: n,
          year: fc.nat({ max: 1 }),
          quarter: fc.nat({ max: 4 }),
          open: fc.boolean(),
          outside: fc.boolean(),
          start: fc.integer({ min: -200, max: 400 }),
        }),
        weight: 3,
      },
      { arbitrary: fc.record({ op: fc.constant("transition" as const), pick: n, close: fc.boolean() }), weight: 2 },
      {
        arbitrary: fc.record({
          op: fc.constant("fill" as const),
          pick: n,
          existing: fc.nat({ max: 3 }),
          start: fc.integer({ min: -60, max: 200 }),
        }),
        weight: 2,
      },
      {
        arbitrary: fc.record({
          op: fc.constant("leave" as const),
          pick: n,
          end: fc.integer({ min: -100, max: 200 }),
          backfill: fc.boolean(),
        }),
        weight: 2,
      },
      { arbitrary: fc.record({ op: fc.constant("move" as const), pick: n, unit: n }), weight: 2 },
      { arbitrary: fc.record({ op: fc.constant("reorg" as const), unit: n }), weight: 1 },
      { arbitrary: fc.record({ op: fc.constant("settings" as const), april: fc.boolean() }), weight: 1 },
    );
    // A reorg last whatever the sample: every kind of write is exercised.
    const ops: Op[] = [
      ...fc.sample(fc.array(opArb, { minLength: 30, maxLength: 30 }), { numRuns: 1, seed: seedFor("heads-summary") })[0],
      { op: "reorg", unit: 0 },
    ];
    const kinds = new Set<string>();
    const pickPosition = async (i: number, status: ("PLANNED" | "OPEN" | "BACKFILL" | "FILLED")[]) => {
      const all = await db.position.findMany({ where: { orgId: org.id, status: { in: status } }, orderBy: { id: "asc" } });
      return all.length ? all[i % all.length] : null;
    };
    const pickPerson = async (i: number) => {
      const all = await db.person.findMany({ where: { orgId: org.id, endDate: null }, orderBy: { id: "asc" } });
      return all[i % all.length];
    };

    for (const [i, o] of ops.entries()) {
      const step = `step ${i}: ${JSON.stringify(o)}`;
      let r: { ok: boolean; code?: string } | null = null;
      if (o.op === "plan") {
        r = await createPosition.run(as("director"), org.slug, {
          orgUnitId: teams[o.unit % 4].id,
          title: `Planned ${i}`,
          level: "L3",
          targetStartDate: day(o.start),
          compensation: "120000",
          budgetFiscalYear:
            fiscalYearOf(now, (await db.organization.findUniqueOrThrow({ where: { id: org.id } })).fiscalYearStartMonth) + o.year,
          budgetFiscalQuarter: o.quarter === 0 ? "" : o.quarter,
          openNow: o.open ? "on" : "",
          outsidePlan: o.outside ? "on" : "",
        });
      } else if (o.op === "transition") {
        const p = await pickPosition(o.pick, o.close ? ["PLANNED", "OPEN", "BACKFILL"] : ["PLANNED"]);
        if (p)
          r = await transitionPosition.run(as("director"), org.slug, {
            positionId: p.id,
            version: p.version,
            event: o.close ? "close" : "open",
          });
      } else if (o.op === "fill") {
        const p = await pickPosition(o.pick, ["OPEN", "BACKFILL"]);
        if (p) {
          // Now and then by someone already in post (a day-one person, or an internal move).
          const existing = o.existing === 0 ? await pickPerson(o.pick) : null;
          r = await fillPosition.run(
            as("director"),
            org.slug,
            existing
              ? {
                  mode: "existing",
                  positionId: p.id,
                  version: p.version,
                  personId: existing.id,
                  // Not before their first day (the action refuses that: a recent hire may start later).
                  startDate: toDateString(new Date(Math.max(now.getTime() + Math.min(o.start, 0) * DAY, existing.startDate.getTime()))),
                }
              : { mode: "new", positionId: p.id, version: p.version, name: `Hire ${i}`, startDate: day(o.start) },
          );
        }
      } else if (o.op === "leave") {
        const p = await pickPerson(o.pick);
        const end = new Date(Math.max(now.getTime() + o.end * DAY, p.startDate.getTime()));
        r = await setEndDate.run(as("director"), org.slug, {
          personId: p.id,
          version: p.version,
          endDate: toDateString(end),
          vacancy: o.backfill ? "backfill" : "close",
        });
      } else if (o.op === "move") {
        const p = await pickPerson(o.pick);
        r = await updatePerson.run(as("director"), org.slug, {
          personId: p.id,
          version: p.version,
          title: p.title,
          level: p.level,
          orgUnitId: teams[o.unit % 4].id,
          managerId: "",
          effectiveFrom: day(0),
        });
      } else if (o.op === "reorg") {
        const unit = await db.orgUnit.findUniqueOrThrow({ where: { id: teams[o.unit % 2].id } });
        const parentId = unit.parentId === units.deptA.id ? units.deptB.id : units.deptA.id;
        r = await moveUnit.run(as("director"), org.slug, { unitId: unit.id, version: unit.version, parentId });
      } else {
        const before = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
        r = await updateOrgSettings.run(as("admin"), org.slug, {
          name: before.name,
          fiscalYearStartMonth: o.april ? 4 : 1,
          updateCadence: before.updateCadence,
          updateDueWeekday: before.updateDueWeekday,
          updateGraceDays: before.updateGraceDays,
          expectedUpdatedAt: before.updatedAt.toISOString(),
        });
      }
      if (r === null) continue; // nothing to pick
      // A person picked may not be movable yet (moved earlier today, or starting later): refused by
      // field, nothing written, and the stored heads must still be exact.
      if (r.ok) kinds.add(o.op);
      else if (o.op === "fill" || o.op === "move" || o.op === "leave")
        expect(r, `${step}: ${JSON.stringify(r)}`).toMatchObject({ code: "VALIDATION" });
      else expect(r, `${step}: ${JSON.stringify(r)}`).toMatchObject({ ok: true });
      await expectCurrentAndExact(step);
    }
    expect([...kinds].sort()).toEqual(["fill", "leave", "move", "plan", "reorg", "settings", "transition"]);
  });

  it("names every table the computed plan vs actual reads", async () => {
    const { tables: read } = await tablesMentioned(db, () =>
      computedPlanVsActual(acme.org.id, { unitId: acme.units.deptA.id, fiscalYear: 2026, startMonth: 1 }),
    );
    expect(read).toContain("Person");
    expect(read).toContain("Position");
    // The subtree is applied when the stored rows are read, so the tree is not among the heads' tables.
    expect(read.filter((t) => !(HEADS.tables as string[]).includes(t) && t !== "OrgUnitClosure" && t !== "OrgUnit")).toEqual([]);
  });

  it("are not used on another day, for another fiscal year or after a write by SQL, until the worker's refresh", async () => {
    const { org, units } = acme;
    await createPerson(db, org.id, units.teamA.id, 10_000_000n, { start: "2024-02-01" });
    await refreshStaleStoredFigures(db);
    expect(await isCurrent(org.id)).toBe(true);
    expect(await isCurrent(org.id, new Date(Date.now() + DAY)), "another day").toBe(false);
    const fy = fiscalYearOf(new Date(), 1);
    const opts = { unitId: null, fiscalYear: fy, startMonth: 1 };
    expect(await storedPlanVsActualRows(org.id, opts)).toEqual(await computedPlanVsActual(org.id, opts));
    expect(await storedPlanVsActualRows(org.id, { ...opts, today: new Date(Date.now() + DAY) }), "another day").toBeNull();
    // Read by another fiscal calendar (the start month changed, and this read came before the
    // rows were stored again): the rows sit on the other calendar's months, so they are not read.
    const april = fiscalYearOf(new Date(), 4);
    for (const fiscalYear of [april, april + 1])
      expect(await storedPlanVsActualRows(org.id, { ...opts, fiscalYear, startMonth: 4 }), `FY${fiscalYear} from April`).toBeNull();
    // Last year and the year after next are not stored: computed, so still right.
    for (const fiscalYear of [fy - 1, fy + 2]) {
      const other = { ...opts, fiscalYear };
      expect(await storedPlanVsActualRows(org.id, other), `FY${fiscalYear}`).toBeNull();
      expect(await planVsActual(org.id, other)).toEqual(await computedPlanVsActual(org.id, other));
    }
    // A person added by SQL: the stored rows no longer say what the data says, and are not read.
    await createPerson(db, org.id, units.teamB.id, 10_000_000n, { start: "2024-03-01" });
    expect(await isCurrent(org.id)).toBe(false);
    expect(await storedPlanVsActualRows(org.id, opts)).toBeNull();
    const computed = await computedPlanVsActual(org.id, opts);
    expect(await planVsActual(org.id, opts)).toEqual(computed);
    expect(await refreshStaleStoredFigures(db)).toBeGreaterThanOrEqual(1);
    expect(await storedPlanVsActualRows(org.id, opts)).toEqual(computed);
    expect(computed.find((q) => q.actual !== null)?.actual, "the person added by SQL is counted").toBe(2);
  });

  it("equal the computed plan vs actual with a fiscal year starting in December", async () => {
    const { org, units } = acme;
    await db.organization.update({ where: { id: org.id }, data: { fiscalYearStartMonth: 12 } });
    const fy = fiscalYearOf(new Date(), 12);
    for (let k = 0; k < 8; k++)
      await createPerson(db, org.id, [units.teamA, units.teamB][k % 2].id, 10_000_000n, {
        start: toDateString(new Date(Date.now() - (400 - k * 50) * DAY)),
        end: k % 3 === 0 ? toDateString(new Date(Date.now() + (k * 20 - 60) * DAY)) : null,
      });
    await db.position.create({
      data: {
        orgId: org.id,
        orgUnitId: units.teamA.id,
        title: "Seat",
        level: "L3",
        status: "OPEN",
        budgetFiscalYear: fy + 1,
        budgetFiscalQuarter: 3,
        targetStartDate: new Date(Date.now() + 200 * DAY),
        annualCompCents: 10_000_000n,
      },
    });
    await refreshStaleStoredFigures(db);
    for (const fiscalYear of [fy, fy + 1])
      for (const unitId of [null, units.deptA.id, units.teamB.id]) {
        const opts = { unitId, fiscalYear, startMonth: 12 };
        expect(await storedPlanVsActualRows(org.id, opts), `FY${fiscalYear} ${unitId}`).toEqual(await computedPlanVsActual(org.id, opts));
      }
  });
});
