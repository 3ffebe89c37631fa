import { beforeEach, describe, expect, it } from "vitest";

import { financeExportCsv } from "@/lib/budgets/export";
import { linesTotals, linesScope } from "@/lib/budgets/lines";
import { parseLinesParams } from "@/lib/budgets/lines-params";
import { getFinanceView, type FinanceScope, type FinanceTreeRow } from "@/lib/budgets/rollup";
import { moveUnit } from "@/lib/org/move-unit";
import { createActual, createPlan } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// Money views after a reorg (docs/figures.md "Tree basis"): restated, a closed period rolls up
// along today's tree; "as it was", along the tree of the period's last day, which gives exactly
// the figures the period showed before the move. Both are checked against SQL written here by
// hand over the closure table (before the move, and after it).
//   division ─ deptA ─ teamA   teamA moves under deptB today
//            └ deptB ─ teamB
// Calendar fiscal year; FY2025 (Jan–Dec 2025) has closed.

const db = testDb();
const now = new Date();
let f: Awaited<ReturnType<typeof createOrgWithRoles>>;

beforeEach(async () => {
  await resetDb();
  f = await createOrgWithRoles(db);
  const { org, units } = f;
  // Every unit has had its place since 2024 (as the migration and the seed record it).
  await db.$executeRaw`
    INSERT INTO "OrgUnitHistory" ("id", "orgId", "unitId", "parentId", "name", "code", "kind", "leadId", "change", "effectiveFrom")
    SELECT gen_random_uuid()::text, "orgId", "id", "parentId", "name", "code", "kind", "leadId", 'created', '2024-01-01'::date FROM "OrgUnit" WHERE "orgId" = ${org.id}`;
  await createPlan(db, org.id, units.teamA.id, "2025-03-01", "SOFTWARE", 100_001n);
  await createPlan(db, org.id, units.teamA.id, "2025-11-01", "PERSONNEL", 1_234_567n);
  await createActual(db, org.id, units.teamA.id, "2025-03-14", "SOFTWARE", 98_765n);
  await createActual(db, org.id, units.teamA.id, "2025-11-30", "PERSONNEL", 1_300_001n);
  await createPlan(db, org.id, units.teamB.id, "2025-06-01", "CLOUD", 50_003n);
  await createActual(db, org.id, units.teamB.id, "2025-06-02", "CLOUD", 61_111n);
  await createActual(db, org.id, units.deptA.id, "2025-02-02", "TRAVEL", 30_007n);
  await createActual(db, org.id, units.deptB.id, "2025-12-31", "OTHER", -4_001n);
  // The next year (not closed): never "as it was".
  await createActual(db, org.id, units.teamA.id, "2026-01-05", "SOFTWARE", 7n);
});

const scope = (o: Partial<FinanceScope> = {}): FinanceScope => ({
  orgId: f.org.id,
  startMonth: 1,
  fiscalYear: 2025,
  period: "year",
  unitId: null,
  category: null,
  payReader: true,
  today: now,
  ...o,
});

type Sums = { plan: number; actual: number };

/** Plan and actual of every unit's subtree in FY2025, summed by hand along today's closure table. */
async function handSums(): Promise<Map<string, Sums>> {
  const rows = await db.$queryRaw<{ id: string; plan: bigint; actual: bigint }[]>`
    SELECT c."ancestorId" AS "id",
      (SELECT COALESCE(SUM(b."amountCents"), 0) FROM "BudgetLine" b JOIN "OrgUnitClosure" x ON x."descendantId" = b."orgUnitId"
        WHERE x."ancestorId" = c."ancestorId" AND b."month" BETWEEN '2025-01-01' AND '2025-12-01')::bigint AS "plan",
      (SELECT COALESCE(SUM(a."amountCents"), 0) FROM "ActualEntry" a JOIN "OrgUnitClosure" x ON x."descendantId" = a."orgUnitId"
        WHERE x."ancestorId" = c."ancestorId" AND a."bookedOn" BETWEEN '2025-01-01' AND '2025-12-31')::bigint AS "actual"
    FROM "OrgUnitClosure" c WHERE c."orgId" = ${f.org.id} GROUP BY c."ancestorId"`;
  return new Map(rows.map((r) => [r.id, { plan: Number(r.plan), actual: Number(r.actual) }]));
}

const sums = (rows: FinanceTreeRow[]) => new Map(rows.map((r) => [r.id, { plan: r.planCents, actual: r.actualCents }]));
const shape = (rows: FinanceTreeRow[]) =>
  rows.map((r) => [r.id, r.parentId, r.depth, r.planCents, r.actualCents, r.forecastCents, r.varianceCents]);

async function moveTeamA() {
  const director = f.members.director.user.id;
  const r = await moveUnit.run(director, f.org.slug, { unitId: f.units.teamA.id, version: 1, parentId: f.units.deptB.id });
  expect(r).toMatchObject({ ok: true });
}

