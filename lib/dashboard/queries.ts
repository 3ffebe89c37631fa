import "server-only";

import { getBudgetTotals, type BudgetTotals } from "@/lib/budgets/queries";
import { db } from "@/lib/db";
import { fiscalYearLabel, fiscalYearOf, toDateString } from "@/lib/fiscal";
import { countPositionsByStatus } from "@/lib/headcount/queries";
import { inPostSql } from "@/lib/people/queries";
import { getContractSummary } from "@/lib/vendors/queries";
import { emptyHealthMix, type HealthMix } from "@/lib/roadmap/queries";

/** An active project without a status update for longer than this is stale. */
export const STALE_AFTER_DAYS = 14;
const DAY_MS = 86_400_000;

export type DashboardSummary = {
  /** Active projects by health */
  projectsByHealth: HealthMix;
  activeProjects: number;
  staleProjects: number;
  peopleInPost: number;
  contractorsInPost: number;
  /** OPEN + BACKFILL */
  openPositions: number;
  backfillPositions: number;
  budget: BudgetTotals & { fiscalYear: number; fiscalYearLabel: string; asOf: string };
  renewals: { count: number; annualValueCents: number; until: string };
};

/** Every dashboard figure is a SQL aggregate (COUNT / SUM / GROUP BY); the queries run in parallel. */
export async function getDashboardSummary(orgId: string, fiscalYearStartMonth: number, now = new Date()): Promise<DashboardSummary> {
  const today = toDateString(now);
  const staleBefore = new Date(now.getTime() - STALE_AFTER_DAYS * DAY_MS);
  const fiscalYear = fiscalYearOf(now, fiscalYearStartMonth);

  const [health, stale, people, positions, budget, renewals] = await Promise.all([
    db.project.groupBy({ by: ["health"], where: { orgId, archivedAt: null, status: "ACTIVE" }, _count: { _all: true } }),
    db.project.count({
      where: { orgId, archivedAt: null, status: "ACTIVE", OR: [{ lastUpdateAt: null }, { lastUpdateAt: { lt: staleBefore } }] },
    }),
    db.$queryRaw<{ total: number; contractors: number }[]>`
      SELECT COUNT(*)::int AS "total", (COUNT(*) FILTER (WHERE p."employmentType" = 'CONTRACTOR'))::int AS "contractors"
      FROM "Person" p
      WHERE p."orgId" = ${orgId} AND ${inPostSql("p", today)}`,
    countPositionsByStatus(orgId),
    getBudgetTotals(orgId, fiscalYear, fiscalYearStartMonth, now),
    getContractSummary(orgId, now),
  ]);

  const projectsByHealth = emptyHealthMix();
  for (const g of health) projectsByHealth[g.health] = g._count._all;

  return {
    projectsByHealth,
    activeProjects: Object.values(projectsByHealth).reduce((a, b) => a + b, 0),
    staleProjects: stale,
    peopleInPost: people[0]?.total ?? 0,
    contractorsInPost: people[0]?.contractors ?? 0,
    openPositions: positions.OPEN + positions.BACKFILL,
    backfillPositions: positions.BACKFILL,
    budget: { ...budget, fiscalYear, fiscalYearLabel: fiscalYearLabel(fiscalYear) },
    renewals: { count: renewals.renewingCount, annualValueCents: renewals.renewingAnnualCents, until: renewals.renewingUntil },
  };
}
