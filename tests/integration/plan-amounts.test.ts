import { beforeAll, describe, expect, it } from "vitest";

import { importPlan } from "@/lib/budgets/import-plan";
import { clearBudgetCell, setBudgetCell } from "@/lib/budgets/set-budget-cell";
import { createPlan, uploadCsv } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, tableFingerprints, testDb } from "@/tests/support/db";

// A plan amount is a decimal string and nothing else. Values that used to be coerced ("", null
// and [] became 0 and DELETED the line; "0x10" was stored as 16) are field errors naming the
// field, and the line already in the cell stays as it was. Removing a line is its own action.

const db = testDb();
let f: Awaited<ReturnType<typeof createOrgWithRoles>>;
const month = "2026-03-01";

beforeAll(async () => {
  await resetDb();
  f = await createOrgWithRoles(db);
  await createPlan(db, f.org.id, f.units.teamA.id, month, "CLOUD", 4_242n);
});

const set = (amount: unknown, who: "finance" | "manager" = "finance") =>
  setBudgetCell.run(f.members[who].user.id, f.org.slug, { orgUnitId: f.units.teamA.id, category: "CLOUD", month, amount });
const line = () =>
  db.budgetLine.findFirst({
    where: { orgId: f.org.id, orgUnitId: f.units.teamA.id, month: new Date(`${month}T00:00:00Z`), category: "CLOUD" },
  });

describe("plan cell amounts", () => {
  it.each<[string, unknown, RegExp]>([
    ["an empty string", "", /Enter an amount like 1234\.56, or clear the cell/],
    ["blanks", "   ", /Enter an amount like 1234\.56, or clear the cell/],
    ["null", null, /Enter an amount/],
    ["undefined (missing)", undefined, /Enter an amount/],
    ["an array", [], /Enter an amount/],
    ["an array with a number", [5], /Enter an amount/],
    ["an object", {}, /Enter an amount/],
    ["a number (cents or not, it is ambiguous)", 1234, /Enter an amount/],
    ["a boolean", true, /Enter an amount/],
    ["hex", "0x10", /digits, an optional minus sign and at most two decimals/],
    ["an exponent", "1e3", /digits, an optional minus sign/],
    ["Infinity", "Infinity", /digits, an optional minus sign/],
    ["NaN", "NaN", /digits, an optional minus sign/],
    ["three decimals", "12.345", /at most two decimals/],
    ["a negative with three decimals", "-0.001", /at most two decimals/],
    ["beyond the largest amount", "100000000000.01", /too large: at most 100,000,000,000\.00/],
    ["far beyond", "99999999999999999999999999", /too large/],
    ["bad grouping", "1,2,3", /digits, an optional minus sign/],
    ["two amounts", "1 2", /digits, an optional minus sign/],
  ])("refuses %s, naming the field, and leaves the cell's line as it was", async (_name, amount, message) => {
    const before = await tableFingerprints();
    const r = await set(amount);
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!r.ok) {
      expect(Object.keys(r.fieldErrors ?? {})).toEqual(["amount"]);
      expect(r.fieldErrors!.amount.join(" ")).toMatch(message);
    }
    expect(await tableFingerprints()).toEqual(before);
    expect((await line())?.amountCents).toBe(4_242n);
  });

  it.each<[string, bigint]>([
    ["1234.56", 123_456n],
    ["1,234.56", 123_456n],
    ["$1,234.5", 123_450n],
    [" 7 ", 700n],
    ["-80", -8_000n],
    ["(80.00)", -8_000n],
    ["100000000000.00", 10_000_000_000_000n],
    ["0", 0n],
  ])("stores %j as %s cents (0 is a line: a plan of nothing)", async (amount, cents) => {
    expect(await set(amount)).toMatchObject({ ok: true, data: { amountCents: Number(cents) } });
    expect((await line())?.amountCents).toBe(cents);
  });

  it("removing a line is the explicit clear action, audited; an empty cell cannot be cleared", async () => {
    await set("42.42");
    const key = { orgUnitId: f.units.teamA.id, category: "CLOUD", month };
    expect(await clearBudgetCell.run(f.members.viewer.user.id, f.org.slug, key)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await clearBudgetCell.run(f.members.finance.user.id, f.org.slug, key)).toMatchObject({ ok: true, data: { cleared: true } });
    expect(await line()).toBeNull();
    const [event] = await db.auditEvent.findMany({ where: { orgId: f.org.id, action: "budgets.cell.clear" } });
    expect(event.before).toMatchObject({ amountCents: "4242" });
    expect(event.after).toBeNull();
    const before = await tableFingerprints();
    expect(await clearBudgetCell.run(f.members.finance.user.id, f.org.slug, key)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
      message: "That plan cell is already empty.",
    });
    expect(await clearBudgetCell.run(f.members.finance.user.id, f.org.slug, { ...key, month: "2026-03-15", amount: "" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    expect(await tableFingerprints()).toEqual(before);
    await set("42.42");
  });
});

describe("plan CSV amounts", () => {
  it.each(["", "0x10", "1e3", "Infinity", "12.345", "1,2,3", "NaN", "--5", "100000000000.01"])(
    "refuses amount %j naming the row and the column, writing nothing",
    async (amount) => {
      const before = await tableFingerprints();
      const csv = `month,cost centre code,category,amount\n2026-05,${f.units.teamA.code},CLOUD,10.00\n2026-06,${f.units.teamA.code},CLOUD,"${amount}"\n`;
      const r = await importPlan.run(f.members.finance.user.id, f.org.slug, { uploadId: await uploadCsv(csv), fileName: "plan.csv" });
      expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
      if (!r.ok) expect(r.fieldErrors?.file).toEqual([`Row 3: amount "${amount}" is not an amount like 1234.56`]);
      expect(await tableFingerprints()).toEqual(before);
    },
  );
});
