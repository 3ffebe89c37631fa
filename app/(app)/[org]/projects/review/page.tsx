import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";

import { AcknowledgeButton } from "@/components/projects/acknowledge-button";
import { UpdateStateBadge } from "@/components/projects/update-state-badge";
import { PageHeader } from "@/components/shell/page-header";
import { HealthBadge } from "@/components/ui/badge";
import { HowCounted } from "@/components/ui/how-counted";
import { Pager } from "@/components/ui/pager";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth";
import { getDashboardScope } from "@/lib/dashboard/director";
import { formatDate, formatRelative, plural } from "@/lib/format";
import { pageOf, PAGE_SIZE } from "@/lib/paging";
import { can } from "@/lib/permissions";
import { getDeliveryReview, reviewScopeOf } from "@/lib/projects/review";
import { type ReviewProject, type ReviewSlice, type ReviewUpdate } from "@/lib/projects/review-lists";
import { homeScope } from "@/lib/scope";
import { parseSearch, type SearchParams as Search, zParam } from "@/lib/search-params";

export const metadata = { title: "Delivery review" };

// The page's own parameter; each queue's page (?page=, ?spage=, …) is read by pageOf.
const ZSearch = z.object({ unit: zParam() });

// Each list is paged on its own (?riskpage=, ?stalepage=, ?duepage=, ?ackpage=, ?minepage=), so a
// link to any page of one list keeps the others where they were. ?unit= scopes every list to a
// unit's subtree (default: a manager's unit, else the whole org), as the dashboard that links here.
const PARAM = { atRisk: "riskpage", stale: "stalepage", due: "duepage", awaiting: "ackpage", mine: "minepage" } as const;

/** The slice of a list the URL asks for (the query clamps it to the last page, as pageOf does). */
function wanted(sp: Search, param: string): ReviewSlice {
  const { page } = pageOf(sp, Number.MAX_SAFE_INTEGER, PAGE_SIZE, param);
  return { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE };
}

