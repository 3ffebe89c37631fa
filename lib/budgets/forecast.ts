import type { BudgetCategory, PositionStatus } from "@/lib/generated/prisma/enums";
import { divHalfEven, mulCentsHalfEven } from "@/lib/money";

// Forecast rules, pure (no database): table-driven tests in tests/unit/forecast.test.ts.
//
// Months are UTC first-of-month Dates. A cost counts for a WHOLE month when the person or slot
// is in post on any day of it (no day proration: payroll and ledgers book by month).
//
// Rounding rule (the only one): a monthly loaded cost is annual comp × multiplier ÷ 12, rounded
// ONCE, half-even, to the cent (mulCentsHalfEven). Contract run-rate is annual ÷ 12, rounded
// half-even. Trailing averages are sum ÷ months, rounded half-even. Everything else is exact
// BigInt addition.
//
// PERSONNEL
//   - a current person: monthly loaded cost from their start month to their end month;
//     multiplier = their FILLED position's override, else the org default;
//   - FILLED positions are the people above (never counted twice);
//   - OPEN / PLANNED positions: from (target start, or today when none) + hiring delay;
//   - BACKFILL positions: from (the later of the departure and the target start) + hiring delay;
//   - CLOSED positions: nothing.
// Other categories (per org unit × category × month)
//   - committed contracts: their monthly run-rate within their term (ACTIVE only);
//   - otherwise the plan, or the trailing-3-month average of actuals when that is higher;
//   - the forecast is the largest of plan, trend and committed, and says which it was.

export type ForecastSource = "people" | "plan" | "trend" | "contracts";

export type ForecastPerson = {
  orgUnitId: string;
  startDate: Date;
  endDate: Date | null;
  annualCompCents: bigint;
  /** Multiplier as a decimal string ("1.3000"); null = org default. */
  multiplier: string | null;
};

export type ForecastPosition = {
  orgUnitId: string;
  status: PositionStatus;
  targetStartDate: Date | null;
  annualCompCents: bigint;
  multiplier: string | null;
  /** For BACKFILL: the departing person's end date, if known. */
  departureDate: Date | null;
};

export type ForecastContract = {
  orgUnitId: string;
  category: BudgetCategory;
  annualAmountCents: bigint;
  startDate: Date;
  endDate: Date;
  active: boolean;
};

export function monthStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

export function addMonths(month: Date, n: number): Date {
  return new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + n, 1));
}

function monthEnd(month: Date): Date {
  return new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0));
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

/** annual × multiplier ÷ 12, rounded once, half-even. */
export function monthlyLoadedCost(annualCompCents: bigint, multiplier: string): bigint {
  return mulCentsHalfEven(annualCompCents, multiplier, 12n);
}

/** Whether someone in post from `start` to `end` (inclusive, null = open) is paid in `month`. */
export function inPostDuring(month: Date, start: Date | null, end: Date | null): boolean {
  if (start && start > monthEnd(month)) return false;
  if (end && end < month) return false;
  return true;
}

/** The first day a position's hire is expected to be paid, or null when it is never forecast. */
export function expectedStart(p: ForecastPosition, today: Date, hiringDelayDays: number): Date | null {
  switch (p.status) {
    case "OPEN":
    case "PLANNED": {
      const target = p.targetStartDate && p.targetStartDate > today ? p.targetStartDate : today;
      return addDays(target, hiringDelayDays);
    }
    case "BACKFILL": {
      const candidates = [p.departureDate, p.targetStartDate, today].filter((d): d is Date => d !== null);
      const latest = candidates.reduce((a, b) => (a > b ? a : b));
      return addDays(latest, hiringDelayDays);
    }
    default:
      return null;
  }
}

/** Monthly PERSONNEL cost of one person in a month (0n when not in post). */
export function personMonthCost(p: ForecastPerson, month: Date, orgMultiplier: string): bigint {
  if (!inPostDuring(month, p.startDate, p.endDate)) return 0n;
  return monthlyLoadedCost(p.annualCompCents, p.multiplier ?? orgMultiplier);
}

/** Monthly PERSONNEL cost of one unfilled position in a month (0n before its expected start). */
export function positionMonthCost(p: ForecastPosition, month: Date, orgMultiplier: string, today: Date, hiringDelayDays: number): bigint {
  const start = expectedStart(p, today, hiringDelayDays);
  if (!start || !inPostDuring(month, start, null)) return 0n;
  return monthlyLoadedCost(p.annualCompCents, p.multiplier ?? orgMultiplier);
}

