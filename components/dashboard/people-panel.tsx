import Link from "next/link";
import type * as React from "react";

import { PanelTitle } from "@/components/dashboard/chart-table";
import { Empty, Figure, SubHeading, type PanelProps } from "@/components/dashboard/panel-parts";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { getPeopleFigures } from "@/lib/dashboard/director";
import { humanize } from "@/lib/format";
import { peopleFilterQuery, type PeopleFilter } from "@/lib/people/list-filter";

// People panel of the dashboards: an async server component streamed behind its own <Suspense>.
export async function PeoplePanel({ member, params }: PanelProps) {
  const { org } = member;
  const p = await getPeopleFigures(org.id, org.fiscalYearStartMonth, params);
  const hc = `/${org.slug}/headcount?${new URLSearchParams({ fy: String(params.fiscalYear), ...(params.unitId ? { unit: params.unitId } : {}) })}`;
  // Each people number links to the people list filtered to exactly the rows it counts.
  const people = (f: PeopleFilter | null) => `/${org.slug}/teams?${peopleFilterQuery(f ?? { status: "current" }, params.unitId)}#people`;
  const q = p.quarter;
  return (
    <Card>
      <CardHeader>
        <PanelTitle subtitle={`${q ? `Heads, starts and departures: ${q.label}` : "No quarter of this period"} · open positions and allocation as of today`}>People{q ? ` (${q.label})` : ""}</PanelTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          <Figure label="Heads in post" value={q?.actual ?? "–"} href={people(p.filters.heads)} hint={q ? `vs ${q.planned} planned` : undefined} />
          <Figure label="Planned heads" value={q?.planned ?? "–"} href={hc} />
          <Figure label="Open positions" value={p.openPositions} href={hc} hint={`open ${p.avgDaysOpen} days on average`} />
          <Figure label="Planned starts" value={q?.hiring ?? 0} href={hc} hint="Vacant, target start this quarter" />
          <Figure label="Departures" value={q?.attrition ?? 0} href={people(p.filters.departures)} hint="Last day this quarter" />
          <Figure label="Over-allocated" value={p.overallocated} href={people(p.filters.overallocated)} hint="People above 100% today" />
        </div>
        <section>
          <SubHeading>Longest-open positions</SubHeading>
          {p.oldest.length === 0 ? (
            <Empty>No open position.</Empty>
          ) : (
            <ul className="space-y-1.5 text-sm">
              {p.oldest.map((o) => (
                <li key={o.id} className="flex justify-between gap-2">
                  <Link href={hc} className="hover:underline">
                    {o.title} · {o.unitName}
                  </Link>
                  <span className="text-muted-foreground">
                    {humanize(o.status)} · {o.daysOpen} days
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </CardContent>
    </Card>
  );
}
