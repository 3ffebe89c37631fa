import Link from "next/link";
import type * as React from "react";
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
import { type PageInfo, pageOf, PAGE_SIZE } from "@/lib/paging";
import { can } from "@/lib/permissions";
import { getDeliveryReview, reviewScopeOf } from "@/lib/projects/review";
import { type ReviewLists, type ReviewProject, type ReviewSlice, type ReviewUpdate } from "@/lib/projects/review-lists";
import { homeScope } from "@/lib/scope";
import { parseSearch, type SearchParams as Search, zParam } from "@/lib/search-params";

export const metadata = { title: "Delivery review" };

// The page's own parameter; each queue's page (?page=, ?spage=, …) is read by pageOf.
const ZSearch = z.object({ unit: zParam() });

// Each list is paged on its own (?riskpage=, ?stalepage=, ?duepage=, ?ackpage=, ?minepage=), so a
// link to any page of one list keeps the others where they were. ?unit= scopes every list to a
// unit's subtree (default: a manager's unit, else the whole org), as the dashboard that links here.
const PARAM = { atRisk: "riskpage", due: "duepage", stale: "stalepage", awaiting: "ackpage", mine: "minepage" } as const;
const QUEUES = Object.keys(PARAM) as (keyof typeof PARAM)[];

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
  const review = await getDeliveryReview(scope, Object.fromEntries(QUEUES.map((q) => [q, wanted(sp, PARAM[q])])) as ReviewLists);
  const slug = org.slug;
  const base = `/${slug}/projects/review`;
  // A queue's rows and its own pager, whose links keep the other queues' pages.
  const queue = <Q extends keyof typeof PARAM>(q: Q) => ({
    rows: review[q],
    paging: pageOf(sp, review.counts[q], PAGE_SIZE, PARAM[q]),
    base,
    sp,
  });
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
          <QueueCard
            id="at-risk"
            title="At risk and off track"
            description={`${plural(review.counts.atRisk, "active project")}, off track first.`}
            label="At-risk projects"
            empty="No active project is at risk or off track."
            {...queue("atRisk")}
            row={(p) => (
              <QueueRow
                key={p.id}
                href={`/${slug}/projects/${p.id}`}
                name={p.name}
                aside={
                  <>
                    <HealthBadge health={p.health} />
                    {p.pending && ackable(p.pending.authorUserId) ? (
                      <AcknowledgeButton org={slug} updateId={p.pending.id} projectName={p.name} />
                    ) : null}
                  </>
                }
              >
                <p className="text-xs text-muted-foreground">
                  {p.teamName} · {p.leadName ?? "no lead"} · health since {formatDate(p.healthChangedAt)}
                </p>
                {p.pending ? (
                  <p className="truncate text-xs">
                    “{p.pending.summary}” — {p.pending.author}, not acknowledged
                  </p>
                ) : null}
              </QueueRow>
            )}
          />
          <QueueCard
            id="stale"
            title="Stale"
            description={`${plural(review.counts.stale, "active project")} that missed whole update cycles, and who they have escalated to (one level up the reporting line per missed cycle).`}
            label="Stale projects"
            empty="No stale projects."
            {...queue("stale")}
            row={(p) => (
              <QueueRow
                key={p.id}
                href={`/${slug}/projects/${p.id}`}
                name={p.name}
                stackAside
                aside={
                  <>
                    <UpdateStateBadge state={p.update} />
                    <span className="text-xs">
                      Escalated to{" "}
                      <span className="font-medium">{p.escalatedTo ? (p.escalatedTo.isMe ? "you" : p.escalatedTo.name) : "—"}</span>
                    </span>
                  </>
                }
              >
                <p className="text-xs text-muted-foreground">
                  Last update {formatRelative(p.lastUpdateAt, now)} · lead {p.leadName ?? "—"}
                </p>
              </QueueRow>
            )}
          />
          <QueueCard
            id="due"
            title="Updates due"
            description={`${plural(review.counts.due, "active project")} whose update for this cycle has not been posted yet (not counting stale ones).`}
            label="Updates due"
            empty="No updates due."
            {...queue("due")}
            row={(p) => (
              <li key={p.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                <div className="min-w-0">
                  <ProjectLink org={slug} p={p} />
                  <p className="text-xs text-muted-foreground">
                    {p.teamName} · {p.leadName ?? "no lead"}
                  </p>
                </div>
                <UpdateStateBadge state={p.update} />
              </li>
            )}
          />
        </div>
        <div className="min-w-0 space-y-6">
          {canAck ? (
            <QueueCard
              id="mine"
              title="Awaiting your acknowledgement"
              description={`${plural(review.counts.mine, "update")} you review and did not write, newest first.`}
              label="Updates awaiting your acknowledgement"
              empty="Nothing awaits your acknowledgement."
              {...queue("mine")}
              row={(u) => <UpdateRow key={u.id} org={slug} u={u} ackable={ackable} />}
            />
          ) : null}
          <QueueCard
            id="awaiting"
            title="Awaiting acknowledgement"
            description={`${plural(review.counts.awaiting, "latest update")} nobody has acknowledged yet, newest first.`}
            label="Unacknowledged updates"
            empty="Every latest update is acknowledged."
            {...queue("awaiting")}
            row={(u) => <UpdateRow key={u.id} org={slug} u={u} ackable={ackable} />}
          />
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

/** One queue of the review: its rows (or what it says when empty) and its own pager. */
function QueueCard<T>({
  id,
  title,
  description,
  label,
  empty,
  rows,
  row,
  paging,
  base,
  sp,
}: {
  id: string;
  title: string;
  description: string;
  /** The list's accessible name, also its pager's. */
  label: string;
  empty: string;
  rows: T[];
  row: (r: T) => React.ReactNode;
  paging: PageInfo;
  base: string;
  sp: Search;
}) {
  return (
    <Card id={id} className="min-w-0">
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="divide-y divide-border" aria-label={label}>
          {rows.map((r) => row(r))}
          {rows.length === 0 ? <li className="py-2 text-sm text-muted-foreground">{empty}</li> : null}
        </ul>
        <Pager info={paging} base={base} searchParams={sp} label={label} />
      </CardContent>
    </Card>
  );
}

/** A row of a queue: the project, what the queue says of it, and at the end its badges and actions. */
function QueueRow({
  href,
  name,
  aside,
  stackAside = false,
  children,
}: {
  href: string;
  name: string;
  aside: React.ReactNode;
  /** The aside's items one under the other, right-aligned. */
  stackAside?: boolean;
  children: React.ReactNode;
}) {
  return (
    <li className="flex items-start justify-between gap-3 py-2.5 text-sm">
      <div className="min-w-0 space-y-0.5">
        <Link href={href} className="font-medium hover:underline">
          {name}
        </Link>
        {children}
      </div>
      <div className={stackAside ? "flex shrink-0 flex-col items-end gap-1" : "flex shrink-0 items-center gap-2"}>{aside}</div>
    </li>
  );
}

function UpdateRow({ org, u, ackable }: { org: string; u: ReviewUpdate; ackable: (authorUserId: string) => boolean }) {
  return (
    <QueueRow
      href={`/${org}/projects/${u.projectId}`}
      name={u.projectName}
      aside={
        <>
          <HealthBadge health={u.health} />
          {ackable(u.authorUserId) ? (
            <AcknowledgeButton org={org} updateId={u.id} projectName={u.projectName} />
          ) : (
            // Not the viewer's to clear (their own update, or no permission): say whose queue it is in.
            <span className="text-xs text-muted-foreground">Waits for {u.reviewerName}</span>
          )}
        </>
      }
    >
      <p className="truncate text-xs text-muted-foreground">
        “{u.summary}” — {u.author}, {formatDate(u.createdAt)}
        {u.mine ? " · you review this project" : ""}
      </p>
    </QueueRow>
  );
}

function ProjectLink({ org, p }: { org: string; p: ReviewProject }) {
  return (
    <Link href={`/${org}/projects/${p.id}`} className="font-medium hover:underline">
      {p.name}
    </Link>
  );
}
