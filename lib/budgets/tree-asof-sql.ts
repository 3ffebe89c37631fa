import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

// The org tree as it stood on a day, in SQL, for "as it was" money views (lib/budgets/tree-basis.ts).
// Each unit sits where its OrgUnitHistory period covering the day put it; a unit without such a
// period (created later, or never edited since history was kept) sits where it sits now: a unit
// that was never moved has had one parent all along. Needs `WITH RECURSIVE`.

/**
 * CTEs `asof_units` (id, parentId, name, code, existed: one row per unit of the org; `existed`: it
 * had a history period covering the day or was created by then) and `asof_closure`
 * (ancestorId, descendantId, depth: every unit is its own ancestor at depth 0), to follow `WITH RECURSIVE`.
 */
export function asOfTreeCtes(orgId: string, on: string): Prisma.Sql {
  return Prisma.sql`asof_units AS (
      SELECT u."id", CASE WHEN h."unitId" IS NULL THEN u."parentId" ELSE h."parentId" END AS "parentId",
             COALESCE(h."name", u."name") AS "name", COALESCE(h."code", u."code") AS "code",
             h."unitId" IS NOT NULL OR u."createdAt"::date <= ${on}::date AS "existed"
      FROM "OrgUnit" u
      LEFT JOIN LATERAL (
        SELECT x."unitId", x."parentId", x."name", x."code" FROM "OrgUnitHistory" x
        WHERE x."orgId" = u."orgId" AND x."unitId" = u."id" AND x."effectiveFrom" <= ${on}::date
          AND (x."effectiveTo" IS NULL OR x."effectiveTo" >= ${on}::date)
        ORDER BY x."effectiveFrom" DESC, x."createdAt" DESC LIMIT 1
      ) h ON true
      WHERE u."orgId" = ${orgId}
    ),
    asof_closure AS (
      SELECT a."id" AS "ancestorId", a."id" AS "descendantId", 0 AS "depth" FROM asof_units a
      UNION ALL
      -- The depth bound only guards against a history that contradicts itself.
      SELECT c."ancestorId", a."id", c."depth" + 1 FROM asof_closure c JOIN asof_units a ON a."parentId" = c."descendantId"
      WHERE c."depth" < 64
    )`;
}
