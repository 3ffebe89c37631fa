import pg from "pg";
import type { PgBoss } from "pg-boss";

import type { Db } from "@/lib/db-factory";
import { isDbUnavailable, reportDbUnavailable } from "@/lib/db-outage";
import { DELIVERY_SYNC_QUEUE, relayPendingSyncs } from "@/lib/delivery-signals/relay";
import { runDeliverySync, scheduleDueSyncs } from "@/lib/delivery-signals/sync";
import { logger } from "@/lib/log";
import { envMailer } from "@/lib/notifications/email";
import { envBaseUrl, type Senders } from "@/lib/notifications/send";
import { startNotificationWorker } from "@/lib/notifications/worker";
import { attemptDelivery } from "@/lib/webhooks/deliver";
import { announceMissedMilestones } from "@/lib/webhooks/missed-milestones";
import { DELIVERY_POLICY, type DeliveryPolicy } from "@/lib/webhooks/policy";
import { refreshStaleStoredFigures } from "@/lib/stored-figures";
import { relayPendingDeliveries, WEBHOOK_QUEUE } from "@/lib/webhooks/relay";

// The job worker: relays the webhook outbox and the delivery-sync requests into pg-boss and runs
// their jobs, and runs the notification jobs (lib/notifications/worker.ts). It runs inside
// the web server by default (scripts/server.ts) and as `npm run worker` (scripts/worker.ts) with
// KEEL_JOBS_IN_PROCESS=off on the web servers (docs/scaling.md). Any number may run at once:
// pg-boss hands each job to one worker, and the relay locks the rows it moves.

export type WorkerOptions = {
  db: Db;
  boss: PgBoss;
  /** Where the relay connects (the queue's database). */
  url: string;
  policy?: Partial<DeliveryPolicy>;
  /** How often the outbox is checked for new deliveries. */
  relayIntervalMs?: number;
  /** How often an idle worker asks pg-boss for jobs. */
  pollingIntervalSeconds?: number;
  /** Where notifications are sent (default: KEEL_SMTP_URL and NEXTAUTH_URL). */
  senders?: Senders;
};

export type JobWorker = {
  /** Moves pending deliveries and sync requests into the queue now; how many. */
  relayNow: () => Promise<number>;
  /** Stops fetching and relaying, waiting for the job in hand (the queue itself stays up). */
  stop: () => Promise<void>;
  policy: DeliveryPolicy;
};

export async function startJobWorker(opts: WorkerOptions): Promise<JobWorker> {
  let stopped = false;
  const policy = { ...DELIVERY_POLICY, ...opts.policy };
  const { boss, db } = opts;
  if (!(await boss.getQueue(WEBHOOK_QUEUE))) await boss.createQueue(WEBHOOK_QUEUE);
  if (!(await boss.getQueue(DELIVERY_SYNC_QUEUE))) await boss.createQueue(DELIVERY_SYNC_QUEUE);
  const pool = new pg.Pool({ connectionString: opts.url, max: 1, application_name: "keel-relay" });
  pool.on("error", (error) => logger.warn({ err: error, event: "jobs.relay.connection-lost" }, "relay connection lost"));

  let relaying: Promise<number> | null = null;
  const relayNow = () => {
    relaying ??= Promise.all([relayPendingDeliveries(pool, boss, policy), relayPendingSyncs(pool, boss)])
      .then(([a, b]) => a + b)
      .finally(() => (relaying = null));
    return relaying;
  };
  const timer = setInterval(() => {
    relayNow().catch((error: unknown) => {
      if (isDbUnavailable(error)) reportDbUnavailable(error, { job: "webhook-relay" });
      else logger.error({ err: error, event: "jobs.relay.failed" }, "moving webhook deliveries to the queue failed");
    });
  }, opts.relayIntervalMs ?? 2_000);
  timer.unref();
  // Missed milestones are looked for at start and then every 10 minutes.
  const lookForMissed = () =>
    announceMissedMilestones(db).catch((error: unknown) => {
      if (isDbUnavailable(error)) reportDbUnavailable(error, { job: "missed-milestones" });
      else logger.error({ err: error, event: "jobs.missed-milestones.failed" }, "looking for missed milestones failed");
      return 0;
    });
  void lookForMissed();
  const missedTimer = setInterval(() => void lookForMissed(), 10 * 60_000);
  missedTimer.unref();
  // Connected delivery sources are synced at least hourly (docs/delivery-signals.md).
  const scheduleSyncs = () =>
    scheduleDueSyncs(db, 60 * 60_000).catch((error: unknown) => {
      if (isDbUnavailable(error)) reportDbUnavailable(error, { job: "delivery-schedule" });
      else logger.error({ err: error, event: "jobs.delivery-schedule.failed" }, "scheduling delivery syncs failed");
      return 0;
    });
  const syncTimer = setInterval(() => void scheduleSyncs(), 10 * 60_000);
  syncTimer.unref();
  // The figures the writers keep (lib/stored-figures): stored again where they are not of today's
  // data (a write outside the action pipeline, a day gone by), shortly after start and every 10
  // minutes. Not at once: on the embedded database (one connection) the refreshes held up the
  // worker's own start and a stop sent right after it by about 3 s.
  let refreshing: Promise<number> | null = null;
  const refreshStoredFigures = () =>
    (refreshing ??= refreshStaleStoredFigures(db, new Date(), () => stopped)
      .catch((error: unknown) => {
        if (isDbUnavailable(error)) reportDbUnavailable(error, { job: "stored-figures" });
        else logger.error({ err: error, event: "jobs.stored-figures.failed" }, "refreshing stored figures failed");
        return 0;
      })
      .finally(() => (refreshing = null)));
  const firstStore = setTimeout(() => void refreshStoredFigures(), 10_000);
  firstStore.unref();
  const storedTimer = setInterval(() => void refreshStoredFigures(), 10 * 60_000);
  storedTimer.unref();

  const workId = await boss.work<{ deliveryId: string }>(
    WEBHOOK_QUEUE,
    { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2, localConcurrency: 2 },
    async ([job]) => {
      const outcome = await attemptDelivery(db, job.data.deliveryId, job.retryCount, policy);
      // pg-boss retries a job whose handler throws, after the backoff delay.
      if (outcome === "retry") throw new Error(`webhook delivery ${job.data.deliveryId}: attempt ${job.retryCount + 1} failed`);
    },
  );
  const notifications = await startNotificationWorker({
    db,
    boss,
    url: opts.url,
    senders: opts.senders ?? { mailer: envMailer(), baseUrl: envBaseUrl() },
    pollingIntervalSeconds: opts.pollingIntervalSeconds,
  });
  const syncWorkId = await boss.work<{ logId: string }>(
    DELIVERY_SYNC_QUEUE,
    { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2, localConcurrency: 1 },
    async ([job]) => {
      // Never throws for a source's failure: the outcome is on the sync log.
      await runDeliverySync(db, job.data.logId);
    },
  );
  logger.info({ event: "jobs.worker.started", queue: WEBHOOK_QUEUE }, "job worker started");

  return {
    relayNow,
    policy,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      clearInterval(missedTimer);
      clearInterval(syncTimer);
      clearTimeout(firstStore);
      clearInterval(storedTimer);
      await refreshing;
      await relaying?.catch(() => 0);
      await boss.offWork(WEBHOOK_QUEUE, { id: workId, wait: true });
      await notifications.stop();
      await boss.offWork(DELIVERY_SYNC_QUEUE, { id: syncWorkId, wait: true });
      await pool.end();
      logger.info({ event: "jobs.worker.stopped" }, "job worker stopped");
    },
  };
}
