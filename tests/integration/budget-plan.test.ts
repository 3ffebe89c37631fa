import { beforeEach, describe, expect, it } from "vitest";

import { copyPlanForward } from "@/lib/budgets/copy-plan-forward";
import { importPlan } from "@/lib/budgets/import-plan";
import { getPlanGrid } from "@/lib/budgets/queries";
import { clearBudgetCell, setBudgetCell } from "@/lib/budgets/set-budget-cell";
import { hiddenPersonnelPlanUnits } from "@/lib/privacy/plan-lines";
import { createPerson, createPlan, uploadCsv } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, rowCounts, testDb } from "@/tests/support/db";

const db = testDb();
let acme: Awaited<ReturnType<typeof createOrgWithRoles>>;
let globex: Awaited<ReturnType<typeof createOrgWithRoles>>;

beforeEach(async () => {
  await resetDb();
  acme = await createOrgWithRoles(db);
  globex = await createOrgWithRoles(db);
});

const cell = (orgUnitId: string, amount: string, month = "2026-03-01") => ({ orgUnitId, category: "CLOUD", month, amount });

describe("budget plan editing", () => {
  it.each(["finance", "director"] as const)("%s can set a plan cell, audited with before and after", async (who) => {
    const r1 = await setBudgetCell.run(acme.members[who].user.id, acme.org.slug, cell(acme.units.teamA.id, "123.45"));
    expect(r1.ok).toBe(true);
    const r2 = await setBudgetCell.run(acme.members[who].user.id, acme.org.slug, cell(acme.units.teamA.id, "200.00"));
    expect(r2.ok).toBe(true);
    const lines = await db.budgetLine.findMany({ where: { orgId: acme.org.id } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ orgUnitId: acme.units.teamA.id, category: "CLOUD", amountCents: 20000n });
    const events = await db.auditEvent.findMany({ where: { orgId: acme.org.id, action: "budgets.cell.set" }, orderBy: { at: "asc" } });
    expect(events).toHaveLength(2);
    expect(events[1].before).toMatchObject({ amountCents: "12345" });
    expect(events[1].after).toMatchObject({ amountCents: "20000" });
    // 0 is a plan of nothing (a line); removing the line is the explicit clear action.
    await setBudgetCell.run(acme.members[who].user.id, acme.org.slug, cell(acme.units.teamA.id, "0"));
    expect(await db.budgetLine.findMany({ where: { orgId: acme.org.id }, select: { amountCents: true } })).toEqual([{ amountCents: 0n }]);
    const { amount: _amount, ...key } = cell(acme.units.teamA.id, "0");
    expect(await clearBudgetCell.run(acme.members[who].user.id, acme.org.slug, key)).toMatchObject({ ok: true });
    expect(await db.budgetLine.count({ where: { orgId: acme.org.id } })).toBe(0);
  });

  it.each(["manager", "viewer", "admin"] as const)("%s cannot write budgets, and nothing is written", async (who) => {
    const before = await rowCounts();
    const unit = who === "manager" ? acme.units.teamA.id : acme.units.teamB.id; // teamA is inside the manager's scope
    expect(await setBudgetCell.run(acme.members[who].user.id, acme.org.slug, cell(unit, "1.00"))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses another org's unit as not found, and bad input with field errors", async () => {
    const before = await rowCounts();
    expect(await setBudgetCell.run(acme.members.finance.user.id, acme.org.slug, cell(globex.units.teamA.id, "1.00"))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    const bad = await setBudgetCell.run(acme.members.finance.user.id, acme.org.slug, {
      orgUnitId: acme.units.teamA.id,
      category: "FOOD",
      month: "2026-03-15",
      amount: "1.005",
    });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["amount", "category", "month"]);
    expect(await rowCounts()).toEqual(before);
  });

  it("copies a year forward with a percentage, rounding half-even, and refuses to overwrite unless asked", async () => {
    const { org, units } = acme;
    await createPlan(db, org.id, units.teamA.id, "2026-01-01", "CLOUD", 1_000n); // × 1.05 = 1050
    await createPlan(db, org.id, units.teamA.id, "2026-12-01", "SOFTWARE", 50n); // × 1.05 = 52.5 → 52
    await createPlan(db, org.id, units.teamB.id, "2026-06-01", "TRAVEL", 70n); // × 1.05 = 73.5 → 74
    await createPlan(db, org.id, units.teamB.id, "2026-06-01", "OTHER", -70n); // −73.5 → −74
    await createPlan(db, globex.org.id, globex.units.teamA.id, "2026-01-01", "CLOUD", 999n);
    const r = await copyPlanForward.run(acme.members.finance.user.id, org.slug, { fromFiscalYear: 2026, percentChange: "5" });
    expect(r).toMatchObject({ ok: true, data: { copied: 4, replaced: 0 } });
    const next = await db.budgetLine.findMany({
      where: { orgId: org.id, month: { gte: new Date("2027-01-01") } },
      orderBy: [{ month: "asc" }, { category: "asc" }],
    });
    expect(next.map((l) => [l.month.toISOString().slice(0, 10), l.category, l.amountCents])).toEqual([
      ["2027-01-01", "CLOUD", 1050n],
      ["2027-06-01", "TRAVEL", 74n],
      ["2027-06-01", "OTHER", -74n],
      ["2027-12-01", "SOFTWARE", 52n],
    ]);
    const again = await copyPlanForward.run(acme.members.finance.user.id, org.slug, { fromFiscalYear: 2026, percentChange: "-10" });
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
    // A form field sent as "false" is not a request to overwrite.
    const notAsked = await copyPlanForward.run(acme.members.finance.user.id, org.slug, {
      fromFiscalYear: 2026,
      percentChange: "-10",
      overwrite: "false",
    });
    expect(notAsked).toMatchObject({ ok: false, code: "CONFLICT" });
    const overwrite = await copyPlanForward.run(acme.members.finance.user.id, org.slug, {
      fromFiscalYear: 2026,
      percentChange: "-10",
      overwrite: true,
    });
    expect(overwrite).toMatchObject({ ok: true, data: { copied: 4, replaced: 4 } });
    expect(await db.budgetLine.count({ where: { orgId: globex.org.id } })).toBe(1);
    expect(await copyPlanForward.run(acme.members.viewer.user.id, org.slug, { fromFiscalYear: 2026, percentChange: "1" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });

  it("imports plan lines from CSV (set, replace), refusing duplicates and bad rows", async () => {
    const a = acme.units.teamA.code;
    const good = `month,cost centre code,category,amount\n2026-03,${a},Cloud,"1,000.00"\n2026-04-01,${a},CLOUD,5\n`;
    const r = await importPlan.run(acme.members.finance.user.id, acme.org.slug, { uploadId: await uploadCsv(good), fileName: "plan.csv" });
    expect(r).toMatchObject({ ok: true, data: { rowCount: 2, insertedCount: 2 } });
    const replace = `month,cost centre code,category,amount\n2026-03,${a},CLOUD,7.00\n`;
    await importPlan.run(acme.members.finance.user.id, acme.org.slug, { uploadId: await uploadCsv(replace), fileName: "plan2.csv" });
    const lines = await db.budgetLine.findMany({ where: { orgId: acme.org.id }, orderBy: { month: "asc" } });
    expect(lines.map((l) => l.amountCents)).toEqual([700n, 500n]);
    const before = await rowCounts();
    const dup = `month,cost centre code,category,amount\n2026-05,${a},CLOUD,1\n2026-05,${a},cloud,2\n2026-05,${globex.units.teamA.code},CLOUD,1\n`;
    const bad = await importPlan.run(acme.members.finance.user.id, acme.org.slug, { uploadId: await uploadCsv(dup), fileName: "dup.csv" });
    expect(bad).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { file: [expect.stringMatching(/^Row 3: the same .* as row 2/), expect.stringMatching(/^Row 4: cost centre code/)] },
    });
    expect(await rowCounts()).toEqual(before);
    expect(
      await importPlan.run(acme.members.manager.user.id, acme.org.slug, { uploadId: await uploadCsv(good), fileName: "p.csv" }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("the plan grid totals rows, months and quarters in SQL, and leaves out hidden personnel lines", async () => {
    const { org, units } = acme; // calendar fiscal year
    await createPlan(db, org.id, units.teamA.id, "2026-01-01", "CLOUD", 101n);
    await createPlan(db, org.id, units.teamA.id, "2026-03-01", "CLOUD", 202n);
    await createPlan(db, org.id, units.teamA.id, "2026-04-01", "CLOUD", 404n);
    await createPlan(db, org.id, units.teamB.id, "2026-03-01", "PERSONNEL", 9_999n);
    await createPlan(db, org.id, units.teamB.id, "2025-12-01", "CLOUD", 5n); // previous year
    await createPlan(db, globex.org.id, globex.units.teamA.id, "2026-01-01", "CLOUD", 7n);
    const months = await getPlanGrid(org.id, 2026, 1, new Set());
    expect(months.months).toHaveLength(12);
    expect(months.rows.map((r) => [r.orgUnitId, r.category, r.totalCents])).toEqual(
      expect.arrayContaining([
        [units.teamA.id, "CLOUD", 707],
        [units.teamB.id, "PERSONNEL", 9_999],
      ]),
    );
    expect(months.rows.find((r) => r.category === "CLOUD")!.cells).toEqual({ "2026-01-01": 101, "2026-03-01": 202, "2026-04-01": 404 });
    expect(months.monthTotals).toEqual({ "2026-01-01": 101, "2026-03-01": 202 + 9_999, "2026-04-01": 404 });
    expect(months.totalCents).toBe(707 + 9_999);
    const quarters = await getPlanGrid(org.id, 2026, 1, new Set([units.teamB.id]), "quarter");
    expect(quarters.months).toEqual(["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"]);
    expect(quarters.rows).toHaveLength(1);
    expect(quarters.rows[0].cells).toEqual({ "2026-01-01": 303, "2026-04-01": 404 });
    // A withheld line is left out of the rows, not out of the totals (the same for every reader).
    expect(quarters.totalCents).toBe(707 + 9_999);
    expect(quarters.hiddenPersonnelUnits).toEqual([units.teamB.name]);
    expect(JSON.stringify(quarters.rows)).not.toContain("9999");
  });

  describe("personnel plan lines and pay privacy", () => {
    // teamA: 2 employees (their own line would show two people's pay); teamB: 4; the division: 3.
    // The disclosure then withholds teamA and deptA (which would equal it): the division's group
    // includes them, so only teamB's and deptB's own personnel lines stand alone.
    const setup = async () => {
      const { org, units } = acme;
      for (let i = 0; i < 2; i++) await createPerson(db, org.id, units.teamA.id, 100_000_00n);
      await createPerson(db, org.id, units.teamA.id, 0n, { contractor: true });
      for (let i = 0; i < 4; i++) await createPerson(db, org.id, units.teamB.id, 100_000_00n);
      for (let i = 0; i < 3; i++) await createPerson(db, org.id, units.division.id, 100_000_00n);
      for (let i = 0; i < 3; i++) await createPerson(db, globex.org.id, globex.units.teamA.id, 100_000_00n);
      await createPlan(db, org.id, units.teamA.id, "2026-03-01", "PERSONNEL", 16_666_67n);
      await createPlan(db, org.id, units.teamB.id, "2026-03-01", "PERSONNEL", 33_333_33n);
    };
    const today = new Date("2026-06-15T12:00:00Z");
    const personnel = (orgUnitId: string, cents: number) => ({
      orgUnitId,
      category: "PERSONNEL",
      month: "2026-03-01",
      amount: (cents / 100).toFixed(2),
    });

    it("finance sees every plan line but a unit's own personnel line that would show a small group's pay; totals include it", async () => {
      await setup();
      const { org, units } = acme;
      const finance = await hiddenPersonnelPlanUnits({ readsPay: false }, org.id, 2026, 1, today);
      expect([...finance].sort()).toEqual([units.division.id, units.deptA.id, units.teamA.id].sort());
      expect((await hiddenPersonnelPlanUnits({ readsPay: true }, org.id, 2026, 1, today)).size).toBe(0);
      const grid = await getPlanGrid(org.id, 2026, 1, finance);
      expect(grid.rows.map((r) => [r.orgUnitId, r.category])).toEqual([[units.teamB.id, "PERSONNEL"]]);
      expect(grid.totalCents).toBe(16_666_67 + 33_333_33);
      expect(grid.hiddenPersonnelUnits).toEqual([units.teamA.name]);
      expect(JSON.stringify(grid.rows)).not.toContain("1666667");
    });

    it("finance cannot change a withheld personnel line (the totals would show what was there), nor import one; a director can", async () => {
      await setup();
      const { org, units, members } = acme;
      const before = await rowCounts();
      const refused = await setBudgetCell.run(members.finance.user.id, org.slug, personnel(units.teamA.id, 1));
      expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(refused.ok ? null : refused.fieldErrors?.amount?.[0]).toMatch(/only someone who may read pay can change it/);
      // Clearing it would show it just as well (the totals would drop by it).
      expect(
        await clearBudgetCell.run(members.finance.user.id, org.slug, {
          orgUnitId: units.teamA.id,
          category: "PERSONNEL",
          month: "2026-03-01",
        }),
      ).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await rowCounts()).toEqual(before);
      expect((await db.budgetLine.findFirstOrThrow({ where: { orgUnitId: units.teamA.id, category: "PERSONNEL" } })).amountCents).toBe(
        16_666_67n,
      );
      // A line finance may see is theirs to edit.
      expect((await setBudgetCell.run(members.finance.user.id, org.slug, personnel(units.teamB.id, 40_000_00))).ok).toBe(true);
      expect((await setBudgetCell.run(members.director.user.id, org.slug, personnel(units.teamA.id, 20_000_00))).ok).toBe(true);
      // The import refuses the row by number and writes nothing.
      const file = await uploadCsv(
        `month,cost centre code,category,amount\n2026-04,${units.teamB.code},PERSONNEL,100.00\n2026-04,${units.teamA.code},PERSONNEL,100.00\n`,
      );
      const counts = await rowCounts();
      const imported = await importPlan.run(members.finance.user.id, org.slug, { uploadId: file, fileName: "plan.csv" });
      expect(imported.ok).toBe(false);
      expect(JSON.stringify(imported)).toMatch(/Row 3: This personnel plan line would show/);
      expect(await rowCounts()).toEqual(counts);
      const file2 = await uploadCsv(
        `month,cost centre code,category,amount\n2026-04,${units.teamB.code},PERSONNEL,100.00\n2026-04,${units.teamA.code},PERSONNEL,100.00\n`,
      );
      expect((await importPlan.run(members.director.user.id, org.slug, { uploadId: file2, fileName: "plan.csv" })).ok).toBe(true);
    });
  });
});
