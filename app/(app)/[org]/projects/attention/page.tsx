import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";

import { PageHeader } from "@/components/shell/page-header";
import { BlockedDependencyRow, MilestoneDueRow } from "@/components/projects/attention-items";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { PAGE_SIZE, pageOf } from "@/lib/paging";
import { requireMember } from "@/lib/auth";
import { getDashboardScope } from "@/lib/dashboard/director";
import { listAttention, MILESTONE_WINDOW_DAYS, type MilestoneDue } from "@/lib/projects/attention";
import { parseSearch, type SearchParams as Search, zOneOf, zParam } from "@/lib/search-params";

export const metadata = { title: "Milestones and blocked dependencies" };

const ZSearch = z.object({
  unit: zParam(),
  due: zOneOf(["overdue", "soon"]).transform((v): MilestoneDue => v ?? "all"),
});

// The full lists behind the dashboard's capped ones (?unit=<id> for a subtree, ?due=overdue|soon
// for one kind of milestone), from the same SQL definitions (lib/projects/attention.ts).
export default async function Page({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Search> }) {
  const member = await requireMember((await params).org);
  const sp = await searchParams;
  const { unit, due } = parseSearch(ZSearch, sp);
  const unitId = unit ?? null;
  const scope = await getDashboardScope(member.org.id, unitId);
  if (!scope) notFound();
  // One page of each list (?page=N milestones, ?bpage=N blocked), cut by the database; a page past
  // the end shows the last one.
  const want = (param: string) => pageOf(sp, Number.MAX_SAFE_INTEGER, PAGE_SIZE, param).page;
  const read = (mp: number, bp: number) =>
    listAttention(member.org.id, unitId, new Date(), {
      due,
      limit: PAGE_SIZE,
      offset: (mp - 1) * PAGE_SIZE,
      blockedOffset: (bp - 1) * PAGE_SIZE,
    });
  let lists = await read(want("page"), want("bpage"));
  if ((!lists.milestones.length && want("page") > 1) || (!lists.blocked.length && want("bpage") > 1)) {
    const totals = await listAttention(member.org.id, unitId, new Date(), { due, limit: 1 });
    lists = await read(pageOf(sp, totals.milestoneTotal).page, pageOf(sp, totals.blockedTotal, PAGE_SIZE, "bpage").page);
  }
  const { milestones, blocked } = lists;
  const milestonePaging = pageOf(sp, lists.milestoneTotal);
  const blockedPaging = pageOf(sp, lists.blockedTotal, PAGE_SIZE, "bpage");
  const slug = member.org.slug;
  const where = scope.unit ? `${scope.unit.name} and below` : member.org.name;
  const weeks = MILESTONE_WINDOW_DAYS / 7;
  const dueLabel =
    due === "overdue" ? "overdue" : due === "soon" ? `due in the next ${weeks} weeks` : `overdue or due in the next ${weeks} weeks`;
  const filter = (d: MilestoneDue) =>
    `/${slug}/projects/attention?${new URLSearchParams({ ...(unitId ? { unit: unitId } : {}), ...(d === "all" ? {} : { due: d }) })}`;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/${slug}/dashboard${unitId ? `?unit=${unitId}` : ""}`} className="text-muted-foreground hover:text-foreground">
          ← Dashboard
        </Link>
      </p>
      <PageHeader
        title="Milestones and blocked dependencies"
        description={`Open milestones of live projects and cross-team dependencies waiting on an at-risk project — ${where}.`}
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card id="milestones">
          <CardHeader>
            <CardTitle>Milestones {dueLabel}</CardTitle>
            <CardDescription>
              {lists.milestoneTotal} {lists.milestoneTotal === 1 ? "milestone" : "milestones"}, soonest first. Show{" "}
              {(["all", "overdue", "soon"] as const).map((d, i) => (
                <span key={d}>
                  {i > 0 ? " · " : ""}
                  {d === due ? (
                    <span className="font-medium">{d === "all" ? "both" : d === "soon" ? "next 4 weeks" : d}</span>
                  ) : (
                    <Link className="underline" href={filter(d)}>
                      {d === "all" ? "both" : d === "soon" ? "next 4 weeks" : d}
                    </Link>
                  )}
                </span>
              ))}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="divide-y divide-border" aria-label="Milestones">
              {milestones.map((m) => (
                <li key={m.id} className="flex flex-wrap items-baseline gap-x-2 py-2 text-sm">
                  <MilestoneDueRow orgSlug={slug} m={m} />
                </li>
              ))}
            </ul>
            {milestones.length === 0 ? <p className="py-2 text-sm text-muted-foreground">No open milestone {dueLabel}.</p> : null}
            <Pager info={milestonePaging} base={`/${slug}/projects/attention`} searchParams={sp} label="Milestones" />
          </CardContent>
        </Card>
        <Card id="blocked">
          <CardHeader>
            <CardTitle>Blocked cross-team dependencies</CardTitle>
            <CardDescription>
              {lists.blockedTotal} live {lists.blockedTotal === 1 ? "project waits" : "projects wait"} on an at-risk or off-track project of
              another team, worst first.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="divide-y divide-border" aria-label="Blocked dependencies">
              {blocked.map((b) => (
                <li key={b.id} className="py-2 text-sm">
                  <BlockedDependencyRow orgSlug={slug} b={b} showNote />
                </li>
              ))}
            </ul>
            {blocked.length === 0 ? (
              <p className="py-2 text-sm text-muted-foreground">No project waits on an at-risk project of another team.</p>
            ) : null}
            <Pager info={blockedPaging} base={`/${slug}/projects/attention`} searchParams={sp} label="Blocked dependencies" />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
