import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getMoneyFigures, parseDashboardParams } from "@/lib/dashboard/director";
import { clearFiguresMemo } from "@/lib/figures-memo";
import { createPlan } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// Memoized figures after a restore (lib/figures-memo.ts). A restore brings back older rows and
// older data versions; writes after it can lift the versions back to the very numbers an entry
// was filed under, with other data. Restores are replayed in SQL the way pg_restore does them
// (triggers off, tables emptied and reloaded), so the test runs on the embedded database too.

const db = testDb();
const now = new Date("2026-06-15T12:00:00Z");
let f: Awaited<ReturnType<typeof createOrgWithRoles>>;
const params = () => parseDashboardParams({ fy: "2026", period: "q2" }, 1, now);
const figures = () => getMoneyFigures(f.org.id, 1, true, params(), now);
const fresh = async () => {
  clearFiguresMemo();
  return figures();
};
const planSum = async () =>
  Number(
    (
      await db.budgetLine.aggregate({
        where: { orgId: f.org.id, month: { gte: new Date("2026-04-01"), lt: new Date("2026-07-01") } },
        _sum: { amountCents: true },
      })
    )._sum.amountCents ?? 0n,
  );

// A restore brings back every table, the summaries kept by triggers (MoneyMonthly) among them.
const TABLES = ['"BudgetLine"', '"MoneyMonthly"', '"OrgDataVersion"'];

async function backup() {
  for (const t of TABLES) {
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "backup_${t.slice(1, -1)}"`);
    await db.$executeRawUnsafe(`CREATE TABLE "backup_${t.slice(1, -1)}" AS SELECT * FROM ${t}`);
  }
}

/** Puts the backup back, triggers off, emptying each table by `how` first. */
async function restore(how: "truncate" | "delete") {
  await db.$transaction([
    db.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
    ...TABLES.flatMap((t) => [
      db.$executeRawUnsafe(how === "truncate" ? `TRUNCATE ${t}` : `DELETE FROM ${t}`),
      db.$executeRawUnsafe(`INSERT INTO ${t} SELECT * FROM "backup_${t.slice(1, -1)}"`),
    ]),
  ]);
}

afterAll(async () => {
  for (const t of TABLES) await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "backup_${t.slice(1, -1)}"`);
});

beforeAll(async () => {
  await resetDb();
  f = await createOrgWithRoles(db);
  await createPlan(db, f.org.id, f.units.teamA.id, "2026-05-01", "SOFTWARE", 100_000n);
});

describe("memoized figures after a restore", () => {
  it("a restore that reloads the tables, then writes that bring the versions back up: figures equal the database", async () => {
    await backup();
    await createPlan(db, f.org.id, f.units.teamA.id, "2026-05-01", "CLOUD", 900_000_000n);
    const before = await figures();
    expect(before.period.planCents).toBe(await planSum());

    await restore("truncate");
    // The same number of writes as before the restore: the versions are back where they were.
    await createPlan(db, f.org.id, f.units.teamA.id, "2026-05-01", "CLOUD", 3_000n);

    const after = await figures();
    expect(after.period.planCents).toBe(await planSum());
    expect(after.period.planCents).not.toBe(before.period.planCents);
    expect(after).toEqual(await fresh());
  });

  it("a restore that deletes and re-inserts rows: versions seen going backwards drop the org's figures", async () => {
    await backup();
    await createPlan(db, f.org.id, f.units.teamB.id, "2026-06-01", "CLOUD", 500_000_000n);
    const before = await figures();
    expect(before.period.planCents).toBe(await planSum());

    await restore("delete");
    const restored = await figures();
    expect(restored.period.planCents).toBe(await planSum());
    expect(restored.period.planCents).toBe(before.period.planCents! - 500_000_000);

    // Written again up to the versions the first entry was filed under: still the database's figures.
    await createPlan(db, f.org.id, f.units.teamB.id, "2026-06-01", "CLOUD", 7_000n);
    const after = await figures();
    expect(after.period.planCents).toBe(await planSum());
    expect(after).toEqual(await fresh());
  });
});