export default async function ReviewPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Search> }) {
  const [member, sp] = await Promise.all([params.then((p) => requireMember(p.org)), searchParams]);
  const { org } = member;
  // A member whose grants are limited to a unit reviews its subtree (and the units below it), like their dashboard.
  const within = homeScope(member).unitId;
  const scope = reviewScopeOf(member, parseSearch(ZSearch, sp).unit ?? within);
  const unit = await getDashboardScope(org.id, scope.unitId, within);
  if (!unit) notFound();
  const review = await getDeliveryReview(scope, {
    atRisk: wanted(sp, PARAM.atRisk),
    due: wanted(sp, PARAM.due),
    stale: wanted(sp, PARAM.stale),
    awaiting: wanted(sp, PARAM.awaiting),
    mine: wanted(sp, PARAM.mine),
  });
  const slug = org.slug;
  const base = `/${slug}/projects/review`;
  const paging = {
    atRisk: pageOf(sp, review.counts.atRisk, PAGE_SIZE, PARAM.atRisk),
    due: pageOf(sp, review.counts.due, PAGE_SIZE, PARAM.due),
    stale: pageOf(sp, review.counts.stale, PAGE_SIZE, PARAM.stale),
    awaiting: pageOf(sp, review.counts.awaiting, PAGE_SIZE, PARAM.awaiting),
    mine: pageOf(sp, review.counts.mine, PAGE_SIZE, PARAM.mine),
  };
  const now = new Date().toISOString();
  const canAck = can(member.role, "updates:acknowledge");
  const ackable = (authorUserId: string) => canAck && authorUserId !== member.user.id;
  const where = unit.unit ? `${unit.unit.name} and below` : "the whole organization";
  const dashboard = `/${slug}/dashboard${scope.unitId ? `?unit=${scope.unitId}` : ""}`;

  return (
    <>
      <p className="mb-2 flex flex-wrap gap-x-4 text-sm">
        <Link href={`/${slug}/projects`} className="text-muted-foreground hover:text-foreground">
          ← Projects
        </Link>
        <Link href={dashboard} className="text-muted-foreground hover:text-foreground">
          ← Dashboard
        </Link>
      </p>
      <PageHeader
        title="Delivery review"
        description={`Active projects at risk, stale or owing an update, and updates awaiting acknowledgement — ${where}, as of today.`}
      />
      {scope.unitId && !within ? (
        <p className="-mt-4 mb-6 text-sm">
          <Link href={base} className="text-primary hover:underline">
            Show the whole organization
          </Link>
        </p>
      ) : null}
      {/* Two columns that each flow on their own: projects that need attention, then the
          acknowledgement queues. Paired rows left a short card stretched beside a long one. */}
      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-2">
        <div className="min-w-0 space-y-6">
          <Card id="at-risk" className="min-w-0">
            <CardHeader>
              <CardTitle>At risk and off track</CardTitle>
              <CardDescription>{plural(review.counts.atRisk, "active project")}, off track first.</CardDescription>
            </CardHeader>
            <CardContent>
              <ul className="divide-y divide-border" aria-label="At-risk projects">
                {review.atRisk.map((p) => (
                  <li key={p.id} className="flex items-start justify-between gap-3 py-2.5 text-sm">
                    <div className="min-w-0 space-y-0.5">
                      <ProjectLink org={slug} p={p} />
                      <p className="text-xs text-muted-foreground">
                        {p.teamName} · {p.leadName ?? "no lead"} · health since {formatDate(p.healthChangedAt)}
                      </p>
                      {p.pending ? (
                        <p className="truncate text-xs">
                          “{p.pending.summary}” — {p.pending.author}, not acknowledged
                        </p>
                      ) : null}
                    </div>
                    <div className="flex shrink-0 items-center gap-2">
                      <HealthBadge health={p.health} />
                      {p.pending && ackable(p.pending.authorUserId) ? (
                        <AcknowledgeButton org={slug} updateId={p.pending.id} projectName={p.name} />
                      ) : null}
                    </div>
                  </li>
                ))}
                {review.atRisk.length === 0 ? (
                  <li className="py-2 text-sm text-muted-foreground">No active project is at risk or off track.</li>
                ) : null}
              </ul>
              <Pager info={paging.atRisk} base={base} searchParams={sp} label="At-risk projects" />
            </CardContent>
          </Card>
          <Card id="stale" className="min-w-0">
            <CardHeader>
              <CardTitle>Stale</CardTitle>
              <CardDescription>
                {plural(review.counts.stale, "active project")} that missed whole update cycles, and who they have escalated to (one level
                up the reporting line per missed cycle).
              </CardDescription>
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
                        Escalated to{" "}
                        <span className="font-medium">{p.escalatedTo ? (p.escalatedTo.isMe ? "you" : p.escalatedTo.name) : "—"}</span>
                      </span>
                    </div>
                  </li>
                ))}
                {review.stale.length === 0 ? <li className="py-2 text-sm text-muted-foreground">No stale projects.</li> : null}
              </ul>
              <Pager info={paging.stale} base={base} searchParams={sp} label="Stale projects" />
            </CardContent>
          </Card>
          <Card id="due" className="min-w-0">
            <CardHeader>
              <CardTitle>Updates due</CardTitle>
              <CardDescription>
                {plural(review.counts.due, "active project")} whose update for this cycle has not been posted yet (not counting stale ones).
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ul className="divide-y divide-border" aria-label="Updates due">
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
        <div className="min-w-0 space-y-6">
          {canAck ? (
            <Card id="mine" className="min-w-0">
              <CardHeader>
                <CardTitle>Awaiting your acknowledgement</CardTitle>
                <CardDescription>{plural(review.counts.mine, "update")} you review and did not write, newest first.</CardDescription>
              </CardHeader>
              <CardContent>
                <UpdateList
                  org={slug}
                  updates={review.mine}
                  label="Updates awaiting your acknowledgement"
                  ackable={ackable}
                  empty="Nothing awaits your acknowledgement."
                />
                <Pager info={paging.mine} base={base} searchParams={sp} label="Updates awaiting your acknowledgement" />
              </CardContent>
            </Card>
          ) : null}
          <Card id="awaiting" className="min-w-0">
            <CardHeader>
              <CardTitle>Awaiting acknowledgement</CardTitle>
              <CardDescription>
                {plural(review.counts.awaiting, "latest update")} nobody has acknowledged yet, newest first.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <UpdateList
                org={slug}
                updates={review.awaiting}
                label="Unacknowledged updates"
                ackable={ackable}
                empty="Every latest update is acknowledged."
              />
              <Pager info={paging.awaiting} base={base} searchParams={sp} label="Unacknowledged updates" />
            </CardContent>
          </Card>
        </div>
      </div>
      <div className="mt-6">
        <HowCounted
          figures={[
            "at-risk-and-off-track",
            "stale",
            "escalation",
            "updates-due",
            "awaiting-acknowledgement",
            "awaiting-your-acknowledgement",
          ]}
        />
      </div>
    </>
  );
}

function UpdateList({
  org,
  updates,
  label,
  ackable,
  empty,
}: {
  org: string;
  updates: ReviewUpdate[];
  label: string;
  ackable: (authorUserId: string) => boolean;
  empty: string;
}) {
  return (
    <ul className="divide-y divide-border" aria-label={label}>
      {updates.map((u) => (
        <li key={u.id} className="flex items-start justify-between gap-3 py-2.5 text-sm">
          <div className="min-w-0 space-y-0.5">
            <Link href={`/${org}/projects/${u.projectId}`} className="font-medium hover:underline">
              {u.projectName}
            </Link>
            <p className="truncate text-xs text-muted-foreground">
              “{u.summary}” — {u.author}, {formatDate(u.createdAt)}
              {u.mine ? " · you review this project" : ""}
            </p>
          </div>
          <div className="flex shrink-0 items-center gap-2">
            <HealthBadge health={u.health} />
            {ackable(u.authorUserId) ? (
              <AcknowledgeButton org={org} updateId={u.id} projectName={u.projectName} />
            ) : (
              // Not the viewer's to clear (their own update, or no permission): say whose queue it is in.
              <span className="text-xs text-muted-foreground">Waits for {u.reviewerName ?? "a reviewer"}</span>
            )}
          </div>
        </li>
      ))}
      {updates.length === 0 ? <li className="py-2 text-sm text-muted-foreground">{empty}</li> : null}
    </ul>
  );
}

function ProjectLink({ org, p }: { org: string; p: ReviewProject }) {
  return (
    <Link href={`/${org}/projects/${p.id}`} className="font-medium hover:underline">
      {p.name}
    </Link>
  );
}
