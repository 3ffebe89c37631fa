import type { Tx } from "@/lib/db-factory";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db-factory";

// Maintenance of OrgUnitClosure (see prisma/schema.prisma). Inserting a unit copies its
// parent's ancestor rows one level deeper plus the (unit, unit) row: one INSERT … SELECT.

type Client = Tx | Db;

export async function insertUnitClosure(tx: Client, orgId: string, unitId: string, parentId: string | null) {
  await tx.$executeRaw`
    INSERT INTO "OrgUnitClosure" ("orgId", "ancestorId", "descendantId", "depth")
    SELECT ${orgId}, ${unitId}, ${unitId}, 0
    UNION ALL
    SELECT ${orgId}, c."ancestorId", ${unitId}, c."depth" + 1
    FROM "OrgUnitClosure" c
    WHERE c."orgId" = ${orgId} AND c."descendantId" = ${parentId}`;
}

/** True when `unitId` is `ancestorId` or lies below it. One indexed lookup. */
export async function isInSubtree(tx: Client, orgId: string, ancestorId: string, unitId: string): Promise<boolean> {
  const row = await tx.orgUnitClosure.findUnique({
    where: { orgId_ancestorId_descendantId: { orgId, ancestorId, descendantId: unitId } },
    select: { depth: true },
  });
  return row !== null;
}

/** SQL selecting the ids ("id") of a unit's subtree (itself and every unit below), or of the whole org when null. */
export function scopeCte(orgId: string, unitId: string | null): Prisma.Sql {
  return unitId
    ? Prisma.sql`SELECT "descendantId" AS "id" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${unitId}`
    : Prisma.sql`SELECT "id" FROM "OrgUnit" WHERE "orgId" = ${orgId}`;
}

/**
 * Re-hangs a unit's subtree under a new parent in the closure table and the depth column: the
 * subtree's links to its old ancestors go, links to the new parent's ancestors (and the parent)
 * come, each descendant's depth is its distance from the root. The caller has refused a parent
 * inside the subtree (a cycle) and updates parentId itself; three statements whatever the size.
 */
export async function moveUnitClosure(tx: Client, orgId: string, unitId: string, newParentId: string) {
  const subtree = Prisma.sql`SELECT "descendantId" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${unitId}`;
  await tx.$executeRaw`
    DELETE FROM "OrgUnitClosure"
    WHERE "orgId" = ${orgId} AND "descendantId" IN (${subtree}) AND "ancestorId" NOT IN (${subtree})`;
  await tx.$executeRaw`
    INSERT INTO "OrgUnitClosure" ("orgId", "ancestorId", "descendantId", "depth")
    SELECT ${orgId}, up."ancestorId", down."descendantId", up."depth" + down."depth" + 1
    FROM "OrgUnitClosure" up CROSS JOIN "OrgUnitClosure" down
    WHERE up."orgId" = ${orgId} AND up."descendantId" = ${newParentId}
      AND down."orgId" = ${orgId} AND down."ancestorId" = ${unitId}`;
  await tx.$executeRaw`
    UPDATE "OrgUnit" u SET "depth" = d."depth"
    FROM (
      SELECT c."descendantId" AS "id", MAX(c."depth") AS "depth" FROM "OrgUnitClosure" c
      WHERE c."orgId" = ${orgId} AND c."descendantId" IN (${subtree})
      GROUP BY c."descendantId"
    ) d
    WHERE u."orgId" = ${orgId} AND u."id" = d."id" AND u."depth" <> d."depth"`;
}
