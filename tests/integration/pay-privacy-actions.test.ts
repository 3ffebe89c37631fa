import { beforeAll, describe, expect, it } from "vitest";

import type { PeriodKey } from "@/lib/budgets/period";
import { getFinanceViews, type FinanceScope, type FinanceView } from "@/lib/budgets/rollup";
import { createPosition } from "@/lib/headcount/create-position";
import { fillPosition } from "@/lib/headcount/fill-position";
import { setEndDate } from "@/lib/people/set-end-date";
import { readsPay } from "@/lib/permissions";
import { publishIfDue } from "@/lib/privacy/publication";
import { createPerson, createPlan } from "@/tests/factories/finance";
import { createOrgWithRoles } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";
import { dayNo, exposure, iso, MONTHS_2026, QUARTERS_2026, yearScope } from "@/tests/support/pay-attack";

// Before and after one action (docs/privacy.md rule 7): a reader without pay access reads every
// forecast figure, one thing happens — a position is filled, someone leaves with a backfill, a day
// passes over a hire's start and an overdue seat — and they read again. Every difference is turned
// into the naive estimate of the pay behind it (|Δ| ÷ the change in months in post × 12 ÷ the
// multiplier) and none may land within ±25% of the true pay. The same attack as a director (the
// live forecast) does find it. Then enough changes accumulate for a group to be republished: its
// figures equal the live forecast at that moment, recomputed here by hand-written SQL.

const db = testDb();
const MULT = 1.3;
const DELAY = 30;
const today = new Date("2026-01-10T12:00:00Z");
const tomorrow = new Date("2026-01-11T12:00:00Z");
const NO_PAY = ["FINANCE", "MANAGER", "VIEWER"] as const;

let f: Awaited<ReturnType<typeof createOrgWithRoles>>;

const addDays = (s: string, n: number) => new Date((dayNo(s) + n) * 86_400_000).toISOString().slice(0, 10);

const PERIODS: { key: PeriodKey; from: string; to: string }[] = [
  { key: "year", from: iso(2026, 1), to: iso(2026, 12, 31) },
  ...QUARTERS_2026,
  ...MONTHS_2026,
];

const scope = (payReader: boolean, over: Partial<FinanceScope> = {}) => yearScope(f.org.id, payReader, today, over);

type Figure = { value: number; from: string; to: string };

/** Every forecast-bearing figure a reader can read (org and unit totals, Personnel alone, months and running totals of the year). */
async function read(payReader: boolean, opts: { day?: Date; forecast?: "live" | "published"; units?: string[] } = {}) {
  const figures = new Map<string, Figure>();
  let published: FinanceView["published"] = null;
  for (const category of [null, "PERSONNEL"] as const) {
    const views = await getFinanceViews(
      scope(payReader, { category, today: opts.day ?? today, forecast: opts.forecast }),
      PERIODS.map((p) => ({ period: p.key, parts: p.key === "year" ? ["tree", "months"] : ["tree"] })),
    );
    published = views[0].published;
    views.forEach((v, i) => {
      const { from, to } = PERIODS[i];
      const rows = [{ id: "org", ...v.totals }, ...v.tree.filter((r) => !opts.units || opts.units.includes(r.id))];
      for (const r of opts.units ? rows.slice(1) : rows)
        for (const k of ["forecastCents", "varianceCents"] as const)
          if (r[k] !== null) figures.set(`${category ?? "all"} ${r.id} ${k} ${PERIODS[i].key}`, { value: r[k]!, from, to });
      if (i === 0 && !opts.units)
        v.months.forEach((m, j) => {
          const month = PERIODS[1 + 4 + j];
          if (m.forecastCents !== null) figures.set(`${category ?? "all"} org month ${j}`, { value: m.forecastCents, ...month });
          if (m.cumForecastCents !== null)
            figures.set(`${category ?? "all"} org cum ${j}`, { value: m.cumForecastCents, from: iso(2026, 1), to: month.to });
        });
    });
  }
  return { figures, published };
}

/** A change the attacker knows the dates of: its pay, and the spans whose costs the change adds (+) or removes (−). */
type Target = { who: string; pay: number; spans: { start: string; sign: 1 | -1 }[] };

/** The naive estimates from the differences between two reads that land within ±25% of a target's pay. */
function hits(before: Map<string, Figure>, after: Map<string, Figure>, targets: Target[]): string[] {
  const out: string[] = [];
  for (const [label, b] of before) {
    const a = after.get(label);
    if (!a) continue;
    const delta = Math.abs(a.value - b.value);
    for (const t of targets) {
      // Each span alone, and all of them together (the net change a fill or a backfill makes).
      const models = [...t.spans.map((s) => [s]), t.spans];
      for (const spans of models) {
        const months = Math.abs(spans.reduce((sum, s) => sum + s.sign * exposure(s, b.from, b.to), 0));
        if (months < 1e-6) continue;
        const estimate = ((delta / months) * 12) / MULT;
        if (Math.abs(estimate - t.pay) <= 0.25 * t.pay) out.push(`${t.who} ≈ ${Math.round(estimate)} from ${label}`);
      }
    }
  }
  return out;
}

