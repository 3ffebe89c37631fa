import { beforeAll, describe, expect, it } from "vitest";

import { copyPlanForward } from "@/lib/budgets/copy-plan-forward";
import { financeExportCsv } from "@/lib/budgets/export";
import { importActuals } from "@/lib/budgets/import-actuals";
import { importPlan } from "@/lib/budgets/import-plan";
import { periodOptions } from "@/lib/budgets/period";
import { getPlanGrid, listBudgetFiscalYears, listImportBatches } from "@/lib/budgets/queries";
import { getBudgetReport, getBudgetTotals } from "@/tests/oracles/budget-report";
import { getFinanceViews, type FinanceView } from "@/lib/budgets/rollup";
import { setBudgetCell } from "@/lib/budgets/set-budget-cell";
import { getMoneyFigures } from "@/lib/dashboard/money-figures";
import { createPosition } from "@/lib/headcount/create-position";
import { planVsActual, unfilledCostByUnit } from "@/lib/headcount/plan";
import { listPositions } from "@/lib/headcount/queries";
import { MAX_ABS_CENTS, ORG_MONEY_LIMIT_CENTS } from "@/lib/money";
import { orgMoneyTotal } from "@/lib/money-limit";
import { readsPay } from "@/lib/permissions";
import { createContract } from "@/lib/vendors/contract-mutations";
import { getContractSummary, listContracts, listUpcomingRenewals, listVendors } from "@/lib/vendors/queries";
import { uploadCsv } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, tableFingerprints, testDb } from "@/tests/support/db";

// Money that cannot overflow: every kind of money an org holds (plan lines, ledger lines, pay of
// people and positions, contracts) is filled through the real actions right up to the org-wide
// limit, with the largest amounts a single input may carry, and every money view of the org is
// read for every role: none may throw (a total past Number.MAX_SAFE_INTEGER made centsToNumber
// throw and crashed every money view). One more cent of any kind is then refused, naming the
// field or the CSV row, with nothing written.

const db = testDb();
const today = new Date("2026-12-06T12:00:00Z");
const BIG = "100000000000.00"; // MAX_ABS_CENTS: the largest single amount
const PER_KIND = Number(ORG_MONEY_LIMIT_CENTS / MAX_ABS_CENTS); // largest amounts that fit under the limit
let f: Awaited<ReturnType<typeof createOrgWithRoles>>;
let finance: string;
let director: string;

beforeAll(async () => {
  await resetDb();
  f = await createOrgWithRoles(db);
  await db.organization.update({ where: { id: f.org.id }, data: { fiscalYearStartMonth: 2 } });
  finance = f.members.finance.user.id;
  director = f.members.director.user.id;
  const { teamA, teamB, deptA } = f.units;
  const units = [teamA, teamB, deptA];
  expect(PER_KIND).toBe(10);

  // Plan: 10 lines of the largest amount over FY2027's months and units (one a credit: sizes count).
  const planRows = Array.from(
    { length: PER_KIND },
    (_, i) =>
      `2026-${String(3 + i).padStart(2, "0")},${units[i % 3].code},${i % 2 ? "CLOUD" : "SOFTWARE"},${i === 4 ? `-${BIG}` : `"${BIG}"`}`,
  );
  const plan = await importPlan.run(finance, f.org.slug, {
    uploadId: await uploadCsv(`month,cost centre code,category,amount\n${planRows.join("\n")}\n`),
    fileName: "plan.csv",
  });
  expect(plan).toMatchObject({ ok: true, data: { rowCount: PER_KIND } });
  // Ledger: 10 lines of the largest amount in closed months, a vendor on each, two credits.
  const ledgerRows = Array.from(
    { length: PER_KIND },
    (_, i) =>
      `2026-${String(2 + i).padStart(2, "0")}-15,${units[i % 3].code},SOFTWARE,${i % 5 === 1 ? "-" : ""}${BIG.replace(".00", "")},Big Vendor,,big-${i}`,
  );
  const ledger = await importActuals.run(finance, f.org.slug, {
    uploadId: await uploadCsv(`date,cost centre code,category,amount,vendor,memo,external reference\n${ledgerRows.join("\n")}\n`),
    fileName: "ledger.csv",
  });
  expect(ledger).toMatchObject({ ok: true, data: { insertedCount: PER_KIND } });
  // Contracts and positions (pay), through their actions.
  const vendor = await db.vendor.findFirstOrThrow({ where: { orgId: f.org.id, name: "Big Vendor" } });
  for (let i = 0; i < PER_KIND; i++) {
    const c = await createContract.run(finance, f.org.slug, {
      vendorId: vendor.id,
      orgUnitId: units[i % 3].id,
      category: "SOFTWARE",
      name: `Big ${i}`,
      annualAmount: BIG,
      startDate: "2026-01-01",
      endDate: "2027-01-20",
      autoRenew: i % 2 === 0,
      status: "ACTIVE",
    });
    expect(c.ok, JSON.stringify(c)).toBe(true);
    const p = await createPosition.run(director, f.org.slug, {
      orgUnitId: units[i % 3].id,
      title: `Chief ${i}`,
      level: "X",
      targetStartDate: "2026-12-01",
      compensation: BIG,
      loadedCostMultiplier: "9.9999",
      budgetFiscalYear: 2027,
      openNow: "on",
    });
    expect(p.ok, JSON.stringify(p)).toBe(true);
  }
  for (const kind of ["plan", "ledger", "pay", "contracts"] as const)
    expect(await orgMoneyTotal(db, f.org.id, kind), kind).toBe(ORG_MONEY_LIMIT_CENTS);
}, 120_000);

