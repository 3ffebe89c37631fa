import { beforeAll, describe, expect, it } from "vitest";

import type { Member } from "@/lib/auth";
import { getRecordHistory } from "@/lib/audit/queries";
import { getForecastAssumptions } from "@/lib/budgets/assumptions-query";
import { getFinanceViews } from "@/lib/budgets/rollup";
import { parseFinanceParams } from "@/lib/budgets/view-params";
import { getDashboardScope, getDeliveryFigures, getMoneyFigures, getPeopleFigures, parseDashboardParams } from "@/lib/dashboard/director";
import { countStatements } from "@/lib/db-statements";
import { fiscalPeriod, fiscalYearOf } from "@/lib/fiscal";
import { planVsActual, unfilledCostByUnit } from "@/lib/headcount/plan";
import { countPositions, listPositions } from "@/lib/headcount/queries";
import { getProjectStaffing } from "@/lib/headcount/staffing";
import { managersNeedingSupport } from "@/lib/managers/figures";
import { getProjectDetail } from "@/lib/projects/detail";
import {
  countProjectsByStatus,
  getProjectFilterOptions,
  listProjectsPage,
  parseProjectFilters,
  parseProjectSort,
} from "@/lib/projects/queries";
import { getDeliveryReview } from "@/lib/projects/review";
import { firstRows, NONE } from "@/lib/projects/review-lists";
import { countInitiativesByStatus, listInitiativesPage } from "@/lib/roadmap/queries";
import { timelineWindow } from "@/lib/roadmap/timeline";
import { listInitiativesForYear, listTimelinePage, parseTimelineFilters } from "@/lib/roadmap/timeline-queries";
import { seedLarge } from "@/lib/seed-large";
import { LARGE_SLUG } from "@/lib/seed-large/plan";
import { getContractSummary, listUpcomingRenewals } from "@/lib/vendors/queries";
import { resetDb, testDb } from "@/tests/support/db";

// Statements counted exactly (issue 23, item 4): the reads of each key page, as the page makes
// them, send the same number of SQL statements on a generated org of two sizes (lib/seed-large
// at scale 0.004 and 0.04: 10× the people, projects, ledger lines …). A read that loops over rows
// (an N+1) sends more statements on the larger org. Counted in-process at the driver adapter
// (lib/db-statements.ts), the same count the server logs per request and the bench prints. Each
// page is read twice: the first read computes the memoized figures (what the first viewer after
// a write waits for), the second finds them (every later viewer). A count, never a time.

const db = testDb();
const TODAY = new Date("2026-12-06T12:00:00Z");
type Sp = Record<string, string | string[] | undefined>;
type Ctx = { member: Member; deptId: string; projectId: string };

// The page's reads, in the page's own grouping (app/(app)/[org]/…/page.tsx and its panels).
const PAGES: Record<string, (c: Ctx) => Promise<unknown>> = {
  "dashboard, whole org": (c) => dashboard(c, {}),
  "dashboard, one department": (c) => dashboard(c, { unit: c.deptId }),
  "finance rollup, full year": async ({ member }) => {
    const { org } = member;
    const fy = fiscalYearOf(TODAY, org.fiscalYearStartMonth);
    const p = parseFinanceParams({ fy: String(fy), period: "year" }, org.fiscalYearStartMonth, TODAY);
    await Promise.all([
      getFinanceViews({ orgId: org.id, startMonth: org.fiscalYearStartMonth, payReader: member.readsPay, today: TODAY, ...p }, [
        { period: p.period, parts: ["categories", "tree", "months", "top"] },
      ]),
      getForecastAssumptions(org.id),
    ]);
  },
  "projects, filtered (active, at risk)": async ({ member }) => {
    const sp: Sp = { status: "ACTIVE", health: "AT_RISK" };
    const filters = parseProjectFilters(sp);
    await Promise.all([
      listProjectsPage(member.org.id, filters, sp, TODAY, parseProjectSort(sp)),
      countProjectsByStatus(member.org.id),
      getProjectFilterOptions(member.org.id, filters),
    ]);
  },
  "project page": ({ member, projectId }) =>
    Promise.all([
      getProjectDetail(member.org.id, projectId, TODAY),
      getProjectStaffing(member.org.id, projectId, TODAY),
      getRecordHistory(member, { type: "Project", id: projectId }, {}),
    ]),
  "roadmap, timeline": async ({ member }) => {
    const f = parseTimelineFilters({});
    const window = timelineWindow(TODAY, member.org.fiscalYearStartMonth, f.zoom, f.offset);
    await Promise.all([countInitiativesByStatus(member.org.id), listTimelinePage(member.org.id, f, window, {}, 10)]);
  },
  "roadmap by period": ({ member }) =>
    Promise.all([
      countInitiativesByStatus(member.org.id),
      listInitiativesForYear(member.org.id, fiscalPeriod(TODAY, member.org.fiscalYearStartMonth).fiscalYear),
    ]),
  "roadmap, all initiatives": ({ member }) =>
    Promise.all([countInitiativesByStatus(member.org.id), listInitiativesPage(member.org.id, {})]),
  headcount: async ({ member }) => {
    const orgId = member.org.id;
    const fiscalYear = fiscalPeriod(TODAY, member.org.fiscalYearStartMonth).fiscalYear;
    await Promise.all([
      listPositions(orgId, member, { page: { skip: 0, take: 100 } }),
      countPositions(orgId, {}),
      planVsActual(orgId, { unitId: null, fiscalYear, startMonth: member.org.fiscalYearStartMonth, today: TODAY }),
      unfilledCostByUnit(orgId, null, member, TODAY),
    ]);
  },
  "vendors, renewals": ({ member }) =>
    Promise.all([listUpcomingRenewals(member.org.id, TODAY, null), getContractSummary(member.org.id, TODAY, null)]),
};

