import Link from "next/link";
import type * as React from "react";

import { HealthTrendChart } from "@/components/charts/lazy";
import { ChartTable, PanelTitle } from "@/components/dashboard/chart-table";
import { Empty, Figure, panelMemo, SeeAll, SubHeading, type PanelProps } from "@/components/dashboard/panel-parts";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { HowCounted } from "@/components/ui/how-counted";
import { BlockedDependencyRow, MilestoneDueRow } from "@/components/projects/attention-items";
import { HEALTH_ORDER, HealthBadge } from "@/components/ui/badge";
import { HEALTH_LABELS } from "@/lib/projects/health-labels";
import { getDeliveryFigures, getLatestUpdates, MILESTONE_WINDOW_DAYS } from "@/lib/dashboard/director";
import { formatDate } from "@/lib/format";
import { getDeliveryReview } from "@/lib/projects/review";
import { firstRows, NONE } from "@/lib/projects/review-lists";
import { reviewHref } from "@/lib/projects/review-links";

/** Rows of the at-risk and stale lists the panel shows; the counts are of the whole scope. */
const SHOWN = 8;
/** Rows of the awaiting-acknowledgement list the panel shows. */
const AWAITING_SHOWN = 5;

const weekFmt = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** Delivery: health counts and trend, at-risk projects, stale and unacknowledged updates, milestones, blocked dependencies. */
// Delivery panel of the dashboards: an async server component streamed behind its own <Suspense>.
// Every figure is of the selected unit and below, as of today (the period picks money and people).
// Reused while the org's data is unchanged (panelMemo); the review's lists are the viewer's own.
export function DeliveryPanel({ member, params }: PanelProps) {
  return panelMemo(member, "delivery", [member.user.id, params], () => renderDeliveryPanel({ member, params }));
}

