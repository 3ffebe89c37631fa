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

function periodSort(fy: number, quarter: number | null, half: number | null): number {
  const startQuarter = quarter ?? (half ? (half - 1) * 2 + 1 : 0);
  return fy * 10 + startQuarter;
}

/** Rows of the initiatives table per page (?ipage=N), next to the timeline's ?page. */
const INITIATIVES_PER_PAGE = 50;

/**
 * One page of the org's initiatives (by fiscal year and name) with project counts and health mix:
 * counted in the database, then one statement reads the page's initiatives with their unit,
 * owner and non-archived projects by health (GROUP BY initiative), not every initiative of the org.
 */
export async function listInitiativesPage(
  orgId: string,
  sp: Record<string, string | string[] | undefined>,
  perPage = INITIATIVES_PER_PAGE,
): Promise<{ rows: InitiativeRow[]; paging: PageInfo }> {
  const paging = pageOf(sp, await db.initiative.count({ where: { orgId } }), perPage, "ipage");
  const initiatives = await db.$queryRaw<(Omit<InitiativeRow, "periodLabel" | "periodSort" | "projectCount" | "health"> & HealthMix)[]>`
    SELECT i.id, i.name, i."fiscalYear", i."fiscalQuarter", i."fiscalHalf", i.status::text AS status, u.name AS "teamName", o.name AS "ownerName",
      count(p.id) FILTER (WHERE p.health = 'ON_TRACK')::int AS "ON_TRACK", count(p.id) FILTER (WHERE p.health = 'AT_RISK')::int AS "AT_RISK",
      count(p.id) FILTER (WHERE p.health = 'OFF_TRACK')::int AS "OFF_TRACK", count(p.id) FILTER (WHERE p.health = 'UNKNOWN')::int AS "UNKNOWN"
    FROM (SELECT * FROM "Initiative" WHERE "orgId" = ${orgId} ORDER BY "fiscalYear", name, id LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}) i
    JOIN "OrgUnit" u ON u.id = i."orgUnitId" AND u."orgId" = ${orgId}
    LEFT JOIN "Person" o ON o.id = i."ownerId" AND o."orgId" = ${orgId}
    LEFT JOIN "Project" p ON p."orgId" = ${orgId} AND p."initiativeId" = i.id AND p."archivedAt" IS NULL
    GROUP BY i.id, i.name, i."fiscalYear", i."fiscalQuarter", i."fiscalHalf", i.status, u.name, o.name
    ORDER BY i."fiscalYear", i.name, i.id`;
  const rows = initiatives.map(({ ON_TRACK, AT_RISK, OFF_TRACK, UNKNOWN, ...i }) => ({
    ...i,
    periodLabel: formatFiscalPeriod(i),
    periodSort: periodSort(i.fiscalYear, i.fiscalQuarter, i.fiscalHalf),
    projectCount: ON_TRACK + AT_RISK + OFF_TRACK + UNKNOWN,
    health: { ON_TRACK, AT_RISK, OFF_TRACK, UNKNOWN },
  }));
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
