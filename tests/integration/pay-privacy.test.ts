import { beforeAll, describe, expect, it } from "vitest";

import type { PeriodKey } from "@/lib/budgets/period";
import { getFinanceView, type FinanceScope } from "@/lib/budgets/rollup";
import { createPosition } from "@/lib/headcount/create-position";
import { fillPosition } from "@/lib/headcount/fill-position";
import { unfilledCostByUnit } from "@/lib/headcount/plan";
import { listPositions } from "@/lib/headcount/queries";
import { transitionPosition } from "@/lib/headcount/transition-position";
import { updatePosition } from "@/lib/headcount/update-position";
import { setEndDate } from "@/lib/people/set-end-date";
import { readsPay } from "@/lib/permissions";
import { updatePayPrivacy } from "@/lib/settings/update-pay-privacy";
import { createActual, createPerson, createPlan } from "@/tests/factories/finance";
import { createOrgWithRoles, createUnit } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";
import { exposure, iso, MONTHS_2026, QUARTERS_2026, yearScope } from "@/tests/support/pay-attack";

// The known attacks on individual pay, replayed as every role without pay access (docs/privacy.md):
// differences between adjacent periods of every figure they can read, before/after a fill, a
// departure with backfill, the band/version oracle. A "derived" figure is the naive estimate an
// attacker who knows the dates makes: |Δ figure| ÷ |Δ the person's months in post| × 12 ÷ the
// loaded-cost multiplier. None may land within ±25% of the true pay. The same attack run as a
// director (who may read pay) does find it: the test can fail.

const db = testDb();
const MULT = 1.3;
// Calendar fiscal year 2026; today is early January, so every month of the year is forecast from
// the roster (the cleanest series an attacker could get).
const today = new Date("2026-01-10T12:00:00Z");
const NO_PAY = ["FINANCE", "MANAGER", "VIEWER"] as const;

let f: Awaited<ReturnType<typeof createOrgWithRoles>>;
let teamC: { id: string };
const targets: { who: string; pay: number; start: string; end: string | null }[] = [];

const scope = (payReader: boolean, over: Partial<FinanceScope> = {}) => yearScope(f.org.id, payReader, today, over);
const MONTHS = MONTHS_2026;
const QUARTERS = QUARTERS_2026;

/** Every adjacent pair of figures the reader can read, with the periods they cover. */
async function adjacentPairs(
  payReader: boolean,
): Promise<{ label: string; a: number; b: number; from: [string, string]; to: [string, string] }[]> {
  const units = [null, ...Object.values(f.units).map((u) => u.id), teamC.id];
  const pairs: { label: string; a: number; b: number; from: [string, string]; to: [string, string] }[] = [];
  for (const category of [null, "PERSONNEL"] as const) {
    for (const series of [MONTHS, QUARTERS]) {
      const views = await Promise.all(series.map((p) => getFinanceView(scope(payReader, { period: p.key, category }))));
      for (const unit of units) {
        for (const field of ["actualCents", "forecastCents", "planCents"] as const) {
          const values = views.map((v) => (unit === null ? v.totals : v.tree.find((r) => r.id === unit))?.[field] ?? null);
          for (let i = 0; i + 1 < series.length; i++) {
            const [a, b] = [values[i], values[i + 1]];
            if (a !== null && b !== null)
              pairs.push({
                label: `${category ?? "all"} ${unit ?? "org"} ${field} ${series[i].key}→${series[i + 1].key}`,
                a,
                b,
                from: [series[i].from, series[i].to],
                to: [series[i + 1].from, series[i + 1].to],
              });
          }
        }
      }
    }
    // The year view's months (the burn chart and its CSV), for every scope.
    for (const unit of units) {
      const v = await getFinanceView(scope(payReader, { unitId: unit, category }));
      for (const field of ["forecastCents", "cumForecastCents"] as const) {
        for (let i = 0; i + 1 < v.months.length; i++) {
          const [a, b] = [v.months[i][field], v.months[i + 1][field]];
          if (a === null || b === null) continue;
          // A running total's step is the later month itself.
          const cum = field === "cumForecastCents";
          pairs.push({
            label: `${category ?? "all"} ${unit ?? "org"} months ${field} ${i}→${i + 1}`,
            a: cum ? 0 : a,
            b: cum ? b - a : b,
            from: [MONTHS[i].from, MONTHS[i].to],
            to: [MONTHS[i + 1].from, MONTHS[i + 1].to],
          });
        }
      }
    }
  }
  return pairs;
}

