import Link from "next/link";

import { PanelTitle } from "@/components/dashboard/chart-table";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { HealthBadge } from "@/components/ui/badge";
import type { Member } from "@/lib/auth";
import { formatDate } from "@/lib/format";
import { firstRows, getDeliveryReview, NONE } from "@/lib/projects/review";

/** Projects listed under "Updates due" (due first, then stale); the review pages through all of them. */
const SHOWN = 10;

/** The manager's week: updates due from their scope this cycle and updates from their reports awaiting acknowledgement. */
export async function ManagerWeekPanel({ member }: { member: Member }) {
  const review = await getDeliveryReview(member, { atRisk: NONE, due: firstRows(SHOWN), stale: firstRows(SHOWN) });
  const owing = review.counts.due + review.counts.stale;
  const shown = [...review.due, ...review.stale].slice(0, SHOWN);
  const base = `/${member.org.slug}`;
  const mine = review.unacknowledged.filter((u) => u.mine);
  return (
    <Card>
      <CardHeader>
        <PanelTitle>This week in {review.scopeLabel}</PanelTitle>
      </CardHeader>
      <CardContent className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="due-h">
          <h3 id="due-h" className="mb-2 text-sm font-semibold">
            Updates due ({owing})
          </h3>
          {owing === 0 ? (
            <p className="text-sm text-muted-foreground">Every update for this cycle is in.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {shown.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span className="flex items-center gap-2">
                    <HealthBadge health={p.health} />
                    <span className="font-medium">{p.name}</span>
                    <span className="text-muted-foreground">
                      {p.update.state === "due" ? `due ${formatDate(p.update.dueDate)}` : p.update.state === "stale" ? `stale, ${p.update.missedCycles} missed` : ""}
                    </span>
                  </span>
                  <Link href={`${base}/projects/${p.id}`} className="text-primary hover:underline" aria-label={`Post update for ${p.name}`}>
                    Post update
                  </Link>
                </li>
              ))}
              {owing > shown.length ? (
                <li>
                  <Link href={`${base}/projects/review`} className="text-primary hover:underline">
                    All {owing} in the review
                  </Link>
                </li>
              ) : null}
            </ul>
          )}
        </section>
        <section aria-labelledby="ack-h">
          <h3 id="ack-h" className="mb-2 text-sm font-semibold">
            Awaiting your acknowledgement ({mine.length})
          </h3>
          {mine.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nothing from your reports awaits you.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {mine.map((u) => (
                <li key={u.id}>
                  <HealthBadge health={u.health} />{" "}
                  <Link href={`${base}/projects/${u.projectId}`} className="font-medium hover:underline">
                    {u.projectName}
                  </Link>{" "}
                  <span className="text-muted-foreground">
                    {u.summary} · {u.author}, {formatDate(u.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Link href={`${base}/projects/review`} className="mt-2 inline-block text-sm text-primary hover:underline">
            Open the delivery review
          </Link>
        </section>
      </CardContent>
    </Card>
  );
}
