import { AlertTriangle, Clock, GitFork, Layers, UserCog, UserMinus, UserPlus, Users } from "lucide-react";

import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { num, type OrgHealthSectionProps, pct } from "@/components/org-health/parts";
import { orgHealthDrills, peopleHref, positionsHref } from "@/lib/org-health/drills";

/** The tiles at the top of org health, each opening the section or list it counts. */
export function OrgHealthSummary({ org, health: h, day, unitId }: OrgHealthSectionProps) {
  const drills = orgHealthDrills(day);
  const maxLayers = h.layers.reduce((m, l) => Math.max(m, l.layers), 0);
  const ics = h.layers.reduce((n, l) => n + l.ics, 0);
  return (
    <StatGrid>
      <StatCard label="Managers" value={h.spans.length} icon={Users} hint={`${ics} individual contributors`} href="#span" />
      <StatCard
        label="Span outliers"
        value={h.overSpan.length + h.underSpan.length}
        icon={AlertTriangle}
        tone={h.overSpan.length + h.underSpan.length ? "warning" : "default"}
        hint={`${h.overSpan.length} over ${h.thresholds.spanMax}, ${h.underSpan.length} under ${h.thresholds.spanMin}`}
        href="#outliers"
      />
      <StatCard label="Layers" value={maxLayers} icon={Layers} hint="Most managers above an IC" href="#layers" />
      <StatCard
        label="Units without a lead"
        value={h.noLead.length}
        icon={GitFork}
        tone={h.noLead.length ? "warning" : "default"}
        href="#leads"
      />
      <StatCard label="Acting leads" value={h.acting.length} icon={UserCog} hint="Standing in for a unit's lead" href="#acting" />
      <StatCard
        label="Attrition, 12 months"
        value={pct(h.attrition.ratePct)}
        icon={UserMinus}
        hint={`${h.attrition.departures} departures, ${h.attrition.regretted} regretted (${pct(h.attrition.regrettedPct)})`}
        href={peopleHref(org, drills.departures, unitId)}
      />
      <StatCard
        label="Time to fill"
        value={h.fill.medianDays === null ? "—" : `${num(h.fill.medianDays)} days`}
        icon={Clock}
        hint={`median; p90 ${h.fill.p90Days === null ? "—" : `${num(h.fill.p90Days)} days`}; ${h.fill.filled} filled`}
        href={positionsHref(org, drills.filled, unitId)}
      />
      <StatCard label="New managers" value={h.newManagers.length} icon={UserPlus} hint="Managing for under 6 months" href="#new-managers" />
      <StatCard
        label="People in post"
        value={h.tenure.reduce((n, t) => n + t.people, 0)}
        icon={Users}
        hint="By tenure below"
        href="#tenure"
      />
    </StatGrid>
  );
}