async function dashboard({ member }: Ctx, sp: Sp) {
  const { org } = member;
  const params = parseDashboardParams(sp, org.fiscalYearStartMonth, TODAY, null);
  const scope = await getDashboardScope(org.id, params.unitId, null);
  if (!scope) throw new Error("no dashboard scope");
  const review = { orgId: org.id, unitId: params.unitId, viewerUserId: member.user.id };
  await Promise.all([
    getDeliveryFigures(org.id, params.unitId, TODAY),
    getDeliveryReview(review, { atRisk: firstRows(5), due: NONE, stale: firstRows(5), awaiting: firstRows(5), mine: NONE }, TODAY),
    getMoneyFigures(org.id, org.fiscalYearStartMonth, member.readsPay, params, TODAY),
    getForecastAssumptions(org.id),
    getPeopleFigures(org.id, org.fiscalYearStartMonth, params, TODAY),
    managersNeedingSupport(org.id, params.unitId, TODAY, null),
  ]);
}

async function context(): Promise<Ctx> {
  const org = await db.organization.findUniqueOrThrow({
    where: { slug: LARGE_SLUG },
    select: { id: true, slug: true, name: true, currency: true, fiscalYearStartMonth: true },
  });
  const director = await db.user.findUniqueOrThrow({
    where: { email: `director@${LARGE_SLUG}.example` },
    select: { id: true, email: true, name: true },
  });
  const dept = await db.orgUnit.findFirstOrThrow({ where: { orgId: org.id, depth: 2 }, orderBy: { code: "asc" }, select: { id: true } });
  const project = await db.project.findFirstOrThrow({
    where: { orgId: org.id, status: "ACTIVE", archivedAt: null },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const member: Member = { user: director, org, role: "DIRECTOR", scopeUnitId: null, readsPay: true };
  return { member, deptId: dept.id, projectId: project.id };
}

/** Per page: statements of the first read and of the second (memoized figures found). */
async function countAt(scale: number): Promise<Record<string, [number, number]>> {
  await resetDb();
  await seedLarge(process.env.DATABASE_URL!, { scale, smallOrgs: 0, today: TODAY });
  const ctx = await context();
  const out: Record<string, [number, number]> = {};
  for (const [page, read] of Object.entries(PAGES)) {
    const first = await countStatements(() => read(ctx));
    const again = await countStatements(() => read(ctx));
    out[page] = [first.statements, again.statements];
  }
  return out;
}

let small: Record<string, [number, number]>;
let large: Record<string, [number, number]>;

beforeAll(async () => {
  small = await countAt(0.004);
  large = await countAt(0.04);
}, 900_000);

describe("statements per key page", () => {
  it("counts what the driver sends: one read, a transaction with BEGIN and COMMIT, nothing outside", async () => {
    expect((await countStatements(() => db.organization.count())).statements).toBe(1);
    const tx = await countStatements(() => db.$transaction(async (t) => [await t.organization.count(), await t.user.count()]));
    expect(tx.statements).toBe(4);
    // Two units of work side by side each count their own.
    const [a, b] = await Promise.all([
      countStatements(() => db.organization.count()),
      countStatements(() => Promise.all([db.user.count(), db.user.count()])),
    ]);
    expect([a.statements, b.statements]).toEqual([1, 2]);
  });

  it.each(Object.keys(PAGES))("%s: the same count at 10× the data", (page) => {
    expect(small[page][0], `${page}: the page sends statements`).toBeGreaterThan(0);
    expect(large[page], `${page}: [first read, memoized] at scale 0.04 vs 0.004`).toEqual(small[page]);
  });
});
