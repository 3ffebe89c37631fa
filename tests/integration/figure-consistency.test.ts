import { beforeAll, describe, expect, it } from "vitest";

import { drillForPeriod, ledgerLinesHref, planLinesHref } from "@/lib/budgets/drill-links";
import { linesScope, linesTotals } from "@/lib/budgets/lines";
import { parseLinesParams } from "@/lib/budgets/lines-params";
import { personnelLinesVisible } from "@/lib/budgets/lines-privacy";
import { getDeliveryFigures, getMoneyFigures, getPeopleFigures, type DashboardParams } from "@/lib/dashboard/director";
import { fiscalPeriod, toDateString } from "@/lib/fiscal";
import { planVsActual, unfilledCostByUnit } from "@/lib/headcount/plan";
import { countPositions, listPositions } from "@/lib/headcount/queries";
import { listPeople } from "@/lib/people/queries";
import { listAttention } from "@/lib/projects/attention";
import { listProjects, type ProjectFilters } from "@/lib/projects/queries";
import { getDeliveryReview } from "@/lib/projects/review";
import { EVERY_ROW } from "@/lib/projects/review-lists";
import { seedDemo } from "@/lib/seed";
import { seedLarge } from "@/lib/seed-large";
import { LARGE_SLUG } from "@/lib/seed-large/plan";
import { getContractSummary, listUpcomingRenewals } from "@/lib/vendors/queries";
import { resetDb, testDb } from "@/tests/support/db";

// Every dashboard figure of the delivery and people panels (and renewals due) against the list it
// links to, and the money panel's figures against the ledger and plan lines they link to:
// count(list) = figure (sum(lines) = figure), at org, department and team level, for two periods, on the
// demo org (lib/seed) and on a generated org (lib/seed-large at a small scale). Only equalities
// are asserted (plus that the org-level figures are not all zero), so the test holds whatever
// the seeds lay out.

const db = testDb();
const TODAY = new Date("2026-12-06T12:00:00Z");
const today = toDateString(TODAY);

type Scope = { label: string; unitId: string | null };
type OrgCase = { slug: string; orgId: string; startMonth: number; viewerUserId: string; scopes: Scope[] };
const cases: OrgCase[] = [];

/** A unit with units below it (the one holding the most projects below the root), and the busiest leaf under it. */
async function pickScopes(orgId: string): Promise<Scope[]> {
  const [dept] = await db.$queryRaw<{ id: string }[]>`
    SELECT c."ancestorId" AS id FROM "OrgUnitClosure" c
    JOIN "OrgUnit" a ON a.id = c."ancestorId" AND a."orgId" = ${orgId}
    JOIN "Project" p ON p."orgUnitId" = c."descendantId" AND p."orgId" = ${orgId}
    WHERE c."orgId" = ${orgId} AND a.depth >= 1 AND EXISTS (SELECT 1 FROM "OrgUnit" k WHERE k."parentId" = a.id)
    GROUP BY c."ancestorId", a.depth ORDER BY count(*) DESC, a.depth, c."ancestorId" LIMIT 1`;
  const [team] = await db.$queryRaw<{ id: string }[]>`
    SELECT u.id FROM "OrgUnitClosure" c
    JOIN "OrgUnit" u ON u.id = c."descendantId" AND NOT EXISTS (SELECT 1 FROM "OrgUnit" k WHERE k."parentId" = u.id)
    LEFT JOIN "Project" p ON p."orgUnitId" = u.id AND p."orgId" = ${orgId}
    WHERE c."orgId" = ${orgId} AND c."ancestorId" = ${dept.id}
    GROUP BY u.id ORDER BY count(p.id) DESC, u.id LIMIT 1`;
  return [
    { label: "org", unitId: null },
    { label: "department", unitId: dept.id },
    { label: "team", unitId: team.id },
  ];
}

async function orgCase(slug: string, viewerEmail: string): Promise<OrgCase> {
  const org = await db.organization.findUniqueOrThrow({ where: { slug }, select: { id: true, fiscalYearStartMonth: true } });
  const viewer = await db.user.findUniqueOrThrow({ where: { email: viewerEmail }, select: { id: true } });
  return { slug, orgId: org.id, startMonth: org.fiscalYearStartMonth, viewerUserId: viewer.id, scopes: await pickScopes(org.id) };
}

