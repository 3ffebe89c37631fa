import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";

import { importActuals } from "@/lib/budgets/import-actuals";
import { getForecastCells, type ForecastCellRow } from "@/lib/budgets/forecast-sql";
import { FORECAST, FORECAST_TABLES, forecastSummaryCovers, refreshForecastSummary, summaryMonths } from "@/lib/budgets/forecast-summary";
import { getFinanceView } from "@/lib/budgets/rollup";
import { clearBudgetCell, setBudgetCell } from "@/lib/budgets/set-budget-cell";
import { toDateString } from "@/lib/fiscal";
import { createPosition } from "@/lib/headcount/create-position";
import { moveUnit } from "@/lib/org/move-unit";
import { publishIfDue } from "@/lib/privacy/publication";
import { updateOrgSettings } from "@/lib/settings/update-org-settings";
import { scimCreateUser } from "@/lib/scim/users";
import { refreshStaleStoredFigures } from "@/lib/stored-figures";
import { beginRefresh, writeStoredState } from "@/lib/stored-figures/state";
import { createContract } from "@/lib/vendors/contract-mutations";
import { createActual, createPerson, uploadCsv } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { createScimToken } from "@/tests/factories/scim";
import { resetDb, testDb } from "@/tests/support/db";
import { tablesMentioned } from "@/tests/support/tables-read";
import { seedFor } from "@/tests/support/fuzz";

// The forecast kept by the writers (lib/budgets/forecast-summary.ts): after every write through
// the action pipeline — plan cells set and cleared, ledger imports, contracts, positions, the
// org's forecast assumptions, a reorg — the stored cells are current and equal the forecast
// computed from the source tables (lib/budgets/forecast-sql.ts, the on-demand computation the
// views ran before). A write outside the pipeline, another day, a concurrent write or an older
// publication make them unusable, never wrong; the worker's refresh makes them current again.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;

// The pipeline stores the forecast of the day it runs (the test's day, as for a user).
const today = () => new Date();
const window = (orgId: string, published: number | null = null, day = today()) => ({
  orgId,
  ...summaryMonths(day, 1),
  today: day,
  unitId: null,
  published,
});

async function stored(orgId: string, variant = 0): Promise<ForecastCellRow[]> {
  const rows = await db.$queryRaw<(Omit<ForecastCellRow, "month"> & { month: Date })[]>`
    SELECT "orgUnitId", "category"::text AS "category", "month", "amountCents", "source" FROM "ForecastMonthly"
    WHERE "orgId" = ${orgId} AND "variant" = ${variant} ORDER BY "orgUnitId", "category"::text, "month"`;
  return rows.map((r) => ({ ...r, month: toDateString(r.month) }));
}

async function expectCurrentAndExact(orgId: string, step: string, published: number | null = null) {
  const w = window(orgId, published);
  expect(await forecastSummaryCovers(w), `${step}: the stored forecast is current`).toBe(true);
  expect(await stored(orgId, published ?? 0), step).toEqual(await getForecastCells(w));
}

const HEADER = "date,cost centre code,category,amount,vendor,memo,external reference";

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
});

