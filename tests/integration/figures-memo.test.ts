import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";

import type { Member } from "@/lib/auth";
import { setBudgetCell } from "@/lib/budgets/set-budget-cell";
import { getDashboardScope, getDeliveryFigures, getMoneyFigures, getPeopleFigures, parseDashboardParams } from "@/lib/dashboard/director";
import { ASSUMPTION_TABLES, getForecastAssumptions } from "@/lib/budgets/assumptions-query";
import { FINANCE_TABLES } from "@/lib/budgets/rollup";
import { DELIVERY_TABLES } from "@/lib/dashboard/delivery-figures";
import { PEOPLE_TABLES } from "@/lib/dashboard/people-figures";
import { SCOPE_TABLES } from "@/lib/dashboard/director";
import { clearFiguresMemo, memoFigures, orgDataVersion, type DataTable } from "@/lib/figures-memo";
import { postStatusUpdate } from "@/lib/projects/post-status-update";
import { getDeliveryReview, REVIEW_TABLES, reviewScopeOf } from "@/lib/projects/review";
import { STORED_FIGURE_TABLES } from "@/lib/stored-figures";
import { firstRows, NONE } from "@/lib/projects/review-lists";
import { createActual, createPerson, createPlan } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";
import { tablesMentioned } from "@/tests/support/tables-read";

// The org data version (migration org_data_version) and the figures memoized on it
// (lib/figures-memo.ts): every table of org data notes its writes, the version moves once per
// committed transaction and only then, and a memoized figure after any write equals a fresh
// computation.

const db = testDb();
const now = new Date("2026-06-15T12:00:00Z");
let f: Awaited<ReturnType<typeof createOrgWithRoles>>;
let g: Awaited<ReturnType<typeof createOrgWithRoles>>;
let projectId: string;

/** The sum of the org's table versions: moves when any table of the org is written. */
const version = async (orgId: string) =>
  (await db.orgDataVersion.aggregate({ where: { orgId }, _sum: { version: true } }))._sum.version ?? 0n;
const tableVersion = async (orgId: string, tbl: string) =>
  (await db.orgDataVersion.findUnique({ where: { orgId_tbl: { orgId, tbl } } }))?.version ?? 0n;

beforeAll(async () => {
  await resetDb();
  f = await createOrgWithRoles(db);
  g = await createOrgWithRoles(db);
  const orgId = f.org.id;
  await createPerson(db, orgId, f.units.teamA.id, 12_000_000n);
  await createPlan(db, orgId, f.units.teamA.id, "2026-05-01", "SOFTWARE", 100_000n);
  await createActual(db, orgId, f.units.teamA.id, "2026-05-10", "SOFTWARE", 123_456n);
  const p = await db.project.create({
    data: {
      orgId,
      orgUnitId: f.units.teamA.id,
      name: "Memo project",
      status: "ACTIVE",
      health: "ON_TRACK",
      createdAt: new Date("2026-01-01"),
    },
  });
  projectId = p.id;
  // A project nobody has updated since January: stale on the 15th of June, escalated up its lead's line.
  const boss = await createPerson(db, orgId, f.units.deptA.id, 1n);
  const lead = await createPerson(db, orgId, f.units.teamA.id, 1n);
  await db.person.update({ where: { id: lead.id }, data: { managerId: boss.id } });
  await db.project.create({
    data: {
      orgId,
      orgUnitId: f.units.teamA.id,
      name: "Quiet project",
      status: "ACTIVE",
      health: "ON_TRACK",
      leadId: lead.id,
      createdAt: new Date("2026-01-01"),
    },
  });
});