describe("money views restated and as it was", () => {
  it("after a move: restated follows the new tree to the cent, as it was equals the figures before the move", async () => {
    const { deptA, deptB, teamA, division } = f.units;
    const sqlBefore = await handSums();
    const before = await getFinanceView(scope());
    const beforeDeptA = await getFinanceView(scope({ unitId: deptA.id }));
    // The rollup agrees with the hand-written SQL before anything moves.
    expect(sums(before.tree)).toEqual(sqlBefore);
    expect(sqlBefore.get(deptA.id)).toEqual({ plan: 100_001 + 1_234_567, actual: 98_765 + 1_300_001 + 30_007 });
    // "As it was" of a period before any change is the restated view.
    expect(shape((await getFinanceView(scope({ tree: "asof" }))).tree)).toEqual(shape(before.tree));

    await moveTeamA();

    const sqlAfter = await handSums();
    expect(sqlAfter.get(deptB.id)).toEqual({ plan: 50_003 + 100_001 + 1_234_567, actual: 61_111 - 4_001 + 98_765 + 1_300_001 });
    expect(sqlAfter.get(deptA.id)).toEqual({ plan: 0, actual: 30_007 });
    expect(sqlAfter.get(division.id)).toEqual(sqlBefore.get(division.id));

    const restated = await getFinanceView(scope());
    expect(restated.basis).toEqual({ mode: "restated", asofRefused: false });
    expect(sums(restated.tree)).toEqual(sqlAfter);
    expect(restated.tree.find((r) => r.id === teamA.id)?.parentId).toBe(deptB.id);

    const asof = await getFinanceView(scope({ tree: "asof" }));
    expect(asof.basis).toEqual({ mode: "asof", on: "2025-12-31" });
    expect(sums(asof.tree)).toEqual(sqlBefore);
    expect(shape(asof.tree)).toEqual(shape(before.tree));
    expect(asof.totals).toEqual(before.totals);
    // A subtree scope: deptA as it was still holds teamA; restated, it no longer does.
    const asofDeptA = await getFinanceView(scope({ unitId: deptA.id, tree: "asof" }));
    expect(asofDeptA.totals).toEqual(beforeDeptA.totals);
    expect(asofDeptA.categories).toEqual(beforeDeptA.categories);
    expect(asofDeptA.months).toEqual(beforeDeptA.months);
    expect((await getFinanceView(scope({ unitId: deptA.id }))).totals.actualCents).toBe(30_007);
    // The dashboard's children of the whole org and of deptB follow the same tree.
    const kids = await getFinanceView(scope({ unitId: deptB.id, tree: "asof" }), { parts: ["children"] });
    expect(kids.tree.map((r) => r.id)).toEqual([f.units.teamB.id]);
  });

  it("the ledger lines behind an as-it-was figure are the ones it sums; the export says which tree", async () => {
    const { deptA } = f.units;
    await moveTeamA();
    const asof = await getFinanceView(scope({ unitId: deptA.id, tree: "asof" }));
    const sp = new URLSearchParams({ unit: deptA.id, from: "2025-01", to: "2025-12", tree: "asof" });
    const parsed = parseLinesParams(sp, 1, now);
    expect(parsed.filters.asof).toBe("2025-12-31");
    expect(parsed.ignored).toEqual([]);
    const totals = await linesTotals(linesScope(f.org.id, { readsPay: true }, parsed.filters));
    expect(Number(totals.amountCents)).toBe(asof.totals.actualCents);
    expect(totals.count).toBe(3);
    const restatedLines = parseLinesParams(new URLSearchParams({ unit: deptA.id, from: "2025-01", to: "2025-12" }), 1, now);
    expect((await linesTotals(linesScope(f.org.id, { readsPay: true }, restatedLines.filters))).count).toBe(1);

    const member = { org: { id: f.org.id, slug: f.org.slug, fiscalYearStartMonth: 1 }, readsPay: true };
    const params = { fiscalYear: 2025, period: "year" as const, unitId: deptA.id, category: null };
    expect((await financeExportCsv(member, { ...params, tree: "asof" }, "tree", now))?.fileName).toMatch(/-as-it-was-org-tree\.csv$/);
    expect((await financeExportCsv(member, params, "tree", now))?.fileName).toMatch(/-restated-org-tree\.csv$/);
  });

  it("a period that has not closed stays restated and says why", async () => {
    await moveTeamA();
    const open = await getFinanceView(scope({ fiscalYear: now.getUTCFullYear() + 1, tree: "asof" }));
    expect(open.basis).toEqual({ mode: "restated", asofRefused: true });
    const lines = parseLinesParams(new URLSearchParams({ from: `${now.getUTCFullYear() + 1}-01`, tree: "asof" }), 1, now);
    expect(lines.filters.asof ?? null).toBeNull();
    expect(lines.ignored.join(" ")).toMatch(/only for months that have closed/);
  });

  it("a reader without pay access sees no personnel figure of a unit whose subtree changed", async () => {
    const { deptA, deptB, division, teamA } = f.units;
    await moveTeamA();
    const asof = await getFinanceView(scope({ tree: "asof", payReader: false }));
    const row = (id: string) => asof.tree.find((r) => r.id === id)!;
    for (const id of [deptA.id, deptB.id]) {
      expect(row(id).actualCents).toBeNull();
      expect(row(id).withheld).toMatch(/as it was/);
    }
    // The whole org and a unit whose own subtree did not change are never withheld for that reason.
    for (const id of [division.id, teamA.id]) expect(row(id).withheld ?? "").not.toMatch(/as it was/);
    // Without personnel in the category, nothing is withheld.
    const cloud = await getFinanceView(scope({ tree: "asof", payReader: false, category: "SOFTWARE" }));
    expect(cloud.tree.find((r) => r.id === deptA.id)?.actualCents).toBe(98_765);
  });
});
