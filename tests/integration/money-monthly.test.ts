import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";

import { importActuals } from "@/lib/budgets/import-actuals";
import { importPlan } from "@/lib/budgets/import-plan";
import { revertImport } from "@/lib/budgets/revert-import";
import { clearBudgetCell, setBudgetCell } from "@/lib/budgets/set-budget-cell";
import type { BudgetCategory } from "@/lib/generated/prisma/enums";
import { mergeUnit } from "@/lib/org/close-unit";
import { moveUnit } from "@/lib/org/move-unit";
import { createActual, createPerson, createPlan, uploadCsv } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";
import { seedFor } from "@/tests/support/fuzz";

// MoneyMonthly (plan and actual per org × unit × month × category, kept by triggers on BudgetLine
// and ActualEntry: migration money_monthly) must equal the on-demand computation over the source
// tables after every write: randomized inserts, updates and deletes of ledger and plan lines
// through the ORM and SQL, CSV imports and their revert, plan cells set and cleared through the
// actions, a bulk insert, a reorg (move and merge: merge moves plan lines), a departure and a
// status update (which must change nothing here), a rolled-back transaction, TRUNCATE, and the
// rebuild function. Each side is computed by its own hand-written SQL.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;

type Cell = {
  orgId: string;
  orgUnitId: string;
  month: string;
  category: string;
  planCents: bigint;
  planLines: number;
  actualCents: bigint;
  actualLines: number;
};

async function summary(): Promise<Cell[]> {
  return db.$queryRaw<Cell[]>`
    SELECT "orgId", "orgUnitId", "month"::text AS "month", "category"::text AS "category", "planCents", "planLines", "actualCents", "actualLines"
    FROM "MoneyMonthly" ORDER BY 1, 2, 3, 4`;
}

/** The cells computed from the plan lines and the ledger, joined on the cell. */
async function onDemand(): Promise<Cell[]> {
  return db.$queryRaw<Cell[]>`
    WITH plan AS (
      SELECT "orgId", "orgUnitId", "month", "category", SUM("amountCents") AS "cents", COUNT(*) AS "n" FROM "BudgetLine" GROUP BY 1, 2, 3, 4
    ), actual AS (
      SELECT "orgId", "orgUnitId", date_trunc('month', "bookedOn"::timestamp)::date AS "month", "category", SUM("amountCents") AS "cents", COUNT(*) AS "n"
      FROM "ActualEntry" GROUP BY 1, 2, 3, 4
    )
    SELECT COALESCE(p."orgId", a."orgId") AS "orgId", COALESCE(p."orgUnitId", a."orgUnitId") AS "orgUnitId",
           COALESCE(p."month", a."month")::text AS "month", COALESCE(p."category", a."category")::text AS "category",
           COALESCE(p."cents", 0)::bigint AS "planCents", COALESCE(p."n", 0)::int AS "planLines",
           COALESCE(a."cents", 0)::bigint AS "actualCents", COALESCE(a."n", 0)::int AS "actualLines"
    FROM plan p FULL JOIN actual a ON a."orgId" = p."orgId" AND a."orgUnitId" = p."orgUnitId" AND a."month" = p."month" AND a."category" = p."category"
    ORDER BY 1, 2, 3, 4`;
}

async function expectExact(step: string): Promise<Cell[]> {
  const cells = await summary();
  expect(cells, step).toEqual(await onDemand());
  return cells;
}

const HEADER = "date,cost centre code,category,amount,vendor,memo,external reference";
const CATEGORIES: BudgetCategory[] = ["SOFTWARE", "CLOUD", "TRAVEL", "PERSONNEL"];

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
});