describe("org data version", () => {
  it("every table with an orgId column (and Organization) has the insert, update and delete triggers", async () => {
    const tables = await db.$queryRaw<{ t: string }[]>`
      SELECT table_name AS t FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'orgId' AND table_name NOT IN ('OrgDataChange', 'OrgDataVersion', 'BudgetVarianceCheck')
      UNION SELECT 'Organization' ORDER BY 1`;
    expect(tables.length).toBeGreaterThan(15);
    const triggers = await db.$queryRaw<{ t: string; name: string }[]>`
      SELECT c.relname AS t, tg.tgname AS name FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
      WHERE NOT tg.tgisinternal AND tg.tgname LIKE '%org_change%'`;
    for (const { t } of tables) {
      const names = triggers
        .filter((x) => x.t === t)
        .map((x) => x.name)
        .sort();
      expect(names, t).toEqual([`${t}_org_change_delete`, `${t}_org_change_insert`, `${t}_org_change_update`]);
    }
  });

  it("moves once per committed transaction, at commit, for the orgs and tables written only", async () => {
    const [v0, w0, b0] = [await version(f.org.id), await version(g.org.id), await tableVersion(f.org.id, "BudgetLine")];
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(`UPDATE "Project" SET name = 'Renamed' WHERE id = $1`, [projectId]);
      await client.query(
        `INSERT INTO "Milestone" (id, "orgId", "projectId", name, "dueDate", "updatedAt") VALUES ('memo-ms', $1, $2, 'M', '2026-07-01', now())`,
        [f.org.id, projectId],
      );
      await client.query(`DELETE FROM "Milestone" WHERE id = 'memo-ms'`);
      // Not yet: another connection still sees the old version.
      expect(await version(f.org.id)).toBe(v0);
      await client.query("COMMIT");
      // Project and Milestone once each.
      expect(await version(f.org.id)).toBe(v0 + 2n);
      expect(await tableVersion(f.org.id, "BudgetLine")).toBe(b0);
      expect(await version(g.org.id)).toBe(w0);
      // A rolled-back transaction moves nothing.
      await client.query("BEGIN");
      await client.query(`UPDATE "Project" SET name = 'Again' WHERE id = $1`, [projectId]);
      await client.query("ROLLBACK");
      expect(await version(f.org.id)).toBe(v0 + 2n);
      // The notes never outlive their transaction.
      expect((await client.query(`SELECT count(*)::int AS n FROM "OrgDataChange"`)).rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });

  it("a user's name change moves each org the user belongs to; other user columns do not", async () => {
    const user = f.members.viewer.user;
    await db.membership.create({ data: { orgId: g.org.id, userId: user.id, role: "VIEWER" } });
    const [v0, w0] = [await version(f.org.id), await version(g.org.id)];
    await db.user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date() } });
    expect([await version(f.org.id), await version(g.org.id)]).toEqual([v0, w0]);
    await db.user.update({ where: { id: user.id }, data: { name: "Renamed Viewer" } });
    expect([await version(f.org.id), await version(g.org.id)]).toEqual([v0 + 1n, w0 + 1n]);
  });

  it("actions through the pipeline move the version of their org", async () => {
    const v0 = await version(f.org.id);
    const b0 = await tableVersion(f.org.id, "BudgetLine");
    const r = await setBudgetCell.run(f.members.finance.user.id, f.org.slug, {
      orgUnitId: f.units.teamB.id,
      category: "CLOUD",
      month: "2026-06-01",
      amount: "50.00",
    });
    expect(r.ok).toBe(true);
    // The budget line, its summary cell (MoneyMonthly, written by the line's trigger), the audit
    // event, and the stored forecast's cells and state (lib/stored-figures).
    expect(await tableVersion(f.org.id, "BudgetLine")).toBe(b0 + 1n);
    expect(await version(f.org.id)).toBe(v0 + 5n);
    // A refused action writes nothing and moves nothing.
    const refused = await setBudgetCell.run(f.members.viewer.user.id, f.org.slug, {
      orgUnitId: f.units.teamB.id,
      category: "CLOUD",
      month: "2026-06-01",
      amount: "0.01",
    });
    expect(refused.ok).toBe(false);
    expect(await version(f.org.id)).toBe(v0 + 5n);
  });
});

