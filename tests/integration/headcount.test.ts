import { beforeEach, describe, expect, it } from "vitest";

import { readsPay } from "@/lib/permissions";
import { createPosition } from "@/lib/headcount/create-position";
import { fillPosition } from "@/lib/headcount/fill-position";
import { hiringFunnel, planVsActual } from "@/lib/headcount/plan";
import { transitionPosition } from "@/lib/headcount/transition-position";
import { updatePosition } from "@/lib/headcount/update-position";
import { setEndDate } from "@/lib/people/set-end-date";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;
const d = (s: string) => new Date(`${s}T00:00:00Z`);

async function person(orgId: string, orgUnitId: string, name: string, startDate: string, endDate: string | null = null) {
  return db.person.create({
    data: {
      orgId,
      orgUnitId,
      name,
      title: "Engineer",
      level: "IC3",
      startDate: d(startDate),
      endDate: endDate ? d(endDate) : null,
      annualCompCents: 15_000_000n,
    },
  });
}

function positionInput(orgUnitId: string, over: Record<string, unknown> = {}) {
  return {
    orgUnitId,
    title: "Senior Engineer",
    level: "IC3",
    targetStartDate: "2026-03-01",
    compensation: "150000",
    budgetFiscalYear: 2026,
    budgetFiscalQuarter: "1",
    ...over,
  };
}

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
});