describe("at the org-wide limit, every money view of the org reads", () => {
  it.each(["DIRECTOR", "FINANCE", "VIEWER", "MANAGER"])(
    "as %s",
    async (role) => {
      const { org, units } = f;
      const payReader = readsPay(role, { financeReadsPay: false });
      // A figure withheld from a reader without pay access is null (docs/privacy.md); any other must be a safe integer.
      const safe = (n: number | null) => (payReader ? Number.isSafeInteger(n) : n === null || Number.isSafeInteger(n));
      for (const fiscalYear of [2026, 2027, 2028]) {
        for (const unitId of [null, units.division.id, units.deptA.id, units.teamB.id]) {
          const views: FinanceView[] = await getFinanceViews(
            { orgId: org.id, startMonth: 2, fiscalYear, period: "year", unitId, category: null, payReader, today },
            periodOptions(fiscalYear, 2, today).map((o) => ({ period: o.key, parts: ["categories", "tree", "months", "top"] })),
          );
          for (const v of views)
            for (const n of [v.totals.planCents, v.totals.actualCents, v.totals.forecastCents, v.totals.varianceCents])
              expect(safe(n)).toBe(true);
          const m = await getMoneyFigures(org.id, 2, payReader, { unitId, fiscalYear, period: "q4" }, today);
          expect(safe(m.year.forecastCents)).toBe(true);
          for (const view of ["tree", "categories", "top", "months"]) {
            expect(
              await financeExportCsv(
                { org: { id: org.id, slug: org.slug, fiscalYearStartMonth: 2 }, readsPay: payReader },
                { fiscalYear, period: "year", unitId, category: null },
                view,
                today,
              ),
            ).not.toBeNull();
          }
          await planVsActual(org.id, { unitId, fiscalYear, startMonth: 2, today });
        }
        await getBudgetReport(org.id, fiscalYear, 2, today);
        await getBudgetTotals(org.id, fiscalYear, 2, today);
        await getPlanGrid(org.id, fiscalYear, 2, new Set());
        await getPlanGrid(org.id, fiscalYear, 2, new Set(), "quarter");
      }
      await listBudgetFiscalYears(org.id, 2, today);
      await listImportBatches(org.id);
      await listVendors(org.id, today);
      await listContracts(org.id);
      await getContractSummary(org.id, today);
      await listUpcomingRenewals(org.id, today, null, 6);
      await unfilledCostByUnit(org.id, null, { readsPay: payReader });
      await listPositions(org.id, { readsPay: payReader });
      // The year at the limit: exactly the plan imported, and a forecast beyond the plan's size that still fits.
      const [year] = await getFinanceViews(
        { orgId: org.id, startMonth: 2, fiscalYear: 2027, period: "year", unitId: null, category: null, payReader, today },
        [{ period: "year", parts: [] }],
      );
      if (payReader || year.totals.planCents !== null) expect(year.totals.planCents).toBe(8 * Number(MAX_ABS_CENTS));
      if (payReader || year.totals.forecastCents !== null) expect(year.totals.forecastCents).toBeGreaterThan(Number(ORG_MONEY_LIMIT_CENTS));
    },
    120_000,
  );
});

