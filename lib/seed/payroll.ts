import type { Prisma } from "@/lib/generated/prisma/client";
import { fiscalYearOf, fiscalYearRange } from "@/lib/fiscal";
import { addDays, addMonths, daysInMonth, diffDays } from "@/lib/seed/dates";
import type { PositionPlan } from "@/lib/seed/positions";
import type { PersonRow } from "@/lib/seed/types";

// Payroll of the demo, by day: a joiner or leaver costs the days of the month they are in post in
// the ledger (actuals). The plan of a fiscal year is built the way a budget is set at the start
// of the year: the roster on its first day, every seat kept all year (nobody plans a departure),
// plus the positions budgeted in the year from their planned start, spread evenly over its months.

/** The org's default loaded-cost multiplier (Organization.loadedCostMultiplier). */
const LOADED = 1.3;

/** Fraction of `month` (its first day) covered by the days from `from` to `to` (inclusive; null = open-ended). */
function shareOfMonth(month: Date, from: Date, to: Date | null): number {
  const last = addDays(addMonths(month, 1), -1);
  const a = from > month ? from : month;
  const b = to && to < last ? to : last;
  return b < a ? 0 : (diffDays(b, a) + 1) / daysInMonth(month);
}

/** Loaded payroll in dollars of a unit's employees for one month, prorated by days in post. */
export function payrollCost(people: PersonRow[], unitId: string, month: Date): number {
  let total = 0;
  for (const p of people) {
    if (p.orgUnitId !== unitId || p.employmentType !== "EMPLOYEE") continue;
    total += (Number(p.annualCompCents) / 100 / 12) * shareOfMonth(month, p.startDate, p.endDate);
  }
  return total * LOADED;
}

/** A budgeted seat: who or what the plan pays for, in which unit, over which days. */
type Seat = { unitId: string; annualCents: bigint; multiplier: number; from: Date; to: Date };

/**
 * The seats of fiscal year `fy`'s personnel plan. People in post on the year's first day keep
 * their seat all year; a position budgeted in the year adds a seat from its planned start unless
 * it is held by, or backfills, one of those people (as planned heads count, lib/headcount/plan.ts).
 * `plannedStart` gives a filled position's original target (its targetStartDate is the hire's
 * actual start once filled).
 */
function planSeats(
  fy: number,
  startMonth: number,
  people: PersonRow[],
  positions: Prisma.PositionCreateManyInput[],
  plannedStart: Map<string, Date>,
): Seat[] {
  const { start, end } = fiscalYearRange(fy, startMonth);
  const opening = people.filter((p) => p.employmentType === "EMPLOYEE" && p.startDate <= start && (!p.endDate || p.endDate >= start));
  const baseline = new Set(opening.map((p) => p.id));
  const seats: Seat[] = opening.map((p) => ({
    unitId: p.orgUnitId,
    annualCents: p.annualCompCents,
    multiplier: LOADED,
    from: start,
    to: end,
  }));
  for (const pos of positions) {
    if (pos.budgetFiscalYear !== fy || pos.status === "CLOSED") continue;
    if ((pos.personId && baseline.has(pos.personId)) || (pos.backfillForId && baseline.has(pos.backfillForId))) continue;
    const from = plannedStart.get(pos.id!) ?? (pos.targetStartDate as Date | null) ?? start;
    if (from > end) continue;
    seats.push({
      unitId: pos.orgUnitId,
      annualCents: BigInt(pos.annualCompCents),
      multiplier: pos.loadedCostMultiplier ? Number(pos.loadedCostMultiplier) : LOADED,
      from: from < start ? start : from,
      to: end,
    });
  }
  return seats;
}

/** Planned loaded cost in dollars of a unit's seats for one month. */
function seatCost(seats: Seat[], unitId: string, month: Date): number {
  let total = 0;
  for (const s of seats) {
    if (s.unitId === unitId) total += (Number(s.annualCents) / 100 / 12) * s.multiplier * shareOfMonth(month, s.from, s.to);
  }
  return total;
}

/**
 * The personnel plan of an org as (unit, month) → dollars, each fiscal year from its own seats,
 * phased evenly: every month is a twelfth of the year's seat cost. Phased by seat, the plan would
 * step by one seat's pay in the month a position is planned to start, and anyone who reads the
 * plan (it is shown by month to every role) could read that pay off it.
 */
export function personnelPlan(startMonth: number, people: PersonRow[], positions: PositionPlan): (unitId: string, month: Date) => number {
  const byYear = new Map<number, { seats: Seat[]; perUnit: Map<string, number> }>();
  return (unitId, month) => {
    const fy = fiscalYearOf(month, startMonth);
    let year = byYear.get(fy);
    if (!year)
      byYear.set(fy, (year = { seats: planSeats(fy, startMonth, people, positions.rows, positions.plannedStart), perUnit: new Map() }));
    let monthly = year.perUnit.get(unitId);
    if (monthly === undefined) {
      const { start } = fiscalYearRange(fy, startMonth);
      let annual = 0;
      for (let i = 0; i < 12; i++) annual += seatCost(year.seats, unitId, addMonths(start, i));
      year.perUnit.set(unitId, (monthly = annual / 12));
    }
    return monthly;
  };
}
