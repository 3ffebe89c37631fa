import { beforeAll, describe, expect, it } from "vitest";

import { importActuals } from "@/lib/budgets/import-actuals";
import { getFinanceTree } from "@/lib/budgets/rollup";
import { varianceLevel } from "@/lib/budgets/variance-level";
import { checkBudgetVariance } from "@/lib/webhooks/budget-variance";
import { createPerson, createPlan, uploadCsv } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// budget.variance_over_threshold (lib/webhooks/budget-variance.ts): a write that takes a unit's
// fiscal-year forecast over its plan beyond the threshold announces the unit once, through the
// outbox; another write while it stays over announces nothing; back within and over again is a
// new crossing. The figures are those a reader without pay access sees, and a unit whose figures
// such a reader may not see is never announced.

const db = testDb();
const EVENT = "budget.variance_over_threshold";
const FY = new Date().getUTCFullYear(); // the fixture orgs' fiscal year starts in January

type Fx = Awaited<ReturnType<typeof createOrgWithRoles>>;

async function subscribedOrg(): Promise<Fx> {
  const fx = await createOrgWithRoles(db);
  await db.webhookEndpoint.create({
    data: { orgId: fx.org.id, url: "https://hooks.example.com/variance", events: [EVENT], secretSealed: "v1.x.x.x" },
  });
  return fx;
}

const importLedger = async (fx: Fx, lines: [code: string, amount: string][]) => {
  const csv = ["date,costcentrecode,category,amount,vendor,memo,externalreference"]
    .concat(lines.map(([code, amount]) => `${FY}-03-04,${code},TRAVEL,${amount},,,`))
    .join("\n");
  const result = await importActuals.run(fx.members.director.user.id, fx.org.slug, { uploadId: await uploadCsv(csv), fileName: "l.csv" });
  expect(result.ok, JSON.stringify(result)).toBe(true);
};

const announced = async (orgId: string) =>
  (await db.webhookDelivery.findMany({ where: { orgId, eventType: EVENT }, orderBy: { createdAt: "asc" }, select: { payload: true } })).map(
    (d) => (d.payload as { data: { unit: { id: string }; planCents: string; forecastCents: string; varianceCents: string } }).data,
  );
const unitsOf = (events: { unit: { id: string } }[]) => events.map((e) => e.unit.id).sort();

beforeAll(async () => {
  await resetDb();
});

describe("budget variance over threshold", () => {
  it("an import that takes a unit over announces it (and its ancestors that go over) once, with the page's figures", async () => {
    const fx = await subscribedOrg();
    const { teamA, teamB, deptA } = fx.units;
    await createPlan(db, fx.org.id, teamA.id, `${FY}-03-01`, "TRAVEL", 100_000n);
    await createPlan(db, fx.org.id, teamB.id, `${FY}-03-01`, "TRAVEL", 100_000_000n);
    await importLedger(fx, [[teamA.code, "400.00"]]);
    expect(await announced(fx.org.id)).toEqual([]); // under plan

    await importLedger(fx, [[teamA.code, "5000.00"]]);
    const events = await announced(fx.org.id);
    expect(unitsOf(events)).toEqual([teamA.id, deptA.id].sort());
    const tree = await getFinanceTree({
      orgId: fx.org.id,
      startMonth: 1,
      fiscalYear: FY,
      period: "year",
      unitId: null,
      category: null,
      payReader: false,
      today: new Date(),
    });
    const row = tree.find((u) => u.id === teamA.id)!;
    expect(events.find((e) => e.unit.id === teamA.id)).toMatchObject({
      fiscalYear: FY,
      planCents: String(row.planCents),
      forecastCents: String(row.forecastCents),
      varianceCents: String(row.varianceCents),
    });
    expect(row.planCents).toBe(100_000);

    // Still over after another write: nothing new.
    await importLedger(fx, [[teamA.code, "10.00"]]);
    expect(await announced(fx.org.id)).toHaveLength(2);
  });

  it("back within and over again is a new crossing", async () => {
    const fx = await subscribedOrg();
    const { teamA, teamB } = fx.units;
    const plan = await createPlan(db, fx.org.id, teamA.id, `${FY}-03-01`, "TRAVEL", 100_000n);
    await createPlan(db, fx.org.id, teamB.id, `${FY}-03-01`, "TRAVEL", 100_000_000n);
    await importLedger(fx, [[teamA.code, "5000.00"]]);
    expect(await announced(fx.org.id)).toHaveLength(2);

    await db.budgetLine.update({ where: { id: plan.id }, data: { amountCents: 1_000_000n } });
    expect(await checkBudgetVariance(fx.org.id)).toBe(0);
    expect(await db.budgetVarianceAlert.count({ where: { orgId: fx.org.id } })).toBe(0);
    // No write since the last check: nothing to look at.
    expect(await checkBudgetVariance(fx.org.id)).toBe(0);

    // Two checks at once (two writes' requests): the crossing is announced once.
    await db.budgetLine.update({ where: { id: plan.id }, data: { amountCents: 100_000n } });
    const both = await Promise.all([checkBudgetVariance(fx.org.id), checkBudgetVariance(fx.org.id)]);
    expect(both[0] + both[1]).toBe(2);
    expect(await announced(fx.org.id)).toHaveLength(4);
  });

  it("never announces a unit whose figures a reader without pay access may not see", async () => {
    const fx = await subscribedOrg();
    const { teamB } = fx.units;
    // One person's pay in teamB: its totals are withheld from readers without pay access.
    await createPerson(db, fx.org.id, teamB.id, 12_000_000n);
    await createPlan(db, fx.org.id, teamB.id, `${FY}-03-01`, "TRAVEL", 100n);
    await importLedger(fx, [[teamB.code, "5000.00"]]);
    const scope = {
      orgId: fx.org.id,
      startMonth: 1,
      fiscalYear: FY,
      period: "year" as const,
      unitId: null,
      category: null,
      today: new Date(),
    };
    // Over for a pay reader (so this test can fail), withheld for everyone else.
    expect(varianceLevel((await getFinanceTree({ ...scope, payReader: true })).find((u) => u.id === teamB.id)!)).toBe("over");
    expect((await getFinanceTree({ ...scope, payReader: false })).find((u) => u.id === teamB.id)!.forecastCents).toBeNull();
    const events = await announced(fx.org.id);
    expect(unitsOf(events)).not.toContain(teamB.id);
    for (const e of events) expect(JSON.stringify(e)).not.toMatch(/comp|salary|pay/i);
  });

  it("without a subscriber nothing is written and nothing is remembered", async () => {
    const fx = await createOrgWithRoles(db);
    await createPlan(db, fx.org.id, fx.units.teamA.id, `${FY}-03-01`, "TRAVEL", 100n);
    await importLedger(fx, [[fx.units.teamA.code, "5000.00"]]);
    expect(await db.webhookDelivery.count({ where: { orgId: fx.org.id } })).toBe(0);
    expect(await db.budgetVarianceAlert.count({ where: { orgId: fx.org.id } })).toBe(0);
    expect(await db.budgetVarianceCheck.count({ where: { orgId: fx.org.id } })).toBe(0);
  });
});
