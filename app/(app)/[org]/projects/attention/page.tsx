import Link from "next/link";
import { notFound } from "next/navigation";

import { PageHeader } from "@/components/shell/page-header";
import { BlockedDependencyRow, MilestoneDueRow } from "@/components/projects/attention-items";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth";
import { getDashboardScope } from "@/lib/dashboard/director";
import { listAttention, MILESTONE_WINDOW_DAYS, type MilestoneDue } from "@/lib/projects/attention";

export const metadata = { title: "Milestones and blocked dependencies" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

// The full lists behind the dashboard's capped ones (?unit=<id> for a subtree, ?due=overdue|soon
// for one kind of milestone), from the same SQL definitions (lib/projects/attention.ts).
export default async function Page({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Search> }) {
  const member = await requireMember((await params).org);
  const sp = await searchParams;
  const unitId = one(sp.unit) ?? null;
  const scope = await getDashboardScope(member.org.id, unitId);
  if (!scope) notFound();
  const dueParam = one(sp.due);
  const due: MilestoneDue = dueParam === "overdue" || dueParam === "soon" ? dueParam : "all";
  const { milestones, blocked } = await listAttention(member.org.id, unitId, new Date(), { due });
  const slug = member.org.slug;
  const where = scope.unit ? `${scope.unit.name} and below` : member.org.name;
  const weeks = MILESTONE_WINDOW_DAYS / 7;
  const dueLabel = due === "overdue" ? "overdue" : due === "soon" ? `due in the next ${weeks} weeks` : `overdue or due in the next ${weeks} weeks`;
  const filter = (d: MilestoneDue) => `/${slug}/projects/attention?${new URLSearchParams({ ...(unitId ? { unit: unitId } : {}), ...(d === "all" ? {} : { due: d }) })}`;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/${slug}/dashboard${unitId ? `?unit=${unitId}` : ""}`} className="text-muted-foreground hover:text-foreground">
          ← Dashboard
        </Link>
      </p>
      <PageHeader title="Milestones and blocked dependencies" description={`Open milestones of live projects and cross-team dependencies waiting on an at-risk project — ${where}.`} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card id="milestones">
          <CardHeader>
            <CardTitle>Milestones {dueLabel}</CardTitle>
            <CardDescription>
              {milestones.length} {milestones.length === 1 ? "milestone" : "milestones"}, soonest first. Show{" "}
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
          </CardContent>
        </Card>
        <Card id="blocked">
          <CardHeader>
            <CardTitle>Blocked cross-team dependencies</CardTitle>
            <CardDescription>
              {blocked.length} live {blocked.length === 1 ? "project waits" : "projects wait"} on an at-risk or off-track project of another team, worst first.
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
            {blocked.length === 0 ? <p className="py-2 text-sm text-muted-foreground">No project waits on an at-risk project of another team.</p> : null}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