describe("one cent past the limit is refused, naming the field or the row, and nothing is written", () => {
  async function refused(run: () => Promise<unknown>, field: string, message: RegExp) {
    const before = await tableFingerprints();
    const r = (await run()) as { ok: boolean; code?: string; fieldErrors?: Record<string, string[]> };
    expect(r, JSON.stringify(r)).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(Object.keys(r.fieldErrors ?? {})).toEqual([field]);
    expect(r.fieldErrors![field].join(" ")).toMatch(message);
    expect(await tableFingerprints()).toEqual(before);
  }
  const past = /past \$1,000,000,000,000\.00 in total/;

  it("a plan cell", async () => {
    await refused(
      () =>
        setBudgetCell.run(finance, f.org.slug, { orgUnitId: f.units.teamB.id, category: "TRAVEL", month: "2026-05-01", amount: "0.01" }),
      "amount",
      past,
    );
    // Replacing a line by a smaller amount is fine: the total goes down.
    const line = await db.budgetLine.findFirstOrThrow({ where: { orgId: f.org.id, month: new Date("2026-03-01T00:00:00Z") } });
    const smaller = await setBudgetCell.run(finance, f.org.slug, {
      orgUnitId: line.orgUnitId,
      category: line.category,
      month: "2026-03-01",
      amount: "99999999999.99",
    });
    expect(smaller.ok).toBe(true);
    await refused(
      () =>
        setBudgetCell.run(finance, f.org.slug, { orgUnitId: f.units.teamB.id, category: "TRAVEL", month: "2026-05-01", amount: "0.02" }),
      "amount",
      past,
    );
    expect(
      (
        await setBudgetCell.run(finance, f.org.slug, {
          orgUnitId: line.orgUnitId,
          category: line.category,
          month: "2026-03-01",
          amount: BIG,
        })
      ).ok,
    ).toBe(true);
  });

  it("a plan import names the row that crosses the limit", async () => {
    const csv = `month,cost centre code,category,amount\n2026-03,${f.units.teamA.code},SOFTWARE,${BIG}\n2026-12,${f.units.teamB.code},TRAVEL,5.00\n2027-01,${f.units.teamB.code},TRAVEL,0.00\n`;
    // Row 2 replaces a line by the same amount, row 3 adds 5.00: row 3 crosses.
    await refused(
      async () => importPlan.run(finance, f.org.slug, { uploadId: await uploadCsv(csv), fileName: "more.csv" }),
      "file",
      /^Row 3: amount takes the total past the limit\. .*plan lines past/,
    );
  });

  it("copying the plan forward", async () => {
    await refused(() => copyPlanForward.run(finance, f.org.slug, { fromFiscalYear: 2027, percentChange: "0" }), "percentChange", past);
  });

  it("a ledger import names the row that crosses the limit", async () => {
    const csv = `date,cost centre code,category,amount,vendor,memo,external reference\n2026-11-02,${f.units.teamA.code},TRAVEL,0.00,,,zero-1\n2026-11-03,${f.units.teamA.code},TRAVEL,-0.01,,,credit-1\n`;
    await refused(
      async () => importActuals.run(finance, f.org.slug, { uploadId: await uploadCsv(csv), fileName: "more.csv" }),
      "file",
      /^Row 3: amount takes the total past the limit\. .*ledger lines past/,
    );
  });

  it("a contract", async () => {
    const vendor = await db.vendor.findFirstOrThrow({ where: { orgId: f.org.id } });
    await refused(
      () =>
        createContract.run(finance, f.org.slug, {
          vendorId: vendor.id,
          orgUnitId: f.units.teamA.id,
          category: "CLOUD",
          name: "One more",
          annualAmount: "0.01",
          startDate: "2026-01-01",
          endDate: "2026-12-31",
          status: "ACTIVE",
        }),
      "annualAmount",
      /contracts' annual amounts past/,
    );
  });

  it("a position's pay", async () => {
    await refused(
      () =>
        createPosition.run(director, f.org.slug, {
          orgUnitId: f.units.teamA.id,
          title: "One more",
          level: "IC1",
          compensation: "0.01",
          budgetFiscalYear: 2027,
        }),
      "compensation",
      /annual pay of people and positions past/,
    );
  });

  it("another org is not affected by this one's totals", async () => {
    const g = await createOrgWithRoles(db);
    const r = await setBudgetCell.run(g.members.finance.user.id, g.org.slug, {
      orgUnitId: g.units.teamA.id,
      category: "TRAVEL",
      month: "2026-05-01",
      amount: BIG,
    });
    expect(r.ok).toBe(true);
  });
});