describe("the forecast kept by the writers", () => {
  it("equals the computed forecast after every randomized write through the pipeline", async () => {
    const orgs = [acme, globex];
    const teams = (o: typeof acme) => [o.units.teamA, o.units.teamB, o.units.deptA];
    const vendors = await Promise.all(orgs.map((o) => db.vendor.create({ data: { orgId: o.org.id, name: "Cloudy" } })));
    const now = today();
    // Months around today: the run-rate window (the last closed months), the open months, next year.
    const month = (m: number) => toDateString(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3 + m, 1)));
    const day = (d: number) => toDateString(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1 + d)));
    const money = (c: number) => (Math.abs(c) / 100).toFixed(2);
    const CATS = ["SOFTWARE", "CLOUD", "TRAVEL", "CONTRACTORS"] as const;
    type Op =
      | { op: "cell"; org: number; unit: number; month: number; cat: number; clear: boolean; cents: number }
      | { op: "import"; org: number; rows: number; seed: number }
      | { op: "contract"; org: number; unit: number; cat: number; cents: number; month: number; renew: boolean }
      | { op: "position"; org: number; unit: number; month: number; cents: number; open: boolean }
      | { op: "settings"; org: number; delay: number; window: number }
      | { op: "move"; org: number; unit: number };
    const n = fc.nat({ max: 1000 });
    const cents = fc.integer({ min: 1_000, max: 50_000_000 });
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant("cell" as const), org: n, unit: n, month: fc.nat({ max: 20 }), cat: n, clear: fc.boolean(), cents }),
      fc.record({ op: fc.constant("import" as const), org: n, rows: fc.integer({ min: 1, max: 8 }), seed: n }),
      fc.record({ op: fc.constant("contract" as const), org: n, unit: n, cat: n, cents, month: fc.nat({ max: 12 }), renew: fc.boolean() }),
      fc.record({ op: fc.constant("position" as const), org: n, unit: n, month: fc.nat({ max: 14 }), cents, open: fc.boolean() }),
      fc.record({ op: fc.constant("settings" as const), org: n, delay: fc.nat({ max: 90 }), window: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ op: fc.constant("move" as const), org: n, unit: n }),
    );
    const ops = fc.sample(fc.array(opArb, { minLength: 30, maxLength: 30 }), { numRuns: 1, seed: seedFor("forecast-summary") })[0];
    const kinds = new Set<string>();

    for (const [i, o] of ops.entries()) {
      const step = `step ${i}: ${JSON.stringify(o)}`;
      const org = orgs[o.org % 2];
      const u = "unit" in o ? teams(org)[o.unit % 3] : org.units.teamA;
      const as = (role: "director" | "finance" | "admin") => org.members[role].user.id;
      let r: { ok: boolean; code?: string };
      if (o.op === "cell") {
        const cell = { orgUnitId: u.id, category: CATS[o.cat % 4], month: month(o.month) };
        r = o.clear
          ? await clearBudgetCell.run(as("finance"), org.org.slug, cell)
          : await setBudgetCell.run(as("finance"), org.org.slug, { ...cell, amount: money(o.cents) });
        if (!r.ok) expect(r, step).toMatchObject({ code: "NOT_FOUND" }); // clearing an empty cell
      } else if (o.op === "import") {
        const rows = Array.from({ length: o.rows }, (_, k) => {
          const t = teams(org)[(o.seed + k) % 3];
          const vendor = k % 2 === 0 ? "Cloudy" : "";
          return `${day((o.seed * 3 + k * 17) % 150)},${t.code},${CATS[(o.seed + k) % 4]},${money(((o.seed * 7 + k * 13) % 9000) * 1000 + 100)},${vendor},,R${o.seed}-${k}`;
        });
        r = await importActuals.run(as("finance"), org.org.slug, {
          uploadId: await uploadCsv([HEADER, ...rows].join("\n") + "\n"),
          fileName: "l.csv",
        });
        if (!r.ok) expect(r, step).toMatchObject({ code: "CONFLICT" }); // every reference imported before
      } else if (o.op === "contract") {
        r = await createContract.run(as("director"), org.org.slug, {
          vendorId: vendors[o.org % 2].id,
          orgUnitId: u.id,
          category: CATS[o.cat % 4],
          name: `Contract ${i}`,
          annualAmount: money(o.cents),
          startDate: month(o.month),
          endDate: month(o.month + 11),
          autoRenew: o.renew,
          status: "ACTIVE",
        });
      } else if (o.op === "position") {
        r = await createPosition.run(as("director"), org.org.slug, {
          orgUnitId: u.id,
          title: "Engineer",
          level: "L3",
          targetStartDate: month(o.month),
          compensation: money(o.cents * 10),
          budgetFiscalYear: now.getUTCFullYear(),
          openNow: o.open ? "on" : "",
        });
      } else if (o.op === "settings") {
        const before = await db.organization.findUniqueOrThrow({ where: { id: org.org.id } });
        r = await updateOrgSettings.run(as("admin"), org.org.slug, {
          name: before.name,
          fiscalYearStartMonth: before.fiscalYearStartMonth,
          updateCadence: before.updateCadence,
          updateDueWeekday: before.updateDueWeekday,
          updateGraceDays: before.updateGraceDays,
          expectedUpdatedAt: before.updatedAt.toISOString(),
          hiringDelayDays: String(o.delay),
          forecastRunRateMonths: String(o.window),
        });
      } else {
        // A reorg: the team moves under the other department (the excess rule reads the tree).
        const unit = await db.orgUnit.findUniqueOrThrow({ where: { id: teams(org)[o.unit % 2].id } });
        const parentId = unit.parentId === org.units.deptA.id ? org.units.deptB.id : org.units.deptA.id;
        r = await moveUnit.run(as("director"), org.org.slug, { unitId: unit.id, version: unit.version, parentId });
      }
      if (r.ok) kinds.add(o.op);
      else if (o.op !== "cell" && o.op !== "import") expect(r, step).toMatchObject({ ok: true });
      await expectCurrentAndExact(org.org.id, step);
    }
    // Every kind of write was exercised, and the stored forecast is not trivially empty.
    expect([...kinds].sort()).toEqual(["cell", "contract", "import", "move", "position", "settings"]);
    expect((await stored(acme.org.id)).length + (await stored(globex.org.id)).length).toBeGreaterThan(20);
  });

  it("names every table the computed forecast reads (else a write of it would leave the cells current but wrong)", async () => {
    const { tables: read } = await tablesMentioned(db, async () => {
      await getForecastCells(window(acme.org.id));
      await getForecastCells(window(acme.org.id, 1));
    });
    expect(read).toContain("Person");
    expect(read).toContain("PublishedPaySource");
    expect(read.filter((t) => !(FORECAST_TABLES as string[]).includes(t))).toEqual([]);
  });

  it("is not used after a write outside the pipeline, until the worker's refresh", async () => {
    const { org, units, members } = acme;
    const r = await setBudgetCell.run(members.finance.user.id, org.slug, {
      orgUnitId: units.teamA.id,
      category: "SOFTWARE",
      month: toDateString(summaryMonths(today(), 1).from),
      amount: "1200.00",
    });
    expect(r.ok).toBe(true);
    await expectCurrentAndExact(org.id, "after the cell");
    // Both orgs' cells current; then a person added by SQL (a seed, psql) to acme: acme's cells
    // no longer say what the data says, globex's still do (the check is per org).
    await refreshStaleStoredFigures(db);
    expect(await forecastSummaryCovers(window(globex.org.id))).toBe(true);
    await createPerson(db, org.id, units.teamA.id, 12_000_000n);
    expect(await forecastSummaryCovers(window(org.id))).toBe(false);
    expect(await forecastSummaryCovers(window(globex.org.id))).toBe(true);
    expect(await stored(org.id)).not.toEqual(await getForecastCells(window(org.id)));
    // The other org's cells are still current (the versions are per org).
    expect(await refreshStaleStoredFigures(db)).toBeGreaterThanOrEqual(1);
    await expectCurrentAndExact(org.id, "after the worker's refresh");
    expect(await refreshStaleStoredFigures(db), "nothing left to refresh").toBe(0);
  });

  it("is stored again by a SCIM write that moves a person (a public-session action, org of its token)", async () => {
    const { org, units } = acme;
    const person = await createPerson(db, org.id, units.teamA.id, 12_000_000n);
    const email = `moved-${person.id}@acme.example`;
    await db.person.update({ where: { id: person.id }, data: { email } });
    const { secret } = await createScimToken(db, org.id);
    await refreshStaleStoredFigures(db);
    await expectCurrentAndExact(org.id, "before");
    const r = await scimCreateUser.run({
      token: secret,
      resource: {
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
        userName: email,
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { costCenter: units.teamB.code },
      },
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).orgUnitId).toBe(units.teamB.id);
    await expectCurrentAndExact(org.id, "after the SCIM move");
  });

  it("is not used on another day, for months it does not hold, or in a rolled-back write", async () => {
    const { org } = acme;
    await refreshStaleStoredFigures(db);
    expect(await forecastSummaryCovers(window(org.id))).toBe(true);
    const tomorrow = new Date(today().getTime() + 86_400_000);
    expect(await forecastSummaryCovers(window(org.id, null, tomorrow)), "another day").toBe(false);
    const later = window(org.id);
    expect(await forecastSummaryCovers({ ...later, to: new Date(Date.UTC(later.to.getUTCFullYear() + 1, 0, 1)) }), "a later month").toBe(
      false,
    );
    // A refresh rolled back with its write leaves the cells as they were, still current.
    await db
      .$transaction(async (tx) => {
        await tx.budgetLine.create({
          data: { orgId: org.id, orgUnitId: acme.units.teamA.id, month: later.from, category: "CLOUD", amountCents: 500_000n },
        });
        await refreshForecastSummary(tx, org.id);
        throw new Error("rolled back");
      })
      .catch((e: Error) => expect(e.message).toBe("rolled back"));
    await expectCurrentAndExact(org.id, "after the rollback");
  });

  it("a write that commits while the cells are computed leaves them stale, not current", async () => {
    const { org, units } = acme;
    await refreshStaleStoredFigures(db);
    expect(await forecastSummaryCovers(window(org.id))).toBe(true);
    // The refresh's steps by hand: the committed versions are read under the lock, then a writer
    // outside the pipeline (a seed, SCIM) commits, then the state is written.
    await db.$transaction(async (tx) => {
      const { base } = await beginRefresh(tx, org.id, FORECAST, today());
      await createPerson(db, org.id, units.teamA.id, 9_000_000n); // another connection, committed now
      const w = window(org.id);
      await writeStoredState(tx, org.id, FORECAST, base, today(), { fromMonth: w.from, toMonth: w.to, published: null });
    });
    expect(await forecastSummaryCovers(window(org.id)), "the person's write is not in the stored version").toBe(false);
    // Rows of another formula (an earlier release's SQL) are not read either.
    await refreshStaleStoredFigures(db);
    expect(await forecastSummaryCovers(window(org.id))).toBe(true);
    await db.$executeRaw`UPDATE "StoredFigure" SET "formula" = 'earlier' WHERE "orgId" = ${org.id}`;
    expect(await forecastSummaryCovers(window(org.id))).toBe(false);
    await refreshStaleStoredFigures(db);
    await expectCurrentAndExact(org.id, "after the worker's refresh");
  });

  it("concurrent writes of one org never leave cells that are current but wrong", async () => {
    const { org, units, members } = acme;
    const from = summaryMonths(today(), 1).from;
    const cell = (unitId: string, amount: string) =>
      setBudgetCell.run(members.finance.user.id, org.slug, { orgUnitId: unitId, category: "TRAVEL", month: toDateString(from), amount });
    for (let k = 0; k < 4; k++) {
      const rs = await Promise.all([
        cell(units.teamA.id, `${100 + k}.00`),
        cell(units.teamB.id, `${200 + k}.00`),
        cell(units.deptA.id, `${300 + k}.00`),
      ]);
      expect(rs.map((r) => r.ok)).toEqual([true, true, true]);
      // Each refresh waits for the one before it (the org's forecast lock) and sees its writes.
      await expectCurrentAndExact(org.id, `round ${k}`);
    }
  });

  it("keeps the published forecast of the latest publication, and finance views read the same either way", async () => {
    const { org, units, members } = acme;
    await createPerson(db, org.id, units.teamA.id, 15_000_000n);
    await createPerson(db, org.id, units.teamA.id, 13_000_000n);
    await createPerson(db, org.id, units.teamA.id, 14_000_000n);
    await createActual(
      db,
      org.id,
      units.teamB.id,
      toDateString(new Date(Date.UTC(today().getUTCFullYear(), today().getUTCMonth() - 1, 3))),
      "CLOUD",
      900_000n,
    );
    const p = await publishIfDue(org.id, 1, today());
    // The publication stored its variant in its own transaction; the live one is stale (a person was added by SQL).
    expect(await forecastSummaryCovers(window(org.id, p.version))).toBe(true);
    expect(await stored(org.id, p.version)).toEqual(await getForecastCells(window(org.id, p.version)));
    expect((await stored(org.id, p.version)).some((c) => c.category === "PERSONNEL")).toBe(true);
    await refreshStaleStoredFigures(db);
    await expectCurrentAndExact(org.id, "live", null);
    await expectCurrentAndExact(org.id, "published", p.version);
    // An older version is not held.
    expect(await forecastSummaryCovers(window(org.id, p.version - 1))).toBe(false);

    // A finance view from the stored cells equals the one computed (the stored cells dropped by SQL).
    const scope = {
      orgId: org.id,
      startMonth: 1,
      fiscalYear: today().getUTCFullYear(),
      period: "year" as const,
      unitId: null,
      category: null,
      today: today(),
    };
    const fromStored = await Promise.all([getFinanceView({ ...scope, payReader: true }), getFinanceView({ ...scope, payReader: false })]);
    await db.$executeRaw`DELETE FROM "StoredFigure" WHERE "orgId" = ${org.id} AND "figure" = 'forecast'`;
    expect(await forecastSummaryCovers(window(org.id))).toBe(false);
    const computed = await Promise.all([getFinanceView({ ...scope, payReader: true }), getFinanceView({ ...scope, payReader: false })]);
    expect(fromStored).toEqual(computed);
    expect(fromStored[0].totals.forecastCents).toBeGreaterThan(0);
    void members;
  });
});
