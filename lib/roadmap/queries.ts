import "server-only";

import { db } from "@/lib/db";
import { formatFiscalPeriod } from "@/lib/fiscal";
import type { Health, InitiativeStatus } from "@/lib/generated/prisma/enums";
import { pageOf, type PageInfo } from "@/lib/paging";

export type HealthMix = Record<Health, number>;

export type InitiativeRow = {
  id: string;
  name: string;
  fiscalYear: number;
  fiscalQuarter: number | null;
  fiscalHalf: number | null;
  /** "FY27 Q2", "FY27 H1" or "FY27" */
  periodLabel: string;
  /** Sorts periods chronologically: year, then quarter/half start, whole-year first. */
  periodSort: number;
  teamName: string;
  ownerName: string | null;
  status: InitiativeStatus;
  projectCount: number;
  /** Non-archived projects of the initiative by health. */
  health: HealthMix;
};

export const emptyHealthMix = (): HealthMix => ({ ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, UNKNOWN: 0 });

function periodSort(fy: number, quarter: number | null, half: number | null): number {
  const startQuarter = quarter ?? (half ? (half - 1) * 2 + 1 : 0);
  return fy * 10 + startQuarter;
}

/** Rows of the initiatives table per page (?ipage=N), next to the timeline's ?page. */
export const INITIATIVES_PER_PAGE = 50;

/**
 * One page of the org's initiatives (by fiscal year and name) with project counts and health mix:
 * counted in the database, only the page's initiatives read and grouped (GROUP BY initiative,
 * health), not every initiative of the org.
 */
export async function listInitiativesPage(
  orgId: string,
  sp: Record<string, string | string[] | undefined>,
  perPage = INITIATIVES_PER_PAGE,
): Promise<{ rows: InitiativeRow[]; paging: PageInfo }> {
  const paging = pageOf(sp, await db.initiative.count({ where: { orgId } }), perPage, "ipage");
  const initiatives = await db.initiative.findMany({
    where: { orgId },
    select: {
      id: true,
      name: true,
      fiscalYear: true,
      fiscalQuarter: true,
      fiscalHalf: true,
      status: true,
      orgUnit: { select: { name: true } },
      owner: { select: { name: true } },
    },
    orderBy: [{ fiscalYear: "asc" }, { name: "asc" }, { id: "asc" }],
    skip: (paging.page - 1) * paging.pageSize,
    take: paging.pageSize,
  });
  const groups = initiatives.length
    ? await db.project.groupBy({
        by: ["initiativeId", "health"],
        where: { orgId, archivedAt: null, initiativeId: { in: initiatives.map((i) => i.id) } },
        _count: { _all: true },
      })
    : [];

  const mix = new Map<string, HealthMix>();
  for (const g of groups) {
    if (!g.initiativeId) continue;
    const m = mix.get(g.initiativeId) ?? emptyHealthMix();
    m[g.health] = g._count._all;
    mix.set(g.initiativeId, m);
  }

  const rows = initiatives.map((i) => {
    const health = mix.get(i.id) ?? emptyHealthMix();
    return {
      id: i.id,
      name: i.name,
      fiscalYear: i.fiscalYear,
      fiscalQuarter: i.fiscalQuarter,
      fiscalHalf: i.fiscalHalf,
      periodLabel: formatFiscalPeriod(i),
      periodSort: periodSort(i.fiscalYear, i.fiscalQuarter, i.fiscalHalf),
      teamName: i.orgUnit.name,
      ownerName: i.owner?.name ?? null,
      status: i.status,
      projectCount: health.ON_TRACK + health.AT_RISK + health.OFF_TRACK + health.UNKNOWN,
      health,
    };
  });
  return { rows, paging };
}

export type InitiativeStatusCounts = Record<InitiativeStatus, number>;

/** Initiatives per status (GROUP BY status). */
export async function countInitiativesByStatus(orgId: string): Promise<InitiativeStatusCounts> {
  const groups = await db.initiative.groupBy({ by: ["status"], where: { orgId }, _count: { _all: true } });
  const counts: InitiativeStatusCounts = { PROPOSED: 0, ACTIVE: 0, DONE: 0, CANCELLED: 0 };
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}
