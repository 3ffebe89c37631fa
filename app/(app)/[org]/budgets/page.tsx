import { Calculator, CalendarRange, Receipt, Scale } from "lucide-react";

import { BudgetTable } from "@/components/budgets/budget-table";
import { FiscalYearSelect } from "@/components/budgets/fiscal-year-select";
import { VarianceAmount } from "@/components/budgets/variance";
import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { requireMember } from "@/lib/auth";
import { getBudgetReport, listBudgetFiscalYears } from "@/lib/budgets/queries";
import { fiscalYearLabel, fiscalYearOf } from "@/lib/fiscal";
import { formatDate, formatMonth, formatPercent } from "@/lib/format";
import { formatMoney } from "@/lib/money";

export const metadata = { title: "Budgets" };

function parseFiscalYear(value: string | string[] | undefined): number | null {
  const s = Array.isArray(value) ? value[0] : value;
  if (!s || !/^\d{4}$/.test(s)) return null;
  const fy = Number(s);
  return fy >= 2000 && fy <= 2100 ? fy : null;
}

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember((await params).org);
  const { org } = member;
  const now = new Date();
  const current = fiscalYearOf(now, org.fiscalYearStartMonth);
  const fiscalYear = parseFiscalYear((await searchParams).fy) ?? current;

  const [report, years] = await Promise.all([
    getBudgetReport(org.id, fiscalYear, org.fiscalYearStartMonth, now),
    listBudgetFiscalYears(org.id, org.fiscalYearStartMonth, now),
  ]);
  const { totals } = report;
  const yearOptions = years.includes(fiscalYear) ? years : [...years, fiscalYear].sort((a, b) => b - a);
  const money = (cents: number) => formatMoney(cents, org.currency, { compact: true });
  const label = fiscalYearLabel(fiscalYear);
  const throughLabel = report.asOf < report.start ? "not started" : `through ${formatMonth(report.asOf)}`;

  return (
    <>
      <PageHeader
        title="Budgets"
        description={`Plan vs actual by org unit and category, ${label}: ${formatDate(report.start)} – ${formatDate(report.end)}.`}
        actions={<FiscalYearSelect years={yearOptions} value={fiscalYear} current={current} />}
      />
      <StatGrid>
        <StatCard label={`${label} plan`} value={money(totals.planCents)} icon={CalendarRange} hint="Whole fiscal year" />
        <StatCard label="Plan to date" value={money(totals.planToDateCents)} icon={Calculator} hint={throughLabel} />
        <StatCard label="Actual to date" value={money(totals.actualCents)} icon={Receipt} hint={throughLabel} />
        <StatCard
          label="Variance"
          value={<VarianceAmount cents={totals.varianceCents} currency={org.currency} compact />}
          icon={Scale}
          tone={totals.varianceCents > 0 ? "danger" : "success"}
          hint={
            totals.variancePct === null
              ? "No plan to date to compare with"
              : `${formatPercent(totals.variancePct, { signed: true })} of plan to date · + is over budget`
          }
        />
      </StatGrid>
      <BudgetTable rows={report.rows} totals={totals} currency={org.currency} />
    </>
  );
}
