import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { importPlan } from "@/lib/budgets/import-plan";
import { clearBudgetCell, setBudgetCell } from "@/lib/budgets/set-budget-cell";
import type { Db } from "@/lib/db-factory";
import { clearFiguresMemo } from "@/lib/figures-memo";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { checkMappedPlan, importMappedPlan } from "@/lib/imports/import-mapped-plan";
import type { LedgerMappingInput } from "@/lib/imports/ledger-mapping";
import { hiddenPersonnelPlanUnits } from "@/lib/privacy/plan-lines";
import { createPerson, createPlan, uploadCsv } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// A plan write by someone without pay access judges the pay disclosure (lib/privacy/plan-lines.ts)
// inside the action's transaction. With one pooled connection (KEEL_DB_POOL_MAX=1, the embedded
// database) a read on the app's client from there waits for the connection its own transaction
// holds: the write hung until the transaction timed out, and the app with it. Here the app's
// client has one connection and gives up waiting for it after a moment, so such a read fails
// the action in seconds instead of hanging.

const db = testDb();
const app = globalThis as unknown as { keelPrisma?: Db; keelReplica?: Db };
let saved: { keelPrisma?: Db; keelReplica?: Db };
let one: Db;
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;

beforeEach(async () => {
  await resetDb();
  clearFiguresMemo();
  acme = await createOrgWithRoles(db);
  const { org, units } = acme;
  // teamA: 2 employees, its own personnel line withheld from finance; teamB: 4, shown.
  for (let i = 0; i < 2; i++) await createPerson(db, org.id, units.teamA.id, 100_000_00n);
  for (let i = 0; i < 4; i++) await createPerson(db, org.id, units.teamB.id, 100_000_00n);
  for (let i = 0; i < 3; i++) await createPerson(db, org.id, units.division.id, 100_000_00n);
  await createPlan(db, org.id, units.teamA.id, "2026-03-01", "PERSONNEL", 16_666_67n);
  saved = { keelPrisma: app.keelPrisma, keelReplica: app.keelReplica };
  one = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 1, connectionTimeoutMillis: 2_000 }),
  }) as unknown as Db;
  app.keelPrisma = app.keelReplica = one;
});

afterEach(async () => {
  app.keelPrisma = saved.keelPrisma;
  app.keelReplica = saved.keelReplica;
  await one.$disconnect();
});

const finance = () => acme.members.finance.user.id;
const plan = (rows: string[]) => uploadCsv(`month,cost centre code,category,amount\n${rows.join("\n")}\n`);
const mapping = (): LedgerMappingInput => ({
  encoding: "utf-8",
  dateFormat: "DMY",
  columns: { date: "Period", account: "GL account", costCentre: "Department", amount: "Budget" },
  accounts: [{ value: "5000 Salaries", category: "PERSONNEL" }],
  costCentres: [
    { value: "Platform", code: acme.units.teamA.code },
    { value: "Autonomy", code: acme.units.teamB.code },
  ],
});
const sheet = (department: string) => uploadCsv(`Period,Department,GL account,Budget\nApr 2026,${department},5000 Salaries,"1,000.00"\n`);

describe("plan writes by a reader without pay access, on one database connection", () => {
  it("imports a plan file with a personnel line, and refuses a withheld one by row", async () => {
    const { org, units } = acme;
    const ok = await importPlan.run(finance(), org.slug, {
      uploadId: await plan([`2026-04,${units.teamB.code},PERSONNEL,100.00`]),
      fileName: "plan.csv",
    });
    expect(ok).toMatchObject({ ok: true, data: { rowCount: 1, insertedCount: 1 } });
    const refused = await importPlan.run(finance(), org.slug, {
      uploadId: await plan([`2026-04,${units.teamB.code},PERSONNEL,100.00`, `2026-04,${units.teamA.code},PERSONNEL,100.00`]),
      fileName: "plan.csv",
    });
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(JSON.stringify(refused)).toMatch(/Row 3: This personnel plan line would show/);
  }, 15_000);

  it("checks and imports a mapped plan with a personnel line, and refuses a withheld one", async () => {
    const { org } = acme;
    const input = async (department: string) => ({ uploadId: await sheet(department), fileName: "budget.csv", mapping: mapping() });
    expect(await checkMappedPlan.run(finance(), org.slug, await input("Autonomy"))).toMatchObject({
      ok: true,
      data: { mode: "check", rowCount: 1 },
    });
    expect(await importMappedPlan.run(finance(), org.slug, await input("Autonomy"))).toMatchObject({
      ok: true,
      data: { mode: "import", insertedCount: 1 },
    });
    const refused = await checkMappedPlan.run(finance(), org.slug, await input("Platform"));
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(JSON.stringify(refused)).toMatch(/This personnel plan line would show/);
  }, 15_000);

  it("sets and clears a personnel plan cell, and refuses a withheld one", async () => {
    const { org, units } = acme;
    const cell = (orgUnitId: string) => ({ orgUnitId, category: "PERSONNEL", month: "2026-04-01" });
    expect(await setBudgetCell.run(finance(), org.slug, { ...cell(units.teamB.id), amount: "100.00" })).toMatchObject({ ok: true });
    expect(await clearBudgetCell.run(finance(), org.slug, cell(units.teamB.id))).toMatchObject({ ok: true });
    expect(await setBudgetCell.run(finance(), org.slug, { ...cell(units.teamA.id), amount: "100.00" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await clearBudgetCell.run(finance(), org.slug, { ...cell(units.teamA.id), month: "2026-03-01" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  }, 15_000);
});

describe("the disclosure read inside a transaction", () => {
  it("sees the transaction's own writes, and is not memoized for readers after a rollback", async () => {
    const { org, units } = acme;
    const today = new Date("2026-06-15T12:00:00Z");
    const reader = { readsPay: false };
    expect(await hiddenPersonnelPlanUnits(reader, org.id, 2026, 1, today)).toContain(units.teamA.id);
    const rollback = new Error("roll back");
    await expect(
      db.$transaction(async (tx) => {
        // Two more people in teamA: its own line now shows a group of four.
        for (let i = 0; i < 2; i++) await createPerson(tx as unknown as Db, org.id, units.teamA.id, 100_000_00n);
        expect(await hiddenPersonnelPlanUnits(reader, org.id, 2026, 1, today, tx)).not.toContain(units.teamA.id);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await hiddenPersonnelPlanUnits(reader, org.id, 2026, 1, today)).toContain(units.teamA.id);
  }, 15_000);
});
