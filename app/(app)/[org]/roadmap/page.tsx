import { ChevronLeft, ChevronRight, CircleCheck, Flag, Lightbulb, Plus, Target } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";

import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { InitiativeFormDialog } from "@/components/roadmap/initiative-form-dialog";
import { InitiativesByPeriod } from "@/components/roadmap/initiatives-by-period";
import { InitiativesTable } from "@/components/roadmap/initiatives-table";
import { Timeline } from "@/components/roadmap/timeline";
import { PageHeader } from "@/components/shell/page-header";
import { PageSkeleton } from "@/components/shell/page-skeleton";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/native-select";
import { Pager } from "@/components/ui/pager";
import { UnitFilter } from "@/components/forms/search-field";
import { ViewNav } from "@/components/ui/view-nav";
import { requireMember, type Member } from "@/lib/auth";
import { fiscalPeriod, fiscalYearLabel } from "@/lib/fiscal";
import { humanize, plural } from "@/lib/format";
import { writableUnitIds } from "@/lib/projects/access";
import { unitChoice } from "@/lib/org/search";
import { grantScope } from "@/lib/scope";
import { countInitiativesByStatus, listInitiativesPage } from "@/lib/roadmap/queries";
import { timelineWindow, ZOOMS } from "@/lib/roadmap/timeline";
import {
  listInitiativesForYear,
  listTimelinePage,
  parseRoadmapView,
  parseTimelineFilters,
  ROADMAP_VIEWS,
  type RoadmapView,
  type TimelineFilters,
} from "@/lib/roadmap/timeline-queries";