/** The live personnel forecast of a unit's subtree for 2026 as of a day, written out by hand (cents). */
async function liveBySql(unitId: string, day: string): Promise<number> {
  const [r] = await db.$queryRawUnsafe<{ total: bigint | null }[]>(
    `WITH RECURSIVE sub AS (SELECT $1::text AS id UNION ALL SELECT u."id" FROM "OrgUnit" u JOIN sub ON u."parentId" = sub.id),
     mo AS (SELECT d::date AS m, (d + interval '1 month')::date - 1 AS last, ((d + interval '1 month')::date - d::date) AS days
            FROM generate_series(date_trunc('month', $2::date), '2026-12-01'::date, interval '1 month') d),
     src AS (
       SELECT p."startDate" AS f, p."endDate" AS t, p."annualCompCents"::numeric AS comp,
              COALESCE((SELECT ps."loadedCostMultiplier" FROM "Position" ps WHERE ps."personId" = p."id" AND ps."status" = 'FILLED' ORDER BY ps."id" LIMIT 1), o."loadedCostMultiplier") AS mult
       FROM "Person" p JOIN "Organization" o ON o."id" = p."orgId" WHERE p."orgUnitId" IN (SELECT id FROM sub) AND p."employmentType" = 'EMPLOYEE'
       UNION ALL
       SELECT (CASE WHEN ps."status" = 'BACKFILL' THEN GREATEST(bf."endDate" + 1, ps."targetStartDate", $2::date) ELSE GREATEST(ps."targetStartDate", $2::date) END) + o."hiringDelayDays",
              NULL, ps."annualCompCents"::numeric, COALESCE(ps."loadedCostMultiplier", o."loadedCostMultiplier")
       FROM "Position" ps JOIN "Organization" o ON o."id" = ps."orgId" LEFT JOIN "Person" bf ON bf."id" = ps."backfillForId"
       WHERE ps."orgUnitId" IN (SELECT id FROM sub) AND ps."status" IN ('OPEN', 'PLANNED', 'BACKFILL')
     ),
     cost AS (SELECT comp * mult * (LEAST(COALESCE(t, last), last) - GREATEST(f, m) + 1) / (12 * days) AS x FROM src JOIN mo ON f <= last AND (t IS NULL OR t >= m))
     SELECT SUM(CASE WHEN x - floor(x) = 0.5 THEN floor(x) + abs(mod(floor(x), 2)) ELSE round(x) END)::bigint AS total FROM cost`,
    unitId,
    day,
  );
  return Number(r.total ?? 0n);
}

const personnelForecast = async (payReader: boolean, unitId: string, opts: { day?: Date; forecast?: "published" } = {}) => {
  const [v] = await getFinanceViews(
    scope(payReader, { unitId, category: "PERSONNEL", today: opts.day ?? today, forecast: opts.forecast }),
    [{ period: "year", parts: [] }],
  );
  return v.totals.forecastCents;
};

const versions = async () => db.payPublication.count({ where: { orgId: f.org.id } });

beforeAll(async () => {
  await resetDb();
  f = await createOrgWithRoles(db);
  const { org, units } = f;
  await db.organization.update({ where: { id: org.id }, data: { loadedCostMultiplier: MULT, hiringDelayDays: DELAY } });
  // A small team (teamA, 4), a medium one (teamB, 9) and three people of their own at each department and the division.
  for (let i = 0; i < 4; i++) await createPerson(db, org.id, units.teamA.id, BigInt(120_000_00 + i * 6_000_00));
  for (let i = 0; i < 9; i++) await createPerson(db, org.id, units.teamB.id, BigInt(126_000_00 + i * 3_000_00));
  for (const u of [units.division.id, units.deptA.id, units.deptB.id])
    for (let i = 0; i < 3; i++) await createPerson(db, org.id, u, BigInt(180_000_00 + i * 12_000_00));
  for (let m = 1; m <= 12; m++) await createPlan(db, org.id, units.teamA.id, iso(2026, m), "PERSONNEL", 60_000_00n);
});

