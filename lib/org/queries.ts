import "server-only";

import { cache } from "react";

import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgUnitKind } from "@/lib/generated/prisma/enums";
import { openPositionSql } from "@/lib/headcount/position-filter";
import { inPostSql } from "@/lib/people/queries";

export type OrgUnitRow = {
  id: string;
  parentId: string | null;
  name: string;
  code: string;
  kind: OrgUnitKind;
  depth: number;
  leadName: string | null;
  /** Someone standing in for the lead (lib/org/set-acting-lead.ts). */
  actingLeadName: string | null;
  /** People in post in the unit and every unit below it. */
  headCount: number;
  /** People in post directly in the unit. */
  directCount: number;
  /** Open positions today (glossary `open-positions`) in the unit's subtree. */
  openPositions: number;
  /** Tree order (depth-first, siblings by name) as returned by the query. */
  order: number;
};

/** A window on the tree: `unitId` (the roots when null) and the units up to `levels` below it. */
export type UnitWindow = { unitId: string | null; levels: number };

/** SQL selecting the ids of the units a window shows. */
function windowIds(orgId: string, w: UnitWindow): Prisma.Sql {
  return w.unitId
    ? Prisma.sql`SELECT "descendantId" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${w.unitId} AND "depth" <= ${w.levels}`
    : Prisma.sql`SELECT "id" FROM "OrgUnit" WHERE "orgId" = ${orgId} AND "depth" <= ${w.levels}`;
}

/**
 * The org tree in depth-first order with subtree rollups. One query: the closure table gives
 * each unit's ancestors (for the sort path) and, grouped by ancestor, its subtree counts. With a
 * window, only its units are read and rolled up (a large org's teams page shows one subtree).
 */
export async function listOrgUnits(orgId: string, today = new Date(), window?: UnitWindow): Promise<OrgUnitRow[]> {
  const day = toDateString(today);
  const only = window ? windowIds(orgId, window) : null;
  const onlyU = only ? Prisma.sql`AND u."id" IN (${only})` : Prisma.empty;
  const onlyC = only ? Prisma.sql`AND c."ancestorId" IN (${only})` : Prisma.empty;
  const rows = await db.$queryRaw<Omit<OrgUnitRow, "order">[]>`
    SELECT u."id", u."parentId", u."name", u."code", u."kind"::text AS "kind", u."depth",
           l."name" AS "leadName", al."name" AS "actingLeadName",
           COALESCE(hc."total", 0)::int AS "headCount",
           COALESCE(hc."direct", 0)::int AS "directCount",
           COALESCE(op."open", 0)::int AS "openPositions"
    FROM "OrgUnit" u
    LEFT JOIN "Person" l ON l."id" = u."leadId" AND l."orgId" = u."orgId"
    LEFT JOIN "Person" al ON al."id" = u."actingLeadId" AND al."orgId" = u."orgId"
    LEFT JOIN (
      SELECT c."ancestorId", COUNT(*) AS "total", COUNT(*) FILTER (WHERE c."depth" = 0) AS "direct"
      FROM "OrgUnitClosure" c
      JOIN "Person" p ON p."orgId" = c."orgId" AND p."orgUnitId" = c."descendantId"
      WHERE c."orgId" = ${orgId} AND ${inPostSql("p", day)} ${onlyC}
      GROUP BY c."ancestorId"
    ) hc ON hc."ancestorId" = u."id"
    LEFT JOIN (
      SELECT c."ancestorId", COUNT(*) AS "open"
      FROM "OrgUnitClosure" c
      JOIN "Position" ps ON ps."orgId" = c."orgId" AND ps."orgUnitId" = c."descendantId"
      WHERE c."orgId" = ${orgId} AND ${openPositionSql("ps", day)} ${onlyC}
      GROUP BY c."ancestorId"
    ) op ON op."ancestorId" = u."id"
    LEFT JOIN LATERAL (
      -- Root-to-unit names (codes break ties): sorting by it is a depth-first walk.
      SELECT array_agg(a."name" ORDER BY c."depth" DESC) AS "names",
             array_agg(a."code" ORDER BY c."depth" DESC) AS "codes"
      FROM "OrgUnitClosure" c
      JOIN "OrgUnit" a ON a."id" = c."ancestorId" AND a."orgId" = c."orgId"
      WHERE c."orgId" = u."orgId" AND c."descendantId" = u."id"
    ) path ON TRUE
    WHERE u."orgId" = ${orgId} AND u."closedOn" IS NULL ${onlyU}
    ORDER BY path."names", path."codes"`;
  return rows.map((r, i) => ({ ...r, order: i }));
}

export type UnitCrumb = { id: string; name: string; code: string; depth: number };

/** The unit and the units above it, root first (a breadcrumb); empty for a unit of another org. */
export async function unitPath(orgId: string, unitId: string): Promise<UnitCrumb[]> {
  return db.$queryRaw<UnitCrumb[]>`
    SELECT a."id", a."name", a."code", a."depth" FROM "OrgUnitClosure" c
    JOIN "OrgUnit" a ON a."id" = c."ancestorId" AND a."orgId" = c."orgId"
    WHERE c."orgId" = ${orgId} AND c."descendantId" = ${unitId}
    ORDER BY c."depth" DESC`;
}

/** Units in a subtree (or the org) and how many of them are teams. */
export async function countUnits(orgId: string, unitId: string | null): Promise<{ units: number; teams: number }> {
  const [row] = await db.$queryRaw<{ units: number; teams: number }[]>`
    SELECT COUNT(*)::int AS "units", (COUNT(*) FILTER (WHERE u."kind" = 'TEAM'))::int AS "teams"
    FROM "OrgUnit" u
    WHERE u."orgId" = ${orgId} AND u."closedOn" IS NULL ${unitId ? Prisma.sql`AND u."id" IN (SELECT "descendantId" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${unitId})` : Prisma.empty}`;
  return row ?? { units: 0, teams: 0 };
}

/** Whether `unitId` is a unit of this org (a foreign or unknown id is not; a closed one is). */
export async function orgUnitExists(orgId: string, unitId: string): Promise<boolean> {
  return (await db.orgUnit.count({ where: { id: unitId, orgId } })) > 0;
}

export type UnitOption = { id: string; name: string; code: string; depth: number };

/**
 * The org's units in tree order (depth-first, siblings by name, then code), for unit filters,
 * pickers and scope choices: ONE recursive query, cached per request.
 */
export const listUnitTree = cache(async (orgId: string): Promise<UnitOption[]> => {
  return db.$queryRaw<UnitOption[]>`
    WITH RECURSIVE tree AS (
      SELECT id, name, code, depth, ARRAY[name, code] AS sort_path FROM "OrgUnit" WHERE "orgId" = ${orgId} AND "parentId" IS NULL AND "closedOn" IS NULL
      UNION ALL
      SELECT u.id, u.name, u.code, u.depth, t.sort_path || ARRAY[u.name, u.code]
      FROM "OrgUnit" u JOIN tree t ON u."parentId" = t.id
      WHERE u."orgId" = ${orgId} AND u."closedOn" IS NULL
    )
    SELECT id, name, code, depth FROM tree ORDER BY sort_path`;
});