/** The naive estimates of each target's annual pay (cents) from the pairs, and whether one lands within ±25%. */
function derived(pairs: Awaited<ReturnType<typeof adjacentPairs>>) {
  const hits: string[] = [];
  for (const t of targets) {
    for (const p of pairs) {
      const de = exposure(t, p.to[0], p.to[1]) - exposure(t, p.from[0], p.from[1]);
      if (Math.abs(de) < 1e-9) continue;
      const estimate = ((Math.abs(p.b - p.a) / Math.abs(de)) * 12) / MULT;
      if (Math.abs(estimate - t.pay) <= 0.25 * t.pay) hits.push(`${t.who} ≈ ${Math.round(estimate)} from ${p.label}`);
    }
  }
  return hits;
}

beforeAll(async () => {
  await resetDb();
  f = await createOrgWithRoles(db);
  const { org, units } = f;
  teamC = await createUnit(db, org.id, { parentId: units.deptB.id });
  const person = async (unit: string, pay: number, opts: { start?: string; end?: string } = {}, who = "") => {
    const p = await createPerson(db, org.id, unit, BigInt(pay), opts);
    if (who) targets.push({ who, pay, start: opts.start ?? "2020-01-01", end: opts.end ?? null });
    return p;
  };
  // teamA: 6 people; one leaves on March 3 (the leaver whose pay the attack wants).
  for (let i = 0; i < 5; i++) await person(f.units.teamA.id, 140_000_00 + i * 3_000_00);
  await person(units.teamA.id, 150_000_00, { end: "2026-03-03" }, "leaver");
  // teamB: 5 people; one joins on April 30.
  for (let i = 0; i < 5; i++) await person(units.teamB.id, 135_000_00 + i * 2_000_00);
  await person(units.teamB.id, 130_000_00, { start: "2026-04-30" }, "joiner");
  // teamC: 4 people; the division and departments: 2 each of their own.
  for (let i = 0; i < 4; i++) await person(teamC.id, 150_000_00 + i * 1_000_00);
  for (const u of [units.division.id, units.deptA.id, units.deptB.id])
    for (let i = 0; i < 2; i++) await person(u, 200_000_00 + i * 10_000_00);
  // A little non-personnel plan so totals are not personnel alone.
  for (let m = 1; m <= 12; m++) await createPlan(db, org.id, units.teamA.id, iso(2026, m), "SOFTWARE", 5_000_00n);
});

