import pg from "pg";
import type { JobResult, PgBoss } from "pg-boss";

import type { Db } from "@/lib/db-factory";
import { isDbUnavailable, reportDbUnavailable } from "@/lib/db-outage";
import { relayOutbox } from "@/lib/jobs/outbox";
import { logger } from "@/lib/log";
import { scheduleNotifications } from "@/lib/notifications/schedule";
import { SEND_POLICY, sendNotification, type SendPolicy, type Senders } from "@/lib/notifications/send";

// The notification jobs on pg-boss: a scheduler job every 15 minutes (pg-boss cron) computes what
// is due (lib/notifications/schedule.ts) and writes it to the outbox; the relay moves outbox rows
// whose time has come (quiet hours) into the send queue, one job per row with the row's id as
// the job id; the send job delivers with pg-boss's retries and backoff.

const NOTIFY_QUEUE = "notification-send";
const SCHEDULE_QUEUE = "notification-schedule";
const SEND_BATCH = 5;

/** Moves due PENDING email/Slack rows into the send queue, atomically with marking them QUEUED (lib/jobs/outbox.ts). */
export function relayPendingNotifications(pool: pg.Pool, boss: PgBoss, policy: SendPolicy, now = new Date()): Promise<number> {
  return relayOutbox(pool, boss, {
    queue: NOTIFY_QUEUE,
    pending: { sql: `SELECT id FROM "Notification" WHERE state = 'PENDING' AND "notBefore" <= $1 ORDER BY "notBefore"`, values: [now] },
    data: (notificationId) => ({ notificationId }),
    options: {
      retryLimit: policy.retryLimit,
      retryDelay: policy.retryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: policy.retryDelayMaxSeconds,
    },
    markQueued: { sql: `UPDATE "Notification" SET state = 'QUEUED' WHERE id = ANY($1::uuid[])` },
  });
}

export type NotificationWorkerOptions = {
  db: Db;
  boss: PgBoss;
  url: string;
  senders: Senders;
  policy?: Partial<SendPolicy>;
  relayIntervalMs?: number;
  pollingIntervalSeconds?: number;
  /** The scheduler's cron (pg-boss schedule); null: no schedule (tests run the scheduler themselves). */
  cron?: string | null;
};

export type NotificationWorker = { relayNow: () => Promise<number>; stop: () => Promise<void> };

export async function startNotificationWorker(opts: NotificationWorkerOptions): Promise<NotificationWorker> {
  const policy = { ...SEND_POLICY, ...opts.policy };
  const { boss, db } = opts;
  for (const q of [NOTIFY_QUEUE, SCHEDULE_QUEUE]) if (!(await boss.getQueue(q))) await boss.createQueue(q);
  const cron = opts.cron === undefined ? "*/15 * * * *" : opts.cron;
  if (cron) await boss.schedule(SCHEDULE_QUEUE, cron);
  const pool = new pg.Pool({ connectionString: opts.url, max: 1, application_name: "keel-notify-relay" });
  pool.on("error", (error) =>
    logger.warn({ err: error, event: "jobs.notify-relay.connection-lost" }, "notification relay connection lost"),
  );

  let relaying: Promise<number> | null = null;
  const relayNow = () => {
    relaying ??= relayPendingNotifications(pool, boss, policy).finally(() => (relaying = null));
    return relaying;
  };
  const timer = setInterval(() => {
    relayNow().catch((error: unknown) => {
      if (isDbUnavailable(error)) reportDbUnavailable(error, { job: "notification-relay" });
      else logger.error({ err: error, event: "jobs.notify-relay.failed" }, "moving notifications to the queue failed");
    });
  }, opts.relayIntervalMs ?? 5_000);
  timer.unref();

  // Batches, fetched back to back while they come full: one job per fetch and poll would send
  // about one message a second, and a scheduler run can queue hundreds. Each job settles alone:
  // one that must be retried fails (pg-boss retries it with backoff), the others complete.
  const sendId = await boss.work<{ notificationId: string }>(
    NOTIFY_QUEUE,
    {
      pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2,
      localConcurrency: 2,
      batchSize: SEND_BATCH,
      burstWhenBatchFull: true,
      perJobResults: true,
    },
    async (jobs) => {
      const results: JobResult[] = [];
      for (const job of jobs) {
        const outcome = await sendNotification(db, job.data.notificationId, job.retryCount, opts.senders, policy);
        results.push(
          outcome === "retry"
            ? {
                id: job.id,
                status: "failed",
                output: { error: `notification ${job.data.notificationId}: attempt ${job.retryCount + 1} failed` },
              }
            : { id: job.id, status: "completed" },
        );
      }
      return results;
    },
  );
  const scheduleId = await boss.work(SCHEDULE_QUEUE, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async () => {
    const written = await scheduleNotifications(db, new Date());
    if (written) await relayNow();
  });

  let stopped = false;
  return {
    relayNow,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await relaying?.catch(() => 0);
      await boss.offWork(NOTIFY_QUEUE, { id: sendId, wait: true });
      await boss.offWork(SCHEDULE_QUEUE, { id: scheduleId, wait: true });
      await pool.end();
    },
  };
}
