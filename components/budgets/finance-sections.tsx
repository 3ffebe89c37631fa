import { BurnChartAndTable } from "@/components/budgets/burn-table";
import { CategoryTable, TopVariancesTable } from "@/components/budgets/finance-tables";
import { FinanceTotals } from "@/components/budgets/finance-totals";
import { FinanceTreeTable } from "@/components/budgets/finance-tree-table";
import { toTreeTuples } from "@/components/budgets/finance-tree-wire";
import { ForecastAssumptions } from "@/components/budgets/forecast-assumptions";
import { ForecastBasisLinks } from "@/components/budgets/forecast-basis-links";
import { MonthToDate } from "@/components/budgets/month-to-date";
import { PayPrivacyNote } from "@/components/budgets/pay-privacy-note";
import { VARIANCE_THRESHOLD_PCT } from "@/components/budgets/variance-tone";
import { PanelTitle } from "@/components/dashboard/chart-table";
import { SectionHeading } from "@/components/dashboard/stat-card";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { ExportLink } from "@/components/ui/export-link";
import type { Member } from "@/lib/auth";
import { getForecastAssumptions } from "@/lib/budgets/assumptions-query";
import { drillContext, ledgerLinesHref, planLinesHref } from "@/lib/budgets/drill-links";
import { personnelLinesVisible } from "@/lib/budgets/lines-privacy";
import { currentMonthKey, monthToDateLabel, yearProgress } from "@/lib/budgets/period";
import { noPlanMessage, planStatus } from "@/lib/budgets/plan-coverage";
import { getFinanceViews, type FinancePart } from "@/lib/budgets/rollup";
import { periodClosed, type TreeMode } from "@/lib/budgets/tree-basis";
import { TreeBasisSwitch } from "@/components/budgets/tree-basis-switch";
import { financeQueryString, type FinanceParams } from "@/lib/budgets/view-params";
import { can } from "@/lib/permissions";

// The finance sections of the budgets page and of the finance dashboard: totals, forecast
// assumptions, month to date, the org tree rollup, burn, top variances and categories. The
// figures and links are the same on both; only the wording differs, by host.

const WORDING = {
  budgets: {
    tree: "By org unit",
    treeNote: `Variance beyond ±${VARIANCE_THRESHOLD_PCT}% of plan is coloured.`,
    top: "Top variances",
    categories: "By category",
    categoriesNote:
      "Forecast basis: personnel from people and positions at loaded cost by day; other categories from their run-rate (lumpy ones and those without recent actuals from the plan), plus commitments no forecast covers; the current month at least what is booked.",
    basisLinks: true,
    exports: { tree: undefined, months: undefined, top: undefined, categories: undefined },
    totalsLinkToBudgets: false,
  },
  dashboard: {
    tree: "Org tree rollup",
    treeNote: undefined,
    top: "Biggest variances",
    categories: "Category mix",
    categoriesNote: undefined,
    basisLinks: false,
    exports: { tree: undefined, months: "Export burn CSV", top: "Export variances CSV", categories: "Export categories CSV" },
    totalsLinkToBudgets: true,
  },
} as const;

type FinanceSectionsData = Awaited<ReturnType<typeof loadFinanceSections>>;

/** What the sections show: the period's view and, for year to date, the month in progress (one statement). */
export async function loadFinanceSections(member: Member, params: FinanceParams, now: Date) {
  const { org } = member;
  const mtdKey = params.period === "ytd" ? currentMonthKey(params.fiscalYear, org.fiscalYearStartMonth, now) : null;
  const scope = { orgId: org.id, startMonth: org.fiscalYearStartMonth, payReader: member.readsPay, today: now, ...params };
  const main = { period: params.period, parts: ["categories", "tree", "months", "top"] as FinancePart[] };
  // The month in progress never closed: "as it was" year to date reads it in a statement of its own.
  const apart = params.tree === "asof" && mtdKey !== null;
  const [[view, mtdBeside], mtdApart, assumptions] = await Promise.all([
    getFinanceViews(scope, [main, ...(mtdKey && !apart ? [{ period: mtdKey, parts: [] }] : [])]),
    apart ? getFinanceViews({ ...scope, tree: "restated" }, [{ period: mtdKey, parts: [] }]).then(([v]) => v) : null,
    getForecastAssumptions(org.id),
  ]);
  const mtd = mtdApart ?? mtdBeside;
  return { view, mtd: mtdKey && mtd ? { key: mtdKey, view: mtd } : null, assumptions };
}

