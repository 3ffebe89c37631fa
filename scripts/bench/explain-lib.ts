// `DATABASE_URL=… node --conditions=react-server --import tsx scripts/bench/explain-lib.ts [probe…]`:
// runs the lib functions behind the dashboard and finance pages once (probes of probe-lib.ts),
// records every SQL statement they send, then runs EXPLAIN ANALYZE on each and prints them
// slowest first with the top of the plan. To see which statement of a page dominates.
import pg from "pg";

const recorded: { probe: string; text: string; values: unknown[] }[] = [];
let current = "";
const original = pg.Client.prototype.query as (this: pg.Client, config: unknown, values?: unknown, cb?: unknown) => unknown;
// @ts-expect-error -- recording wrapper over pg's overloaded query()
pg.Client.prototype.query = function (config: unknown, values?: unknown, cb?: unknown) {
  const text = typeof config === "string" ? config : (config as { text?: string }).text;
  const vals = (
    typeof config === "object" && config && "values" in config ? (config as { values: unknown[] }).values : values
  ) as unknown[];
  if (current && text && /^\s*(WITH|SELECT)/i.test(text)) recorded.push({ probe: current, text, values: Array.isArray(vals) ? vals : [] });
  return original.call(this, config, values, cb);
};

const { getDeliveryFigures, getMoneyFigures, getPeopleFigures, parseDashboardParams } = await import("@/lib/dashboard/director");
const { db } = await import("@/lib/db");
const { getFinanceView } = await import("@/lib/budgets/rollup");
const { getDeliveryReview, reviewScopeOf } = await import("@/lib/projects/review");
const { firstRows, NONE } = await import("@/lib/projects/review-lists");
const { bellScopeOf, getBell } = await import("@/lib/projects/bell");

const org = await db.organization.findUniqueOrThrow({ where: { slug: "large" } });
const dept = await db.orgUnit.findFirstOrThrow({ where: { orgId: org.id, depth: 2 }, orderBy: { code: "asc" } });
const user = await db.user.findUniqueOrThrow({ where: { email: "director@large.example" } });
const member = {
  user: { id: user.id, name: user.name, email: user.email },
  org,
  role: "DIRECTOR",
  scopeUnitId: null,
} as unknown as Parameters<typeof bellScopeOf>[0];
const now = new Date();
const p = parseDashboardParams({}, org.fiscalYearStartMonth, now);
const probes: Record<string, () => Promise<unknown>> = {
  bell: () => getBell(bellScopeOf(member), now),
  review: () =>
    getDeliveryReview(
      reviewScopeOf(member),
      { atRisk: firstRows(8), due: NONE, stale: firstRows(8), awaiting: firstRows(5), mine: NONE },
      now,
    ),
  reviewDept: () =>
    getDeliveryReview(
      reviewScopeOf(member, dept.id),
      { atRisk: firstRows(8), due: NONE, stale: firstRows(8), awaiting: firstRows(5), mine: NONE },
      now,
    ),
  delivery: () => getDeliveryFigures(org.id, null, now),
  money: () => getMoneyFigures(org.id, org.fiscalYearStartMonth, true, p, now),
  people: () => getPeopleFigures(org.id, org.fiscalYearStartMonth, p, now),
  deliveryDept: () => getDeliveryFigures(org.id, dept.id, now),
  moneyDept: () => getMoneyFigures(org.id, org.fiscalYearStartMonth, true, { ...p, unitId: dept.id }, now),
  peopleDept: () => getPeopleFigures(org.id, org.fiscalYearStartMonth, { ...p, unitId: dept.id }, now),
  financeYear: () =>
    getFinanceView({
      orgId: org.id,
      startMonth: org.fiscalYearStartMonth,
      payReader: false,
      today: now,
      fiscalYear: p.fiscalYear,
      period: "year",
      unitId: null,
      category: null,
    }),
};
const only = process.argv.slice(2);
for (const [k, fn] of Object.entries(probes)) {
  if (only.length && !only.includes(k)) continue;
  current = k;
  await fn();
  current = "";
}
// The app's sessions run with jit=off (lib/db-factory.ts): explain under the same settings.
const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: "-c jit=off" });
await client.connect();
const out: { probe: string; ms: number; text: string; plan: string }[] = [];
for (const r of recorded) {
  const res = (await original.call(client, {
    text: `EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) ${r.text}`,
    values: r.values,
  })) as unknown as pg.QueryResult<Record<string, string>>;
  const lines = res.rows.map((x) => x["QUERY PLAN"]);
  const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.at(-1) ?? "")?.[1] ?? NaN);
  out.push({ probe: r.probe, ms, text: r.text, plan: lines.join("\n") });
}
for (const o of out.sort((a, b) => b.ms - a.ms)) {
  console.log(`\n=== ${o.probe} ${o.ms.toFixed(1)} ms\n${o.text.replace(/\s+/g, " ").slice(0, 300)}`);
  if (process.env.PLANS) console.log(o.plan);
}
await client.end();
await db.$disconnect();
