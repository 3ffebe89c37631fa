import { beforeEach, describe, expect, it } from "vitest";

import { importActuals } from "@/lib/budgets/import-actuals";
import { revertImport } from "@/lib/budgets/revert-import";
import { getFinanceView } from "@/lib/budgets/rollup";
import { getBudgetReport } from "@/tests/oracles/budget-report";
import { createActual, uploadCsv } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// ActualMonthly (the ledger summed per org × month × unit × category) must equal the on-demand
// GROUP BY over ActualEntry after every kind of write: factory inserts, CSV imports (duplicate
// external references skipped), reverts, direct updates and deletes, concurrent imports into
// the same cells, a failed import, TRUNCATE. The triggers that keep it live in the migration
// actual_monthly. The finance views, which read the summary, must equal sums over the lines.

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;

const HEADER = "date,cost centre code,category,amount,vendor,memo,external reference";
const csv = (rows: string[]) => [HEADER, ...rows].join("\n") + "\n";

type Cell = { orgId: string; month: string; orgUnitId: string; category: string; amountCents: bigint; lineCount: number };

/** Every cell of the summary and of the on-demand GROUP BY, both in key order. */
async function bothSides(): Promise<{ summary: Cell[]; onDemand: Cell[] }> {
  const summary = await db.$queryRaw<Cell[]>`
    SELECT "orgId", "month"::text AS "month", "orgUnitId", "category"::text AS "category", "amountCents", "lineCount"
    FROM "ActualMonthly" ORDER BY 1, 2, 3, 4`;
  const onDemand = await db.$queryRaw<Cell[]>`
    SELECT "orgId", date_trunc('month', "bookedOn"::timestamp)::date::text AS "month", "orgUnitId", "category"::text AS "category",
           SUM("amountCents")::bigint AS "amountCents", COUNT(*)::int AS "lineCount"
    FROM "ActualEntry" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
  return { summary, onDemand };
}

async function expectExact(): Promise<Cell[]> {
  const { summary, onDemand } = await bothSides();
  expect(summary).toEqual(onDemand);
  return summary;
}

const run = (who: typeof acme, text: string, fileName = "ledger.csv") =>
  uploadCsv(text).then((uploadId) => importActuals.run(who.members.finance.user.id, who.org.slug, { uploadId, fileName }));

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
});

describe("ActualMonthly, the maintained ledger summary", () => {
  it("follows factory inserts, including credits and a cell that nets to zero", async () => {
    const { org, units } = acme;
    await createActual(db, org.id, units.teamA.id, "2026-03-01", "SOFTWARE", 1_000n);
    await createActual(db, org.id, units.teamA.id, "2026-03-31", "SOFTWARE", 2_345n);
    await createActual(db, org.id, units.teamA.id, "2026-04-01", "SOFTWARE", -500n);
    await createActual(db, org.id, units.teamB.id, "2026-03-15", "CLOUD", 700n);
    await createActual(db, org.id, units.teamB.id, "2026-03-16", "CLOUD", -700n);
    await createActual(db, globex.org.id, globex.units.teamA.id, "2026-03-01", "SOFTWARE", 9n);
    const cells = await expectExact();
    expect(cells.filter((c) => c.orgId === org.id).map((c) => [c.month, c.orgUnitId, c.category, c.amountCents, c.lineCount])).toEqual(
      expect.arrayContaining([
        ["2026-03-01", units.teamA.id, "SOFTWARE", 3_345n, 2],
        ["2026-04-01", units.teamA.id, "SOFTWARE", -500n, 1],
        // Amounts that cancel out still leave a cell: it is removed by its line count, not its amount.
        ["2026-03-01", units.teamB.id, "CLOUD", 0n, 2],
      ]),
    );
    expect(cells).toHaveLength(4);
  });

  it("adds only the lines an import really inserts (duplicate references skipped) and removes them again on revert", async () => {
    const a = acme.units.teamA.code;
    const b = acme.units.teamB.code;
    const first = await run(
      acme,
      csv([`2026-03-01,${a},SOFTWARE,10.00,,,R1`, `2026-03-20,${a},SOFTWARE,5.00,,,R2`, `2026-05-02,${b},CLOUD,1.00,,,R3`]),
    );
    expect(first).toMatchObject({ ok: true, data: { insertedCount: 3 } });
    await expectExact();
    // R1 again (already imported) and R4 twice within the file: 1 new line of 3 duplicates.
    const second = await run(
      acme,
      csv([
        `2026-03-05,${a},SOFTWARE,999.00,,,R1`,
        `2026-03-06,${a},SOFTWARE,7.00,,,R4`,
        `2026-03-07,${a},SOFTWARE,999.00,,,R4`,
        `2026-06-01,${b},TRAVEL,3.00,,,`,
      ]),
    );
    expect(second).toMatchObject({ ok: true, data: { rowCount: 4, insertedCount: 2, skippedCount: 2 } });
    const cells = await expectExact();
    expect(cells.find((c) => c.month === "2026-03-01" && c.category === "SOFTWARE")).toMatchObject({ amountCents: 2_200n, lineCount: 3 });

    if (!second.ok) throw new Error("import failed");
    expect(await revertImport.run(acme.members.finance.user.id, acme.org.slug, { batchId: second.data.batchId })).toMatchObject({
      ok: true,
      data: { deletedCount: 2 },
    });
    const after = await expectExact();
    // The TRAVEL cell only had the reverted line: it is gone, not left at zero.
    expect(after.some((c) => c.category === "TRAVEL")).toBe(false);
    expect(after.find((c) => c.month === "2026-03-01" && c.category === "SOFTWARE")).toMatchObject({ amountCents: 1_500n, lineCount: 2 });
  });

  it("is unchanged by a refused import (bad row) and by another org's import", async () => {
    await run(acme, csv([`2026-03-01,${acme.units.teamA.code},SOFTWARE,10.00,,,R1`]));
    const before = await expectExact();
    const bad = await run(
      acme,
      csv([`2026-03-01,${acme.units.teamA.code},SOFTWARE,10.00,,,R2`, `2026-02-30,${acme.units.teamA.code},SOFTWARE,1.00,,,R3`]),
    );
    expect(bad).toMatchObject({ ok: false });
    expect(await expectExact()).toEqual(before);
    // A foreign unit code is refused too; globex's own import touches only globex cells.
    expect(await run(globex, csv([`2026-03-01,${acme.units.teamA.code},SOFTWARE,10.00,,,G1`]))).toMatchObject({ ok: false });
    await run(globex, csv([`2026-03-01,${globex.units.teamA.code},SOFTWARE,10.00,,,R1`]));
    const cells = await expectExact();
    expect(cells.filter((c) => c.orgId === acme.org.id)).toEqual(before);
  });

  it("follows direct updates (move month, unit, category; change amount; memo only) and deletes", async () => {
    const { org, units } = acme;
    const l1 = await createActual(db, org.id, units.teamA.id, "2026-03-10", "SOFTWARE", 100n);
    const l2 = await createActual(db, org.id, units.teamA.id, "2026-03-11", "SOFTWARE", 200n);
    const l3 = await createActual(db, org.id, units.teamB.id, "2026-04-01", "CLOUD", 300n);
    await createActual(db, globex.org.id, globex.units.teamA.id, "2026-04-01", "CLOUD", 5n);
    await db.actualEntry.update({ where: { id: l1.id }, data: { bookedOn: new Date("2026-02-28T00:00:00Z") } });
    await expectExact();
    await db.actualEntry.update({
      where: { id: l2.id },
      data: { orgUnitId: units.teamB.id, category: "CLOUD", bookedOn: new Date("2026-04-30T00:00:00Z") },
    });
    await expectExact();
    await db.actualEntry.update({ where: { id: l3.id }, data: { amountCents: 333n } });
    await db.actualEntry.update({ where: { id: l3.id }, data: { memo: "only the memo" } });
    const cells = await expectExact();
    // March SOFTWARE had l1 and l2, both moved away: the cell is gone.
    expect(cells.some((c) => c.orgId === org.id && c.month === "2026-03-01")).toBe(false);
    expect(cells.find((c) => c.orgId === org.id && c.month === "2026-04-01" && c.category === "CLOUD")).toMatchObject({
      amountCents: 533n,
      lineCount: 2,
    });
    // Many lines in one statement, then a bulk move of the amounts.
    await db.actualEntry.updateMany({ where: { orgId: org.id }, data: { amountCents: 1n } });
    await expectExact();
    await db.$executeRaw`UPDATE "ActualEntry" SET "bookedOn" = "bookedOn" + 31 WHERE "orgId" = ${org.id}`;
    await expectExact();
    await db.actualEntry.delete({ where: { id: l1.id } });
    await expectExact();
    await db.actualEntry.deleteMany({ where: { orgId: org.id } });
    const left = await expectExact();
    expect(left.map((c) => c.orgId)).toEqual([globex.org.id]);
  });

  it("stays exact when two imports into the same cells run at once (both succeed, one waits)", async () => {
    const a = acme.units.teamA.code;
    const rows = (prefix: string, n: number) =>
      Array.from(
        { length: n },
        (_, i) =>
          `2026-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")},${i % 2 ? a : acme.units.teamB.code},${i % 3 ? "CLOUD" : "SOFTWARE"},${(i % 50) + 1}.25,,,${prefix}-${i}`,
      );
    // Shared references too: whichever commits first inserts them, the other skips them.
    const shared = rows("S", 50);
    const [x, y] = await Promise.all([run(acme, csv([...rows("X", 400), ...shared])), run(acme, csv([...shared, ...rows("Y", 400)]))]);
    expect(x).toMatchObject({ ok: true });
    expect(y).toMatchObject({ ok: true });
    if (!x.ok || !y.ok) throw new Error("import failed");
    expect(x.data.insertedCount + y.data.insertedCount).toBe(850);
    const cells = await expectExact();
    expect(cells.reduce((n, c) => n + c.lineCount, 0)).toBe(850);
  });

  it("is emptied with the ledger (TRUNCATE)", async () => {
    await createActual(db, acme.org.id, acme.units.teamA.id, "2026-03-10", "SOFTWARE", 100n);
    await db.$executeRawUnsafe(`TRUNCATE "ActualEntry"`);
    expect(await expectExact()).toEqual([]);
  });

  it("the comparison itself fails when the summary is off (a write that bypasses the ledger)", async () => {
    await createActual(db, acme.org.id, acme.units.teamA.id, "2026-03-10", "SOFTWARE", 100n);
    await db.$executeRaw`UPDATE "ActualMonthly" SET "amountCents" = "amountCents" + 1`;
    const { summary, onDemand } = await bothSides();
    expect(summary).not.toEqual(onDemand);
  });

  it("gives the finance views and the budget report the same actuals as sums over the ledger lines", async () => {
    const { org, units } = acme;
    const today = new Date("2026-06-15T12:00:00Z");
    const lines: [string, string, "SOFTWARE" | "CLOUD" | "TRAVEL" | "PERSONNEL", bigint][] = [
      [units.teamA.id, "2026-01-31", "SOFTWARE", 123_456n],
      [units.teamA.id, "2026-03-01", "CLOUD", -8_000n],
      [units.teamB.id, "2026-04-30", "PERSONNEL", 833_333n],
      [units.teamB.id, "2026-05-31", "CLOUD", 4_001n],
      [units.deptA.id, "2026-06-01", "TRAVEL", 30_000n],
      [units.deptA.id, "2026-12-31", "TRAVEL", 7n],
      [units.teamA.id, "2025-12-31", "SOFTWARE", 99n], // previous fiscal year: never counted
    ];
    for (const [unit, day, cat, cents] of lines) await createActual(db, org.id, unit, day, cat, cents);
    await run(acme, csv([`2026-05-15,${units.teamA.code},CLOUD,12.34,,,Q1`, `2026-02-14,${units.teamB.code},SOFTWARE,1.00,,,Q2`]));
    await createActual(db, globex.org.id, globex.units.teamA.id, "2026-03-01", "CLOUD", 99_999_999n);
    await expectExact();

    const byUnitAndCat = await db.$queryRaw<{ orgUnitId: string; category: string; cents: bigint }[]>`
      SELECT "orgUnitId", "category"::text AS "category", SUM("amountCents")::bigint AS "cents" FROM "ActualEntry"
      WHERE "orgId" = ${org.id} AND "bookedOn" BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY 1, 2`;
    const byMonth = await db.$queryRaw<{ month: string; cents: bigint }[]>`
      SELECT to_char("bookedOn", 'YYYY-MM') AS "month", SUM("amountCents")::bigint AS "cents" FROM "ActualEntry"
      WHERE "orgId" = ${org.id} AND "bookedOn" BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY 1`;
    const total = byUnitAndCat.reduce((s, r) => s + Number(r.cents), 0);
    expect(total).toBe(123_456 - 8_000 + 833_333 + 4_001 + 30_000 + 7 + 1_234 + 100);

    const view = await getFinanceView({
      orgId: org.id,
      startMonth: 1,
      fiscalYear: 2026,
      period: "year",
      unitId: null,
      category: null,
      payReader: false,
      today,
    });
    expect(view.totals.actualCents).toBe(total);
    for (const c of view.categories) {
      expect(c.actualCents).toBe(byUnitAndCat.filter((r) => r.category === c.category).reduce((s, r) => s + Number(r.cents), 0));
    }
    // Month rows show actuals up to the current month (June); later months are null.
    for (const m of view.months) {
      const cents = Number(byMonth.find((r) => r.month === m.month.slice(0, 7))?.cents ?? 0n);
      expect(m.actualCents).toBe(m.month <= "2026-06-01" ? cents : null);
    }
    const teamA = view.tree.find((r) => r.id === units.teamA.id)!;
    expect(teamA.actualCents).toBe(byUnitAndCat.filter((r) => r.orgUnitId === units.teamA.id).reduce((s, r) => s + Number(r.cents), 0));

    // Budget report: actuals to date (through June) per unit × category.
    const report = await getBudgetReport(org.id, 2026, 1, today);
    const toDate = await db.$queryRaw<{ orgUnitId: string; category: string; cents: bigint }[]>`
      SELECT "orgUnitId", "category"::text AS "category", SUM("amountCents")::bigint AS "cents" FROM "ActualEntry"
      WHERE "orgId" = ${org.id} AND "bookedOn" BETWEEN '2026-01-01' AND '2026-06-30' GROUP BY 1, 2`;
    for (const r of toDate) {
      expect(report.rows.find((x) => x.orgUnitId === r.orgUnitId && x.category === r.category)?.actualCents).toBe(Number(r.cents));
    }
    expect(report.totals.actualCents).toBe(toDate.reduce((s, r) => s + Number(r.cents), 0));
  });
});

