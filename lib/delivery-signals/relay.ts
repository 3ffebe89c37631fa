import type pg from "pg";
import type { PgBoss } from "pg-boss";

import { relayOutbox } from "@/lib/jobs/outbox";

export const DELIVERY_SYNC_QUEUE = "delivery-sync";

/** Moves sync requests (PENDING sync logs not yet queued) into pg-boss, as the webhook relay does (lib/jobs/outbox.ts). */
export function relayPendingSyncs(pool: pg.Pool, boss: PgBoss): Promise<number> {
  return relayOutbox(pool, boss, {
    queue: DELIVERY_SYNC_QUEUE,
    pending: { sql: `SELECT id FROM "DeliverySyncLog" WHERE state = 'PENDING' AND "queuedAt" IS NULL ORDER BY "createdAt"` },
    data: (logId) => ({ logId }),
    options: { retryLimit: 0 },
    markQueued: { sql: `UPDATE "DeliverySyncLog" SET "queuedAt" = now() WHERE id = ANY($1::uuid[])` },
  });
}