async function renderDeliveryPanel({ member, params }: PanelProps) {
  const { org } = member;
  const base = `/${org.slug}`;
  const scope = { orgId: org.id, unitId: params.unitId, viewerUserId: member.user.id };
  const [d, review] = await Promise.all([
    getDeliveryFigures(org.id, params.unitId),
    getDeliveryReview(scope, {
      atRisk: firstRows(SHOWN),
      due: NONE,
      stale: firstRows(SHOWN),
      awaiting: firstRows(AWAITING_SHOWN),
      mine: NONE,
    }),
  ]);
  const latest = await getLatestUpdates(
    org.id,
    review.atRisk.map((p) => p.id),
  );
  const unit = params.unitId ? `unit=${params.unitId}&` : "";
  const list = (q: string) => `${base}/projects?${unit}${q}`;
  const review_ = (anchor: "at-risk" | "stale" | "awaiting") => reviewHref(org.slug, params.unitId, anchor);
  // The full milestone and dependency lists, from the same SQL as these counts.
  const attention = (q: Record<string, string>, anchor: string) =>
    `${base}/projects/attention?${new URLSearchParams({ ...(params.unitId ? { unit: params.unitId } : {}), ...q })}#${anchor}`;
  const milestoneTotal = d.milestonesOverdue + d.milestonesDueSoon;

  return (
    <Card>
      <CardHeader>
        <PanelTitle subtitle="Today: health, stale updates and milestones as of now (the period switcher does not apply)">
          Delivery
        </PanelTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          <Figure label="Active projects" value={d.active} href={list("status=ACTIVE")} />
          {HEALTH_ORDER.map((h) => (
            <Figure
              key={h}
              label={HEALTH_LABELS[h]}
              value={d.health[h]}
              href={list(`status=ACTIVE&health=${h}`)}
              hint={<HealthBadge health={h} className="mt-1" />}
            />
          ))}
          <Figure label="Stale" value={review.counts.stale} href={list("stale=1")} hint="Missed a whole update cycle" />
        </div>

        <section aria-labelledby="trend-h">
          <SubHeading>
            <span id="trend-h">Health over the last 12 weeks</span>
          </SubHeading>
          <HealthTrendChart points={d.trend} />
          <ChartTable
            caption="Active projects by health at the end of each week (the last week is today)"
            head={["Week ending", ...HEALTH_ORDER.map((h) => HEALTH_LABELS[h])]}
            rows={d.trend.map((w) => [weekFmt.format(new Date(`${w.week}T00:00:00Z`)), ...HEALTH_ORDER.map((h) => w[h])])}
          />
        </section>

        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <section aria-label="At risk and off track">
            <SubHeading>At risk and off track ({review.counts.atRisk})</SubHeading>
            {review.counts.atRisk === 0 ? (
              <Empty>No active project is at risk or off track.</Empty>
            ) : (
              <ul className="space-y-3">
                {review.atRisk.map((p) => {
                  const u = latest.get(p.id);
                  return (
                    <li key={p.id} className="text-sm">
                      <div className="flex flex-wrap items-center gap-2">
                        <HealthBadge health={p.health} />
                        <Link prefetch={false} href={`${base}/projects/${p.id}`} className="font-medium hover:underline">
                          {p.name}
                        </Link>
                        <span className="text-muted-foreground">{p.teamName}</span>
                      </div>
                      {u ? (
                        <p className="mt-1 text-muted-foreground">
                          {u.summary}
                          {u.suggestedHealth && u.suggestedHealth !== p.health ? ` · Suggested: ${HEALTH_LABELS[u.suggestedHealth]}` : ""}
                          {u.overrideReason ? ` · Reason: ${u.overrideReason}` : ""}
                        </p>
                      ) : (
                        <p className="mt-1 text-muted-foreground">No update yet.</p>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {review.counts.atRisk > 0 ? (
              <SeeAll href={review_("at-risk")} count={review.counts.atRisk} shown={review.atRisk.length} />
            ) : null}
          </section>
          <div className="space-y-4">
            <section aria-label="Stale updates and escalation">
              <SubHeading>Stale updates and escalation ({review.counts.stale})</SubHeading>
              {review.counts.stale === 0 ? (
                <Empty>Every active project is up to date.</Empty>
              ) : (
                <ul className="space-y-2 text-sm">
                  {review.stale.map((p) => (
                    <li key={p.id} className="flex flex-wrap gap-x-2">
                      <Link prefetch={false} href={`${base}/projects/${p.id}`} className="font-medium hover:underline">
                        {p.name}
                      </Link>
                      <span className="text-muted-foreground">
                        {p.update.state === "stale" ? `${p.update.missedCycles} missed · escalation level ${p.update.escalationLevel}` : ""}
                        {p.escalatedTo ? ` → ${p.escalatedTo.name}` : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {review.counts.stale > 0 ? <SeeAll href={review_("stale")} count={review.counts.stale} shown={review.stale.length} /> : null}
            </section>
            <section aria-label="Awaiting acknowledgement">
              <SubHeading>Awaiting acknowledgement ({review.counts.awaiting})</SubHeading>
              {review.counts.awaiting === 0 ? (
                <Empty>No update waits for acknowledgement.</Empty>
              ) : (
                <ul className="space-y-2 text-sm">
                  {review.awaiting.map((u) => (
                    <li key={u.id}>
                      <Link prefetch={false} href={`${base}/projects/${u.projectId}`} className="font-medium hover:underline">
                        {u.projectName}
                      </Link>{" "}
                      <span className="text-muted-foreground">
                        {u.author}, {formatDate(u.createdAt)} · waits for {u.reviewerName}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {review.counts.awaiting > 0 ? (
                <SeeAll href={review_("awaiting")} count={review.counts.awaiting} shown={review.awaiting.length} />
              ) : null}
            </section>
          </div>
          <section aria-label="Milestones">
            <SubHeading>
              Milestones:{" "}
              <Link prefetch={false} href={attention({ due: "overdue" }, "milestones")} className="hover:underline">
                {d.milestonesOverdue} overdue
              </Link>
              ,{" "}
              <Link prefetch={false} href={attention({ due: "soon" }, "milestones")} className="hover:underline">
                {d.milestonesDueSoon} due in the next {MILESTONE_WINDOW_DAYS / 7} weeks
              </Link>
            </SubHeading>
            {d.milestones.length === 0 ? (
              <Empty>No open milestone due soon.</Empty>
            ) : (
              <ul className="space-y-1.5 text-sm">
                {d.milestones.map((m) => (
                  <li key={m.id} className="flex flex-wrap gap-x-2">
                    <MilestoneDueRow orgSlug={org.slug} m={m} />
                  </li>
                ))}
              </ul>
            )}
            {milestoneTotal > 0 ? <SeeAll href={attention({}, "milestones")} count={milestoneTotal} shown={d.milestones.length} /> : null}
          </section>
          <section aria-label="Blocked cross-team dependencies">
            <SubHeading>Blocked cross-team dependencies ({d.blockedCount})</SubHeading>
            {d.blocked.length === 0 ? (
              <Empty>No project waits on an at-risk project of another team.</Empty>
            ) : (
              <ul className="space-y-2 text-sm">
                {d.blocked.map((b) => (
                  <li key={b.id}>
                    <BlockedDependencyRow orgSlug={org.slug} b={b} />
                  </li>
                ))}
              </ul>
            )}
            {d.blockedCount > 0 ? <SeeAll href={attention({}, "blocked")} count={d.blockedCount} shown={d.blocked.length} /> : null}
          </section>
        </div>
        <HowCounted
          figures={[
            "active-projects",
            "on-track",
            "at-risk",
            "off-track",
            "unknown-health",
            "stale",
            "health-trend",
            "at-risk-and-off-track",
            "escalation",
            "awaiting-acknowledgement",
            "milestones-overdue",
            "milestones-due-soon",
            "blocked-dependencies",
          ]}
        />
      </CardContent>
    </Card>
  );
}
