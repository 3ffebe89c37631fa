import type { Db } from "@/lib/db-factory";
import { logger } from "@/lib/log";
import { directorDigests } from "@/lib/notifications/digest";
import { ackRequestedRule, positionOpenRule, staleEscalationRule, updateDueRule, type RuleOrg } from "@/lib/notifications/rules";

// The scheduler job (pg-boss cron, lib/notifications/worker.ts): what is due at `now`, written to
// the outbox. Every rule is idempotent (lib/notifications/notify.ts), so a run that repeats, or
// two workers running at once, notify once. Tests pass a fixed clock.

/** Runs every rule for every org at `now`; returns how many notification rows were written. */
export async function scheduleNotifications(db: Db, now = new Date()): Promise<number> {
  const orgs: RuleOrg[] = await db.organization.findMany({
    select: {
      id: true,
      slug: true,
      name: true,
      fiscalYearStartMonth: true,
      updateCadence: true,
      updateDueWeekday: true,
      updateGraceDays: true,
      positionOpenAlertDays: true,
    },
    orderBy: { id: "asc" },
  });
  let n = 0;
  for (const org of orgs) {
    for (const rule of [updateDueRule, staleEscalationRule, ackRequestedRule, positionOpenRule]) {
      try {
        n += await rule(db, org, now);
      } catch (error) {
        // One org's failure must not stop the others' notifications.
        logger.error({ err: error, orgId: org.id, rule: rule.name, event: "notifications.rule.failed" }, "a notification rule failed");
      }
    }
  }
  try {
    n += await directorDigests(db, orgs, now);
  } catch (error) {
    logger.error({ err: error, event: "notifications.digest.failed" }, "writing the director digests failed");
  }
  return n;
}
