import type { Tx } from "@/lib/db";
import { inPostSql } from "@/lib/people/queries";
import { toDateString } from "@/lib/fiscal";

// The pay a backfill is budgeted at when whoever records the departure may not read the leaver's
// pay (docs/privacy.md): a budget estimate that never involves the leaver — the mean pay of the
// other employees in post at the same level when there are at least the org's minimum group of
// them, else of all other employees — rounded to a thousand. A pay reader replaces it later.

export async function estimatedBackfillPay(tx: Tx, orgId: string, level: string, leaverId: string, today = new Date()): Promise<bigint> {
  const day = toDateString(today);
  const [row] = await tx.$queryRaw<{ sameLevel: string | null; sameLevelCount: number; all: string | null }[]>`
    SELECT AVG(p."annualCompCents") FILTER (WHERE p."level" = ${level})::text AS "sameLevel",
           (COUNT(*) FILTER (WHERE p."level" = ${level}))::int AS "sameLevelCount",
           AVG(p."annualCompCents")::text AS "all"
    FROM "Person" p
    WHERE p."orgId" = ${orgId} AND p."id" <> ${leaverId} AND p."employmentType" = 'EMPLOYEE' AND ${inPostSql("p", day)}`;
  const [org] = await tx.$queryRaw<
    { minGroup: number }[]
  >`SELECT "payMinGroupSize" AS "minGroup" FROM "Organization" WHERE "id" = ${orgId}`;
  const mean = row && row.sameLevelCount >= org.minGroup ? row.sameLevel : row?.all;
  if (!mean) return 0n;
  // Nearest thousand in the org currency (100,000 minor units): an estimate, not anyone's pay.
  return BigInt(Math.round(Number(mean) / 100_000)) * 100_000n;
}
