import Link from "next/link";

import { PanelTitle } from "@/components/dashboard/chart-table";
import { AcknowledgeButton } from "@/components/projects/acknowledge-button";
import { panelMemo, SeeAll } from "@/components/dashboard/panel-parts";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { HealthBadge } from "@/components/ui/badge";
import { HowCounted } from "@/components/ui/how-counted";
import type { Member } from "@/lib/auth";
import { formatDate } from "@/lib/format";
import type { ReviewProject } from "@/lib/projects/review-lists";
import { getDeliveryReview, reviewScopeOf } from "@/lib/projects/review";
import { firstRows, NONE } from "@/lib/projects/review-lists";
import { reviewHref } from "@/lib/projects/review-links";

/** Rows of each list the panel shows; the review pages through all of them. */
const SHOWN = 6;

/**
 * The manager's week, for their scope: updates due this cycle, stale projects, and updates from
 * their reports awaiting their acknowledgement. Each count is the review's (lib/projects/review.ts)
 * and links to the same list there.
 */
export function ManagerWeekPanel({ member, scopeName }: { member: Member; scopeName: string }) {
  // The manager's own lists: reused per viewer while the org's data is unchanged (panelMemo).
  return panelMemo(member, "manager-week", [member.user.id, member.role, member.scopeUnitId, scopeName], () =>
    renderManagerWeekPanel({ member, scopeName }),
  );
}

async function renderManagerWeekPanel({ member, scopeName }: { member: Member; scopeName: string }) {
  const scope = reviewScopeOf(member);
  const review = await getDeliveryReview(scope, {
    atRisk: NONE,
    due: firstRows(SHOWN),
    stale: firstRows(SHOWN),
    awaiting: NONE,
    mine: firstRows(SHOWN),
  });
  const base = `/${member.org.slug}`;
  const link = (anchor: "due" | "stale" | "mine") => reviewHref(member.org.slug, scope.unitId, anchor);
  return (
    <Card>
      <CardHeader>
        <PanelTitle>This week in {scopeName}</PanelTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          <section aria-labelledby="due-h">
            <h3 id="due-h" className="mb-2 text-sm font-semibold">
              Updates due ({review.counts.due})
            </h3>
            {review.counts.due === 0 ? (
              <p className="text-sm text-muted-foreground">No update is due this cycle.</p>
            ) : (
              <OwedList base={base} projects={review.due} />
            )}
            {review.counts.due > 0 ? <SeeAll href={link("due")} count={review.counts.due} shown={review.due.length} /> : null}
          </section>
          <section aria-labelledby="stale-h">
            <h3 id="stale-h" className="mb-2 text-sm font-semibold">
              Stale ({review.counts.stale})
            </h3>
            {review.counts.stale === 0 ? (
              <p className="text-sm text-muted-foreground">No project has missed a whole cycle.</p>
            ) : (
              <OwedList base={base} projects={review.stale} />
            )}
            {review.counts.stale > 0 ? <SeeAll href={link("stale")} count={review.counts.stale} shown={review.stale.length} /> : null}
          </section>
          <section aria-labelledby="ack-h">
            <h3 id="ack-h" className="mb-2 text-sm font-semibold">
              Awaiting your acknowledgement ({review.counts.mine})
            </h3>
            {review.counts.mine === 0 ? (
              <p className="text-sm text-muted-foreground">Nothing from your reports awaits you.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {review.mine.map((u) => (
                  // The queue is the viewer's: every item can be cleared from here.
                  <li key={u.id} className="flex flex-wrap items-start justify-between gap-2">
                    <span className="min-w-0">
                      <HealthBadge health={u.health} />{" "}
                      <Link prefetch={false} href={`${base}/projects/${u.projectId}`} className="font-medium hover:underline">
                        {u.projectName}
                      </Link>{" "}
                      <span className="text-muted-foreground">
                        {u.summary} · {u.author}, {formatDate(u.createdAt)}
                      </span>
                    </span>
                    <AcknowledgeButton org={member.org.slug} updateId={u.id} projectName={u.projectName} />
                  </li>
                ))}
              </ul>
            )}
            {review.counts.mine > 0 ? <SeeAll href={link("mine")} count={review.counts.mine} shown={review.mine.length} /> : null}
          </section>
        </div>
        <HowCounted figures={["updates-due", "stale", "awaiting-your-acknowledgement"]} />
      </CardContent>
    </Card>
  );
}

function OwedList({ base, projects }: { base: string; projects: ReviewProject[] }) {
  return (
    <ul className="space-y-2 text-sm">
      {projects.map((p) => (
        <li key={p.id} className="flex flex-wrap items-center justify-between gap-2">
          <span className="flex flex-wrap items-center gap-2">
            <HealthBadge health={p.health} />
            <span className="font-medium">{p.name}</span>
            <span className="text-muted-foreground">
              {p.update.state === "due"
                ? `due ${formatDate(p.update.dueDate)}`
                : p.update.state === "stale"
                  ? `${p.update.missedCycles} missed`
                  : ""}
            </span>
          </span>
          <Link
            prefetch={false}
            href={`${base}/projects/${p.id}`}
            className="text-primary hover:underline"
            aria-label={`Post update for ${p.name}`}
          >
            Post update
          </Link>
        </li>
      ))}
    </ul>
  );
}
