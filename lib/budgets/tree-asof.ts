import "server-only";

import type { FinanceUnit } from "@/lib/budgets/rollup-prepare";
import { asOfTreeCtes } from "@/lib/budgets/tree-asof-sql";
import type { TreeBasis } from "@/lib/budgets/tree-basis";
import { db } from "@/lib/db";

// The units of an "as it was" finance view (lib/budgets/tree-basis.ts), read beside its statement:
// the tree of the day and, for a reader without pay access, which units' subtrees have changed
// since (their personnel figures are withheld: lib/budgets/rollup-rows.ts).

/**
 * The tree of the day: parents, names and codes as they were, depth counted along it; units
 * created after the day only while they hold money.
 */
export function loadAsOfUnits(orgId: string, on: string): Promise<FinanceUnit[]> {
  return db.$queryRaw<FinanceUnit[]>`
      WITH RECURSIVE ${asOfTreeCtes(orgId, on)}
      SELECT a."id", a."name", a."code", u."kind"::text AS "kind", a."parentId",
             (SELECT MAX(c."depth") FROM asof_closure c WHERE c."descendantId" = a."id")::int AS "depth"
      FROM asof_units a JOIN "OrgUnit" u ON u."id" = a."id"
      WHERE a."existed"
        OR EXISTS (SELECT 1 FROM "ActualMonthly" m WHERE m."orgId" = u."orgId" AND m."orgUnitId" = u."id")
        OR EXISTS (SELECT 1 FROM "BudgetLine" b WHERE b."orgId" = u."orgId" AND b."orgUnitId" = u."id")`;
}

/** The units whose subtree on `on` differs from today's (a unit moved in or out below them). */
async function unitsChangedSince(orgId: string, on: string): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE ${asOfTreeCtes(orgId, on)},
    was AS (SELECT "ancestorId", "descendantId" FROM asof_closure),
    cur AS (SELECT "ancestorId", "descendantId" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId})
    SELECT DISTINCT x."ancestorId" AS "id" FROM ((SELECT * FROM was EXCEPT SELECT * FROM cur) UNION ALL (SELECT * FROM cur EXCEPT SELECT * FROM was)) x`;
  return new Set(rows.map((r) => r.id));
}

/**
 * For a reader without pay access, an "as it was" view's units (the tree of its day; the
 * disclosure's are today's) and the units changed since; null for anyone else.
 */
export async function asOfReaderUnits(
  orgId: string,
  basis: TreeBasis,
  payReader: boolean,
): Promise<{ units: FinanceUnit[]; changedSince: Set<string> } | null> {
  if (basis.mode !== "asof" || payReader) return null;
  const [units, changedSince] = await Promise.all([loadAsOfUnits(orgId, basis.on), unitsChangedSince(orgId, basis.on)]);
  return { units, changedSince };
}
