import "server-only";

import { replicaDb as db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
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
// every pay source overlapping a window, each with its loaded annual cost, as they are now or as
// last published (lib/privacy/publication.ts). Read in ONE statement, with the units (the
// finance views' tree needs them too) and the org's minimum group.

/**
 * CTE `spans` (orgUnitId, sourceKey, fromDay, toDay, comp, mult): the org's pay sources as they
 * are now. Employees by their unit history (PersonAssignment) where it exists, else their current
 * unit, one row per span; unfilled positions from their expected start, as the forecast costs
 * them (lib/budgets/forecast-personnel-sql.ts). Needs nothing before it.
 */
export function liveSpansCte(orgId: string, today: Date): Prisma.Sql {
  const day = toDateString(today);
  return Prisma.sql`span_org AS (SELECT "loadedCostMultiplier" AS "mult", "hiringDelayDays" AS "delay" FROM "Organization" WHERE "id" = ${orgId}),
    span_mult AS (
      SELECT DISTINCT ON (ps."personId") ps."personId", ps."loadedCostMultiplier" AS "mult" FROM "Position" ps
      WHERE ps."orgId" = ${orgId} AND ps."personId" IS NOT NULL AND ps."status" = 'FILLED' ORDER BY ps."personId", ps."id"
    ),
    span_people AS (
      SELECT p."id", p."orgUnitId", p."startDate", p."endDate", p."annualCompCents" AS "comp", COALESCE(m."mult", o."mult") AS "mult"
      FROM "Person" p CROSS JOIN span_org o LEFT JOIN span_mult m ON m."personId" = p."id"
      WHERE p."orgId" = ${orgId} AND p."employmentType" = 'EMPLOYEE'
    ),
    spans AS (
      -- Unit history where recorded, clipped to the employment; else the current unit.
      SELECT a."orgUnitId", 'p:' || pe."id" AS "sourceKey", GREATEST(a."effectiveFrom", pe."startDate") AS "fromDay",
             CASE WHEN a."effectiveTo" IS NULL THEN pe."endDate" WHEN pe."endDate" IS NULL THEN a."effectiveTo" ELSE LEAST(a."effectiveTo", pe."endDate") END AS "toDay",
             pe."comp", pe."mult"
      FROM span_people pe JOIN "PersonAssignment" a ON a."orgId" = ${orgId} AND a."personId" = pe."id"
      UNION ALL
      SELECT pe."orgUnitId", 'p:' || pe."id", pe."startDate", pe."endDate", pe."comp", pe."mult" FROM span_people pe
      WHERE NOT EXISTS (SELECT 1 FROM "PersonAssignment" a WHERE a."orgId" = ${orgId} AND a."personId" = pe."id")
      UNION ALL
      SELECT ps."orgUnitId", 's:' || ps."id",
             CASE WHEN ps."status" = 'BACKFILL' THEN GREATEST(bf."endDate" + 1, ps."targetStartDate", ${day}::date)
                  ELSE GREATEST(ps."targetStartDate", ${day}::date) END + o."delay",
             NULL::date, ps."annualCompCents", COALESCE(ps."loadedCostMultiplier", o."mult")
      FROM "Position" ps CROSS JOIN span_org o
      LEFT JOIN "Person" bf ON bf."id" = ps."backfillForId" AND bf."orgId" = ps."orgId"
      WHERE ps."orgId" = ${orgId} AND ps."status" IN ('OPEN', 'PLANNED', 'BACKFILL')
    )`;
}

/** CTE `spans` as published in a version (lib/privacy/publication.ts): the same columns as liveSpansCte's. */
function publishedSpansCte(orgId: string, version: number): Prisma.Sql {
  return Prisma.sql`spans AS (
      SELECT s."orgUnitId", s."sourceKey", s."fromDay", s."toDay", s."annualCompCents" AS "comp", s."multiplier" AS "mult"
      FROM "PublishedPaySource" s
      WHERE s."orgId" = ${orgId} AND s."version" <= ${version} AND (s."retiredIn" IS NULL OR s."retiredIn" > ${version})
    )`;
}

/**
 * The org's units and its pay sources overlapping a window, each with its loaded annual cost: as
 * they are now, or as published in `opts.published` (a version). `client`: a transaction's.
 */
export async function loadPaySources(
  orgId: string,
  window: { from: Date; to: Date },
  today: Date,
  opts: { published?: number | null; client?: Pick<typeof db, "$queryRaw"> } = {},
): Promise<PaySources> {
  const from = toDateString(window.from);
  const to = toDateString(window.to);
  const q = opts.client ?? db;
  const rows = await q.$queryRaw<
    (
      | ({ row: "u" } & PaySourceUnit)
      | { row: "s"; id: string; name: string; annualCost: number; fromDay: Date; toDay: Date | null }
      | { row: "o"; minGroup: number }
    )[]
  >`
    WITH org AS (SELECT "payMinGroupSize" FROM "Organization" WHERE "id" = ${orgId}),
    ${opts.published ? publishedSpansCte(orgId, opts.published) : liveSpansCte(orgId, today)}
    SELECT 'u' AS "row", u."id", u."name", u."code", u."kind"::text AS "kind", u."parentId", u."depth",
           NULL::float8 AS "annualCost", NULL::date AS "fromDay", NULL::date AS "toDay", NULL::int AS "minGroup",
           (u."closedOn" IS NULL
             OR EXISTS (SELECT 1 FROM "ActualMonthly" a WHERE a."orgId" = u."orgId" AND a."orgUnitId" = u."id")
             OR EXISTS (SELECT 1 FROM "BudgetLine" b WHERE b."orgId" = u."orgId" AND b."orgUnitId" = u."id")) AS "listed"
    FROM "OrgUnit" u WHERE u."orgId" = ${orgId}
    UNION ALL
    SELECT 's', s."orgUnitId", s."sourceKey", NULL, NULL, NULL, NULL, (s."comp" * s."mult")::float8, s."fromDay", s."toDay", NULL, NULL FROM spans s
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
      sources.push({
        unitId: r.id,
        key: r.name,
        annualCost: r.annualCost,
        from: toDateString(r.fromDay),
        to: r.toDay ? toDateString(r.toDay) : null,
      });
    else minGroup = r.minGroup;
  }
  return { units, sources, minGroup };
}
