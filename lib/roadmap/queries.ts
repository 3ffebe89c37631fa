import { z } from "zod";
import "server-only";

import { db } from "@/lib/db";
import { formatFiscalPeriod } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Health, InitiativeStatus } from "@/lib/generated/prisma/enums";
import { pageOf, type PageInfo } from "@/lib/paging";
import { parseSearch, type SearchParams, zOneOf } from "@/lib/search-params";

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
 * The all-initiatives table's order (?isort=<column>&idir=asc|desc), applied by the database across
 * every page. Unknown keys fall back to the default (period, then name).
 */
const INITIATIVE_SORT_KEYS = ["name", "period", "teamName", "owner", "status", "projectCount", "health"] as const;
export type InitiativeSort = { key: (typeof INITIATIVE_SORT_KEYS)[number]; dir: "asc" | "desc" };
const DEFAULT_INITIATIVE_SORT: InitiativeSort = { key: "period", dir: "asc" };

const ZInitiativeSort = z
  .object({ isort: zOneOf(INITIATIVE_SORT_KEYS), idir: zOneOf(["asc", "desc"]) })
  .transform(({ isort, idir }): InitiativeSort =>
    isort ? { key: isort, dir: idir === "desc" ? "desc" : "asc" } : DEFAULT_INITIATIVE_SORT,
  );

function parseInitiativeSort(sp: SearchParams): InitiativeSort {
  return parseSearch(ZInitiativeSort, sp);
}

// Sort expressions over the inner query's columns (i: the initiative, u: its unit, o: its owner,
// h: its non-archived projects by health). Period sorts as periodSort() does: year, then the
// quarter or half's first quarter, whole-year first. Status in the order the badges rank them;
// health by the share of projects in trouble (off track counting double), no projects last.
const INITIATIVE_ORDER: Record<InitiativeSort["key"], Prisma.Sql> = {
  name: Prisma.sql`i.name`,
  period: Prisma.sql`i."fiscalYear" * 10 + COALESCE(i."fiscalQuarter", (i."fiscalHalf" - 1) * 2 + 1, 0)`,
  teamName: Prisma.sql`u.name`,
  owner: Prisma.sql`o.name`,
  status: Prisma.sql`CASE i.status WHEN 'ACTIVE' THEN 0 WHEN 'PROPOSED' THEN 1 WHEN 'DONE' THEN 2 ELSE 3 END`,
  projectCount: Prisma.sql`h.total`,
  health: Prisma.sql`(h."OFF_TRACK" * 2 + h."AT_RISK")::float8 / NULLIF(h.total, 0)`,
};

/**
 * One page of the org's initiatives with project counts and health mix, in `sort`'s order across
 * all pages: counted in the database, then one statement orders and cuts the org's initiatives
 * (with unit and owner; for the project columns, each initiative's projects by health) and
 * reads the page's rows with their non-archived projects by health (GROUP BY initiative).
 */
export async function listInitiativesPage(
  orgId: string,
  sp: Record<string, string | string[] | undefined>,
  perPage = INITIATIVES_PER_PAGE,
): Promise<{ rows: InitiativeRow[]; paging: PageInfo; sort: InitiativeSort }> {
  const sort = parseInitiativeSort(sp);
  const paging = pageOf(sp, await db.initiative.count({ where: { orgId } }), perPage, "ipage");
  const dir = sort.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  // Projects by health for every initiative only when the order needs them.
  const byHealth =
    sort.key === "projectCount" || sort.key === "health"
      ? Prisma.sql`LEFT JOIN LATERAL (
          SELECT count(*)::int AS total, count(*) FILTER (WHERE p.health = 'AT_RISK')::int AS "AT_RISK",
            count(*) FILTER (WHERE p.health = 'OFF_TRACK')::int AS "OFF_TRACK"
          FROM "Project" p WHERE p."orgId" = ${orgId} AND p."initiativeId" = i.id AND p."archivedAt" IS NULL) h ON true`
      : Prisma.empty;
  const initiatives = await db.$queryRaw<(Omit<InitiativeRow, "periodLabel" | "periodSort" | "projectCount" | "health"> & HealthMix)[]>`
    SELECT i.id, i.name, i."fiscalYear", i."fiscalQuarter", i."fiscalHalf", i.status::text AS status, i."teamName", i."ownerName",
      count(p.id) FILTER (WHERE p.health = 'ON_TRACK')::int AS "ON_TRACK", count(p.id) FILTER (WHERE p.health = 'AT_RISK')::int AS "AT_RISK",
      count(p.id) FILTER (WHERE p.health = 'OFF_TRACK')::int AS "OFF_TRACK", count(p.id) FILTER (WHERE p.health = 'UNKNOWN')::int AS "UNKNOWN"
    FROM (
      SELECT i.id, i.name, i."fiscalYear", i."fiscalQuarter", i."fiscalHalf", i.status, u.name AS "teamName", o.name AS "ownerName",
        row_number() OVER (ORDER BY ${INITIATIVE_ORDER[sort.key]} ${dir} NULLS LAST, i."fiscalYear", i.name, i.id) AS rank
      FROM "Initiative" i
      JOIN "OrgUnit" u ON u.id = i."orgUnitId" AND u."orgId" = ${orgId}
      LEFT JOIN "Person" o ON o.id = i."ownerId" AND o."orgId" = ${orgId}
      ${byHealth}
      WHERE i."orgId" = ${orgId}
      ORDER BY rank LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}) i
    LEFT JOIN "Project" p ON p."orgId" = ${orgId} AND p."initiativeId" = i.id AND p."archivedAt" IS NULL
    GROUP BY i.id, i.name, i."fiscalYear", i."fiscalQuarter", i."fiscalHalf", i.status, i."teamName", i."ownerName", i.rank
    ORDER BY i.rank`;
  const rows = initiatives.map(({ ON_TRACK, AT_RISK, OFF_TRACK, UNKNOWN, ...i }) => ({
    ...i,
    periodLabel: formatFiscalPeriod(i),
    periodSort: periodSort(i.fiscalYear, i.fiscalQuarter, i.fiscalHalf),
    projectCount: ON_TRACK + AT_RISK + OFF_TRACK + UNKNOWN,
    health: { ON_TRACK, AT_RISK, OFF_TRACK, UNKNOWN },
  }));
  return { rows, paging, sort };
}

export type InitiativeStatusCounts = Record<InitiativeStatus, number>;

/** Initiatives per status (GROUP BY status). */
export async function countInitiativesByStatus(orgId: string): Promise<InitiativeStatusCounts> {
  const groups = await db.initiative.groupBy({ by: ["status"], where: { orgId }, _count: { _all: true } });
  const counts: InitiativeStatusCounts = { PROPOSED: 0, ACTIVE: 0, DONE: 0, CANCELLED: 0 };
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}
