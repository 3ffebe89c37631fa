import Link from "next/link";
import type * as React from "react";

import { PanelTitle } from "@/components/dashboard/chart-table";
import { Empty, Figure, panelMemo, SeeAll, SubHeading, type PanelProps } from "@/components/dashboard/panel-parts";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { HowCounted } from "@/components/ui/how-counted";
import { dashboardQuery, getPeopleFigures } from "@/lib/dashboard/director";
import { formatDate, humanize } from "@/lib/format";
import { positionFilterQuery, type PositionFilter } from "@/lib/headcount/position-filter";
import { managersNeedingSupport, type SupportReason } from "@/lib/managers/figures";
import { can } from "@/lib/permissions";
import { peopleFilterQuery, type PeopleFilter } from "@/lib/people/list-filter";

// People panel of the dashboards: an async server component streamed behind its own <Suspense>.
// Heads, planned heads, planned starts and departures are of the period's quarter; open positions
// and over-allocation are today's (the hints say so).
const REASONS: Record<SupportReason, string> = {
  new: "New manager",
  "over-span": "Over span",
  "high-attrition": "High attrition",
  "stale-updates": "Stale updates",
};

/**
 * Managers needing support listed in the panel; "See all" opens the dashboard with every one of
 * them (`allSupport`, ?support=all): a large org has hundreds, and listing them all made the
 * dashboard several times heavier to send and to hydrate.
 */
const SUPPORT_SHOWN = 8;

type PeoplePanelProps = PanelProps & { allSupport?: boolean };

// Reused while the org's data is unchanged (panelMemo), per role; a reader who may not read every
// manager sees those below them, so their own.
export function PeoplePanel(props: PeoplePanelProps) {
  const { member, params, allSupport = false } = props;
  const reader = can(member.role, "managers:read") ? null : member.user.id;
  return panelMemo(member, "people", [member.role, reader, params, allSupport], () => renderPeoplePanel(props));
}

async function renderPeoplePanel({ member, params, allSupport = false }: PeoplePanelProps) {
  const { org } = member;
  // Directors and admins see every manager of the unit; anyone else the managers below them
  // in the reporting line (the manager pages they may open), usually none.
  const allManagers = can(member.role, "managers:read");
  const [p, support] = await Promise.all([
    getPeopleFigures(org.id, org.fiscalYearStartMonth, params),
    managersNeedingSupport(org.id, params.unitId, new Date(), allManagers ? null : member.user.id),
  ]);
  const hc = `/${org.slug}/headcount?${new URLSearchParams({ fy: String(params.fiscalYear), ...(params.unitId ? { unit: params.unitId } : {}) })}`;
  // Each people number links to the people list filtered to exactly the rows it counts, each
  // position number to the positions list likewise.
  const people = (f: PeopleFilter | null) => `/${org.slug}/teams?${peopleFilterQuery(f ?? { status: "current" }, params.unitId)}#people`;
  const positions = (f: PositionFilter) => `/${org.slug}/headcount?${positionFilterQuery(f, params.unitId, params.fiscalYear)}#positions`;
  // One position: the open positions narrowed to its title (the list has no per-position page).
  const position = (title: string) =>
    `/${org.slug}/headcount?${positionFilterQuery(p.positionFilters.open, params.unitId, params.fiscalYear)}&${new URLSearchParams({ q: title })}#positions`;
  const q = p.quarter;
  return (
    <Card>
      <CardHeader>
        <PanelTitle
          subtitle={`${q ? `Heads, starts and departures: ${q.label}` : "No quarter of this period"} · open positions and allocation as of today`}
        >
          People{q ? ` (${q.label})` : ""}
        </PanelTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          <Figure
            label="Heads in post"
            value={q?.actual ?? "–"}
            href={people(p.filters.heads)}
            hint={p.filters.heads && p.filters.heads.status === "in-post" ? `On ${formatDate(p.filters.heads.on)}` : "Quarter not started"}
          />
          <Figure label="Planned heads" value={q?.planned ?? "–"} href={`${hc}#plan`} hint={q ? `End of ${q.label}` : undefined} />
          <Figure
            label="Open positions"
            value={p.openPositions}
            href={positions(p.positionFilters.open)}
            hint={`Today · open ${p.avgDaysOpen} days on average`}
          />
          <Figure
            label="Planned starts"
            value={q?.hiring ?? 0}
            href={p.positionFilters.starts ? positions(p.positionFilters.starts) : hc}
            hint="Open, target start this quarter"
          />
          <Figure label="Departures" value={q?.attrition ?? 0} href={people(p.filters.departures)} hint="Last day this quarter" />
          <Figure label="Over-allocated" value={p.overallocated} href={people(p.filters.overallocated)} hint="Above 100% today" />
        </div>
        <section>
          <SubHeading>Longest-open positions</SubHeading>
          {p.oldest.length === 0 ? (
            <Empty>No open position.</Empty>
          ) : (
            <ul className="space-y-1.5 text-sm">
              {p.oldest.map((o) => (
                <li key={o.id} className="flex justify-between gap-2">
                  <Link prefetch={false} href={position(o.title)} className="hover:underline">
                    {o.title} · {o.unitName}
                  </Link>
                  <span className="text-muted-foreground">
                    {humanize(o.status)} · {o.daysOpen} days
                  </span>
                </li>
              ))}
            </ul>
          )}
          {p.openPositions > 0 ? <SeeAll href={positions(p.positionFilters.open)} count={p.openPositions} shown={p.oldest.length} /> : null}
        </section>
        {allManagers || support.length > 0 ? (
          <section aria-label="Managers needing support" id="managers-support">
            <SubHeading>Managers needing support ({support.length})</SubHeading>
            {support.length === 0 ? (
              <Empty>No manager is new, over span, losing people fast or behind on updates.</Empty>
            ) : (
              <ul className="space-y-1.5 text-sm">
                {(allSupport ? support : support.slice(0, SUPPORT_SHOWN)).map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center justify-between gap-2">
                    <Link prefetch={false} href={`/${org.slug}/managers/${m.id}`} className="hover:underline">
                      {m.name} · {m.teamName}
                    </Link>
                    <span className="flex flex-wrap gap-1">
                      {m.reasons.map((r) => (
                        <Badge key={r} variant="warning">
                          {r === "over-span"
                            ? `${REASONS[r]} (${m.span})`
                            : r === "high-attrition"
                              ? `${REASONS[r]} (${m.attritionPct}%)`
                              : r === "stale-updates"
                                ? `${REASONS[r]} (${m.stale})`
                                : REASONS[r]}
                        </Badge>
                      ))}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {support.length > SUPPORT_SHOWN && !allSupport ? (
              <SeeAll
                href={`/${org.slug}/dashboard?${dashboardQuery(params)}&support=all#managers-support`}
                count={support.length}
                shown={SUPPORT_SHOWN}
              />
            ) : null}
          </section>
        ) : null}
        <HowCounted
          figures={[
            "heads-in-post",
            "planned-heads",
            "open-positions",
            "days-open",
            "planned-starts",
            "departures",
            "over-allocated",
            ...(allManagers || support.length > 0 ? (["managers-needing-support"] as const) : []),
          ]}
        />
      </CardContent>
    </Card>
  );
}