describe("memoized figures", () => {
  const params = () => parseDashboardParams({ fy: "2026", period: "q2" }, 1, now);
  const member = (who: "director" | "manager"): Member =>
    ({
      user: { id: f.members[who].user.id },
      org: { id: f.org.id },
      role: who === "director" ? "DIRECTOR" : "MANAGER",
      scopeUnitId: f.members[who].membership.scopeUnitId,
    }) as Member;
  const review = (who: "director" | "manager") =>
    getDeliveryReview(
      reviewScopeOf(member(who)),
      { atRisk: firstRows(8), due: NONE, stale: firstRows(8), awaiting: firstRows(5), mine: NONE },
      now,
    );
  const all = () =>
    Promise.all([
      getMoneyFigures(f.org.id, 1, true, params(), now),
      getMoneyFigures(f.org.id, 1, false, params(), now),
      getDeliveryFigures(f.org.id, null, now),
      getPeopleFigures(f.org.id, 1, params(), now),
      getDashboardScope(f.org.id, f.units.deptA.id),
      review("director"),
      review("manager"),
    ]);
  /** The same figures computed afresh (memo emptied first). */
  const fresh = async () => {
    clearFiguresMemo();
    return all();
  };

  it("returns the same frozen result while nothing changes", async () => {
    const a = await all();
    const b = await all();
    // getMoneyFigures assembles the memoized views with the (unmemoized) renewals.
    expect(b[0].year).toBe(a[0].year);
    expect(b[0].months).toBe(a[0].months);
    for (let i = 2; i < a.length; i++) expect(b[i], `figure ${i}`).toBe(a[i]);
    const money = a[0];
    expect(Object.isFrozen(money.year)).toBe(true);
    expect(() => (money.months as unknown as unknown[]).push(1)).toThrow(TypeError);
    // Another day is another key.
    const tomorrow = await getDeliveryFigures(f.org.id, null, new Date("2026-06-16T08:00:00Z"));
    expect(tomorrow).not.toBe(a[2]);
  });

  it("after a write through the pipeline, every figure equals a fresh computation", async () => {
    const before = await all();
    const r = await postStatusUpdate.run(f.members.director.user.id, f.org.slug, {
      projectId,
      health: "OFF_TRACK",
      summary: "Slipped",
      overrideReason: "Vendor",
    });
    expect(r.ok).toBe(true);
    const s = await setBudgetCell.run(f.members.finance.user.id, f.org.slug, {
      orgUnitId: f.units.teamA.id,
      category: "SOFTWARE",
      month: "2026-05-01",
      amount: "2500.00",
    });
    expect(s.ok).toBe(true);
    const after = await all();
    expect(after[2].health.OFF_TRACK).toBe(before[2].health.OFF_TRACK + 1);
    expect(after[0].period.planCents).toBe(before[0].period.planCents! + 150_000);
    expect(after[5].counts.atRisk).toBe(before[5].counts.atRisk + 1);
    expect(after).toEqual(await fresh());
  });

  it("after rows written without the pipeline (a script, psql), every figure equals a fresh computation", async () => {
    const before = await all();
    await createActual(db, f.org.id, f.units.teamB.id, "2026-05-20", "CLOUD", 77_700n);
    await createPerson(db, f.org.id, f.units.deptA.id, 9_000_000n);
    await db.orgUnit.update({ where: { id: f.units.teamA.id }, data: { name: "Team Renamed" } });
    const after = await all();
    expect(after[0].period.actualCents).toBe(before[0].period.actualCents! + 77_700);
    expect(after[4]!.children.map((u) => u.name)).toContain("Team Renamed");
    expect(after).toEqual(await fresh());
  });

  it("a write in another org leaves this org's figures memoized", async () => {
    const a = await all();
    await createActual(db, g.org.id, g.units.teamA.id, "2026-05-20", "CLOUD", 1n);
    const b = await all();
    expect(b[0].year).toBe(a[0].year);
    for (let i = 2; i < a.length; i++) expect(b[i], `figure ${i}`).toBe(a[i]);
  });

  it("a status update recomputes the delivery figures and the review, not the money or people figures", async () => {
    const a = await all();
    const r = await postStatusUpdate.run(f.members.director.user.id, f.org.slug, {
      projectId,
      health: "AT_RISK",
      summary: "Better",
      overrideReason: "Vendor back",
    });
    expect(r.ok).toBe(true);
    const b = await all();
    expect(b[0].year).toBe(a[0].year);
    expect(b[3]).toBe(a[3]);
    expect(b[4]).toBe(a[4]);
    expect(b[2]).not.toBe(a[2]);
    expect(b[5]).not.toBe(a[5]);
    expect(b[2].health.AT_RISK).toBe(a[2].health.AT_RISK + 1);
    expect(b).toEqual(await fresh());
  });

  it("is filed under the version read before computing: a write during the computation is seen by the next read", async () => {
    let runs = 0;
    const compute = async () => {
      runs++;
      // A write that commits while the figures are being computed.
      await db.orgUnit.update({ where: { id: f.units.teamB.id }, data: { name: `Team B ${runs}` } });
      return (await db.orgUnit.findUniqueOrThrow({ where: { id: f.units.teamB.id } })).name;
    };
    const first = await memoFigures(f.org.id, "test-race", [], ["OrgUnit"], compute);
    expect(first).toBe("Team B 1");
    const second = await memoFigures(f.org.id, "test-race", [], ["OrgUnit"], compute);
    expect(runs).toBe(2);
    expect(second).toBe("Team B 2");
  });

  it("KEEL_FIGURES_MEMO=off computes every time", async () => {
    let runs = 0;
    process.env.KEEL_FIGURES_MEMO = "off";
    try {
      await memoFigures(f.org.id, "test-off", [], ["OrgUnit"], async () => ++runs);
      await memoFigures(f.org.id, "test-off", [], ["OrgUnit"], async () => ++runs);
    } finally {
      delete process.env.KEEL_FIGURES_MEMO;
    }
    expect(runs).toBe(2);
  });

  it("concurrent requests at one version share one computation", async () => {
    let runs = 0;
    const compute = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 20));
      return { n: runs };
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => memoFigures(f.org.id, "test-flight", [], ["OrgUnit"], compute)));
    expect(runs).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(await orgDataVersion(f.org.id, ["OrgUnit", "Project"])).toBe(
      (await tableVersion(f.org.id, "OrgUnit")) + (await tableVersion(f.org.id, "Project")),
    );
  });
});

