import { beforeAll, describe, expect, it } from "vitest";

import { resolvePeriod, type PeriodKey } from "@/lib/budgets/period";
import { getFinanceView, type FinanceScope } from "@/lib/budgets/rollup";
import { fiscalPeriod, toDateString } from "@/lib/fiscal";
import { readsPay } from "@/lib/permissions";
import { seedDemo } from "@/lib/seed";
import { seedLarge } from "@/lib/seed-large";
import { LARGE_SLUG } from "@/lib/seed-large/plan";
import { resetDb, testDb } from "@/tests/support/db";

// The differencing attack of issue 17 replayed on the demo org itself (where a viewer, a finance
// user and a manager once recovered two people's exact salaries from the budgets page and its
// CSV), for the last and the current fiscal year: every adjacent pair of months, of quarters and
// of the burn chart's months, of every unit's actual and forecast, in total and for Personnel,
// and of its Personnel plan (which the demo once phased seat by seat, stepping by a hire's pay).
// For each person who joined or left in those years, the attacker's naive estimate of their pay
// from a figure that includes them is |Δ figure| ÷ |Δ their months in post| × 12 ÷ the
// loaded-cost multiplier. A reader without pay access may never get within ±25% of it; a
// director, who may read pay, does (the test can fail). docs/privacy.md is the model. Same
// totals for every role are checked on the demo and on a generated org.

const db = testDb();
const TODAY = new Date("2026-12-06T12:00:00Z");
const NO_PAY = ["FINANCE", "MANAGER", "VIEWER"] as const;

type Target = { who: string; pay: number; start: string; end: string | null; units: Set<string> };
type Pair = { label: string; unit: string | null; a: number; b: number; from: [string, string]; to: [string, string] };

/** One org under attack: what the attacker knows, and the figures they read. */
type Org = {
  slug: string;
  orgId: string;
  startMonth: number;
  multiplier: number;
  unitIds: string[];
  years: number[];
  targets: Target[];
  directorPairs: Pair[];
  blindPairs: Pair[];
};
const orgs = new Map<string, Org>();

const dayNo = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;

/** Months in post during [from, to] (inclusive ISO days), each month weighted by its days. */
function exposure(t: Target, from: string, to: string): number {
  let months = 0;
  for (let m = new Date(`${from}T00:00:00Z`); toDateString(m) <= to; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    const a = dayNo(toDateString(m));
    const b = dayNo(toDateString(new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))));
    const lo = Math.max(a, dayNo(t.start));
    const hi = Math.min(b, t.end ? dayNo(t.end) + 1 : Infinity);
    if (hi > lo) months += (hi - lo) / (b - a);
  }
  return months;
}

const span = (o: Pick<Org, "startMonth">, fiscalYear: number, key: PeriodKey): [string, string] => {
  const p = resolvePeriod(key, fiscalYear, o.startMonth, TODAY);
  return [toDateString(p.start), toDateString(p.end)];
};

