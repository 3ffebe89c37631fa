import { AlertTriangle, Briefcase, Clock, FolderKanban, UserMinus, UserPlus, Users } from "lucide-react";
import Link from "next/link";

import { StatCard } from "@/components/dashboard/stat-card";
import { ListCard } from "@/components/ui/card";
import { HowCounted } from "@/components/ui/how-counted";
import { formatDate, humanize } from "@/lib/format";
import { positionFilterQuery } from "@/lib/headcount/position-filter";
import type { ManagerFigures } from "@/lib/managers/figures";
import type { DirectReport, ManagerProfile } from "@/lib/managers/queries";

const pct = (v: number | null) => (v === null ? "—" : `${v.toLocaleString("en-US", { maximumFractionDigits: 1 })}%`);

/** The figures of a manager's page, each linking to the list it counts (no pay anywhere). */
export function ManagerView({
  org,
  manager: m,
  figures: f,
  reports,
}: {
  org: string;
  manager: ManagerProfile;
  figures: ManagerFigures;
  reports: DirectReport[];
}) {
  const unit = `unit=${m.team.id}`;
  const q = f.quarter;
  const positions = `/${org}/headcount?${positionFilterQuery(f.positionFilters.open, m.team.id, f.fiscalYear)}#positions`;
  const spanHint =
    f.spanOutlier === "over"
      ? `Over the maximum of ${f.thresholds.spanMax}`
      : f.spanOutlier === "under"
        ? `Under the minimum of ${f.thresholds.spanMin}`
        : `Within ${f.thresholds.spanMin}–${f.thresholds.spanMax}`;
  return (
    <div className="space-y-6">
      <section aria-label="Figures" className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard
          label="Span of control"
          value={f.span}
          icon={Users}
          tone={f.spanOutlier ? "warning" : "default"}
          hint={`Direct reports in post · ${spanHint}`}
          href="#reports"
        />
        <StatCard
          label="Managing since"
          value={f.managingSince ? formatDate(f.managingSince) : "6 months or more"}
          icon={UserPlus}
          tone={f.managingSince ? "warning" : "default"}
          hint={f.managingSince ? "New manager: under 6 months" : "Not a new manager"}
          href={`/${org}/org-health?unit=${m.unitId}&on=${f.day}#new-managers`}
        />
        <StatCard
          label="Team heads vs plan"
          value={q ? `${q.actual ?? "–"} / ${q.planned}` : "–"}
          icon={Briefcase}
          hint={q ? `In post today / planned for the end of ${q.label}` : "No quarter"}
          href={`/${org}/headcount?${unit}&fy=${f.fiscalYear}#plan`}
        />
        <StatCard
          label="Open positions"
          value={f.openPositions}
          icon={Clock}
          hint={f.openPositions ? `Open ${f.avgDaysOpen} days on average` : "None open today"}
          href={positions}
        />
        <StatCard
          label="At risk and off track"
          value={f.delivery.atRisk}
          icon={AlertTriangle}
          tone={f.delivery.atRisk ? "danger" : "default"}
          hint={`Of ${f.delivery.active} active projects`}
          href={`/${org}/projects/review?${unit}#at-risk`}
        />
        <StatCard
          label="Stale projects"
          value={f.delivery.stale}
          icon={FolderKanban}
          tone={f.delivery.stale ? "warning" : "default"}
          hint="Missed a whole update cycle"
          href={`/${org}/projects?${unit}&stale=1`}
        />
        <StatCard
          label="Updates due"
          value={f.delivery.due}
          icon={FolderKanban}
          hint="This cycle, not yet posted"
          href={`/${org}/projects/review?${unit}#due`}
        />
        <StatCard
          label="Update punctuality"
          value={pct(f.punctuality.pct)}
          icon={Clock}
          hint={
            f.punctuality.cycles
              ? `${f.punctuality.onTime} of ${f.punctuality.cycles} cycles on time, last 12 weeks`
              : "No update cycle of an active project ended in the last 12 weeks"
          }
          href={`/${org}/projects?${unit}&status=ACTIVE`}
        />
        <StatCard
          label="Attrition, 12 months"
          value={pct(f.attrition.ratePct)}
          icon={UserMinus}
          hint={`${f.attrition.departures} departures in the team`}
          href={`/${org}/teams?${unit}&status=leaving&from=${f.attrition.from}&to=${f.attrition.to}`}
        />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <ListCard
          id="reports"
          title={`Direct reports (${reports.length})`}
          empty="No direct report in post today."
          isEmpty={reports.length === 0}
        >
          <ul className="divide-y divide-border text-sm">
            {reports.map((r) => (
              <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
                <Link className="font-medium hover:underline" href={r.isManager ? `/${org}/managers/${r.id}` : `/${org}/people/${r.id}`}>
                  {r.name}
                </Link>
                <span className="text-muted-foreground">
                  {r.title} · {r.unitName}
                  {r.isManager ? " · manager" : ""}
                </span>
              </li>
            ))}
          </ul>
        </ListCard>
        <ListCard
          title="Longest-open positions"
          empty="No open position in the team."
          isEmpty={f.oldestOpen.length === 0}
          after={
            f.openPositions > f.oldestOpen.length ? (
              <p className="mt-2 text-sm">
                <Link className="underline" href={positions}>
                  All {f.openPositions} open positions
                </Link>
              </p>
            ) : null
          }
        >
          <ul className="divide-y divide-border text-sm">
            {f.oldestOpen.map((o) => (
              <li key={o.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
                <Link className="hover:underline" href={positions}>
                  {o.title} · {o.unitName}
                </Link>
                <span className="text-muted-foreground">
                  {humanize(o.status)} · {o.daysOpen} days open
                </span>
              </li>
            ))}
          </ul>
        </ListCard>
      </div>
      <HowCounted
        figures={[
          "span-of-control",
          "new-managers",
          "heads-in-post",
          "planned-heads",
          "open-positions",
          "days-open",
          "at-risk-and-off-track",
          "stale",
          "updates-due",
          "update-punctuality",
          "attrition",
        ]}
        note={`The team is ${m.team.name} and every unit below it. No figure here uses pay.`}
      />
    </div>
  );
}
