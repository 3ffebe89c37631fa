import "server-only";

import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { utcDate } from "@/lib/headcount/position-helpers";
import { logger } from "@/lib/log";
import { applyReorg } from "@/lib/org/reorg/apply-reorg";

// The scheduled side of reorgs: applies every reorg whose day has come, through the same
// pipeline and action as "Apply now", with the authority of the member who scheduled it (who
// may have lost it since: then the reorg fails and says why). Safe to run any number of times,
// concurrently too: the action's claim lets one run apply a reorg and the others find it done.
// One function, so a job queue can call it instead of the server's timer.

export type DueReorgsResult = { applied: string[]; failed: { reorgId: string; message: string }[] };

const BATCH = 50;

export async function applyDueReorgs(now = new Date()): Promise<DueReorgsResult> {
  const today = toDateString(now);
  const due = await db.reorg.findMany({
    where: { status: "SCHEDULED", effectiveOn: { lte: utcDate(today) } },
    select: { id: true, orgId: true, name: true, version: true, scheduledById: true, org: { select: { slug: true } } },
    orderBy: [{ effectiveOn: "asc" }, { createdAt: "asc" }],
    take: BATCH,
  });
  const result: DueReorgsResult = { applied: [], failed: [] };
  for (const r of due) {
    const outcome = await applyReorg.run(r.scheduledById, r.org.slug, { reorgId: r.id, version: r.version, dueOn: today });
    if (outcome.ok) {
      result.applied.push(r.id);
      logger.info({ event: "reorg.applied", reorgId: r.id, orgId: r.orgId }, `scheduled reorg “${r.name}” applied`);
      continue;
    }
    // Another run got there first (or it was cancelled meanwhile): nothing to do.
    if (outcome.code === "CONFLICT") continue;
    // The database is unreachable or something unexpected broke: try again on the next run.
    if (outcome.code === "INTERNAL") {
      logger.error(
        { event: "reorg.apply-error", reorgId: r.id, orgId: r.orgId, reason: outcome.message },
        `scheduled reorg “${r.name}” not applied this run`,
      );
      continue;
    }
    // Refused (a step that no longer works, a member who may no longer apply it): nothing was
    // written; the reorg is marked failed with the reason so it is not retried every run.
    const failed = await db.$transaction(async (tx) => {
      const { count } = await tx.reorg.updateMany({
        where: { id: r.id, orgId: r.orgId, status: "SCHEDULED", version: r.version },
        data: { status: "FAILED", failure: outcome.message, version: { increment: 1 } },
      });
      if (count === 1) {
        await tx.auditEvent.create({
          data: {
            orgId: r.orgId,
            actorId: null,
            action: "reorg.fail",
            entityType: "Reorg",
            entityId: r.id,
            after: { status: "FAILED", failure: outcome.message, day: today },
          },
        });
      }
      return count === 1;
    });
    if (failed) {
      result.failed.push({ reorgId: r.id, message: outcome.message });
      logger.warn({ event: "reorg.failed", reorgId: r.id, orgId: r.orgId, reason: outcome.message }, `scheduled reorg “${r.name}” refused`);
    }
  }
  return result;
}
