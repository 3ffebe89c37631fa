import "server-only";

import { type ForecastSqlContext, roundHalfEvenSql } from "@/lib/budgets/forecast-window";
import { Prisma } from "@/lib/generated/prisma/client";

// PERSONNEL (employees and unfilled seats; contractors are paid through CONTRACTORS invoices)
//   - an employee, for the days of the month they are in post (start to last day, inclusive);
//     multiplier = their FILLED position's override, else the org's;
//   - OPEN / PLANNED positions from their expected start = (target start, or today when none or
//     past) + hiring delay; BACKFILL from the latest of the day after the leaver's last day, the
//     target start and today, + hiring delay; prorated by day likewise. FILLED = the person;
//     CLOSED = nothing.
// Individual pay never leaves SQL: these CTEs end in unit × month totals.

/** CTEs fc_pay and fc_personnel (unit × month); they read fc_org and fc_months. */
export function personnelCtes({ orgId, from, today, inUnits, published }: ForecastSqlContext): Prisma.Sql {
  const cost = roundHalfEvenSql(
    Prisma.sql`x."comp"::numeric * x."mult" * (LEAST(x."toDay", m."last") - GREATEST(x."fromDay", m."month") + 1) / (12 * m."days")`,
  );
  // The published forecast: the same costing of the sources as last published (one row per unit
  // span; the open months' unit is the current one, as above).
  const pay = published
    ? Prisma.sql`fc_pay AS (
      SELECT s."orgUnitId", s."fromDay", s."toDay", s."annualCompCents" AS "comp", s."multiplier" AS "mult"
      FROM "PublishedPaySource" s
      WHERE s."orgId" = ${orgId} AND s."version" <= ${published} AND (s."retiredIn" IS NULL OR s."retiredIn" > ${published})
        AND (s."toDay" IS NULL OR s."toDay" >= ${from}::date) ${inUnits(Prisma.sql`s."orgUnitId"`)}
    )`
    : null;
  return Prisma.sql`
    -- Who is paid from which day to which (inclusive; NULL = open-ended), at what pay and multiplier.
    ${
      pay ??
      Prisma.sql`fc_pay AS (
      SELECT p."orgUnitId", p."startDate" AS "fromDay", p."endDate" AS "toDay", p."annualCompCents" AS "comp", COALESCE(fp."mult", o."mult") AS "mult"
      FROM "Person" p CROSS JOIN fc_org o
      -- Each person's FILLED position (the first by id), read in one pass over the org's seats
      -- and hashed, not probed once per person.
      LEFT JOIN (
        SELECT DISTINCT ON (ps."personId") ps."personId", ps."loadedCostMultiplier" AS "mult" FROM "Position" ps
        WHERE ps."orgId" = ${orgId} AND ps."personId" IS NOT NULL AND ps."status" = 'FILLED' ORDER BY ps."personId", ps."id"
      ) fp ON fp."personId" = p."id"
      WHERE p."orgId" = ${orgId} AND p."employmentType" = 'EMPLOYEE' AND (p."endDate" IS NULL OR p."endDate" >= ${from}::date) ${inUnits(Prisma.sql`p."orgUnitId"`)}
      UNION ALL
      SELECT ps."orgUnitId",
             CASE WHEN ps."status" = 'BACKFILL' THEN GREATEST(bf."endDate" + 1, ps."targetStartDate", ${today}::date)
                  ELSE GREATEST(ps."targetStartDate", ${today}::date) END + o."delay",
             NULL::date, ps."annualCompCents", COALESCE(ps."loadedCostMultiplier", o."mult")
      FROM "Position" ps CROSS JOIN fc_org o
      LEFT JOIN "Person" bf ON bf."id" = ps."backfillForId" AND bf."orgId" = ps."orgId"
      WHERE ps."orgId" = ${orgId} AND ps."status" IN ('OPEN', 'PLANNED', 'BACKFILL') ${inUnits(Prisma.sql`ps."orgUnitId"`)}
    )`
    },
    -- Each person-month rounded once (days in post ÷ days in the month), then added.
    fc_personnel AS (
      SELECT x."orgUnitId", m."month", SUM(${cost}) AS "amount"
      FROM fc_pay x JOIN fc_months m ON x."fromDay" <= m."last" AND (x."toDay" IS NULL OR x."toDay" >= m."month")
      GROUP BY x."orgUnitId", m."month"
    )`;
}