/** Every adjacent pair of figures a reader gets, within each fiscal year. */
async function adjacentPairs(o: Org, payReader: boolean): Promise<Pair[]> {
  const pairs: Pair[] = [];
  const scope = (over: Partial<FinanceScope>): FinanceScope => ({
    orgId: o.orgId,
    startMonth: o.startMonth,
    fiscalYear: o.years[0],
    period: "year",
    unitId: null,
    category: null,
    payReader,
    today: TODAY,
    ...over,
  });
  for (const fiscalYear of o.years) {
    const months = Array.from({ length: 12 }, (_, i) => `m${i + 1}` as PeriodKey);
    const quarters = [1, 2, 3, 4].map((q) => `q${q}` as PeriodKey);
    for (const category of [null, "PERSONNEL"] as const) {
      for (const series of [months, quarters]) {
        const views = [];
        for (const period of series) views.push(await getFinanceView(scope({ fiscalYear, period, category }), { parts: ["tree"] }));
        for (const unit of [null, ...o.unitIds]) {
          // The plan of other categories is a budget that moves for its own reasons (and is
          // shown per category, so the total plan's personnel part is the Personnel plan): its
          // steps would only land near someone's pay by chance.
          for (const field of category
            ? (["actualCents", "forecastCents", "planCents"] as const)
            : (["actualCents", "forecastCents"] as const)) {
            const values = views.map((v) => (unit === null ? v.totals : v.tree.find((r) => r.id === unit))?.[field] ?? null);
            for (let i = 0; i + 1 < series.length; i++) {
              const [a, b] = [values[i], values[i + 1]];
              if (a === null || b === null) continue;
              pairs.push({
                label: `FY${fiscalYear} ${category ?? "all"} ${unit ?? "org"} ${field} ${series[i]}→${series[i + 1]}`,
                unit,
                a,
                b,
                from: span(o, fiscalYear, series[i]),
                to: span(o, fiscalYear, series[i + 1]),
              });
            }
          }
        }
      }
      // The burn chart and its CSV: the year view's months, for every unit a reader can open.
      for (const unit of [null, ...o.unitIds]) {
        const v = await getFinanceView(scope({ fiscalYear, unitId: unit, category }), { parts: ["months"] });
        for (const field of ["actualCents", "forecastCents", "cumActualCents", "cumForecastCents"] as const) {
          for (let i = 0; i + 1 < v.months.length; i++) {
            const [a, b] = [v.months[i][field], v.months[i + 1][field]];
            if (a === null || b === null) continue;
            // A running total's step is the later month itself.
            const cum = field.startsWith("cum");
            pairs.push({
              label: `FY${fiscalYear} ${category ?? "all"} ${unit ?? "org"} burn ${field} ${i}→${i + 1}`,
              unit,
              a: cum ? 0 : a,
              b: cum ? b - a : b,
              from: span(o, fiscalYear, `m${i + 1}` as PeriodKey),
              to: span(o, fiscalYear, `m${i + 2}` as PeriodKey),
            });
          }
        }
      }
    }
  }
  return pairs;
}

/** The pairs' naive estimates of a target's pay that land within ±25%, from figures that include them. */
function derived(o: Org, pairs: Pair[]): string[] {
  const hits: string[] = [];
  for (const t of o.targets) {
    for (const p of pairs) {
      if (p.unit !== null && !t.units.has(p.unit)) continue;
      const de = exposure(t, p.to[0], p.to[1]) - exposure(t, p.from[0], p.from[1]);
      if (Math.abs(de) < 1e-9) continue;
      for (const mult of [o.multiplier, 1]) {
        const estimate = ((Math.abs(p.b - p.a) / Math.abs(de)) * 12) / mult;
        if (Math.abs(estimate - t.pay) <= 0.25 * t.pay) hits.push(`${t.who} (${t.pay}) ≈ ${Math.round(estimate)} from ${p.label}`);
      }
    }
  }
  return hits;
}

async function attack(slug: string, opts: { pairs: boolean }): Promise<Org> {
  const org = await db.organization.findUniqueOrThrow({
    where: { slug },
    select: { id: true, fiscalYearStartMonth: true, loadedCostMultiplier: true },
  });
  const orgId = org.id;
  const fy = fiscalPeriod(TODAY, org.fiscalYearStartMonth).fiscalYear;
  const unitIds = (await db.orgUnit.findMany({ where: { orgId }, select: { id: true }, orderBy: { id: "asc" } })).map((u) => u.id);
  const o: Org = {
    slug,
    orgId,
    startMonth: org.fiscalYearStartMonth,
    multiplier: Number(org.loadedCostMultiplier),
    unitIds,
    years: [fy - 1, fy],
    targets: [],
    directorPairs: [],
    blindPairs: [],
  };
  const [first] = span(o, fy - 1, "year");
  const [, last] = span(o, fy, "year");
  // Everyone whose days in post change within the two years, with the units whose figures hold them.
  const people = await db.$queryRaw<{ id: string; name: string; pay: bigint; start: string; end: string | null; units: string[] }[]>`
    SELECT p.id, p.name, p."annualCompCents" AS pay, to_char(p."startDate", 'YYYY-MM-DD') AS start,
           to_char(p."endDate", 'YYYY-MM-DD') AS "end", array_agg(c."ancestorId") AS units
    FROM "Person" p JOIN "OrgUnitClosure" c ON c."descendantId" = p."orgUnitId" AND c."orgId" = p."orgId"
    WHERE p."orgId" = ${orgId} AND p."employmentType" = 'EMPLOYEE'
      AND ((p."startDate" BETWEEN ${first}::date AND ${last}::date) OR (p."endDate" BETWEEN ${first}::date AND ${last}::date))
    GROUP BY p.id`;
  for (const p of people) o.targets.push({ who: p.name, pay: Number(p.pay), start: p.start, end: p.end, units: new Set(p.units) });
  if (opts.pairs) {
    o.directorPairs = await adjacentPairs(o, true);
    o.blindPairs = await adjacentPairs(o, false);
  }
  return o;
}

