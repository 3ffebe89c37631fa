import "server-only";

import { replicaDb as db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import type { OrgUnitKind } from "@/lib/generated/prisma/enums";
import type { PaySource } from "@/lib/privacy/disclosure";

export type PaySourceUnit = {
  id: string;
  name: string;
  code: string;
  kind: OrgUnitKind;
  parentId: string | null;
  depth: number;
  /** Whether the finance views list the unit (loadFinanceUnits' rule: open, or holding money). */
  listed: boolean;
};
export type PaySources = { units: PaySourceUnit[]; sources: PaySource[]; minGroup: number };

// The facts the pay-disclosure rule judges (lib/privacy/disclosure.ts): the org's units and
// every pay source overlapping a window, each with its loaded annual cost. Employees are placed
// by their unit history (PersonAssignment) where it exists, else by their current unit; unfilled
// positions count from their expected start, as the forecast costs them. Read in ONE statement,
// with the units (the finance views' tree needs them too) and the org's minimum group.

export async function loadPaySources(orgId: string, window: { from: Date; to: Date }, today: Date): Promise<PaySources> {
  const from = toDateString(window.from);
  const to = toDateString(window.to);
  const day = toDateString(today);
  const rows = await db.$queryRaw<
    (
      | ({ row: "u" } & PaySourceUnit)
      | { row: "s"; id: string; annualCost: number; fromDay: Date; toDay: Date | null }
      | { row: "o"; minGroup: number }
    )[]
  >`
    WITH org AS (SELECT "loadedCostMultiplier" AS "mult", "hiringDelayDays" AS "delay", "payMinGroupSize" FROM "Organization" WHERE "id" = ${orgId}),
    mult AS (
      SELECT DISTINCT ON (ps."personId") ps."personId", ps."loadedCostMultiplier" AS "mult" FROM "Position" ps
      WHERE ps."orgId" = ${orgId} AND ps."personId" IS NOT NULL AND ps."status" = 'FILLED' ORDER BY ps."personId", ps."id"
    ),
    people AS (
      SELECT p."id", p."orgUnitId", p."startDate", p."endDate", (p."annualCompCents" * COALESCE(m."mult", o."mult"))::float8 AS "cost"
      FROM "Person" p CROSS JOIN org o LEFT JOIN mult m ON m."personId" = p."id"
      WHERE p."orgId" = ${orgId} AND p."employmentType" = 'EMPLOYEE'
        AND p."startDate" <= ${to}::date AND (p."endDate" IS NULL OR p."endDate" >= ${from}::date)
    ),
    spans AS (
      -- Unit history where recorded, clipped to the employment; else the current unit.
      SELECT a."orgUnitId", GREATEST(a."effectiveFrom", pe."startDate") AS "fromDay",
             CASE WHEN a."effectiveTo" IS NULL THEN pe."endDate" WHEN pe."endDate" IS NULL THEN a."effectiveTo" ELSE LEAST(a."effectiveTo", pe."endDate") END AS "toDay",
             pe."cost"
      FROM people pe JOIN "PersonAssignment" a ON a."orgId" = ${orgId} AND a."personId" = pe."id"
      UNION ALL
      SELECT pe."orgUnitId", pe."startDate", pe."endDate", pe."cost" FROM people pe
      WHERE NOT EXISTS (SELECT 1 FROM "PersonAssignment" a WHERE a."orgId" = ${orgId} AND a."personId" = pe."id")
      UNION ALL
      SELECT ps."orgUnitId",
             CASE WHEN ps."status" = 'BACKFILL' THEN GREATEST(bf."endDate" + 1, ps."targetStartDate", ${day}::date)
                  ELSE GREATEST(ps."targetStartDate", ${day}::date) END + o."delay",
             NULL::date, (ps."annualCompCents" * COALESCE(ps."loadedCostMultiplier", o."mult"))::float8
      FROM "Position" ps CROSS JOIN org o
      LEFT JOIN "Person" bf ON bf."id" = ps."backfillForId" AND bf."orgId" = ps."orgId"
      WHERE ps."orgId" = ${orgId} AND ps."status" IN ('OPEN', 'PLANNED', 'BACKFILL')
    )
    SELECT 'u' AS "row", u."id", u."name", u."code", u."kind"::text AS "kind", u."parentId", u."depth",
           NULL::float8 AS "annualCost", NULL::date AS "fromDay", NULL::date AS "toDay", NULL::int AS "minGroup",
           (u."closedOn" IS NULL
             OR EXISTS (SELECT 1 FROM "ActualMonthly" a WHERE a."orgId" = u."orgId" AND a."orgUnitId" = u."id")
             OR EXISTS (SELECT 1 FROM "BudgetLine" b WHERE b."orgId" = u."orgId" AND b."orgUnitId" = u."id")) AS "listed"
    FROM "OrgUnit" u WHERE u."orgId" = ${orgId}
    UNION ALL
    SELECT 's', s."orgUnitId", NULL, NULL, NULL, NULL, NULL, s."cost", s."fromDay", s."toDay", NULL, NULL FROM spans s
    WHERE s."fromDay" <= ${to}::date AND (s."toDay" IS NULL OR s."toDay" >= ${from}::date) AND (s."toDay" IS NULL OR s."toDay" >= s."fromDay")
    UNION ALL
    SELECT 'o', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "payMinGroupSize", NULL FROM org`;
  const units: PaySourceUnit[] = [];
  const sources: PaySource[] = [];
  let minGroup = 3;
  for (const r of rows) {
    if (r.row === "u")
      units.push({ id: r.id, name: r.name, code: r.code, kind: r.kind, parentId: r.parentId, depth: r.depth, listed: r.listed });
    else if (r.row === "s")
      sources.push({ unitId: r.id, annualCost: r.annualCost, from: toDateString(r.fromDay), to: r.toDay ? toDateString(r.toDay) : null });
    else minGroup = r.minGroup;
  }
  return { units, sources, minGroup };
}
