import Link from "next/link";

import { AcknowledgeButton } from "@/components/projects/acknowledge-button";
import { UpdateStateBadge } from "@/components/projects/update-state-badge";
import { PageHeader } from "@/components/shell/page-header";
import { HealthBadge } from "@/components/ui/badge";
import { Pager } from "@/components/ui/pager";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth";
import { formatDate, formatRelative } from "@/lib/format";
import { pageOf, PAGE_SIZE } from "@/lib/paging";
import { can } from "@/lib/permissions";
import { getDeliveryReview, type ReviewProject, type ReviewSlice, type ReviewUpdate } from "@/lib/projects/review";

export const metadata = { title: "Delivery review" };

type Search = Record<string, string | string[] | undefined>;

// Each list is paged on its own (?riskpage=, ?stalepage=, ?duepage=), so a link to any page of one
// list keeps the others where they were.
const PARAM = { atRisk: "riskpage", stale: "stalepage", due: "duepage" } as const;

/** The slice of a list the URL asks for (the query clamps it to the last page, as pageOf does). */
function wanted(sp: Search, param: string): ReviewSlice {
  const { page } = pageOf(sp, Number.MAX_SAFE_INTEGER, PAGE_SIZE, param);
  return { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE };
}

export default async function ReviewPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Search> }) {
  const [member, sp] = await Promise.all([params.then((p) => requireMember(p.org)), searchParams]);
  const review = await getDeliveryReview(member, { atRisk: wanted(sp, PARAM.atRisk), due: wanted(sp, PARAM.due), stale: wanted(sp, PARAM.stale) });
  const slug = member.org.slug;
  const base = `/${slug}/projects/review`;
  const paging = {
    atRisk: pageOf(sp, review.counts.atRisk, PAGE_SIZE, PARAM.atRisk),
    due: pageOf(sp, review.counts.due, PAGE_SIZE, PARAM.due),
    stale: pageOf(sp, review.counts.stale, PAGE_SIZE, PARAM.stale),
  };
  const now = new Date().toISOString();
  const canAck = can(member.role, "updates:acknowledge");
  const ackFor = new Map(review.unacknowledged.map((u) => [u.projectId, u]));
  const ackable = (u: ReviewUpdate | undefined) => !!u && canAck && u.authorUserId !== member.user.id;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/${slug}/projects`} className="text-muted-foreground hover:text-foreground">
          ← Projects
        </Link>
      </p>
      <PageHeader title="Delivery review" description={`What is at risk, what awaits acknowledgement and who has not updated — ${review.scopeLabel}.`} />
      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>At risk and off track</CardTitle>
            <CardDescription>{review.counts.atRisk} projects, worst first.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="divide-y divide-border" aria-label="At-risk projects">
              {review.atRisk.map((p) => {
                const u = ackFor.get(p.id);
                return (
                  <li key={p.id} className="flex items-start justify-between gap-3 py-2.5 text-sm">
                    <div className="min-w-0 space-y-0.5">
                      <ProjectLink org={slug} p={p} />
                      <p className="text-xs text-muted-foreground">
                        {p.teamName} · {p.leadName ?? "no lead"} · health since {formatDate(p.healthChangedAt)}
                      </p>
                      {u ? <p className="truncate text-xs">“{u.summary}” — {u.author}, not acknowledged</p> : null}
                    </div>
                    <div className="flex shrink-0 items-center gap-2">
                      <HealthBadge health={p.health} />
                      {ackable(u) ? <AcknowledgeButton org={slug} updateId={u!.id} /> : null}
                    </div>
                  </li>
                );
              })}
              {review.atRisk.length === 0 ? <li className="py-2 text-sm text-muted-foreground">Nothing at risk.</li> : null}
            </ul>
            <Pager info={paging.atRisk} base={base} searchParams={sp} label="At-risk projects" />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Stale and unacknowledged</CardTitle>
            <CardDescription>{review.counts.stale} projects that missed whole update cycles, and who they have escalated to (one level up the reporting line per missed cycle).</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="divide-y divide-border" aria-label="Stale projects">
              {review.stale.map((p) => (
                <li key={p.id} className="flex items-start justify-between gap-3 py-2.5 text-sm">
                  <div className="min-w-0 space-y-0.5">
                    <ProjectLink org={slug} p={p} />
                    <p className="text-xs text-muted-foreground">
                      Last update {formatRelative(p.lastUpdateAt, now)} · lead {p.leadName ?? "—"}
                    </p>
                  </div>
                  <div className="flex shrink-0 flex-col items-end gap-1">
                    <UpdateStateBadge state={p.update} />
                    <span className="text-xs">
                      Escalated to <span className="font-medium">{p.escalatedTo ? (p.escalatedTo.isMe ? "you" : p.escalatedTo.name) : "—"}</span>
                    </span>
                  </div>
                </li>
              ))}
              {review.stale.length === 0 ? <li className="py-2 text-sm text-muted-foreground">No stale projects.</li> : null}
            </ul>
            <Pager info={paging.stale} base={base} searchParams={sp} label="Stale projects" />
            <h3 className="mt-5 mb-1 text-sm font-semibold">Awaiting acknowledgement</h3>
            <ul className="divide-y divide-border" aria-label="Unacknowledged updates">
              {review.unacknowledged.map((u) => (
                <li key={u.id} className="flex items-start justify-between gap-3 py-2.5 text-sm">
                  <div className="min-w-0 space-y-0.5">
                    <Link href={`/${slug}/projects/${u.projectId}`} className="font-medium hover:underline">
                      {u.projectName}
                    </Link>
                    <p className="truncate text-xs text-muted-foreground">
                      “{u.summary}” — {u.author}, {formatDate(u.createdAt)}
                      {u.mine ? " · you review this project" : ""}
                    </p>
                  </div>
                  <div className="flex shrink-0 items-center gap-2">
                    <HealthBadge health={u.health} />
                    {ackable(u) ? <AcknowledgeButton org={slug} updateId={u.id} /> : null}
                  </div>
                </li>
              ))}
              {review.unacknowledged.length === 0 ? <li className="py-2 text-sm text-muted-foreground">Every latest update is acknowledged.</li> : null}
            </ul>
          </CardContent>
        </Card>
        <Card className="xl:col-span-2">
          <CardHeader>
            <CardTitle>Updates due</CardTitle>
            <CardDescription>{review.counts.due} active projects whose update for this cycle has not been posted yet.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-x-6 divide-y divide-border md:grid-cols-2" aria-label="Updates due">
              {review.due.map((p) => (
                <li key={p.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                  <div className="min-w-0">
                    <ProjectLink org={slug} p={p} />
                    <p className="text-xs text-muted-foreground">
                      {p.teamName} · {p.leadName ?? "no lead"}
                    </p>
                  </div>
                  <UpdateStateBadge state={p.update} />
                </li>
              ))}
              {review.due.length === 0 ? <li className="py-2 text-sm text-muted-foreground">No updates due.</li> : null}
            </ul>
            <Pager info={paging.due} base={base} searchParams={sp} label="Updates due" />
          </CardContent>
        </Card>
      </div>
    </>
  );
}

function ProjectLink({ org, p }: { org: string; p: ReviewProject }) {
  return (
    <Link href={`/${org}/projects/${p.id}`} className="font-medium hover:underline">
      {p.name}
    </Link>
  );
}
