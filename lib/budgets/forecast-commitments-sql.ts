import "server-only";

import { type ForecastSqlContext, roundHalfEvenSql } from "@/lib/budgets/forecast-window";
import { Prisma } from "@/lib/generated/prisma/client";

// Commitments: an ACTIVE contract's run-rate in each month of its term (an auto-renewing one also
// after its end date: it renews term after term). A commitment adds only what no forecast already
// covers; this part takes off the vendor's run-rate anywhere in the org (its ledger lines of the
// window ÷ W, shared among the vendor's contracts oldest first). What is left (fc_uncovered) is set
// against the holding unit's plan-based forecast in lib/budgets/forecast-sql.ts.

/** CTEs fc_contract, fc_vendor and fc_uncovered (unit × category × month); they read fc_org and fc_months. */
export function commitmentCtes({ orgId, current, inUnits }: ForecastSqlContext): Prisma.Sql {
  const monthly = roundHalfEvenSql(Prisma.sql`c."annualAmountCents"::numeric / 12`);
  const vendorRate = roundHalfEvenSql(Prisma.sql`l."cents"::numeric / o."window"`);
  return Prisma.sql`
    -- Every commitment of the org in force in each month, whoever holds it: a vendor's coverage
    -- is shared among all its contracts, so a subtree reads them all to share it as the org does.
    fc_contract AS (
      SELECT c."id", c."vendorId", c."orgUnitId", c."category", c."startDate", m."month", ${monthly} AS "rate"
      FROM "Contract" c JOIN fc_months m ON c."startDate" <= m."last" AND (c."endDate" >= m."month" OR c."autoRenew")
      WHERE c."orgId" = ${orgId} AND c."status" = 'ACTIVE' AND c."category" <> 'PERSONNEL'
    ),
    -- Each contracted vendor's run-rate anywhere in the org: its ledger lines of the window ÷ W
    -- (only vendors with a contract in the scope matter). One index-only range per vendor
    -- (ActualEntry's vendor index covers vendor, day, category and amount), not every line the
    -- vendors ever had.
    fc_vendor AS (
      SELECT v."vendorId", ${vendorRate} AS "covered"
      FROM (SELECT DISTINCT "vendorId" FROM fc_contract WHERE true ${inUnits(Prisma.sql`"orgUnitId"`)}) v CROSS JOIN fc_org o
      CROSS JOIN LATERAL (
        SELECT SUM(e."amountCents") AS "cents" FROM "ActualEntry" e
        WHERE e."orgId" = ${orgId} AND e."vendorId" = v."vendorId" AND e."bookedOn" >= o."trailFrom" AND e."bookedOn" < ${current}::date AND e."category" <> 'PERSONNEL'
      ) l
      WHERE l."cents" IS NOT NULL
    ),
    -- What each commitment exceeds its vendor's run-rate by: the run-rate covers the vendor's
    -- contracts in order (oldest first), so together they add max(0, Σ commitments − run-rate).
    fc_uncovered AS (
      SELECT "orgUnitId", "category", "month", GREATEST(0, LEAST("rate", "cum" - "covered")) AS "uncovered"
      FROM (
        SELECT k."orgUnitId", k."category", k."month", k."rate", COALESCE(v."covered", 0) AS "covered",
               SUM(k."rate") OVER (PARTITION BY k."vendorId", k."month" ORDER BY k."startDate", k."id") AS "cum"
        FROM fc_contract k LEFT JOIN fc_vendor v ON v."vendorId" = k."vendorId"
      ) s
      WHERE "cum" - "covered" > 0 ${inUnits(Prisma.sql`"orgUnitId"`)}
    )`;
}