beforeAll(async () => {
  await resetDb();
  await seedDemo(db, { today: TODAY });
  await seedLarge(process.env.DATABASE_URL!, { scale: 0.02, smallOrgs: 0, today: TODAY });
  cases.push(await orgCase("acme", "director@acme.example"), await orgCase(LARGE_SLUG, `director@${LARGE_SLUG}.example`));
}, 600_000);

/** The current quarter and the first quarter of the current fiscal year. */
function periods(c: OrgCase): DashboardParams["period"][] {
  return [`q${fiscalPeriod(TODAY, c.startMonth).quarter}` as DashboardParams["period"], "q1"];
}

const matrix = () => cases.flatMap((c) => c.scopes.flatMap((s) => periods(c).map((period) => ({ c, s, period }))));

describe.each(["acme", LARGE_SLUG])("%s", (slug) => {
  const mine = () => matrix().filter((m) => m.c.slug === slug);

  it("delivery: every figure equals the list it links to (org, department, team)", async () => {
    for (const { c, s } of mine().filter((m, i, all) => all.findIndex((o) => o.s === m.s) === i)) {
      const ctx = `${slug} ${s.label}`;
      const d = await getDeliveryFigures(c.orgId, s.unitId, TODAY);
      const review = await getDeliveryReview({ orgId: c.orgId, unitId: s.unitId, viewerUserId: c.viewerUserId }, EVERY_ROW, TODAY);
      const projects = async (f: ProjectFilters) =>
        (await listProjects(c.orgId, { ...(s.unitId ? { unit: s.unitId } : {}), ...f }, TODAY)).length;

      expect(await projects({ status: "ACTIVE" }), `${ctx} active`).toBe(d.active);
      for (const h of ["ON_TRACK", "AT_RISK", "OFF_TRACK", "UNKNOWN"] as const) {
        expect(await projects({ status: "ACTIVE", health: h }), `${ctx} ${h}`).toBe(d.health[h]);
      }
      // The at-risk list under the tiles: the two tiles added up, every row listed.
      expect(review.counts.atRisk, `${ctx} at risk and off track`).toBe(d.health.AT_RISK + d.health.OFF_TRACK);
      expect(review.atRisk, `${ctx} at-risk list`).toHaveLength(review.counts.atRisk);
      expect(review.atRisk.every((p) => p.health === "AT_RISK" || p.health === "OFF_TRACK")).toBe(true);
      // Stale: the tile, the review list and the projects list filtered stale=1.
      expect(review.stale, `${ctx} stale list`).toHaveLength(review.counts.stale);
      expect(await projects({ stale: true }), `${ctx} stale projects`).toBe(review.counts.stale);
      expect(review.due, `${ctx} updates due`).toHaveLength(review.counts.due);
      expect(review.awaiting, `${ctx} awaiting`).toHaveLength(review.counts.awaiting);
      expect(review.mine, `${ctx} mine`).toHaveLength(review.counts.mine);
      expect(review.mine.every((u) => u.mine && u.authorUserId !== c.viewerUserId)).toBe(true);
      // The trend ends today, on the tiles.
      expect(d.trend.at(-1), `${ctx} trend`).toEqual({ week: today, ...d.health });

      const overdue = await listAttention(c.orgId, s.unitId, TODAY, { due: "overdue" });
      const soon = await listAttention(c.orgId, s.unitId, TODAY, { due: "soon" });
      expect([overdue.milestones.length, soon.milestones.length, overdue.blocked.length], `${ctx} attention`).toEqual([
        d.milestonesOverdue,
        d.milestonesDueSoon,
        d.blockedCount,
      ]);

      if (!s.unitId) {
        expect(d.active, `${ctx} is not vacuous`).toBeGreaterThan(0);
        expect(review.counts.awaiting + review.counts.stale + review.counts.atRisk).toBeGreaterThan(0);
      }
    }
  });

  it("people and renewals: every figure equals the list it links to, for two periods", async () => {
    let nonZero = 0;
    for (const { c, s, period } of mine()) {
      const ctx = `${slug} ${s.label} ${period}`;
      const fy = fiscalPeriod(TODAY, c.startMonth).fiscalYear;
      const params: DashboardParams = { unitId: s.unitId, fiscalYear: fy, period };
      const p = await getPeopleFigures(c.orgId, c.startMonth, params, TODAY);
      const people = async (f: NonNullable<typeof p.filters.heads>) =>
        (await listPeople(c.orgId, { readsPay: true }, TODAY, s.unitId, f)).length;
      const q = p.quarter!;

      if (p.filters.heads) expect(await people(p.filters.heads), `${ctx} heads in post`).toBe(q.actual);
      expect(await people(p.filters.departures!), `${ctx} departures`).toBe(q.attrition);
      expect(await people(p.filters.overallocated), `${ctx} over-allocated`).toBe(p.overallocated);

      // Open positions: the panel's SQL, the list's Prisma where, the plan's current quarter and
      // the unfilled-cost table's "of which open" all count the same positions.
      const open = p.positionFilters.open;
      expect(await countPositions(c.orgId, { unitId: s.unitId, filter: open }), `${ctx} open positions`).toBe(p.openPositions);
      expect(await listPositions(c.orgId, { readsPay: true }, { unitId: s.unitId, filter: open }), `${ctx} open list`).toHaveLength(
        p.openPositions,
      );
      const plan = await planVsActual(c.orgId, { unitId: s.unitId, fiscalYear: fy, startMonth: c.startMonth, today: TODAY });
      expect(
        plan.filter((r) => r.open !== null).map((r) => r.open),
        `${ctx} plan open`,
      ).toEqual([p.openPositions]);
      expect(await countPositions(c.orgId, { unitId: s.unitId, filter: p.positionFilters.starts! }), `${ctx} planned starts`).toBe(
        q.hiring,
      );
      if (s.unitId) {
        const [own] = await unfilledCostByUnit(c.orgId, s.unitId, { readsPay: true }, TODAY);
        expect(own.unitId).toBe(s.unitId);
        expect(own.open, `${ctx} unfilled cost: open`).toBe(p.openPositions);
        expect(own.positions, `${ctx} unfilled`).toBe(await countPositions(c.orgId, { unitId: s.unitId, filter: { status: "unfilled" } }));
      }

      // Renewals due: the money panel, the vendors page's tile and its list.
      const m = await getMoneyFigures(c.orgId, c.startMonth, true, params, TODAY);
      const list = await listUpcomingRenewals(c.orgId, TODAY, s.unitId);
      const summary = await getContractSummary(c.orgId, TODAY, s.unitId);
      expect([list.rows.length, summary.renewingCount], `${ctx} renewals`).toEqual([m.renewalsTotal, m.renewalsTotal]);

      if (!s.unitId) nonZero += Number(p.openPositions > 0) + Number((q.actual ?? 0) > 0) + Number(m.renewalsTotal > 0);
    }
    // Not vacuous: the orgs have open positions, people in post and renewals due.
    expect(nonZero).toBeGreaterThanOrEqual(4);
  });

  it("money: the director's tiles, unit rows and top variances equal the ledger and plan lines they link to, for two periods", async () => {
    const director = { readsPay: true };
    let linked = 0;
    for (const { c, s, period } of mine()) {
      const ctx = `${slug} ${s.label} ${period}`;
      const fy = fiscalPeriod(TODAY, c.startMonth).fiscalYear;
      const params: DashboardParams = { unitId: s.unitId, fiscalYear: fy, period };
      const m = await getMoneyFigures(c.orgId, c.startMonth, director.readsPay, params, TODAY);
      // The links as the money panel writes them (components/dashboard/money-panel.tsx).
      const drill = (key: DashboardParams["period"]) =>
        drillForPeriod(
          c.slug,
          { ...params, period: key, startMonth: c.startMonth, today: TODAY },
          { unitId: s.unitId, category: null },
          personnelLinesVisible(director),
        );
      const total = async (href: string | null) => {
        expect(href, ctx).not.toBeNull();
        const parsed = parseLinesParams(new URL(href!, "http://x").searchParams, c.startMonth, TODAY);
        expect(parsed.ignored, ctx).toEqual([]);
        linked++;
        return Number((await linesTotals(linesScope(c.orgId, director, parsed.filters))).amountCents);
      };
      const [inPeriod, ytd] = [drill(period), drill("ytd")];
      if (ytd) expect(await total(ledgerLinesHref(ytd)), `${ctx} YTD actual`).toBe(m.ytd.actualCents);
      for (const r of m.children)
        expect(await total(planLinesHref(inPeriod!, { unitId: r.id })), `${ctx} ${r.code} plan`).toBe(r.planCents);
      for (const v of m.top)
        expect(
          await total(ledgerLinesHref(inPeriod!, { unitId: v.unitId, category: v.category, own: true })),
          `${ctx} top ${v.unitCode} ${v.category}`,
        ).toBe(v.actualCents);
    }
    expect(linked).toBeGreaterThan(10);
  });
});
