import type pg from "pg";
import type { PgBoss } from "pg-boss";

import { relayOutbox } from "@/lib/jobs/outbox";
import type { DeliveryPolicy } from "@/lib/webhooks/policy";

export const WEBHOOK_QUEUE = "webhook-delivery";

/** Moves PENDING deliveries (the outbox, lib/webhooks/emit.ts) into pg-boss, marking them QUEUED (lib/jobs/outbox.ts). */
export function relayPendingDeliveries(pool: pg.Pool, boss: PgBoss, policy: DeliveryPolicy): Promise<number> {
  return relayOutbox(pool, boss, {
    queue: WEBHOOK_QUEUE,
    pending: { sql: `SELECT id FROM "WebhookDelivery" WHERE state = 'PENDING' ORDER BY "createdAt"` },
    data: (deliveryId) => ({ deliveryId }),
    options: {
      retryLimit: policy.retryLimit,
      retryDelay: policy.retryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: policy.retryDelayMaxSeconds,
    },
    markQueued: {
      sql: `UPDATE "WebhookDelivery" SET state = 'QUEUED', "queuedAt" = now(), "maxAttempts" = $2 WHERE id = ANY($1::uuid[])`,
      values: [policy.retryLimit + 1],
    },
  });
}