describe("MoneyMonthly, plan and actual maintained by the writers", () => {
  it("equals the on-demand computation after every randomized write", async () => {
    const orgs = [acme, globex];
    const teams = (o: typeof acme) => [o.units.teamA, o.units.teamB, o.units.deptA];
    const finance = (o: typeof acme) => o.members.finance.user.id;
    let ref = 0;
    type Op =
      | { op: "actual"; org: number; unit: number; day: number; cat: number; cents: number }
      | { op: "plan"; org: number; unit: number; month: number; cat: number; cents: number }
      | { op: "updateActual"; pick: number; unit: number; day: number; cat: number; cents: number }
      | { op: "updatePlan"; pick: number; cents: number; month: number }
      | { op: "deleteActual"; pick: number }
      | { op: "deletePlan"; pick: number }
      | { op: "import"; org: number; rows: number; seed: number }
      | { op: "revert" }
      | { op: "cell"; org: number; unit: number; month: number; clear: boolean; cents: number }
      | { op: "planImport"; org: number; seed: number }
      | { op: "bulk"; org: number; n: number }
      | { op: "rollback"; org: number };
    const n = fc.nat({ max: 1000 });
    const cents = fc.integer({ min: -500_000, max: 5_000_000 });
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant("actual" as const), org: n, unit: n, day: fc.nat({ max: 400 }), cat: n, cents }),
      fc.record({ op: fc.constant("plan" as const), org: n, unit: n, month: fc.nat({ max: 14 }), cat: n, cents }),
      fc.record({ op: fc.constant("updateActual" as const), pick: n, unit: n, day: fc.nat({ max: 400 }), cat: n, cents }),
      fc.record({ op: fc.constant("updatePlan" as const), pick: n, cents, month: fc.nat({ max: 14 }) }),
      fc.record({ op: fc.constant("deleteActual" as const), pick: n }),
      fc.record({ op: fc.constant("deletePlan" as const), pick: n }),
      fc.record({ op: fc.constant("import" as const), org: n, rows: fc.integer({ min: 1, max: 12 }), seed: n }),
      fc.record({ op: fc.constant("revert" as const) }),
      fc.record({ op: fc.constant("cell" as const), org: n, unit: n, month: fc.nat({ max: 14 }), clear: fc.boolean(), cents }),
      fc.record({ op: fc.constant("planImport" as const), org: n, seed: n }),
      fc.record({ op: fc.constant("bulk" as const), org: n, n: fc.integer({ min: 1, max: 300 }) }),
      fc.record({ op: fc.constant("rollback" as const), org: n }),
    );
    const day = (d: number) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
    const month = (m: number) => new Date(Date.UTC(2026, m, 1)).toISOString().slice(0, 10);
    const money = (c: number) => (Math.abs(c) / 100).toFixed(2);
    const applied = new Map<string, number>();
    const ops = fc.sample(fc.array(opArb, { minLength: 60, maxLength: 60 }), { numRuns: 1, seed: seedFor("money-monthly") })[0];

    for (const [i, o] of ops.entries()) {
      const step = `step ${i}: ${JSON.stringify(o)}`;
      if (o.op === "actual") {
        const org = orgs[o.org % 2];
        const u = teams(org)[o.unit % 3];
        await createActual(db, org.org.id, u.id, day(o.day), CATEGORIES[o.cat % 4], BigInt(o.cents));
      } else if (o.op === "plan") {
        const org = orgs[o.org % 2];
        const u = teams(org)[o.unit % 3];
        await db.budgetLine.upsert({
          where: {
            orgId_orgUnitId_month_category: {
              orgId: org.org.id,
              orgUnitId: u.id,
              month: new Date(month(o.month)),
              category: CATEGORIES[o.cat % 4],
            },
          },
          create: {
            orgId: org.org.id,
            orgUnitId: u.id,
            month: new Date(month(o.month)),
            category: CATEGORIES[o.cat % 4],
            amountCents: BigInt(o.cents),
          },
          update: { amountCents: BigInt(o.cents) },
        });
      } else if (o.op === "updateActual" || o.op === "deleteActual") {
        const lines = await db.actualEntry.findMany({ select: { id: true, orgId: true }, orderBy: { id: "asc" } });
        if (lines.length === 0) continue;
        const line = lines[o.pick % lines.length];
        if (o.op === "deleteActual") await db.actualEntry.delete({ where: { id: line.id } });
        else {
          const org = orgs.find((x) => x.org.id === line.orgId)!;
          // Moves the line to another unit, day (month) and category in one update.
          await db.actualEntry.update({
            where: { id: line.id },
            data: {
              orgUnitId: teams(org)[o.unit % 3].id,
              bookedOn: new Date(day(o.day)),
              category: CATEGORIES[o.cat % 4],
              amountCents: BigInt(o.cents),
            },
          });
        }
      } else if (o.op === "updatePlan" || o.op === "deletePlan") {
        const lines = await db.budgetLine.findMany({ select: { id: true }, orderBy: { id: "asc" } });
        if (lines.length === 0) continue;
        const line = lines[o.pick % lines.length];
        if (o.op === "deletePlan") await db.budgetLine.delete({ where: { id: line.id } });
        else {
          // A move to a month already planned collides with the unique key: refused, nothing changes.
          await db.budgetLine
            .update({ where: { id: line.id }, data: { amountCents: BigInt(o.cents), month: new Date(month(o.month)) } })
            .catch((e: { code?: string }) => expect(e.code, step).toBe("P2002"));
        }
      } else if (o.op === "import") {
        const org = orgs[o.org % 2];
        const rows = Array.from({ length: o.rows }, (_, k) => {
          const u = teams(org)[(o.seed + k) % 3];
          const c = ((o.seed * 7 + k * 13) % 9000) - 500;
          // Some references repeat across imports: those lines are skipped, not added twice.
          return `${day((o.seed * 3 + k * 17) % 400)},${u.code},${CATEGORIES[(o.seed + k) % 4]},${c < 0 ? "-" : ""}${money(c * 100)},,,R${(o.seed + k) % 40}`;
        });
        const uploadId = await uploadCsv([HEADER, ...rows].join("\n") + "\n");
        const r = await importActuals.run(finance(org), org.org.slug, { uploadId, fileName: "ledger.csv" });
        // A file whose every reference was imported before is refused (and writes nothing).
        if (!r.ok) expect(r, step).toMatchObject({ code: "CONFLICT" });
      } else if (o.op === "revert") {
        const batch = await db.importBatch.findFirst({ where: { kind: "ACTUALS", revertedAt: null }, orderBy: { createdAt: "desc" } });
        if (!batch) continue;
        const org = orgs.find((x) => x.org.id === batch.orgId)!;
        const r = await revertImport.run(finance(org), org.org.slug, { batchId: batch.id });
        expect(r.ok, `${step} ${JSON.stringify(r)}`).toBe(true);
      } else if (o.op === "cell") {
        const org = orgs[o.org % 2];
        const u = teams(org)[o.unit % 3];
        const cell = { orgUnitId: u.id, category: "CLOUD", month: month(o.month) };
        const r = o.clear
          ? await clearBudgetCell.run(finance(org), org.org.slug, cell)
          : await setBudgetCell.run(finance(org), org.org.slug, { ...cell, amount: money(o.cents) });
        // Clearing an empty cell is refused (and writes nothing).
        if (!r.ok) expect(r, step).toMatchObject({ code: "NOT_FOUND" });
      } else if (o.op === "planImport") {
        const org = orgs[o.org % 2];
        const rows = [0, 1, 2].map(
          (k) => `${month((o.seed + k) % 15).slice(0, 7)},${teams(org)[k].code},TRAVEL,${money((o.seed + 1) * (k + 1) * 100)}`,
        );
        const uploadId = await uploadCsv(["month,cost centre code,category,amount", ...rows].join("\n") + "\n");
        const r = await importPlan.run(finance(org), org.org.slug, { uploadId, fileName: "plan.csv" });
        expect(r.ok, `${step} ${JSON.stringify(r)}`).toBe(true);
      } else if (o.op === "bulk") {
        // One statement of many lines, as the large-org generator and a bulk load write them.
        const org = orgs[o.org % 2];
        const [a, b, c] = teams(org).map((u) => u.id);
        await db.$executeRaw`
          INSERT INTO "ActualEntry" ("id", "orgId", "orgUnitId", "bookedOn", "category", "amountCents", "externalRef")
          SELECT 'bulk-' || ${String(ref++)} || '-' || g, ${org.org.id}, (ARRAY[${a}, ${b}, ${c}])[1 + g % 3], DATE '2026-01-01' + (g * 37) % 400,
                 (ARRAY['SOFTWARE', 'CLOUD', 'TRAVEL']::"BudgetCategory"[])[1 + g % 3], (g * 1013) % 70000 - 3000, NULL
          FROM generate_series(1, ${o.n}::int) g`;
      } else {
        // A transaction that writes and then fails leaves nothing behind, in the summary either.
        const org = orgs[o.org % 2];
        await db
          .$transaction(async (tx) => {
            await tx.budgetLine.deleteMany({ where: { orgId: org.org.id } });
            await tx.actualEntry.updateMany({ where: { orgId: org.org.id }, data: { amountCents: 1n } });
            throw new Error("rolled back");
          })
          .catch((e: Error) => expect(e.message).toBe("rolled back"));
      }
      applied.set(o.op, (applied.get(o.op) ?? 0) + 1);
      await expectExact(step);
    }
    // The sequence exercised most kinds of write (the seed is fixed; a change of it keeps this honest).
    expect([...applied.keys()].length, JSON.stringify(Object.fromEntries(applied))).toBeGreaterThanOrEqual(10);
    expect((await summary()).length).toBeGreaterThan(10);
  });

  it("does not move on a reorg, a departure or a status update, and moves plan lines on a merge", async () => {
    const { org, units, members } = acme;
    await createPlan(db, org.id, units.teamB.id, "2026-03-01", "CLOUD", 1_000n);
    await createPlan(db, org.id, units.deptB.id, "2026-03-01", "CLOUD", 250n);
    await createActual(db, org.id, units.teamB.id, "2026-03-04", "CLOUD", 700n);
    const person = await createPerson(db, org.id, units.teamB.id, 12_000_000n);
    const before = await expectExact("seeded");

    // Reorg: team B moves under department A. Cells are keyed by the unit that holds the money.
    const moved = await moveUnit.run(members.director.user.id, org.slug, {
      unitId: units.teamB.id,
      version: units.teamB.version,
      parentId: units.deptA.id,
    });
    expect(moved.ok, JSON.stringify(moved)).toBe(true);
    // A departure and a status update.
    await db.person.update({ where: { id: person.id }, data: { endDate: new Date("2026-04-30T00:00:00Z") } });
    const project = await db.project.create({ data: { orgId: org.id, orgUnitId: units.teamA.id, name: "P" } });
    await db.statusUpdate.create({
      data: { orgId: org.id, projectId: project.id, authorId: members.director.user.id, health: "AT_RISK", summary: "s" },
    });
    expect(await expectExact("after reorg, departure, status update")).toEqual(before);

    // A merge moves department B's plan lines from this month on into department A (added
    // together per cell); its past lines and its ledger stay where they were booked.
    const next = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 2, 1)).toISOString().slice(0, 10);
    await createPlan(db, org.id, units.deptB.id, next, "CLOUD", 250n);
    await createPlan(db, org.id, units.deptA.id, next, "CLOUD", 5n);
    const deptB = await db.orgUnit.findUniqueOrThrow({ where: { id: units.deptB.id } });
    const merged = await mergeUnit.run(members.director.user.id, org.slug, {
      unitId: deptB.id,
      version: deptB.version,
      targetId: units.deptA.id,
    });
    expect(merged.ok, JSON.stringify(merged)).toBe(true);
    const cells = await expectExact("after merge");
    expect(cells.find((c) => c.orgUnitId === units.deptA.id && c.month === next)).toMatchObject({ planCents: 255n, planLines: 1 });
    expect(cells.filter((c) => c.orgUnitId === units.deptB.id).map((c) => c.month)).toEqual(["2026-03-01"]);
  });

  it("is rebuilt exactly by keel_money_monthly_rebuild, follows TRUNCATE and never re-creates a deleted cell", async () => {
    await createPlan(db, acme.org.id, acme.units.teamA.id, "2026-02-01", "SOFTWARE", 0n);
    await createActual(db, acme.org.id, acme.units.teamA.id, "2026-02-11", "SOFTWARE", 42n);
    await createActual(db, globex.org.id, globex.units.teamA.id, "2026-05-11", "TRAVEL", -42n);
    const cells = await expectExact("seeded");
    // A plan line of zero is a plan: its cell stays with planLines 1.
    expect(cells.find((c) => c.orgId === acme.org.id)).toMatchObject({ planCents: 0n, planLines: 1, actualCents: 42n, actualLines: 1 });

    await db.$executeRaw`DELETE FROM "MoneyMonthly" WHERE "orgId" = ${acme.org.id}`;
    await db.$executeRaw`UPDATE "MoneyMonthly" SET "actualCents" = 999`;
    expect(await summary()).not.toEqual(await onDemand());
    await db.$executeRaw`SELECT keel_money_monthly_rebuild(${acme.org.id})`;
    await db.$executeRaw`SELECT keel_money_monthly_rebuild(${globex.org.id})`;
    expect(await expectExact("rebuilt")).toEqual(cells);

    await db.$executeRawUnsafe(`TRUNCATE "ActualEntry"`);
    expect((await expectExact("ledger truncated")).map((c) => c.orgId)).toEqual([acme.org.id]);

    // An organization's deletion cascades to its summary rows and its lines in an order of the
    // database's choosing (the app refuses it today: its audit trail is append-only). Lines whose
    // cells went first must not bring them back.
    await db.$transaction([
      db.$executeRaw`DELETE FROM "MoneyMonthly" WHERE "orgId" = ${acme.org.id}`,
      db.$executeRaw`DELETE FROM "BudgetLine" WHERE "orgId" = ${acme.org.id}`,
    ]);
    expect(await expectExact("cells first, then lines")).toEqual([]);
  });

  it("a plan write and a ledger write reaching shared cells in opposite orders both commit (no deadlock)", async () => {
    const { org, units } = acme;
    const at = (unitId: string) => ({ orgId: org.id, orgUnitId: unitId, category: "CLOUD" as const });
    const march = new Date("2026-03-01T00:00:00Z");
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // A: ledger into cell X, then (later) cell Y. B: plan into Y, then X. Without an order between
    // them, B would hold Y's cell while waiting for X and A the reverse.
    const a = db.$transaction(
      async (tx) => {
        await tx.actualEntry.create({ data: { ...at(units.teamA.id), bookedOn: new Date("2026-03-02T00:00:00Z"), amountCents: 1n } });
        await sleep(400);
        await tx.actualEntry.create({ data: { ...at(units.teamB.id), bookedOn: new Date("2026-03-03T00:00:00Z"), amountCents: 2n } });
      },
      { timeout: 20_000 },
    );
    await sleep(100);
    const b = db.$transaction(
      async (tx) => {
        await tx.budgetLine.create({ data: { ...at(units.teamB.id), month: march, amountCents: 30n } });
        await tx.budgetLine.create({ data: { ...at(units.teamA.id), month: march, amountCents: 40n } });
      },
      { timeout: 20_000 },
    );
    const results = await Promise.allSettled([a, b]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    const cells = await expectExact("after both");
    expect(cells.map((c) => [c.orgUnitId, c.planCents, c.actualCents])).toEqual(
      expect.arrayContaining([
        [units.teamA.id, 40n, 1n],
        [units.teamB.id, 30n, 2n],
      ]),
    );
  });

  it("bumps the MoneyMonthly data version once per transaction that writes plan or ledger lines", async () => {
    const version = async () =>
      (await db.orgDataVersion.findUnique({ where: { orgId_tbl: { orgId: acme.org.id, tbl: "MoneyMonthly" } } }))?.version ?? 0n;
    const v0 = await version();
    await db.$transaction([
      db.budgetLine.create({
        data: {
          orgId: acme.org.id,
          orgUnitId: acme.units.teamA.id,
          month: new Date("2026-01-01T00:00:00Z"),
          category: "CLOUD",
          amountCents: 1n,
        },
      }),
      db.actualEntry.create({
        data: {
          orgId: acme.org.id,
          orgUnitId: acme.units.teamA.id,
          bookedOn: new Date("2026-01-02T00:00:00Z"),
          category: "CLOUD",
          amountCents: 1n,
        },
      }),
    ]);
    expect(await version()).toBe(v0 + 1n);
    // A write that changes no money (a memo) changes no cell and bumps nothing here.
    await db.actualEntry.updateMany({ where: { orgId: acme.org.id }, data: { memo: "edited" } });
    expect(await version()).toBe(v0 + 1n);
  });
});
