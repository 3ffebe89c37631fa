import "server-only";

import type { Db, Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// A manager's management chain: the people above them in the reporting line (Person.managerId,
// upwards to its top), today. A user is in the chain when one of those people is theirs
// (Person.userId) and has not left. The manager themself, their reports and their peers are
// not. This is the one rule for who may read and write a manager's development notes.

/** Reporting lines longer than this are treated as broken (a cycle written outside the app). */
const MAX_LINE = 50;

/** SQL boolean: the user is above the manager in the reporting line. */
export function inChainSql(orgId: string, managerId: Prisma.Sql | string, userId: string): Prisma.Sql {
  const start = typeof managerId === "string" ? Prisma.sql`${managerId}` : managerId;
  return Prisma.sql`EXISTS (
    WITH RECURSIVE up("id", "n") AS (
      SELECT s."managerId", 1 FROM "Person" s WHERE s."orgId" = ${orgId} AND s."id" = ${start}
      UNION ALL
      SELECT a."managerId", up."n" + 1 FROM up JOIN "Person" a ON a."orgId" = ${orgId} AND a."id" = up."id" WHERE up."n" < ${MAX_LINE}
    )
    SELECT 1 FROM up JOIN "Person" a ON a."orgId" = ${orgId} AND a."id" = up."id"
    WHERE a."userId" = ${userId} AND (a."endDate" IS NULL OR a."endDate" >= CURRENT_DATE)
  )`;
}

/** Whether the user is in the manager's management chain (false for a person of another org). */
export async function isInChain(client: Db | Tx, orgId: string, managerId: string, userId: string): Promise<boolean> {
  const [row] = await client.$queryRaw<{ ok: boolean }[]>`SELECT ${inChainSql(orgId, managerId, userId)} AS "ok"`;
  return row?.ok === true;
}
