import type { Db } from "@/lib/db-factory";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

// `milestone.missed` has no action to come from: a milestone is missed when its due day passes
// undone. The worker looks now and then (lib/jobs/worker.ts) and writes the event once per
// milestone and due date (missedAnnouncedAt), in one transaction with the mark. Only milestones
// due in the last week are announced, so turning webhooks on does not replay years of history.

const LOOKBACK_DAYS = 7;
const BATCH = 200;

/** Writes the event for milestones whose due day has passed undone; returns how many. */
export async function announceMissedMilestones(db: Db, now = new Date()): Promise<number> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const since = new Date(today.getTime() - LOOKBACK_DAYS * 86_400_000);
  return db.$transaction(async (tx) => {
    // SKIP LOCKED: several workers may look at once; each milestone is announced by one.
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Milestone"
      WHERE "dueDate" < ${today} AND "dueDate" >= ${since} AND "doneDate" IS NULL AND "missedAnnouncedAt" IS NULL
      ORDER BY "dueDate" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
    if (due.length === 0) return 0;
    const rows = await tx.milestone.findMany({
      where: { id: { in: due.map((d) => d.id) } },
      select: { id: true, orgId: true, name: true, dueDate: true, project: { select: { id: true, name: true } } },
    });
    for (const m of rows)
      await emitWebhookEvent(tx, m.orgId, "milestone.missed", {
        milestone: { id: m.id, name: m.name, dueDate: m.dueDate.toISOString().slice(0, 10) },
        project: m.project,
      });
    await tx.milestone.updateMany({ where: { id: { in: rows.map((m) => m.id) } }, data: { missedAnnouncedAt: now } });
    return rows.length;
  });
}
