// `node --conditions=react-server --import tsx scripts/bench/probe-lib.ts`: times the lib
// functions behind the key pages one by one (DATABASE_URL = a generated database), to find the
// slow panel before load-testing the pages.
import { getDashboardScope, getDeliveryFigures, getMoneyFigures, getPeopleFigures, parseDashboardParams } from "@/lib/dashboard/director";
import { db } from "@/lib/db";
import { getFinanceView } from "@/lib/budgets/rollup";
import { hiringFunnel, planVsActual, unfilledCostByUnit } from "@/lib/headcount/plan";
import { bellScopeOf, getBell } from "@/lib/projects/bell";
import { getDeliveryReview, reviewScopeOf } from "@/lib/projects/review";
import { firstRows, NONE } from "@/lib/projects/review-lists";
import { listProjects } from "@/lib/projects/queries";
import { listInitiativesPage } from "@/lib/roadmap/queries";
import type { Member } from "@/lib/auth";

const org = await db.organization.findUniqueOrThrow({ where: { slug: "large" } });
const user = await db.user.findUniqueOrThrow({ where: { email: "director@large.example" } });
const member = { user: { id: user.id, name: user.name, email: user.email }, org, role: "DIRECTOR", scopeUnitId: null } as unknown as Member;
const now = new Date();
const p = parseDashboardParams({}, org.fiscalYearStartMonth, now);
const probes: Record<string, () => Promise<unknown>> = {
  scope: () => getDashboardScope(org.id, null),
  review: () =>
    getDeliveryReview(
      reviewScopeOf(member),
      { atRisk: firstRows(8), due: NONE, stale: firstRows(8), awaiting: firstRows(5), mine: NONE },
      now,
    ),
  bell: () => getBell(bellScopeOf(member), now),
  delivery: () => getDeliveryFigures(org.id, null, now),
  money: () => getMoneyFigures(org.id, org.fiscalYearStartMonth, true, p, now),
  people: () => getPeopleFigures(org.id, org.fiscalYearStartMonth, p, now),
  financeYear: () =>
    getFinanceView({
      orgId: org.id,
      startMonth: org.fiscalYearStartMonth,
      payReader: true,
      today: now,
      fiscalYear: p.fiscalYear,
      period: "year",
      unitId: null,
      category: null,
    }),
  projectsAtRisk: () => listProjects(org.id, { status: "ACTIVE", health: "AT_RISK" }, now),
  initiatives: () => listInitiativesPage(org.id, {}),
  planVsActual: () => planVsActual(org.id, { unitId: null, fiscalYear: p.fiscalYear, startMonth: org.fiscalYearStartMonth, today: now }),
  funnel: () => hiringFunnel(org.id, { unitId: null, fiscalYear: p.fiscalYear }),
  unfilled: () => unfilledCostByUnit(org.id, null, { readsPay: true }),
};
const only = process.argv.slice(2);
for (const [k, fn] of Object.entries(probes)) {
  if (only.length && !only.includes(k)) continue;
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  console.log(`${k.padEnd(16)} ${times.map((t) => t.toFixed(0).padStart(6)).join(" ")} ms`);
}
await db.$disconnect();