describe("pay cannot be derived by differencing", () => {
  it("the attack finds the leaver's pay as a director (the test can fail)", async () => {
    expect(derived(await adjacentPairs(true)).some((h) => h.startsWith("leaver"))).toBe(true);
  });

  it.each(NO_PAY)("as %s, no adjacent periods of any figure show the leaver's or the joiner's pay", async (role) => {
    expect(readsPay(role, { financeReadsPay: false })).toBe(false);
    expect(derived(await adjacentPairs(false))).toEqual([]);
  });

  it("every figure a reader without pay access sees equals the director's (same totals, or a dash)", async () => {
    const units = [null, ...Object.values(f.units).map((u) => u.id), teamC.id];
    let compared = 0;
    for (const period of ["year", "q1", "q2", "m3", "ytd"] as PeriodKey[]) {
      for (const unitId of units) {
        const [dir, blind] = await Promise.all([
          getFinanceView(scope(true, { period, unitId })),
          getFinanceView(scope(false, { period, unitId })),
        ]);
        for (const [d, b] of [
          [dir.totals, blind.totals],
          ...dir.tree.map((r) => [r, blind.tree.find((x) => x.id === r.id)!] as const),
        ] as const) {
          for (const k of ["planCents", "actualCents", "forecastCents", "varianceCents"] as const) {
            if (b[k] === null) expect(b.withheld, `${period} ${unitId} ${k}`).toBeTruthy();
            else {
              expect(b[k], `${period} ${unitId} ${k}`).toBe(d[k]);
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});

describe("before and after an action", () => {
  it("filling a position moves no figure a reader without pay access can see by the hire's pay", async () => {
    const { org, units, members } = f;
    const created = await createPosition.run(members.director.user.id, org.slug, {
      orgUnitId: teamC.id,
      title: "Engineer",
      level: "L3",
      targetStartDate: "2026-02-01",
      compensation: "171234",
      budgetFiscalYear: 2026,
      budgetFiscalQuarter: "1",
    });
    expect(created).toMatchObject({ ok: true });
    if (!created.ok) return;
    const read = async () =>
      JSON.stringify([
        await unfilledCostByUnit(org.id, null, { readsPay: false }),
        await unfilledCostByUnit(org.id, units.deptB.id, { readsPay: false }),
        await listPositions(org.id, { readsPay: false }),
      ]);
    const planned = await db.position.findUniqueOrThrow({ where: { id: created.data.positionId } });
    expect(
      await transitionPosition.run(members.director.user.id, org.slug, { positionId: planned.id, version: planned.version, event: "open" }),
    ).toMatchObject({ ok: true });
    const before = await read();
    const position = await db.position.findUniqueOrThrow({ where: { id: created.data.positionId } });
    const filled = await fillPosition.run(members.director.user.id, org.slug, {
      mode: "new",
      positionId: position.id,
      version: position.version,
      name: "New Hire",
      startDate: "2026-02-01",
    });
    expect(filled).toMatchObject({ ok: true });
    const after = await read();
    for (const payload of [before, after]) {
      expect(payload).not.toMatch(/171234|17123400|annualComp/);
      expect(JSON.parse(payload)[0].every((r: { monthlyLoadedCostCents: unknown }) => r.monthlyLoadedCostCents === null)).toBe(true);
    }
    // A pay reader still sees the cost.
    expect((await unfilledCostByUnit(org.id, null, { readsPay: true }))[0].monthlyLoadedCostCents).not.toBeNull();
  });

  it("a departure recorded without pay access creates a backfill that does not carry the leaver's pay", async () => {
    const { org, members } = f;
    // The manager's scope is deptA: a teamA member leaves.
    const leaver = await createPerson(db, org.id, f.units.teamA.id, 187_654_00n);
    const r = await setEndDate.run(members.manager.user.id, org.slug, {
      personId: leaver.id,
      version: leaver.version,
      endDate: "2026-05-31",
      vacancy: "backfill",
    });
    expect(r.ok).toBe(true);
    const backfill = await db.position.findFirstOrThrow({ where: { orgId: org.id, backfillForId: leaver.id } });
    expect(backfill.compIsEstimate).toBe(true);
    expect(backfill.annualCompCents).not.toBe(187_654_00n);
    expect(Number(backfill.annualCompCents) % 100_000).toBe(0);
    expect(JSON.stringify(await listPositions(org.id, { readsPay: false }))).not.toMatch(/18765400|annualComp/);
    // A director recording a departure keeps the leaver's pay on the seat (they may read it).
    const other = await createPerson(db, org.id, f.units.teamA.id, 123_456_00n);
    expect(
      (
        await setEndDate.run(members.director.user.id, org.slug, {
          personId: other.id,
          version: other.version,
          endDate: "2026-05-31",
          vacancy: "backfill",
        })
      ).ok,
    ).toBe(true);
    expect(await db.position.findFirstOrThrow({ where: { orgId: org.id, backfillForId: other.id } })).toMatchObject({
      annualCompCents: 123_456_00n,
      compIsEstimate: false,
    });
  });

  it("the band/version oracle is closed: a stale version is a conflict, and a refusal never depends on the stored pay", async () => {
    const { org, members } = f;
    const manager = members.manager.user.id;
    const input = (pay: string) => ({
      orgUnitId: f.units.teamA.id,
      title: "Engineer",
      level: "L3",
      targetStartDate: "2026-03-01",
      compensation: pay,
      budgetFiscalYear: 2026,
      budgetFiscalQuarter: "1",
    });
    // Two positions whose stored pay sits inside and outside the band the manager will try.
    const low = await createPosition.run(members.director.user.id, org.slug, input("100000"));
    const high = await createPosition.run(members.director.user.id, org.slug, input("200000"));
    if (!low.ok || !high.ok) throw new Error("setup");
    const answers = [];
    for (const id of [low.data.positionId, high.data.positionId]) {
      const p = await db.position.findUniqueOrThrow({ where: { id } });
      const edit = { positionId: id, title: "Engineer", level: "L3", budgetFiscalYear: 2026, compBandMin: "150000", compBandMax: "250000" };
      // A stale version: the conflict comes first, whatever the band.
      const stale = await updatePosition.run(manager, org.slug, { ...edit, version: p.version + 5 });
      expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
      answers.push(JSON.stringify(stale), JSON.stringify(await updatePosition.run(manager, org.slug, { ...edit, version: p.version })));
    }
    // The same answers for pay inside and outside the band: nothing to learn from them.
    expect(answers[0]).toBe(answers[2]);
    expect(answers[1]).toBe(answers[3]);
    expect(answers[1]).toMatch(/enter the pay and both ends of the band together/);
    // With pay and band together, only what the manager typed is checked.
    const p = await db.position.findUniqueOrThrow({ where: { id: high.data.positionId } });
    const ok = await updatePosition.run(manager, org.slug, {
      positionId: p.id,
      version: p.version,
      title: "Engineer",
      level: "L3",
      budgetFiscalYear: 2026,
      compensation: "160000",
      compBandMin: "150000",
      compBandMax: "250000",
    });
    expect(ok.ok).toBe(true);
  });
});

describe("pay privacy settings", () => {
  it("admins and directors set the minimum group and whether finance reads pay; bad input names the field and writes nothing", async () => {
    const { org, members } = f;
    const fresh = async () =>
      db.organization.findUniqueOrThrow({
        where: { id: org.id },
        select: { payMinGroupSize: true, financeReadsPay: true, updatedAt: true },
      });
    const before = await fresh();
    for (const [payMinGroupSize, message] of [
      ["2", /at least 3/],
      ["51", /at most 50/],
      ["x", /number of people/],
      ["3.5", /whole number/],
    ] as const) {
      const r = await updatePayPrivacy.run(members.director.user.id, org.slug, {
        payMinGroupSize,
        expectedUpdatedAt: before.updatedAt.toISOString(),
      });
      expect(r.ok ? null : r.fieldErrors?.payMinGroupSize?.[0]).toMatch(message);
    }
    expect(await fresh()).toEqual(before);
    expect(
      await updatePayPrivacy.run(members.finance.user.id, org.slug, {
        payMinGroupSize: 3,
        financeReadsPay: "on",
        expectedUpdatedAt: before.updatedAt.toISOString(),
      }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const ok = await updatePayPrivacy.run(members.admin.user.id, org.slug, {
      payMinGroupSize: "4",
      financeReadsPay: "on",
      expectedUpdatedAt: before.updatedAt.toISOString(),
    });
    expect(ok.ok).toBe(true);
    const after = await fresh();
    expect(after).toMatchObject({ payMinGroupSize: 4, financeReadsPay: true });
    expect(readsPay("FINANCE", after)).toBe(true);
    expect(readsPay("VIEWER", after)).toBe(false);
    // A second save from the same opened form is a conflict, not an overwrite.
    expect(
      await updatePayPrivacy.run(members.admin.user.id, org.slug, {
        payMinGroupSize: 5,
        expectedUpdatedAt: before.updatedAt.toISOString(),
      }),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
    await db.organization.update({ where: { id: org.id }, data: { payMinGroupSize: 3, financeReadsPay: false } });
  });
});

describe("top variances for a reader without pay access", () => {
  it("lists the largest variances it may see, not an empty list when withheld Personnel variances are the largest", async () => {
    // Personnel variances dwarf the rest (no personnel plan at all); cloud spend nobody planned
    // (a run-rate from last autumn) is a smaller variance.
    // More units with people than the list is long; a quarter, which this reader sees by year only.
    await createActual(db, f.org.id, teamC.id, "2025-11-15", "CLOUD", 30_000_00n);
    for (let t = 0; t < 3; t++) {
      const team = await createUnit(db, f.org.id, { parentId: f.units.deptB.id });
      for (let i = 0; i < 3; i++) await createPerson(db, f.org.id, team.id, 140_000_00n + BigInt(i) * 1_000_00n);
    }
    const [dir, blind] = await Promise.all([getFinanceView(scope(true, { period: "q1" })), getFinanceView(scope(false, { period: "q1" }))]);
    expect(dir.top.filter((r) => r.category === "PERSONNEL").length).toBe(8);
    expect(blind.disclosure?.grain).toBe("year");
    const visible = blind.top.filter((r) => r.category !== "PERSONNEL");
    expect(visible.length).toBeGreaterThan(0);
    // Each row it sees is the director's row, and every personnel row it sees stands alone.
    for (const r of blind.top)
      expect(
        dir.top.concat(visible).some((x) => x.unitId === r.unitId && x.category === r.category && x.varianceCents === r.varianceCents),
      ).toBe(true);
  });
});
