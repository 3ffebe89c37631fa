import Link from "next/link";

import { ExportLink } from "@/components/ui/export-link";
import { FinanceTotals } from "@/components/budgets/finance-totals";
import { CategoryTable, TopVariancesTable } from "@/components/budgets/finance-tables";
import { FinanceTreeTable } from "@/components/budgets/finance-tree-table";
import { toTreeTuples } from "@/components/budgets/finance-tree-wire";
import { ImportHistory } from "@/components/budgets/import-history";
import { BurnChart } from "@/components/charts/lazy";
import { ChartTable, PanelTitle } from "@/components/dashboard/chart-table";
import { SectionHeading } from "@/components/dashboard/stat-card";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { RenewalList } from "@/components/vendors/renewal-list";
import type { Member } from "@/lib/auth";
import { listImportBatches } from "@/lib/budgets/queries";
import { drillContext, ledgerLinesHref, planLinesHref } from "@/lib/budgets/drill-links";
import { personnelLinesVisible } from "@/lib/budgets/lines-privacy";
import { getFinanceView } from "@/lib/budgets/rollup";
import { MIN_GROUP_SIZE } from "@/lib/budgets/salary-safe";
import { financeQueryString, type FinanceParams } from "@/lib/budgets/view-params";
import { formatMoney } from "@/lib/money";
import { can } from "@/lib/permissions";
import { listUpcomingRenewals } from "@/lib/vendors/queries";

/**
 * The finance view: the budgets rollup for the fiscal year (tree, burn, categories, top
 * variances) plus the imports log and renewals. Queries: the finance view (3 + forecast inputs
 * + 4), imports log 1, renewals 2 — in parallel.
 */
/** Renewals listed on the finance dashboard; the vendors page has them all. */
const FINANCE_RENEWALS_SHOWN = 8;

export async function FinanceDashboard({ member, params }: { member: Member; params: FinanceParams }) {
  const { org } = member;
  const now = new Date();
  const [view, batches, renewals] = await Promise.all([
    getFinanceView({ orgId: org.id, startMonth: org.fiscalYearStartMonth, role: member.role, today: now, ...params }),
    can(member.role, "actuals:write") ? listImportBatches(org.id, 8) : Promise.resolve([]),
    listUpcomingRenewals(org.id, now, null, FINANCE_RENEWALS_SHOWN),
  ]);
  const money = (c: number) => formatMoney(c, org.currency, { compact: true });
  const { totals } = view;
  const exportHref = (v: string) => `/${org.slug}/budgets/export?${financeQueryString(params, { view: v })}`;
  const budgets = `/${org.slug}/budgets?${financeQueryString(params)}`;
  const drill = drillContext(org.slug, view.period, params, personnelLinesVisible(member.role));
  return (
    <div className="space-y-8">
      <FinanceTotals totals={totals} periodLabel={view.period.label} currency={org.currency} href={budgets} links={{ plan: planLinesHref(drill), actual: ledgerLinesHref(drill) }} />
      <section>
        <SectionHeading
          title="Org tree rollup"
          description={`Each row includes everything below it.${view.salarySafe ? ` Personnel cost of a unit with fewer than ${MIN_GROUP_SIZE} people is shown in its parent.` : ""}`}
          actions={<ExportLink href={exportHref("tree")} />}
        />
        <FinanceTreeTable tree={toTreeTuples(view.tree)} totals={totals} currency={org.currency} drill={drill} />
      </section>
      <div className="grid gap-6">
        <Card>
          <CardHeader className="flex flex-row items-center justify-between gap-2">
            <PanelTitle>Burn: cumulative plan, actual, forecast</PanelTitle>
            <ExportLink href={exportHref("months")} label="Export burn CSV" />
          </CardHeader>
          <CardContent>
            <BurnChart points={view.months} currency={org.currency} />
            <ChartTable
              caption="Cumulative plan, actual and forecast by month"
              head={["Month", "Plan", "Actual", "Forecast"]}
              rows={view.months.map((p) => [p.month.slice(0, 7), money(p.cumPlanCents), p.cumActualCents == null ? "–" : money(p.cumActualCents), money(p.cumForecastCents)])}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader className="flex flex-row items-center justify-between gap-2">
            <PanelTitle>Biggest variances</PanelTitle>
            <ExportLink href={exportHref("top")} label="Export variances CSV" />
          </CardHeader>
          <CardContent>
            <TopVariancesTable rows={view.top} currency={org.currency} drill={drill} />
          </CardContent>
        </Card>
      </div>
      <section>
        <SectionHeading title="Category mix" actions={<ExportLink href={exportHref("categories")} label="Export categories CSV" />} />
        <CategoryTable rows={view.categories} currency={org.currency} drill={drill} />
      </section>
      <div className="grid gap-6 xl:grid-cols-2">
        <section>
          <SectionHeading title="Imports log" description="Latest actuals and plan imports." />
          {batches.length ? (
            <ImportHistory org={org.slug} batches={batches} canRevert={false} now={now.toISOString()} />
          ) : (
            <p className="text-sm text-muted-foreground">No import yet.</p>
          )}
        </section>
        <section>
          <SectionHeading title={`Renewals in the next 90 days (${renewals.total})`} />
          <RenewalList orgSlug={org.slug} currency={org.currency} renewals={renewals.rows} />
          {renewals.total > renewals.rows.length ? (
            <Link href={`/${org.slug}/vendors`} className="mt-2 inline-block text-sm text-primary hover:underline">
              All {renewals.total} renewals on the vendors page
            </Link>
          ) : null}
        </section>
      </div>
    </div>
  );
}
