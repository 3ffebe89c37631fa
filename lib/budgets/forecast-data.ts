import "server-only";

import { buildForecast, addMonths, monthStart, type ForecastCell } from "@/lib/budgets/forecast";
import { db } from "@/lib/db";
import { fiscalYearRange, toDateString } from "@/lib/fiscal";
import type { BudgetCategory } from "@/lib/generated/prisma/enums";

// Loads what the forecast rules need and runs them. Individual pay is read here (server memory
// only) and leaves this module only as unit × category × month totals, which the rollup query
// then attributes salary-safely (lib/budgets/salary-safe.ts) and sums up the tree in SQL.

export type ForecastInputs = { cells: ForecastCell[]; openMonths: Date[]; currentMonth: Date };

export async function computeForecast(orgId: string, fiscalYear: number, startMonth: number, today: Date): Promise<ForecastInputs> {
  const fy = fiscalYearRange(fiscalYear, startMonth);
  const currentMonth = monthStart(today);
  const openMonths: Date[] = [];
  for (let m = currentMonth > fy.start ? currentMonth : fy.start; m <= fy.end; m = addMonths(m, 1)) openMonths.push(m);
  if (openMonths.length === 0) return { cells: [], openMonths, currentMonth };
  const firstOpen = openMonths[0];
  const trailingFrom = addMonths(currentMonth, -3);

  const [org, people, positions, contracts, planLines, trailingRows] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { loadedCostMultiplier: true, hiringDelayDays: true } }),
    db.person.findMany({
      where: { orgId, startDate: { lte: fy.end }, OR: [{ endDate: null }, { endDate: { gte: firstOpen } }] },
      select: {
        orgUnitId: true,
        startDate: true,
        endDate: true,
        annualCompCents: true,
        positions: { where: { status: "FILLED" }, select: { loadedCostMultiplier: true }, take: 1 },
      },
    }),
    db.position.findMany({
      where: { orgId, status: { in: ["OPEN", "PLANNED", "BACKFILL"] } },
      select: {
        orgUnitId: true,
        status: true,
        targetStartDate: true,
        annualCompCents: true,
        loadedCostMultiplier: true,
        backfillFor: { select: { endDate: true } },
      },
    }),
    db.contract.findMany({
      where: { orgId, status: "ACTIVE", endDate: { gte: firstOpen }, startDate: { lte: fy.end } },
      select: { orgUnitId: true, category: true, annualAmountCents: true, startDate: true, endDate: true },
    }),
    db.budgetLine.findMany({
      where: { orgId, month: { gte: firstOpen, lte: fy.end }, category: { not: "PERSONNEL" } },
      select: { orgUnitId: true, category: true, month: true, amountCents: true },
    }),
    db.$queryRaw<{ orgUnitId: string; category: BudgetCategory; month: Date; cents: bigint }[]>`
      SELECT "orgUnitId", "category", date_trunc('month', "bookedOn")::date AS "month", SUM("amountCents")::bigint AS "cents"
      FROM "ActualEntry"
      WHERE "orgId" = ${orgId} AND "category" <> 'PERSONNEL'
        AND "bookedOn" >= ${toDateString(trailingFrom)}::date AND "bookedOn" < ${toDateString(currentMonth)}::date
      GROUP BY 1, 2, 3`,
  ]);

  const plan = new Map<string, bigint>();
  for (const l of planLines) plan.set(`${l.orgUnitId}|${l.category}|${toDateString(l.month)}`, l.amountCents);
  const trailing = new Map<string, bigint[]>();
  for (const r of trailingRows) {
    const key = `${r.orgUnitId}|${r.category}`;
    const series = trailing.get(key) ?? [0n, 0n, 0n];
    const index = (r.month.getUTCFullYear() - trailingFrom.getUTCFullYear()) * 12 + r.month.getUTCMonth() - trailingFrom.getUTCMonth();
    if (index >= 0 && index < 3) series[index] += r.cents;
    trailing.set(key, series);
  }

  const cells = buildForecast({
    months: openMonths,
    today,
    orgMultiplier: org.loadedCostMultiplier.toString(),
    hiringDelayDays: org.hiringDelayDays,
    people: people.map((p) => ({
      orgUnitId: p.orgUnitId,
      startDate: p.startDate,
      endDate: p.endDate,
      annualCompCents: p.annualCompCents,
      multiplier: p.positions[0]?.loadedCostMultiplier?.toString() ?? null,
    })),
    positions: positions.map((p) => ({
      orgUnitId: p.orgUnitId,
      status: p.status,
      targetStartDate: p.targetStartDate,
      annualCompCents: p.annualCompCents,
      multiplier: p.loadedCostMultiplier?.toString() ?? null,
      departureDate: p.backfillFor?.endDate ?? null,
    })),
    contracts: contracts.map((c) => ({ ...c, active: true })),
    plan,
    trailing,
  });
  return { cells, openMonths, currentMonth };
}
