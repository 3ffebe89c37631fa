import { beforeAll, describe, expect, it } from "vitest";

import { listBudgetFiscalYears } from "@/lib/budgets/queries";
import { createActual, createPlan } from "@/tests/factories/finance";
import { createOrg, createUnit } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// The fiscal-year picker of the budgets page: every year with plan or ledger lines (read from the
// plan and the ledger summary by index), plus the current one, newest first; never another org's.

const db = testDb();
const today = new Date("2026-06-15T12:00:00Z");
let orgId: string;
let unitId: string;

beforeAll(async () => {
  await resetDb();
  orgId = (await createOrg(db, { fiscalYearStartMonth: 4 })).id;
  unitId = (await createUnit(db, orgId)).id;
  const other = await createOrg(db);
  await createActual(db, other.id, (await createUnit(db, other.id)).id, "2031-01-10", "SOFTWARE", 1n);
});

describe("listBudgetFiscalYears", () => {
  it("is the current fiscal year alone when there is nothing yet (another org's lines do not count)", async () => {
    // April start: 2026-06-15 is in FY2027.
    expect(await listBudgetFiscalYears(orgId, 4, today)).toEqual([2027]);
  });

  it("spans the earliest plan month to the latest ledger month, by fiscal year", async () => {
    await createPlan(db, orgId, unitId, "2024-03-01", "SOFTWARE", 100n); // FY2024
    await createActual(db, orgId, unitId, "2028-04-02", "TRAVEL", 5n); // FY2029
    expect(await listBudgetFiscalYears(orgId, 4, today)).toEqual([2029, 2028, 2027, 2026, 2025, 2024]);
  });

  it("follows the ledger when its lines go (the summary cell is removed)", async () => {
    await db.actualEntry.deleteMany({ where: { orgId } });
    expect(await listBudgetFiscalYears(orgId, 4, today)).toEqual([2027, 2026, 2025, 2024]);
  });
});