describe("memoized figures name every table they read", () => {
  // Each computation's SQL, recorded at the driver: every table it mentions must be among the
  // tables whose versions file it, or a write to that table would leave it stale.
  async function tablesRead(read: () => Promise<unknown>): Promise<string[]> {
    const { tables, statements } = await tablesMentioned(db, () => {
      clearFiguresMemo();
      return read();
    });
    expect(statements).toBeGreaterThan(1);
    return tables.filter((t) => t !== "OrgDataVersion");
  }
  const params = (unitId: string | null) => ({ ...parseDashboardParams({ fy: "2026", period: "q2" }, 1, now), unitId });
  const member = (role: "DIRECTOR" | "MANAGER", scopeUnitId: string | null): Member =>
    ({ user: { id: f.members.director.user.id }, org: { id: f.org.id }, role, scopeUnitId }) as Member;
  const finance = (role: string, unitId: string | null) => ({
    orgId: f.org.id,
    startMonth: 1,
    fiscalYear: 2026,
    period: "year" as const,
    unitId,
    category: null,
    payReader: role === "DIRECTOR",
    today: now,
  });
  const cases: [string, readonly DataTable[], () => Promise<unknown>][] = [
    ["forecast assumptions", ASSUMPTION_TABLES, () => getForecastAssumptions(f.org.id)],
  ];
  for (const unit of [null, "deptA"] as const) {
    const unitId = () => (unit ? f.units[unit].id : null);
    cases.push(
      [`scope ${unit}`, SCOPE_TABLES, () => getDashboardScope(f.org.id, unitId())],
      [`delivery ${unit}`, DELIVERY_TABLES, () => getDeliveryFigures(f.org.id, unitId(), now)],
      [`people ${unit}`, PEOPLE_TABLES, () => getPeopleFigures(f.org.id, 1, params(unitId()), now)],
      [
        `review ${unit}`,
        REVIEW_TABLES,
        () =>
          getDeliveryReview(
            reviewScopeOf(member(unit ? "MANAGER" : "DIRECTOR", unitId())),
            { atRisk: firstRows(8), due: firstRows(8), stale: firstRows(8), awaiting: firstRows(5), mine: firstRows(5) },
            now,
          ),
      ],
    );
    for (const role of ["DIRECTOR", "MANAGER"]) {
      cases.push([
        `finance ${role} ${unit}`,
        FINANCE_TABLES,
        () =>
          import("@/lib/budgets/rollup").then((m) =>
            m.getFinanceViews(finance(role, unitId()), [
              { period: "q2", parts: ["categories", "tree", "months", "top"] },
              { period: "year", parts: ["children", "months"] },
            ]),
          ),
      ]);
    }
  }
  it.each(cases)("%s", async (_name, declared, read) => {
    const read_ = await tablesRead(read);
    // Stored figures are read only while current with the figure's tables (lib/stored-figures).
    expect(read_.filter((t) => !declared.includes(t as DataTable) && !STORED_FIGURE_TABLES.includes(t as DataTable))).toEqual([]);
  });

  it("the review's stale list (reporting lines) is part of what is checked", async () => {
    const r = await getDeliveryReview(
      reviewScopeOf(member("DIRECTOR", null)),
      { atRisk: firstRows(8), due: firstRows(8), stale: firstRows(8), awaiting: firstRows(5), mine: firstRows(5) },
      now,
    );
    expect(r.stale.map((p) => p.name)).toContain("Quiet project");
    expect(r.stale.find((p) => p.name === "Quiet project")?.escalatedTo).not.toBeNull();
  });
});