export const metadata = { title: "Roadmap" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function href(slug: string, f: TimelineFilters, change: Partial<TimelineFilters>, view: RoadmapView = "timeline") {
  const next = { ...f, ...change };
  const q = new URLSearchParams();
  if (view !== "timeline") q.set("view", view);
  q.set("zoom", next.zoom);
  if (next.offset) q.set("offset", String(next.offset));
  if (next.group !== "initiative") q.set("group", next.group);
  if (next.unit) q.set("unit", next.unit);
  if (next.status) q.set("status", next.status);
  return `/${slug}/roadmap?${q.toString()}`;
}

// Ten groups (about a hundred rows in a large org) a page: twenty were ~200 rows and 500 milestones,
// several screens long, and a quarter of the page's server time.
const TIMELINE_GROUPS_PER_PAGE = 10;

const VIEW_LABEL: Record<RoadmapView, string> = { timeline: "Timeline", board: "By period", table: "All initiatives" };

export default async function Page({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: SearchParams }) {
  const member = await requireMember((await params).org);
  const sp = await searchParams;
  const current = fiscalPeriod(new Date(), member.org.fiscalYearStartMonth);
  // The header is in the first HTML the server sends (no loading.tsx here: its boundary held it
  // back with the rest) and the view streams after it: the header is what a phone paints first.
  return (
    <>
      <PageHeader
        title="Roadmap"
        description={`Initiatives by fiscal period, and every project on a timeline. We are in ${current.label}.`}
        actions={
          grantScope(member, "initiatives:write") ? (
            <InitiativeFormDialog
              org={member.org.slug}
              defaultFiscalYear={current.fiscalYear}
              trigger={
                <Button size="sm">
                  <Plus aria-hidden /> New initiative
                </Button>
              }
            />
          ) : null
        }
      />
      <Suspense fallback={<PageSkeleton header={false} />}>
        <RoadmapBody member={member} sp={sp} />
      </Suspense>
    </>
  );
}

async function RoadmapBody({ member, sp }: { member: Member; sp: Awaited<SearchParams> }) {
  const f = parseTimelineFilters(sp);
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const startMonth = member.org.fiscalYearStartMonth;
  const window = timelineWindow(now, startMonth, f.zoom, f.offset);
  const current = fiscalPeriod(now, startMonth);
  const view = parseRoadmapView(sp);
  // Each view reads only what it shows: the three together were a page ~13,000 px long.
  const [writable, counts, timeline, unit, yearInitiatives, initiatives] = await Promise.all([
    writableUnitIds(member, "initiatives:write"),
    countInitiativesByStatus(member.org.id),
    // A large org has hundreds of teams and initiatives in a window: the timeline shows a page of groups.
    view === "timeline" ? listTimelinePage(member.org.id, f, window, sp, TIMELINE_GROUPS_PER_PAGE) : null,
    // The unit filter searches as you type (a large org has ~500 units): only the picked one's name is read.
    view === "timeline" ? unitChoice(member.org.id, f.unit) : null,
    view === "board" ? listInitiativesForYear(member.org.id, window.fiscalYear) : null,
    view === "table" ? listInitiativesPage(member.org.id, sp) : null,
  ]);
  const editable =
    writable && yearInitiatives ? yearInitiatives.filter((i) => writable === "all" || writable.has(i.orgUnitId)).map((i) => i.id) : null;

  const slug = member.org.slug;

  return (
    <>
      <StatGrid>
        <StatCard label="Active" value={counts.ACTIVE} icon={Target} hint="Initiatives in delivery" />
        <StatCard label="Proposed" value={counts.PROPOSED} icon={Lightbulb} hint="Awaiting a decision" />
        <StatCard label="Done" value={counts.DONE} icon={CircleCheck} tone="success" hint={`${counts.CANCELLED} cancelled`} />
        <StatCard label="Current period" value={current.label} icon={Flag} hint={`Fiscal month ${current.month} of 12`} />
      </StatGrid>

      {/* The view links keep the window and the timeline's filters: "By period" shows the fiscal year the timeline is in. */}
      <ViewNav
        label="Roadmap views"
        items={ROADMAP_VIEWS.map((v) => ({ key: v, label: VIEW_LABEL[v], href: href(slug, f, {}, v), current: v === view }))}
      />

      {timeline ? (
        <Card className="mb-6">
          <CardHeader>
            <CardTitle>Timeline · {window.label}</CardTitle>
            <CardDescription>
              Bars run from start to target date, coloured by health; ◇ milestones (filled when done), ⇠ waits on / ⇢ blocks other projects,
              the blue line is today.
              {timeline.undated
                ? ` ${plural(timeline.undated, "project")} without dates ${timeline.undated === 1 ? "is" : "are"} not shown.`
                : ""}
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            <div className="flex flex-wrap items-end gap-3">
              <div className="flex items-center gap-1" role="group" aria-label="Zoom">
                {ZOOMS.map((z) => (
                  <Button key={z} asChild size="sm" variant={f.zoom === z ? "default" : "outline"}>
                    <Link href={href(slug, f, { zoom: z, offset: 0 })} aria-current={f.zoom === z ? "true" : undefined}>
                      {humanize(z)}
                    </Link>
                  </Button>
                ))}
              </div>
              <div className="flex items-center gap-1">
                <Button asChild size="icon-sm" variant="outline">
                  <Link href={href(slug, f, { offset: f.offset - 1 })} aria-label="Earlier">
                    <ChevronLeft aria-hidden />
                  </Link>
                </Button>
                <Button asChild size="sm" variant="ghost">
                  <Link href={href(slug, f, { offset: 0 })}>Today</Link>
                </Button>
                <Button asChild size="icon-sm" variant="outline">
                  <Link href={href(slug, f, { offset: f.offset + 1 })} aria-label="Later">
                    <ChevronRight aria-hidden />
                  </Link>
                </Button>
              </div>
              <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Timeline filters">
                <input type="hidden" name="zoom" value={f.zoom} />
                {f.offset ? <input type="hidden" name="offset" value={f.offset} /> : null}
                <label className="space-y-1 text-xs font-medium text-muted-foreground">
                  <span className="block">Group by</span>
                  <NativeSelect name="group" defaultValue={f.group} className="h-8 w-32 text-[13px]">
                    <option value="initiative">Initiative</option>
                    <option value="team">Team</option>
                  </NativeSelect>
                </label>
                <UnitFilter org={slug} id="tl-unit" emptyLabel="All units" initial={unit} className="h-8 w-48 text-[13px]" />
                <label className="space-y-1 text-xs font-medium text-muted-foreground">
                  <span className="block">Status</span>
                  <NativeSelect name="status" defaultValue={f.status ?? ""} className="h-8 w-32 text-[13px]">
                    <option value="">Any</option>
                    {["PLANNED", "ACTIVE", "PAUSED", "DONE", "CANCELLED"].map((s) => (
                      <option key={s} value={s}>
                        {humanize(s)}
                      </option>
                    ))}
                  </NativeSelect>
                </label>
                <Button type="submit" size="sm" variant="outline">
                  Apply
                </Button>
              </form>
            </div>
            {timeline.groups.length ? (
              <>
                <Timeline org={slug} window={window} groups={timeline.groups} today={today} />
                <Pager info={timeline.paging} base={`/${slug}/roadmap`} searchParams={sp} label="Timeline groups" />
              </>
            ) : (
              <p className="text-sm text-muted-foreground">No projects run in {window.label} with these filters.</p>
            )}
          </CardContent>
        </Card>
      ) : null}

      {yearInitiatives ? (
        <Card className="mb-6">
          <CardHeader>
            <CardTitle>Initiatives in {fiscalYearLabel(window.fiscalYear)}</CardTitle>
            <CardDescription>
              By fiscal half and quarter: the health of the projects that deliver each, and those that need attention.
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            <ViewNav
              label="Fiscal year"
              className="mb-0"
              items={[-1, 0, 1].map((d) => {
                const fy = window.fiscalYear + d;
                return {
                  key: String(fy),
                  label: fiscalYearLabel(fy),
                  href: href(slug, f, { zoom: "year", offset: fy - current.fiscalYear }, "board"),
                  current: d === 0,
                };
              })}
            />
            <InitiativesByPeriod
              org={slug}
              fiscalYear={window.fiscalYear}
              yearLabel={fiscalYearLabel(window.fiscalYear)}
              initiatives={yearInitiatives}
              editable={editable}
            />
          </CardContent>
        </Card>
      ) : null}

      {initiatives ? (
        <>
          <InitiativesTable initiatives={initiatives.rows} sort={initiatives.sort} />
          <Pager info={initiatives.paging} base={`/${slug}/roadmap`} searchParams={sp} label="Initiatives" />
        </>
      ) : null}
    </>
  );
}
