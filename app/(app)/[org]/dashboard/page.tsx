import { CalendarClock, FolderKanban, Hourglass, UserPlus, Users, Wallet } from "lucide-react";

import { VarianceAmount } from "@/components/budgets/variance";
import { ProjectHealthCard } from "@/components/dashboard/health-card";
import { StatCard } from "@/components/dashboard/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { requireMember } from "@/lib/auth";
import { getDashboardSummary, STALE_AFTER_DAYS } from "@/lib/dashboard/queries";
import { formatDate, formatMonth, formatPercent } from "@/lib/format";
import { formatMoney } from "@/lib/money";

export const metadata = { title: "Dashboard" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const { org } = member;
  const s = await getDashboardSummary(org.id, org.fiscalYearStartMonth);
  const base = `/${org.slug}`;
  const money = (cents: number) => formatMoney(cents, org.currency, { compact: true });

  return (
    <>
      <PageHeader title="Dashboard" description={`${org.name} at a glance: delivery, people and money.`} />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard
          label="Active projects"
          value={s.activeProjects}
          icon={FolderKanban}
          href={`${base}/projects`}
          hint={`${s.projectsByHealth.OFF_TRACK + s.projectsByHealth.AT_RISK} at risk or off track`}
        />
        <StatCard
          label="Stale projects"
          value={s.staleProjects}
          icon={Hourglass}
          tone={s.staleProjects > 0 ? "warning" : "success"}
          href={`${base}/projects`}
          hint={`Active, no update in over ${STALE_AFTER_DAYS} days`}
        />
        <StatCard
          label="People in post"
          value={s.peopleInPost}
          icon={Users}
          href={`${base}/teams`}
          hint={`${s.peopleInPost - s.contractorsInPost} employees · ${s.contractorsInPost} contractors`}
        />
        <StatCard
          label="Open positions"
          value={s.openPositions}
          icon={UserPlus}
          href={`${base}/headcount`}
          hint={`Including ${s.backfillPositions} backfills`}
        />
        <div className="col-span-2">
          <ProjectHealthCard mix={s.projectsByHealth} href={`${base}/projects`} />
        </div>
        <StatCard
          label={`${s.budget.fiscalYearLabel} budget to date`}
          value={
            <span className="flex flex-wrap items-baseline gap-x-2">
              <span>{money(s.budget.actualCents)}</span>
              <span className="text-sm font-normal text-muted-foreground">of {money(s.budget.planToDateCents)} plan</span>
            </span>
          }
          icon={Wallet}
          tone={s.budget.varianceCents > 0 ? "danger" : "success"}
          href={`${base}/budgets`}
          hint={
            <>
              <VarianceAmount cents={s.budget.varianceCents} currency={org.currency} compact /> (
              {formatPercent(s.budget.variancePct, { signed: true })}) through {formatMonth(s.budget.asOf)}
            </>
          }
        />
        <StatCard
          label="Renewals in 90 days"
          value={s.renewals.count}
          icon={CalendarClock}
          tone={s.renewals.count > 0 ? "warning" : "default"}
          href={`${base}/vendors`}
          hint={`${money(s.renewals.annualValueCents)} a year, by ${formatDate(s.renewals.until)}`}
        />
      </div>
    </>
  );
}
