import "server-only";

import { currentMonthKey, monthToDateLabel, yearProgress, ytdSpan, type PeriodKey, type YearProgress } from "@/lib/budgets/period";
import {
  getFinanceViews,
  type Amounts,
  type FinancePart,
  type FinanceTreeRow,
  type FinanceView,
  type MonthRow,
  type PlanCoverage,
  type VarianceRow,
} from "@/lib/budgets/rollup";
import type { TreeBasis } from "@/lib/budgets/tree-basis";
import { fiscalYearLabel } from "@/lib/fiscal";
import { listUpcomingRenewals, type ContractRow } from "@/lib/vendors/queries";
import type { DashboardParams } from "@/lib/dashboard/director";

// Money panel figures of the dashboards (query counts: see lib/dashboard/director.ts).

export type MoneyFigures = {
  periodLabel: string;
  /** Months the period covers (0: year to date before a month has closed). */
  periodMonths: number;
  period: Amounts;
  periodPlan: PlanCoverage;
  /**
   * Year to date through the last closed month: plan, actual and forecast over the same months
   * (the budgets page's ?period=ytd, same statement). `span` says which ("through Nov"); with no
   * month closed yet the amounts are zero and `state` says why.
   */
  ytd: Amounts & { span: string; state: YearProgress["state"]; closedMonths: number; plan: PlanCoverage };
  /** The month in progress, when it is in the selected year: booked so far against the whole month's plan. */
  mtd: (Amounts & { label: string; periodKey: PeriodKey }) | null;
  year: Amounts;
  yearPlan: PlanCoverage;
  yearLabel: string;
  /** First day of the month in progress (burn chart: the actual line stops before it). */
  currentMonth: string;
  /** Children of the selected unit (drill-down rows). */
  children: FinanceTreeRow[];
  top: VarianceRow[];
  months: MonthRow[];
  /** The first RENEWALS_SHOWN renewals of the subtree, soonest first; `renewalsTotal` counts all of them. */
  renewals: ContractRow[];
  renewalsTotal: number;
  salarySafe: boolean;
  disclosure: FinanceView["disclosure"];
  /** The publication the forecast is (null: the live forecast). */
  published: FinanceView["published"];
  /** The tree the period's figures (its tile, units and top variances) roll up along; the year, YTD and MTD are restated. */
  basis: TreeBasis;
};

/** Renewals listed on the director's money panel; the rest are on the vendors page. */
export const RENEWALS_SHOWN = 6;

/** Plan/actual/forecast for the subtree: the budgets rollup for the period, the year, year to date and the month in progress. */
export async function getMoneyFigures(
  orgId: string,
  startMonth: number,
  payReader: boolean,
  p: DashboardParams,
  now = new Date(),
): Promise<MoneyFigures> {
  const base = { orgId, startMonth, fiscalYear: p.fiscalYear, unitId: p.unitId, category: null, payReader, today: now };
  const progress = yearProgress(p.fiscalYear, startMonth, now);
  const mtdKey = currentMonthKey(p.fiscalYear, startMonth, now);
  // All periods in one statement (the facts and the forecast computed once), beside the renewals.
  // "As it was" is of the period alone (the year and the month in progress have not closed): a statement of its own.
  const asof = p.tree === "asof";
  const periodPart = { period: p.period, parts: ["children", "top"] as FinancePart[] };
  const [[periodBeside, year, ytd, mtd], periodApart, renewals] = await Promise.all([
    getFinanceViews({ ...base, period: "year" }, [
      ...(asof ? [{ period: p.period, parts: [] }] : [periodPart]),
      { period: "year", parts: ["months"] },
      { period: "ytd", parts: [] },
      ...(mtdKey ? [{ period: mtdKey, parts: [] }] : []),
    ]),
    asof ? getFinanceViews({ ...base, period: p.period, tree: "asof" }, [periodPart]).then(([v]) => v) : null,
    listUpcomingRenewals(orgId, now, p.unitId, RENEWALS_SHOWN),
  ]);
  const period = periodApart ?? periodBeside;
  return {
    periodLabel: period.period.label,
    periodMonths: period.period.months,
    period: period.totals,
    periodPlan: period.plan,
    ytd: { ...ytd.totals, span: ytdSpan(progress), state: progress.state, closedMonths: progress.closedMonths, plan: ytd.plan },
    mtd: mtd && progress.current ? { ...mtd.totals, label: monthToDateLabel(progress.current), periodKey: mtdKey! } : null,
    year: year.totals,
    yearPlan: year.plan,
    yearLabel: fiscalYearLabel(p.fiscalYear),
    currentMonth: year.currentMonth,
    children: period.tree,
    top: period.top.slice(0, 5),
    months: year.months,
    renewals: renewals.rows,
    renewalsTotal: renewals.total,
    salarySafe: period.salarySafe,
    disclosure: period.disclosure,
    published: period.published,
    basis: period.basis,
  };
}
