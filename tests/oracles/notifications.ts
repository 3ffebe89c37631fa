import type { Member } from "@/lib/auth";
import type { NotificationItem } from "@/lib/projects/bell";
import { getDeliveryReview, reviewScopeOf } from "@/lib/projects/review";
import { ALL, NONE } from "@/lib/projects/review-lists";

// A test oracle, not what the shell shows: the bell computed in JavaScript from every row of the
// delivery review. lib/projects/bell.ts (the bell the shell uses, one SQL statement) must agree
// with it item for item (tests/integration/bell.test.ts).

/**
 * The bell: due updates (managers: their scope), stale projects escalated to the viewer (or, for
 * directors, every stale one), and updates waiting for the viewer's acknowledgement.
 */
export async function getNotifications(member: Member, now?: Date): Promise<NotificationItem[]> {
  if (member.role !== "MANAGER" && member.role !== "DIRECTOR") return [];
  // The bell's reference (lib/projects/bell.ts is the one the shell uses): every due, stale and awaiting row.
  const review = await getDeliveryReview(reviewScopeOf(member), { atRisk: NONE, due: ALL, stale: ALL, awaiting: ALL, mine: NONE }, now);
  const base = `/${member.org.slug}/projects`;
  const items: NotificationItem[] = [];
  for (const p of review.stale) {
    {
      // Directors see every stale project; managers the stale ones in their scope.
      const missed = p.update.state === "stale" ? p.update.missedCycles : 0;
      items.push({
        id: `stale-${p.id}`,
        kind: "stale",
        title: `${p.name} is stale`,
        detail: `${missed} missed ${missed === 1 ? "cycle" : "cycles"}${p.escalatedTo ? ` · escalated to ${p.escalatedTo.name}` : ""}`,
        href: `${base}/${p.id}`,
      });
    }
  }
  if (member.role === "MANAGER") {
    for (const p of review.due) {
      items.push({
        id: `due-${p.id}`,
        kind: "due",
        title: `Update due: ${p.name}`,
        detail: p.update.state === "due" ? `Due ${p.update.dueDate}${p.update.overdue ? " (overdue)" : ""}` : "",
        href: `${base}/${p.id}`,
      });
    }
  }
  for (const u of review.awaiting) {
    if (u.authorUserId === member.user.id) continue;
    if (member.role === "MANAGER" && !u.mine) continue;
    if (member.role === "DIRECTOR" && u.health === "ON_TRACK" && !u.mine) continue;
    items.push({
      id: `ack-${u.id}`,
      kind: "acknowledge",
      title: `Acknowledge: ${u.projectName}`,
      detail: u.summary,
      href: `${base}/${u.projectId}`,
    });
  }
  return items;
}