describe("position lifecycle", () => {
  it("plans, opens, fills with a new hire and closes, each audited; illegal transitions are refused", async () => {
    const director = acme.members.director.user.id;
    const created = await createPosition.run(director, acme.org.slug, positionInput(acme.units.teamA.id));
    expect(created).toMatchObject({ ok: true, data: { status: "PLANNED" } });
    if (!created.ok) return;
    const id = created.data.positionId;

    // PLANNED cannot be filled directly.
    const before = await rowCounts();
    const early = await fillPosition.run(director, acme.org.slug, {
      mode: "new",
      positionId: id,
      version: 1,
      name: "Nia New",
      startDate: "2026-03-02",
    });
    expect(early).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await rowCounts()).toEqual(before);

    const opened = await transitionPosition.run(director, acme.org.slug, { positionId: id, version: 1, event: "open" });
    expect(opened).toMatchObject({ ok: true, data: { status: "OPEN", version: 2 } });
    // Opening twice is illegal.
    expect(await transitionPosition.run(director, acme.org.slug, { positionId: id, version: 2, event: "open" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    // A stale version is a conflict.
    expect(
      await fillPosition.run(director, acme.org.slug, {
        mode: "new",
        positionId: id,
        version: 1,
        name: "Nia New",
        startDate: "2026-03-02",
      }),
    ).toMatchObject({ ok: false, code: "CONFLICT" });

    const filled = await fillPosition.run(director, acme.org.slug, {
      mode: "new",
      positionId: id,
      version: 2,
      name: "Nia New",
      startDate: "2026-03-02",
    });
    expect(filled).toMatchObject({ ok: true, data: { status: "FILLED" } });
    if (!filled.ok) return;
    const hire = await db.person.findUniqueOrThrow({ where: { id: filled.data.personId } });
    expect(hire).toMatchObject({ name: "Nia New", orgUnitId: acme.units.teamA.id, title: "Senior Engineer", annualCompCents: 15_000_000n });
    expect(await db.personAssignment.count({ where: { personId: hire.id } })).toBe(1);
    const pos = await db.position.findUniqueOrThrow({ where: { id } });
    expect(pos).toMatchObject({ status: "FILLED", personId: hire.id, version: 3 });

    // FILLED cannot be filled or opened again.
    expect(
      await fillPosition.run(director, acme.org.slug, { mode: "new", positionId: id, version: 3, name: "X Y", startDate: "2026-03-02" }),
    ).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await transitionPosition.run(director, acme.org.slug, { positionId: id, version: 3, event: "open" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });

    const closed = await transitionPosition.run(director, acme.org.slug, { positionId: id, version: 3, event: "close" });
    expect(closed).toMatchObject({ ok: true, data: { status: "CLOSED" } });
    // CLOSED is final.
    expect(await transitionPosition.run(director, acme.org.slug, { positionId: id, version: 4, event: "open" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    expect(await transitionPosition.run(director, acme.org.slug, { positionId: id, version: 4, event: "close" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });

    const actions = (await db.auditEvent.findMany({ where: { orgId: acme.org.id, entityId: id }, orderBy: { at: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["position.create", "position.open", "position.fill", "position.close"]);
  });

  it("fills with an existing person: they move units with history, and their old seat becomes a backfill", async () => {
    const director = acme.members.director.user.id;
    const moving = await person(acme.org.id, acme.units.teamB.id, "Mo Ving", "2024-01-01");
    const oldSeat = await db.position.create({
      data: {
        orgId: acme.org.id,
        orgUnitId: acme.units.teamB.id,
        title: "E",
        level: "IC3",
        status: "FILLED",
        personId: moving.id,
        annualCompCents: 1n,
        budgetFiscalYear: 2024,
      },
    });
    const target = await db.position.create({
      data: {
        orgId: acme.org.id,
        orgUnitId: acme.units.teamA.id,
        title: "E",
        level: "IC3",
        status: "OPEN",
        annualCompCents: 1n,
        budgetFiscalYear: 2026,
      },
    });
    const result = await fillPosition.run(director, acme.org.slug, {
      mode: "existing",
      positionId: target.id,
      version: 1,
      personId: moving.id,
      startDate: "2026-02-01",
    });
    expect(result.ok).toBe(true);
    expect(await db.person.findUniqueOrThrow({ where: { id: moving.id } })).toMatchObject({ orgUnitId: acme.units.teamA.id });
    const history = await db.personAssignment.findMany({ where: { personId: moving.id }, orderBy: { effectiveFrom: "asc" } });
    expect(
      history.map((h) => [h.orgUnitId, h.effectiveFrom.toISOString().slice(0, 10), h.effectiveTo?.toISOString().slice(0, 10) ?? null]),
    ).toEqual([
      [acme.units.teamB.id, "2024-01-01", "2026-01-31"],
      [acme.units.teamA.id, "2026-02-01", null],
    ]);
    expect(await db.position.findUniqueOrThrow({ where: { id: oldSeat.id } })).toMatchObject({
      status: "BACKFILL",
      personId: null,
      backfillForId: moving.id,
      vacantFrom: d("2026-02-01"),
    });
  });

  it("fills with a future starter (the picker offers them) from their first day, not before it", async () => {
    const director = acme.members.director.user.id;
    const starter = await person(acme.org.id, acme.units.teamB.id, "Stella Starter", "2026-05-04");
    await db.personAssignment.create({
      data: { orgId: acme.org.id, personId: starter.id, orgUnitId: acme.units.teamB.id, effectiveFrom: d("2026-05-04") },
    });
    const target = await db.position.create({
      data: {
        orgId: acme.org.id,
        orgUnitId: acme.units.teamA.id,
        title: "E",
        level: "IC3",
        status: "OPEN",
        annualCompCents: 1n,
        budgetFiscalYear: 2026,
      },
    });
    const before = await rowCounts();
    const early = await fillPosition.run(director, acme.org.slug, {
      mode: "existing",
      positionId: target.id,
      version: 1,
      personId: starter.id,
      startDate: "2026-05-01",
    });
    expect(early).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { startDate: [expect.stringMatching(/only starts later/)] },
    });
    expect(await rowCounts()).toEqual(before);
    const onTime = await fillPosition.run(director, acme.org.slug, {
      mode: "existing",
      positionId: target.id,
      version: 1,
      personId: starter.id,
      startDate: "2026-05-04",
    });
    expect(onTime).toMatchObject({ ok: true, data: { status: "FILLED", personId: starter.id } });
    const history = await db.personAssignment.findMany({ where: { personId: starter.id } });
    expect(history.map((h) => [h.orgUnitId, h.effectiveFrom.toISOString().slice(0, 10), h.effectiveTo])).toEqual([
      [acme.units.teamA.id, "2026-05-04", null],
    ]);
  });

  it("refuses a MANAGER outside their scope, and foreign-org ids, writing nothing", async () => {
    const manager = acme.members.manager.user.id; // scope: deptA (teamA below it)
    const before = await rowCounts();
    expect(await createPosition.run(manager, acme.org.slug, positionInput(acme.units.teamB.id))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    const foreignPos = await db.position.create({
      data: {
        orgId: globex.org.id,
        orgUnitId: globex.units.teamA.id,
        title: "E",
        level: "IC3",
        status: "OPEN",
        annualCompCents: 1n,
        budgetFiscalYear: 2026,
      },
    });
    const afterFixture = await rowCounts();
    expect(afterFixture.Position).toBe(before.Position + 1);
    expect(await createPosition.run(acme.members.director.user.id, acme.org.slug, positionInput(globex.units.teamA.id))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(
      await transitionPosition.run(acme.members.director.user.id, acme.org.slug, { positionId: foreignPos.id, version: 1, event: "close" }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(
      await fillPosition.run(acme.members.director.user.id, acme.org.slug, {
        mode: "new",
        positionId: foreignPos.id,
        version: 1,
        name: "Ann Other",
        startDate: "2026-03-01",
      }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // Filling an acme position with a globex person is NOT_FOUND too.
    const acmeOpen = await db.position.create({
      data: {
        orgId: acme.org.id,
        orgUnitId: acme.units.teamA.id,
        title: "E",
        level: "IC3",
        status: "OPEN",
        annualCompCents: 1n,
        budgetFiscalYear: 2026,
      },
    });
    const globexPerson = await person(globex.org.id, globex.units.teamA.id, "G P", "2024-01-01");
    const snapshot = await rowCounts();
    expect(
      await fillPosition.run(acme.members.director.user.id, acme.org.slug, {
        mode: "existing",
        positionId: acmeOpen.id,
        version: 1,
        personId: globexPerson.id,
        startDate: "2026-03-01",
      }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // In scope works; viewer and finance are refused.
    expect(await createPosition.run(acme.members.viewer.user.id, acme.org.slug, positionInput(acme.units.teamA.id))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await createPosition.run(acme.members.finance.user.id, acme.org.slug, positionInput(acme.units.teamA.id))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await rowCounts()).toEqual(snapshot);
    expect(await createPosition.run(manager, acme.org.slug, positionInput(acme.units.teamA.id))).toMatchObject({ ok: true });
  });

  it("returns every field error at once and writes nothing", async () => {
    const before = await rowCounts();
    const result = await createPosition.run(
      acme.members.director.user.id,
      acme.org.slug,
      positionInput(acme.units.teamA.id, { title: "", compensation: "lots", budgetFiscalYear: "x", targetStartDate: "2026-02-30" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["budgetFiscalYear", "compensation", "targetStartDate", "title"]);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("compensation band", () => {
  it("stores a band, refuses pay outside it or a half band, and keeps it out of non-pay payloads", async () => {
    const director = acme.members.director.user.id;
    const before = await rowCounts();
    const outside = await createPosition.run(
      director,
      acme.org.slug,
      positionInput(acme.units.teamA.id, { compBandMin: "160000", compBandMax: "180000" }),
    );
    expect(outside.ok).toBe(false);
    if (!outside.ok) expect(outside.fieldErrors?.compensation?.[0]).toMatch(/outside the band/);
    const half = await createPosition.run(
      director,
      acme.org.slug,
      positionInput(acme.units.teamA.id, { compBandMin: "140000", compBandMax: "" }),
    );
    expect(half.ok).toBe(false);
    if (!half.ok) expect(Object.keys(half.fieldErrors ?? {})).toEqual(["compBandMax"]);
    expect(await rowCounts()).toEqual(before);

    const ok = await createPosition.run(
      director,
      acme.org.slug,
      positionInput(acme.units.teamA.id, { compBandMin: "140,000", compBandMax: "170000" }),
    );
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(await db.position.findUniqueOrThrow({ where: { id: ok.data.positionId } })).toMatchObject({
      compBandMinCents: 14_000_000n,
      compBandMaxCents: 17_000_000n,
    });
    // Editing the pay alone is checked against the stored band.
    const edit = {
      positionId: ok.data.positionId,
      version: 1,
      title: "Engineer",
      level: "IC3",
      budgetFiscalYear: 2026,
      compensation: "200000",
    };
    expect(await updatePosition.run(director, acme.org.slug, edit)).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { compensation: ["The compensation is outside the band."] },
    });
    expect(await updatePosition.run(director, acme.org.slug, { ...edit, compBandMin: "180000", compBandMax: "210000" })).toMatchObject({
      ok: true,
    });

    const { listPositions } = await import("@/lib/headcount/queries");
    for (const role of ["MANAGER", "FINANCE", "VIEWER"] as const) {
      expect(JSON.stringify(await listPositions(acme.org.id, { readsPay: readsPay(role, { financeReadsPay: false }) }))).not.toMatch(
        /compBand|annualComp|monthlyLoadedCost|18000000|21000000/,
      );
    }
    expect(await listPositions(acme.org.id, { readsPay: true })).toEqual([
      expect.objectContaining({ compBandMinCents: 18_000_000, compBandMaxCents: 21_000_000, annualCompCents: 20_000_000 }),
    ]);
  });
});

describe("editing a position", () => {
  it("changes target start and budget period, keeps pay when left blank, and refuses closed, foreign and out-of-scope positions", async () => {
    const mk = (orgId: string, orgUnitId: string, status: "OPEN" | "CLOSED") =>
      db.position.create({
        data: {
          orgId,
          orgUnitId,
          title: "E",
          level: "IC3",
          status,
          annualCompCents: 15_000_000n,
          budgetFiscalYear: 2026,
          loadedCostMultiplier: "1.2000",
        },
      });
    const pos = await mk(acme.org.id, acme.units.teamA.id, "OPEN");
    const input = (id: string, over: Record<string, unknown> = {}) => ({
      positionId: id,
      version: 1,
      title: "Staff Engineer",
      level: "IC4",
      targetStartDate: "2026-09-01",
      compensation: "",
      loadedCostMultiplier: "1.2000",
      budgetFiscalYear: 2026,
      budgetFiscalQuarter: "3",
      ...over,
    });
    expect(await updatePosition.run(acme.members.manager.user.id, acme.org.slug, input(pos.id))).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
    expect(await db.position.findUniqueOrThrow({ where: { id: pos.id } })).toMatchObject({
      title: "Staff Engineer",
      level: "IC4",
      targetStartDate: d("2026-09-01"),
      budgetFiscalQuarter: 3,
      annualCompCents: 15_000_000n,
    });
    expect(
      await updatePosition.run(acme.members.director.user.id, acme.org.slug, input(pos.id, { version: 2, compensation: "160000" })),
    ).toMatchObject({ ok: true });
    expect((await db.position.findUniqueOrThrow({ where: { id: pos.id } })).annualCompCents).toBe(16_000_000n);

    const closed = await mk(acme.org.id, acme.units.teamA.id, "CLOSED");
    const outside = await mk(acme.org.id, acme.units.teamB.id, "OPEN");
    const foreign = await mk(globex.org.id, globex.units.teamA.id, "OPEN");
    const before = await rowCounts();
    expect(await updatePosition.run(acme.members.director.user.id, acme.org.slug, input(closed.id))).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    expect(await updatePosition.run(acme.members.manager.user.id, acme.org.slug, input(outside.id))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await updatePosition.run(acme.members.director.user.id, acme.org.slug, input(foreign.id))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await updatePosition.run(acme.members.director.user.id, acme.org.slug, input(pos.id, { version: 1 }))).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("attrition and backfill", () => {
  it("an end date turns the leaver's filled position into a BACKFILL vacant from the day after", async () => {
    const leaver = await person(acme.org.id, acme.units.teamA.id, "Lee Ver", "2024-01-01");
    const seat = await db.position.create({
      data: {
        orgId: acme.org.id,
        orgUnitId: acme.units.teamA.id,
        title: "E",
        level: "IC3",
        status: "FILLED",
        personId: leaver.id,
        annualCompCents: 1n,
        budgetFiscalYear: 2024,
      },
    });
    const result = await setEndDate.run(acme.members.manager.user.id, acme.org.slug, {
      personId: leaver.id,
      version: 1,
      endDate: "2026-03-31",
      vacancy: "backfill",
    });
    expect(result).toMatchObject({ ok: true, data: { positionIds: [seat.id] } });
    expect(await db.position.findUniqueOrThrow({ where: { id: seat.id } })).toMatchObject({
      status: "BACKFILL",
      personId: null,
      backfillForId: leaver.id,
      vacantFrom: d("2026-04-01"),
    });
    // Open from the day after the last day (and whatever year it is budgeted in); the plan shows
    // open positions for the current quarter only (no history of a position's status is kept).
    const rows = await planVsActual(acme.org.id, { unitId: acme.units.teamA.id, fiscalYear: 2026, startMonth: 1, today: d("2026-12-31") });
    expect(rows.map((r) => r.open)).toEqual([null, null, null, 1]);
    const onLastDay = await planVsActual(acme.org.id, {
      unitId: acme.units.teamA.id,
      fiscalYear: 2026,
      startMonth: 1,
      today: d("2026-03-31"),
    });
    expect(onLastDay.map((r) => r.open)).toEqual([0, null, null, null]);
    expect(rows.map((r) => r.attrition)).toEqual([1, 0, 0, 0]);
    expect(rows.map((r) => r.actual)).toEqual([1, 0, 0, 0]);
  });

  it("creates a BACKFILL for a leaver who held no position, or closes their seat by choice", async () => {
    const a = await person(acme.org.id, acme.units.teamA.id, "No Seat", "2024-01-01");
    const r1 = await setEndDate.run(acme.members.director.user.id, acme.org.slug, {
      personId: a.id,
      version: 1,
      endDate: "2026-05-15",
      vacancy: "backfill",
    });
    expect(r1.ok).toBe(true);
    const created = await db.position.findFirstOrThrow({ where: { backfillForId: a.id } });
    expect(created).toMatchObject({
      status: "BACKFILL",
      orgUnitId: acme.units.teamA.id,
      vacantFrom: d("2026-05-16"),
      budgetFiscalYear: 2026,
      budgetFiscalQuarter: 2,
      annualCompCents: 15_000_000n,
    });

    const b = await person(acme.org.id, acme.units.teamA.id, "Closes Seat", "2024-01-01");
    const seat = await db.position.create({
      data: {
        orgId: acme.org.id,
        orgUnitId: acme.units.teamA.id,
        title: "E",
        level: "IC3",
        status: "FILLED",
        personId: b.id,
        annualCompCents: 1n,
        budgetFiscalYear: 2024,
      },
    });
    expect(
      await setEndDate.run(acme.members.director.user.id, acme.org.slug, {
        personId: b.id,
        version: 1,
        endDate: "2026-05-15",
        vacancy: "close",
      }),
    ).toMatchObject({ ok: true });
    expect(await db.position.findUniqueOrThrow({ where: { id: seat.id } })).toMatchObject({ status: "CLOSED", personId: b.id });
    // A second end date is refused.
    expect(
      await setEndDate.run(acme.members.director.user.id, acme.org.slug, {
        personId: b.id,
        version: 2,
        endDate: "2026-06-15",
        vacancy: "close",
      }),
    ).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("refuses a MANAGER ending someone outside scope, and a foreign person", async () => {
    const outside = await person(acme.org.id, acme.units.teamB.id, "Out Side", "2024-01-01");
    const foreign = await person(globex.org.id, globex.units.teamA.id, "For Eign", "2024-01-01");
    const before = await rowCounts();
    expect(
      await setEndDate.run(acme.members.manager.user.id, acme.org.slug, {
        personId: outside.id,
        version: 1,
        endDate: "2026-05-15",
        vacancy: "backfill",
      }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(
      await setEndDate.run(acme.members.director.user.id, acme.org.slug, {
        personId: foreign.id,
        version: 1,
        endDate: "2026-05-15",
        vacancy: "backfill",
      }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("plan vs actual", () => {
  it("counts a hand-built fixture at quarter boundaries", async () => {
    const { teamA, teamB, deptA, division } = acme.units;
    const org = acme.org.id;
    // Calendar fiscal year 2026 (start month 1): Q1 Jan–Mar, Q2 Apr–Jun, Q3 Jul–Sep, Q4 Oct–Dec.
    const early = await person(org, teamA.id, "In Post", "2025-06-01"); // baseline
    await person(org, teamA.id, "Starts Day One", "2026-01-01"); // baseline (in post on Jan 1)
    await person(org, teamA.id, "Leaves Q1 End", "2025-01-01", "2026-03-31"); // baseline, in post on Mar 31, gone Q2
    await person(org, teamA.id, "Starts Q2 Day One", "2026-04-01"); // joiner Q2
    await person(org, teamA.id, "Left Before FY", "2024-01-01", "2025-12-31"); // never counted in 2026
    await person(org, teamB.id, "Other Subtree", "2025-01-01"); // outside deptA
    const pos = (over: Record<string, unknown>) =>
      db.position.create({
        data: { orgId: org, orgUnitId: teamA.id, title: "E", level: "IC3", annualCompCents: 1n, budgetFiscalYear: 2026, ...over } as never,
      });
    await pos({ status: "OPEN", budgetFiscalQuarter: 2, targetStartDate: d("2026-06-30") }); // adds in Q2; hiring Q2
    await pos({ status: "PLANNED", budgetFiscalQuarter: 4, targetStartDate: d("2026-10-01") }); // adds in Q4
    await pos({ status: "PLANNED", budgetFiscalQuarter: null }); // whole year → counted from Q1
    await pos({ status: "CLOSED", budgetFiscalQuarter: 1 }); // never counted
    await pos({ status: "FILLED", budgetFiscalQuarter: 1, personId: early.id }); // holder is baseline → not an add
    await pos({ status: "OPEN", budgetFiscalYear: 2027, budgetFiscalQuarter: 1 }); // next year
    await pos({ orgUnitId: teamB.id, status: "OPEN", budgetFiscalQuarter: 1 }); // other subtree

    const rows = await planVsActual(org, { unitId: deptA.id, fiscalYear: 2026, startMonth: 1, today: d("2026-05-15") });
    expect(rows.map((r) => [r.label, r.start, r.end])).toEqual([
      ["Q1", "2026-01-01", "2026-03-31"],
      ["Q2", "2026-04-01", "2026-06-30"],
      ["Q3", "2026-07-01", "2026-09-30"],
      ["Q4", "2026-10-01", "2026-12-31"],
    ]);
    // Baseline 3 + whole-year position 1 = 4 in Q1; + Q2 open = 5; Q3 5; + Q4 planned = 6.
    expect(rows.map((r) => r.planned)).toEqual([4, 5, 5, 6]);
    // Q1 on Mar 31: 3 (leaver still in post on their last day). Q2 as of today May 15: 3 (leaver gone, Q2 joiner in).
    expect(rows.map((r) => r.actual)).toEqual([3, 3, null, null]);
    // Open today (Q2): the Q2 position and the one budgeted next year (open is open, whatever the budget).
    expect(rows.map((r) => r.open)).toEqual([null, 2, null, null]);
    expect(rows.map((r) => r.hiring)).toEqual([0, 1, 0, 0]);
    expect(rows.map((r) => r.joiners)).toEqual([1, 1, 0, 0]);
    expect(rows.map((r) => r.attrition)).toEqual([1, 0, 0, 0]);

    // The whole org sees the other subtree too.
    const all = await planVsActual(org, { unitId: null, fiscalYear: 2026, startMonth: 1, today: d("2026-05-15") });
    expect(all.map((r) => r.planned)).toEqual([6, 7, 7, 8]);
    expect(
      (await planVsActual(org, { unitId: division.id, fiscalYear: 2026, startMonth: 1, today: d("2026-05-15") })).map((r) => r.actual),
    ).toEqual([4, 4, null, null]);
    // Another org's data never leaks in.
    expect(
      (await planVsActual(globex.org.id, { unitId: null, fiscalYear: 2026, startMonth: 1, today: d("2026-05-15") })).map((r) => r.planned),
    ).toEqual([0, 0, 0, 0]);

    expect(await hiringFunnel(org, { unitId: deptA.id, fiscalYear: 2026 })).toEqual({
      PLANNED: 2,
      OPEN: 1,
      FILLED: 1,
      BACKFILL: 0,
      CLOSED: 1,
    });
  });

  it("a requisition opened outside the hiring plan never raises planned heads, so heads can come out above plan", async () => {
    const director = acme.members.director.user.id;
    const { teamA } = acme.units;
    await person(acme.org.id, teamA.id, "Day One", "2025-06-01"); // baseline: planned 1
    const plan = async () =>
      (await planVsActual(acme.org.id, { unitId: teamA.id, fiscalYear: 2026, startMonth: 1, today: d("2026-05-15") }))[1];
    expect(await plan()).toMatchObject({ planned: 1, actual: 1, open: 0 });

    // Outside the plan: open (and counted as open), not planned.
    const outside = await createPosition.run(
      director,
      acme.org.slug,
      positionInput(teamA.id, { budgetFiscalQuarter: "2", openNow: "on", outsidePlan: "on" }),
    );
    expect(outside).toMatchObject({ ok: true, data: { status: "OPEN" } });
    if (!outside.ok) return;
    expect(await db.position.findUniqueOrThrow({ where: { id: outside.data.positionId }, select: { outsidePlan: true } })).toEqual({
      outsidePlan: true,
    });
    expect(await plan()).toMatchObject({ planned: 1, actual: 1, open: 1 });
    // Filled: heads in post 2 against a plan of 1.
    expect(
      await fillPosition.run(director, acme.org.slug, {
        mode: "new",
        positionId: outside.data.positionId,
        version: 1,
        name: "Over Plan",
        startDate: "2026-05-01",
      }),
    ).toMatchObject({ ok: true });
    expect(await plan()).toMatchObject({ planned: 1, actual: 2, open: 0 });

    // In the plan (the default, and the hiring-plan import): the plan grows with it.
    expect(
      await createPosition.run(director, acme.org.slug, positionInput(teamA.id, { budgetFiscalQuarter: "2", openNow: "on" })),
    ).toMatchObject({ ok: true });
    expect(await plan()).toMatchObject({ planned: 2, actual: 2, open: 1 });
  });

  it("uses the org's fiscal calendar: a February start puts Jan 31 in Q4 of the year before", async () => {
    await db.organization.update({ where: { id: acme.org.id }, data: { fiscalYearStartMonth: 2 } });
    await person(acme.org.id, acme.units.teamA.id, "Jan Joiner", "2026-01-31"); // FY2026 Q4
    await person(acme.org.id, acme.units.teamA.id, "Feb Joiner", "2026-02-01"); // FY2027 Q1
    const fy27 = await planVsActual(acme.org.id, { unitId: null, fiscalYear: 2027, startMonth: 2, today: d("2026-12-31") });
    // Both are in post on day one of FY2027 (a start on Feb 1 counts), so both are the baseline.
    expect(fy27[0]).toMatchObject({ start: "2026-02-01", end: "2026-04-30", planned: 2, joiners: 1, actual: 2 });
    const fy26 = await planVsActual(acme.org.id, { unitId: null, fiscalYear: 2026, startMonth: 2, today: d("2026-12-31") });
    expect(fy26[3]).toMatchObject({ start: "2025-11-01", end: "2026-01-31", joiners: 1, actual: 1 });
  });
});