beforeAll(async () => {
  await resetDb();
  await seedDemo(db, { today: TODAY });
  await seedLarge(process.env.DATABASE_URL!, { scale: 0.02, smallOrgs: 0, today: TODAY });
  // The generated org's plan and payroll are random per cell: differences between its periods
  // land near someone's pay by chance, for a director as for anyone. Its totals are compared.
  orgs.set("acme", await attack("acme", { pairs: true }));
  orgs.set(LARGE_SLUG, await attack(LARGE_SLUG, { pairs: false }));
}, 900_000);

describe.each(["acme"])("%s: pay cannot be derived by differencing", (slug) => {
  const o = () => orgs.get(slug)!;
  it("has joiners and leavers to attack, and the attack finds their pay as a director (the test can fail)", () => {
    expect(o().targets.filter((t) => t.end).length).toBeGreaterThan(0);
    expect(o().targets.filter((t) => t.start >= span(o(), o().years[0], "year")[0]).length).toBeGreaterThan(0);
    expect(derived(o(), o().directorPairs).length).toBeGreaterThan(0);
  });

  it.each(NO_PAY)("as %s, no adjacent periods of any figure land within ±25% of a joiner's or leaver's pay", (role) => {
    expect(readsPay(role, { financeReadsPay: false })).toBe(false);
    expect(o().blindPairs.length).toBeGreaterThan(100);
    expect(derived(o(), o().blindPairs)).toEqual([]);
  });
});

describe.each(["acme", LARGE_SLUG])("%s: the same totals for every role", (slug) => {
  it("every unit's plan, actual, forecast and variance is the director's number or a dash with the reason, for each role's scope", async () => {
    const { orgId, startMonth, years } = orgs.get(slug)!;
    const fy = years[1];
    const { quarter, month } = fiscalPeriod(TODAY, startMonth);
    const periods: PeriodKey[] = ["year", `q${quarter}` as PeriodKey, "ytd", `m${month}` as PeriodKey, `m${month - 1}` as PeriodKey];
    const manager = await db.membership.findFirstOrThrow({
      where: { orgId, role: "MANAGER", user: { email: `manager@${slug}.example` } },
      select: { scopeUnitId: true },
    });
    let compared = 0;
    let withheld = 0;
    for (const [role, unitId] of [
      ["FINANCE", null],
      ["VIEWER", null],
      ["MANAGER", manager.scopeUnitId],
    ] as const) {
      for (const period of periods) {
        const s: FinanceScope = { orgId, startMonth, fiscalYear: fy, period, unitId, category: null, payReader: false, today: TODAY };
        const [dir, blind] = await Promise.all([getFinanceView({ ...s, payReader: true }), getFinanceView(s)]);
        expect(blind.tree.map((r) => r.id)).toEqual(dir.tree.map((r) => r.id));
        const rows = [[dir.totals, blind.totals] as const, ...dir.tree.map((r, i) => [r, blind.tree[i]] as const)];
        for (const [d, b] of rows) {
          for (const k of ["planCents", "actualCents", "forecastCents", "varianceCents"] as const) {
            const ctx = `${role} ${period} ${"code" in b ? b.code : "total"} ${k}`;
            if (b[k] === null && d[k] !== null) {
              expect(b.withheld, ctx).toMatch(/roles without pay access/);
              withheld++;
            } else {
              expect(b[k], ctx).toBe(d[k]);
              compared++;
            }
          }
        }
      }
    }
    // Not vacuous either way: figures are compared, and some are withheld on the demo (most of
    // them: every actual and forecast shorter than the year, docs/privacy.md rule 3).
    expect(compared).toBeGreaterThan(100);
    expect(withheld).toBeGreaterThan(0);
  });
});
