import { Prisma } from "@/lib/generated/prisma/client";

// The window a forecast covers (the open months of a period, for an org or a subtree) and the one
// rounding rule its SQL uses.

/** Half-even rounding of a numeric SQL expression to a whole number (Postgres round() goes half away from zero). */
export function roundHalfEvenSql(v: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE WHEN (${v}) - floor(${v}) = 0.5 THEN floor(${v}) + abs(mod(floor(${v}), 2)) ELSE round(${v}) END)`;
}

export type ForecastWindow = {
  orgId: string;
  /** First and last month forecast (first-of-month; none when from > to). */
  from: Date;
  to: Date;
  today: Date;
  /**
   * Subtree root (null or absent = the whole org). A unit's cells depend only on its own facts,
   * its subtree's plans (the commitment rule) and the vendors' spend org-wide, which is read
   * org-wide in a subtree too. So the cells of a subtree's units computed for the subtree equal
   * the org-wide cells of those units (tests/integration/forecast.test.ts).
   */
  unitId?: string | null;
  /** Personnel from the pay sources published in this version (lib/privacy/publication.ts), not from people and positions now. */
  published?: number | null;
  /** Read the cells the writers stored (lib/budgets/forecast-summary.ts): only when `forecastSummaryCovers` said they are current. */
  stored?: boolean;
};

export function monthStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

/** The open months of a period: from the current month (or the period's start if later) to its last month. */
export function forecastWindow(
  orgId: string,
  period: { start: Date; end: Date },
  today: Date,
  unitId: string | null = null,
  published: number | null = null,
): ForecastWindow {
  const current = monthStart(today);
  return { orgId, from: current > period.start ? current : period.start, to: monthStart(period.end), today, unitId, published };
}

/** What every forecast CTE is written from: the window's dates as SQL literals and the subtree filter. */
export type ForecastSqlContext = {
  orgId: string;
  /** First and last forecast month, today and the current month, "YYYY-MM-DD". */
  from: string;
  to: string;
  today: string;
  current: string;
  /** `AND <col> IN (the subtree's units)` when the window has a subtree, else nothing. */
  inUnits: (col: Prisma.Sql) => Prisma.Sql;
  /** The published version personnel is read from (null: people and positions now). */
  published: number | null;
};
