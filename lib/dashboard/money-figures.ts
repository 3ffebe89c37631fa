import "server-only";

import { getFinanceViews, type Amounts, type FinanceView, type FinanceTreeRow, type MonthRow, type VarianceRow } from "@/lib/budgets/rollup";
import { toDateString } from "@/lib/fiscal";
import { listUpcomingRenewals, type ContractRow } from "@/lib/vendors/queries";
import type { DashboardParams } from "@/lib/dashboard/director";

// Money panel figures of the dashboards (query counts: see lib/dashboard/director.ts).

export type MoneyFigures = {
  periodLabel: string;
  period: Amounts;
  /** Year to date through the current month (from the year's cumulative month rows); null = withheld. */
  ytd: { planCents: number | null; actualCents: number | null };
  year: Amounts;
  /** Children of the selected unit (drill-down rows). */
  children: FinanceTreeRow[];
  top: VarianceRow[];
  months: MonthRow[];
  /** The first RENEWALS_SHOWN renewals of the subtree, soonest first; `renewalsTotal` counts all of them. */
  renewals: ContractRow[];
  renewalsTotal: number;
  salarySafe: boolean;
  disclosure: FinanceView["disclosure"];
};

/** Renewals listed on the director's money panel; the rest are on the vendors page. */
export const RENEWALS_SHOWN = 6;

/** Plan/actual/forecast for the subtree: the budgets rollup for the period and for the year. */
export async function getMoneyFigures(
  orgId: string,
  startMonth: number,
  payReader: boolean,
  p: DashboardParams,
  now = new Date(),
): Promise<MoneyFigures> {
  const base = { orgId, startMonth, fiscalYear: p.fiscalYear, unitId: p.unitId, category: null, payReader, today: now };
  // The period and the year in one statement (the facts and the forecast computed once), beside the renewals.
  const [[period, year], renewals] = await Promise.all([
    getFinanceViews({ ...base, period: "year" }, [{ period: p.period, parts: ["children", "top"] }, { period: "year", parts: ["months"] }]),
    listUpcomingRenewals(orgId, now, p.unitId, RENEWALS_SHOWN),
  ]);
  const current = toDateString(now).slice(0, 7);
  // The last month row at or before the current month carries the cumulative year-to-date figures.
  const done = year.months.filter((m) => m.month.slice(0, 7) <= current);
  const last = done.at(-1);
  return {
    periodLabel: period.period.label,
    period: period.totals,
    ytd: { planCents: last ? last.cumPlanCents : 0, actualCents: last ? last.cumActualCents : 0 },
    year: year.totals,
    children: period.tree,
    top: period.top.slice(0, 5),
    months: year.months,
    renewals: renewals.rows,
    renewalsTotal: renewals.total,
    salarySafe: period.salarySafe,
    disclosure: period.disclosure,
  };
}