export function FinanceSections({
  host,
  member,
  params,
  data,
  now,
  className,
}: {
  host: keyof typeof WORDING;
  member: Member;
  params: FinanceParams;
  data: FinanceSectionsData;
  now: Date;
  className?: string;
}) {
  const w = WORDING[host];
  const { org } = member;
  const { view, mtd, assumptions } = data;
  const exportHref = (v: string) => `/${org.slug}/budgets/export?${financeQueryString(params, { view: v })}`;
  // Year to date before a month has closed has nothing to show below the totals' notice.
  const noPlan = view.period.months > 0 && planStatus(view.plan) === "none";
  const inProgress = yearProgress(params.fiscalYear, org.fiscalYearStartMonth, now).current;
  // Every Plan and Actual figure links to the lines it sums (same unit, months, category).
  const drill = drillContext(org.slug, view.period, params, personnelLinesVisible(member), view.basis);
  const self = (tree: TreeMode) =>
    host === "budgets"
      ? `/${org.slug}/budgets?${financeQueryString({ ...params, tree })}`
      : `/${org.slug}/dashboard?view=finance&${financeQueryString({ ...params, tree })}`;
  const closed = periodClosed({ start: new Date(view.period.start), end: new Date(view.period.end) }, now);
  const treeNote = noPlan ? `${noPlanMessage(view.period)}: forecast only, no variance.` : w.treeNote;

  return (
    <div className={className ? `space-y-8 ${className}` : "space-y-8"}>
      <TreeBasisSwitch basis={view.basis} closed={closed} restatedHref={self("restated")} asofHref={self("asof")} />
      <div>
        <FinanceTotals
          view={view}
          currency={org.currency}
          href={w.totalsLinkToBudgets ? `/${org.slug}/budgets?${financeQueryString(params)}` : undefined}
          today={now}
          links={{ plan: planLinesHref(drill), actual: ledgerLinesHref(drill) }}
        />
        <div className="-mt-4">
          <ForecastAssumptions assumptions={assumptions} settingsHref={can(member.role, "org:settings") ? `/${org.slug}/settings` : null} />
        </div>
      </div>
      {mtd && inProgress ? (
        <MonthToDate
          mtd={mtd.view.totals}
          label={monthToDateLabel(inProgress)}
          currency={org.currency}
          href={`/${org.slug}/budgets?${financeQueryString({ ...params, period: mtd.key })}`}
        />
      ) : null}
      {view.period.months === 0 ? null : (
        <>
          <section>
            <SectionHeading
              title={w.tree}
              description={["Each row includes everything below it.", treeNote].filter(Boolean).join(" ")}
              actions={<ExportLink href={exportHref("tree")} label={w.exports.tree} />}
            />
            <FinanceTreeTable tree={toTreeTuples(view.tree)} totals={view.totals} currency={org.currency} noPlan={noPlan} drill={drill} />
            <PayPrivacyNote disclosure={view.disclosure} published={view.published} />
          </section>
          <div className="grid grid-cols-1 gap-6">
            <Card>
              <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
                <PanelTitle>Burn: cumulative plan, actual, forecast</PanelTitle>
                <ExportLink href={exportHref("months")} label={w.exports.months} />
              </CardHeader>
              <CardContent>
                <BurnChartAndTable
                  points={view.months}
                  currency={org.currency}
                  currentMonth={view.currentMonth}
                  hasPlan={!noPlan}
                  withheld={view.totals.withheld}
                />
              </CardContent>
            </Card>
            <Card>
              <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
                <PanelTitle>{w.top}</PanelTitle>
                <ExportLink href={exportHref("top")} label={w.exports.top} />
              </CardHeader>
              <CardContent>
                {noPlan ? (
                  <p className="text-sm text-muted-foreground">{noPlanMessage(view.period)}, so there are no variances to rank.</p>
                ) : (
                  <TopVariancesTable rows={view.top} currency={org.currency} drill={drill} />
                )}
              </CardContent>
            </Card>
          </div>
          <section>
            <SectionHeading
              title={w.categories}
              description={w.categoriesNote}
              actions={<ExportLink href={exportHref("categories")} label={w.exports.categories} />}
            />
            {w.basisLinks ? (
              <ForecastBasisLinks drill={drill} currentMonth={view.currentMonth} runRateMonths={assumptions.runRateMonths} />
            ) : null}
            <CategoryTable rows={view.categories} currency={org.currency} noPlan={noPlan} drill={drill} />
          </section>
        </>
      )}
    </div>
  );
}
