import type { PanelProps } from "@/components/dashboard/panel-parts";
import { periodClosed, type TreeBasis, type TreeMode } from "@/lib/budgets/tree-basis";
import { drillForPeriod } from "@/lib/budgets/drill-links";
import { resolvePeriod } from "@/lib/budgets/period";
import { personnelLinesVisible } from "@/lib/budgets/lines-privacy";
import { planStatus } from "@/lib/budgets/plan-coverage";
import { dashboardQuery, type MoneyFigures } from "@/lib/dashboard/director";
import { formatPercent } from "@/lib/format";
import { formatMoney } from "@/lib/money";

/** What the money panel's sections derive from its figures: formatting, links and which states apply. */
export type MoneyView = ReturnType<typeof moneyView>;

export function moneyView({ member, params }: PanelProps, m: MoneyFigures) {
  const { org } = member;
  // A figure withheld from a reader without pay access is a dash, as everywhere (docs/privacy.md).
  const money = (c: number | null) => (c === null ? "—" : formatMoney(c, org.currency, { compact: true }));
  const budgets = (extra: Record<string, string> = {}) =>
    `/${org.slug}/budgets?${new URLSearchParams({ fy: String(params.fiscalYear), period: params.period, ...(params.unitId ? { unit: params.unitId } : {}), ...extra })}`;
  // The period's figures may be "as it was" (a closed period, ?tree=asof); their links keep that.
  const asof = m.basis.mode === "asof";
  const periodBudgets = (extra: Record<string, string> = {}) => budgets({ ...extra, ...(asof ? { tree: "asof" } : {}) });
  const closed = asof || periodClosed(resolvePeriod(params.period, params.fiscalYear, org.fiscalYearStartMonth, new Date()), new Date());
  const self = (tree: TreeMode) => `/${org.slug}/dashboard?${dashboardQuery({ ...params, tree })}`;
  const drill = (unit: string) => `/${org.slug}/dashboard?${dashboardQuery({ ...params, unitId: unit })}`;
  // Year to date before a month has closed: nothing to compare, said once per section.
  const periodEmpty = m.periodMonths === 0;
  const periodNoPlan = !periodEmpty && planStatus(m.periodPlan) === "none";
  const yearNoPlan = planStatus(m.yearPlan) === "none";
  const yearPeriod = { key: "year" as const, label: m.yearLabel };
  const periodRef = { key: params.period, label: m.periodLabel };
  const pct = (a: { variancePct: number | null }) => formatPercent(a.variancePct, { signed: true });
  // The lines behind the money figures (lib/budgets/drill-links.ts): the period's and the YTD months.
  const lines = (period: typeof params.period, basis: TreeBasis | null = null) =>
    drillForPeriod(
      org.slug,
      { ...params, period, startMonth: org.fiscalYearStartMonth, today: new Date() },
      { unitId: params.unitId, category: null },
      personnelLinesVisible(member),
      basis,
    );
  const [inPeriod, ytd] = [lines(params.period, m.basis), lines("ytd")];

  return {
    org,
    money,
    budgets,
    asof,
    periodBudgets,
    closed,
    self,
    drill,
    periodEmpty,
    periodNoPlan,
    yearNoPlan,
    yearPeriod,
    periodRef,
    pct,
    inPeriod,
    ytd,
  };
}