describe("the published forecast before and after one action", () => {
  it("the first read publishes every source; the published forecast then equals the live one", async () => {
    expect(await versions()).toBe(0);
    const blind = await read(false);
    expect(blind.published?.version).toBe(1);
    expect(await personnelForecast(false, f.units.division.id)).toBe(await liveBySql(f.units.division.id, "2026-01-10"));
    expect(await personnelForecast(true, f.units.division.id)).toBe(await liveBySql(f.units.division.id, "2026-01-10"));
    // Pay readers read the live forecast (no publication), unless they ask for the published one.
    expect((await read(true)).published).toBeNull();
    expect((await read(true, { forecast: "published" })).published?.version).toBe(1);
  });

  it("(a) filling a position: no figure moves for a reader without pay access; the director's live forecast shows the pay", async () => {
    const { org, members, units } = f;
    const created = await createPosition.run(members.director.user.id, org.slug, {
      orgUnitId: units.teamA.id,
      title: "Engineer",
      level: "L3",
      targetStartDate: "2026-02-01",
      compensation: "171000",
      budgetFiscalYear: 2026,
      budgetFiscalQuarter: "1",
      openNow: "on",
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const before = { blind: await read(false), dir: await read(true) };
    const position = await db.position.findUniqueOrThrow({ where: { id: created.data.positionId } });
    const filled = await fillPosition.run(members.director.user.id, org.slug, {
      mode: "new",
      positionId: position.id,
      version: position.version,
      name: "New Hire",
      startDate: "2026-03-01",
    });
    expect(filled).toMatchObject({ ok: true });
    const target: Target = {
      who: "hire",
      pay: 171_000_00,
      spans: [
        { start: "2026-03-01", sign: 1 },
        { start: addDays("2026-02-01", DELAY), sign: -1 },
      ],
    };
    const dir = await read(true);
    expect(hits(before.dir.figures, dir.figures, [target]).length).toBeGreaterThan(0);
    for (const role of NO_PAY) {
      expect(readsPay(role, { financeReadsPay: false })).toBe(false);
      const after = await read(false, { units: role === "MANAGER" ? [units.deptA.id, units.teamA.id] : undefined });
      expect(hits(before.blind.figures, after.figures, [target]), role).toEqual([]);
    }
    const after = await read(false);
    expect(after.published?.version).toBe(1);
    expect([...after.figures].filter(([k, v]) => before.blind.figures.get(k)?.value !== v.value)).toEqual([]);
  });

  it("(b) a departure with a backfill carrying the leaver's pay moves no figure a reader without pay access reads", async () => {
    const { org, members, units } = f;
    const leaver = await db.person.findFirstOrThrow({
      where: { orgId: org.id, orgUnitId: units.teamB.id },
      orderBy: { annualCompCents: "desc" },
    });
    const before = { blind: await read(false), dir: await read(true) };
    // Recorded by the director: the backfill keeps the leaver's pay (the worst case for the attack).
    const r = await setEndDate.run(members.director.user.id, org.slug, {
      personId: leaver.id,
      version: leaver.version,
      endDate: "2026-05-31",
      vacancy: "backfill",
    });
    expect(r.ok).toBe(true);
    const backfill = await db.position.findFirstOrThrow({ where: { orgId: org.id, backfillForId: leaver.id } });
    expect(backfill.annualCompCents).toBe(leaver.annualCompCents);
    const target: Target = {
      who: "leaver",
      pay: Number(leaver.annualCompCents),
      spans: [
        { start: "2026-06-01", sign: -1 },
        { start: addDays("2026-06-01", DELAY), sign: 1 },
      ],
    };
    expect(hits(before.dir.figures, (await read(true)).figures, [target]).length).toBeGreaterThan(0);
    for (const role of NO_PAY) {
      const after = await read(false, { units: role === "MANAGER" ? [units.deptA.id, units.teamA.id] : undefined });
      expect(hits(before.blind.figures, after.figures, [target]), role).toEqual([]);
    }
    expect((await read(false)).published?.version).toBe(1);
  });

  it("(c) a day passing over a hire's start and an overdue seat moves nothing a reader without pay access reads", async () => {
    const { org, units } = f;
    // A seat whose target start has passed (its expected start moves with the day) and a hire starting tomorrow.
    await db.position.create({
      data: {
        orgId: org.id,
        orgUnitId: units.teamB.id,
        title: "Engineer",
        level: "L3",
        status: "OPEN",
        targetStartDate: new Date("2025-11-01"),
        annualCompCents: 150_000_00n,
        budgetFiscalYear: 2026,
        budgetFiscalQuarter: 1,
      },
    });
    await createPerson(db, org.id, units.deptB.id, 165_000_00n, { start: "2026-01-11" });
    const seat: Target = {
      who: "seat",
      pay: 150_000_00,
      spans: [
        { start: addDays("2026-01-10", DELAY), sign: 1 },
        { start: addDays("2026-01-11", DELAY), sign: -1 },
      ],
    };
    const hire: Target = { who: "hire", pay: 165_000_00, spans: [{ start: "2026-01-11", sign: 1 }] };
    const dir = { before: await read(true), after: await read(true, { day: tomorrow }) };
    expect(hits(dir.before.figures, dir.after.figures, [seat, hire]).length).toBeGreaterThan(0);
    const before = await read(false);
    const after = await read(false, { day: tomorrow });
    expect(hits(before.figures, after.figures, [seat, hire])).toEqual([]);
    expect([...after.figures].filter(([k, v]) => before.figures.get(k)?.value !== v.value)).toEqual([]);
    expect(after.published?.version).toBe(1);
  });

  it("a group's changes are republished once they are enough: then its figures equal the live forecast, and no hire shows", async () => {
    const { org, units } = f;
    const before = await read(false);
    // Two more hires in teamA on the same day as the fill: three changes, none dominating.
    const hires = [168_000_00n, 174_000_00n];
    for (const pay of hires) await createPerson(db, org.id, units.teamA.id, pay, { start: "2026-03-01" });
    // Four readers at once: one publication, not four (the later ones wait for the lock, then find it).
    const all = await Promise.all(Array.from({ length: 4 }, () => publishIfDue(org.id, 1, today)));
    expect(all.map((p) => p.version)).toEqual([2, 2, 2, 2]);
    expect(await versions()).toBe(2);
    const after = await read(false);
    expect(after.published?.version).toBe(2);
    // teamA now shows its live forecast, to the cent; teamB's changes (a departure, a seat) are still not enough.
    const liveA = await liveBySql(units.teamA.id, "2026-01-10");
    expect(await personnelForecast(false, units.teamA.id)).toBe(liveA);
    expect(await personnelForecast(true, units.teamA.id)).toBe(liveA);
    const liveB = await liveBySql(units.teamB.id, "2026-01-10");
    expect(await personnelForecast(true, units.teamB.id)).toBe(liveB);
    const shownB = await personnelForecast(false, units.teamB.id);
    if (shownB !== null) expect(shownB).not.toBe(liveB);
    // The republication's differences show none of the three hires.
    const targets: Target[] = [171_000_00, ...hires.map(Number)].map((pay, i) => ({
      who: `hire ${i}`,
      pay,
      spans: [{ start: "2026-03-01", sign: 1 }],
    }));
    expect(hits(before.figures, after.figures, targets)).toEqual([]);
    expect([...after.figures].some(([k, v]) => before.figures.get(k)?.value !== v.value)).toBe(true);
  });

  it("every reader who reads the published forecast reads the same totals; parents are the sum of their children", async () => {
    const [dir] = await getFinanceViews(scope(true, { forecast: "published" }), [{ period: "year", parts: ["tree"] }]);
    const [blind] = await getFinanceViews(scope(false), [{ period: "year", parts: ["tree"] }]);
    let compared = 0;
    for (const [d, b] of [
      [dir.totals, blind.totals],
      ...dir.tree.map((r) => [r, blind.tree.find((x) => x.id === r.id)!] as const),
    ] as const)
      for (const k of ["planCents", "actualCents", "forecastCents", "varianceCents"] as const) {
        if (b[k] === null) expect(b.withheld).toBeTruthy();
        else {
          expect(b[k]).toBe(d[k]);
          compared++;
        }
      }
    expect(compared).toBeGreaterThan(10);
    // The published forecast rolls up like the live one: the division is its subtree's current published sources.
    const [pub] = await db.$queryRaw<{ total: bigint }[]>`
      WITH RECURSIVE sub AS (SELECT ${f.units.division.id}::text AS id UNION ALL SELECT u."id" FROM "OrgUnit" u JOIN sub ON u."parentId" = sub.id),
      mo AS (SELECT d::date AS m, (d + interval '1 month')::date - 1 AS last, ((d + interval '1 month')::date - d::date) AS days
             FROM generate_series('2026-01-01'::date, '2026-12-01'::date, interval '1 month') d),
      cost AS (
        SELECT s."annualCompCents"::numeric * s."multiplier" * (LEAST(COALESCE(s."toDay", mo.last), mo.last) - GREATEST(s."fromDay", mo.m) + 1) / (12 * mo.days) AS x
        FROM "PublishedPaySource" s JOIN mo ON s."fromDay" <= mo.last AND (s."toDay" IS NULL OR s."toDay" >= mo.m)
        WHERE s."orgId" = ${f.org.id} AND s."retiredIn" IS NULL AND s."orgUnitId" IN (SELECT id FROM sub))
      SELECT SUM(CASE WHEN x - floor(x) = 0.5 THEN floor(x) + abs(mod(floor(x), 2)) ELSE round(x) END)::bigint AS total FROM cost`;
    const division = dir.tree.find((r) => r.id === f.units.division.id)!;
    expect(division.forecastCents).toBe(Number(pub.total));
  });
});