// ActualEntry.importBatchId is checked by statement-level triggers instead of a foreign key
// (migration ledger_import_batch_check): the same guarantees, once per statement.
describe("ActualEntry's import batch link", () => {
  const newBatch = (who: typeof acme) =>
    db.importBatch.create({
      data: {
        orgId: who.org.id,
        kind: "ACTUALS",
        fileName: "x.csv",
        rowCount: 0,
        insertedCount: 0,
        createdById: who.members.finance.user.id,
      },
    });
  const fkError = expect.objectContaining({ message: expect.stringMatching(/import batch/) });
  const lineIn = (who: typeof acme, batchId: string | null, ref: string) =>
    db.$executeRaw`INSERT INTO "ActualEntry" ("id", "orgId", "orgUnitId", "bookedOn", "category", "amountCents", "externalRef", "importBatchId")
      VALUES (${`l-${ref}`}, ${who.org.id}, ${who.units.teamA.id}, '2026-03-01', 'SOFTWARE', 100, ${ref}, ${batchId})`;

  it("refuses a line naming a batch that does not exist or is another org's, and writes nothing of that statement", async () => {
    const mine = await newBatch(acme);
    const theirs = await newBatch(globex);
    await lineIn(acme, mine.id, "OK1");
    await lineIn(acme, null, "OK2");
    await expect(lineIn(acme, "no-such-batch", "BAD1")).rejects.toEqual(fkError);
    await expect(lineIn(acme, theirs.id, "BAD2")).rejects.toEqual(fkError);
    // One bad line among good ones refuses the whole statement.
    await expect(db.$executeRaw`INSERT INTO "ActualEntry" ("id", "orgId", "orgUnitId", "bookedOn", "category", "amountCents", "importBatchId")
      SELECT 'm-' || g, ${acme.org.id}, ${acme.units.teamA.id}, '2026-03-01', 'SOFTWARE', 1, CASE WHEN g = 3 THEN 'no-such-batch' ELSE ${mine.id} END
      FROM generate_series(1, 5) g`).rejects.toEqual(fkError);
    expect(
      (
        await db.actualEntry.findMany({ where: { orgId: acme.org.id }, select: { externalRef: true }, orderBy: { externalRef: "asc" } })
      ).map((l) => l.externalRef),
    ).toEqual(["OK1", "OK2"]);
    await expectExact();
  });

  it("refuses moving a line to a missing batch; moving it to no batch or to another batch of its org is fine", async () => {
    const b1 = await newBatch(acme);
    const b2 = await newBatch(acme);
    await lineIn(acme, b1.id, "L1");
    await expect(db.$executeRaw`UPDATE "ActualEntry" SET "importBatchId" = 'no-such-batch' WHERE "externalRef" = 'L1'`).rejects.toEqual(
      fkError,
    );
    await db.actualEntry.updateMany({ where: { externalRef: "L1" }, data: { importBatchId: b2.id } });
    await db.actualEntry.updateMany({ where: { externalRef: "L1" }, data: { importBatchId: null } });
    expect(await db.actualEntry.findFirstOrThrow({ where: { externalRef: "L1" }, select: { importBatchId: true } })).toEqual({
      importBatchId: null,
    });
  });

  it("deletes a batch's lines with the batch (the summary follows), and never changes a batch's id", async () => {
    const a = acme.units.teamA.code;
    const r = await run(acme, csv([`2026-03-01,${a},SOFTWARE,10.00,,,R1`, `2026-04-01,${a},CLOUD,2.00,,,R2`]));
    if (!r.ok) throw new Error("import failed");
    const other = await run(acme, csv([`2026-03-01,${a},SOFTWARE,1.00,,,R3`]));
    if (!other.ok) throw new Error("import failed");
    await expect(db.$executeRaw`UPDATE "ImportBatch" SET "id" = 'renamed' WHERE "id" = ${r.data.batchId}`).rejects.toEqual(
      expect.objectContaining({ message: expect.stringMatching(/id cannot change/) }),
    );
    await db.importBatch.delete({ where: { id: r.data.batchId } });
    expect(
      (await db.actualEntry.findMany({ where: { orgId: acme.org.id }, select: { externalRef: true } })).map((l) => l.externalRef),
    ).toEqual(["R3"]);
    await expectExact();
  });

  it("makes a delete of a batch wait for a transaction still writing lines into it, then takes those lines too", async () => {
    const batch = await newBatch(acme);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const writer = db.$transaction(
      async (tx) => {
        await tx.$executeRaw`INSERT INTO "ActualEntry" ("id", "orgId", "orgUnitId", "bookedOn", "category", "amountCents", "importBatchId")
        VALUES ('w-1', ${acme.org.id}, ${acme.units.teamA.id}, '2026-03-01', 'SOFTWARE', 1, ${batch.id})`;
        wrote();
        await held;
      },
      { timeout: 20_000 },
    );
    await written;
    let deleted = false;
    const deleter = db.importBatch.delete({ where: { id: batch.id } }).then(() => (deleted = true));
    // The delete waits on a lock (the writer's FOR KEY SHARE on the batch) until the writer ends.
    const waiting = async () =>
      (
        await db.$queryRaw<
          { n: number }[]
        >`SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'DELETE FROM "public"."ImportBatch"%'`
      )[0].n;
    for (let i = 0; i < 100 && (await waiting()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await waiting()).toBe(1);
    expect(deleted).toBe(false);
    release();
    await writer;
    await deleter;
    expect(await db.actualEntry.count({ where: { orgId: acme.org.id } })).toBe(0);
    await expectExact();
  });
});
