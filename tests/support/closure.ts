import type { Db } from "@/lib/db-factory";

/**
 * Differences between an org's closure table (and OrgUnit.depth) and a recursive walk of the
 * parentId links: rows the walk has and the table lacks ("missing …"), rows the table has and
 * the walk lacks ("extra …"), and units whose depth column is off ("depth …"). Empty = exact.
 */
export async function closureMismatches(db: Db, orgId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ problem: string }[]>`
    WITH RECURSIVE walk("ancestorId", "descendantId", "depth") AS (
      SELECT u."id", u."id", 0 FROM "OrgUnit" u WHERE u."orgId" = ${orgId}
      UNION ALL
      SELECT w."ancestorId", c."id", w."depth" + 1 FROM walk w JOIN "OrgUnit" c ON c."parentId" = w."descendantId" AND c."orgId" = ${orgId}
      WHERE w."depth" < 100
    ),
    closure AS (SELECT "ancestorId", "descendantId", "depth" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId}),
    roots AS (SELECT "descendantId" AS "id", MAX("depth") AS "depth" FROM walk GROUP BY "descendantId")
    SELECT 'missing ' || "ancestorId" || ' > ' || "descendantId" || ' @' || "depth" AS "problem" FROM (SELECT * FROM walk EXCEPT SELECT * FROM closure) m
    UNION ALL
    SELECT 'extra ' || "ancestorId" || ' > ' || "descendantId" || ' @' || "depth" FROM (SELECT * FROM closure EXCEPT SELECT * FROM walk) e
    UNION ALL
    SELECT 'depth ' || u."id" || ': ' || u."depth" || ' <> ' || r."depth" FROM "OrgUnit" u JOIN roots r ON r."id" = u."id" WHERE u."depth" <> r."depth"
    ORDER BY 1`;
  return rows.map((r) => r.problem);
}