export function contractMonthCost(c: ForecastContract, month: Date): bigint {
  if (!c.active || !inPostDuring(month, c.startDate, c.endDate)) return 0n;
  return divHalfEven(c.annualAmountCents, 12n);
}

/** Trailing average of the months given (closed months before the forecast starts). */
export function trailingAverage(monthly: bigint[]): bigint | null {
  if (monthly.length === 0) return null;
  return divHalfEven(monthly.reduce((a, b) => a + b, 0n), BigInt(monthly.length));
}

/** Non-personnel rule: the largest of plan, trend and committed contracts, and which it was. */
export function otherCategoryForecast(input: { planCents: bigint; trailing: bigint[]; committedCents: bigint }): { amountCents: bigint; source: ForecastSource } {
  let amountCents = input.planCents;
  let source: ForecastSource = "plan";
  const trend = trailingAverage(input.trailing);
  if (trend !== null && trend > amountCents) {
    amountCents = trend;
    source = "trend";
  }
  if (input.committedCents > amountCents) {
    amountCents = input.committedCents;
    source = "contracts";
  }
  return { amountCents, source };
}

export type ForecastCell = { orgUnitId: string; category: BudgetCategory; month: Date; amountCents: bigint; source: ForecastSource };

/**
 * Forecast cells for the open months. `plan` and `trailing` are per "unitId|category" (plan per
 * month ISO key too); people, positions and contracts are the org's. Cells of 0 are dropped.
 */
export function buildForecast(input: {
  months: Date[];
  today: Date;
  orgMultiplier: string;
  hiringDelayDays: number;
  people: ForecastPerson[];
  positions: ForecastPosition[];
  contracts: ForecastContract[];
  /** key `${unitId}|${category}|${YYYY-MM-DD}` → plan cents of that month */
  plan: Map<string, bigint>;
  /** key `${unitId}|${category}` → actuals of each trailing month (oldest first; missing months as 0n) */
  trailing: Map<string, bigint[]>;
}): ForecastCell[] {
  const cells = new Map<string, ForecastCell>();
  const add = (orgUnitId: string, category: BudgetCategory, month: Date, amountCents: bigint, source: ForecastSource) => {
    const key = `${orgUnitId}|${category}|${month.toISOString().slice(0, 10)}`;
    const cell = cells.get(key);
    if (cell) cell.amountCents += amountCents;
    else cells.set(key, { orgUnitId, category, month, amountCents, source });
  };

  for (const month of input.months) {
    for (const p of input.people) {
      const cost = personMonthCost(p, month, input.orgMultiplier);
      if (cost !== 0n) add(p.orgUnitId, "PERSONNEL", month, cost, "people");
    }
    for (const p of input.positions) {
      const cost = positionMonthCost(p, month, input.orgMultiplier, input.today, input.hiringDelayDays);
      if (cost !== 0n) add(p.orgUnitId, "PERSONNEL", month, cost, "people");
    }
  }

  // Non-personnel: every unit × category that has plan, trailing actuals or a contract.
  const committed = new Map<string, bigint>();
  for (const c of input.contracts) {
    if (c.category === "PERSONNEL") continue;
    for (const month of input.months) {
      const cost = contractMonthCost(c, month);
      if (cost === 0n) continue;
      const key = `${c.orgUnitId}|${c.category}|${month.toISOString().slice(0, 10)}`;
      committed.set(key, (committed.get(key) ?? 0n) + cost);
    }
  }
  const pairs = new Set<string>();
  for (const key of [...input.plan.keys(), ...committed.keys()]) pairs.add(key.split("|").slice(0, 2).join("|"));
  for (const key of input.trailing.keys()) pairs.add(key);
  for (const pair of pairs) {
    const [unitId, category] = pair.split("|") as [string, BudgetCategory];
    if (category === "PERSONNEL") continue;
    for (const month of input.months) {
      const mk = `${pair}|${month.toISOString().slice(0, 10)}`;
      const f = otherCategoryForecast({
        planCents: input.plan.get(mk) ?? 0n,
        trailing: input.trailing.get(pair) ?? [],
        committedCents: committed.get(mk) ?? 0n,
      });
      if (f.amountCents !== 0n) add(unitId, category, month, f.amountCents, f.source);
    }
  }
  return [...cells.values()];
}
