import type pg from "pg";
import type { PgBoss } from "pg-boss";

import type { DeliveryPolicy } from "@/lib/webhooks/policy";

export const WEBHOOK_QUEUE = "webhook-delivery";
const BATCH = 100;

/**
 * Moves PENDING deliveries (the outbox, lib/webhooks/emit.ts) into pg-boss: in one transaction
 * the rows are locked (SKIP LOCKED, so several workers share the work), a job is inserted per row
 * with the delivery's id as the job id, and the rows are marked QUEUED. A crash at any point
 * leaves either both or neither. Returns how many were moved.
 */
export async function relayPendingDeliveries(pool: pg.Pool, boss: PgBoss, policy: DeliveryPolicy): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "WebhookDelivery" WHERE state = 'PENDING' ORDER BY "createdAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
    );
    const executor = { executeSql: (text: string, values?: unknown[]) => client.query(text, values) };
    for (const { id } of rows) {
      await boss.send(
        WEBHOOK_QUEUE,
        { deliveryId: id },
        {
          id,
          retryLimit: policy.retryLimit,
          retryDelay: policy.retryDelaySeconds,
          retryBackoff: true,
          retryDelayMax: policy.retryDelayMaxSeconds,
          db: executor,
        },
      );
    }
    if (rows.length)
      await client.query(
        `UPDATE "WebhookDelivery" SET state = 'QUEUED', "queuedAt" = now(), "maxAttempts" = $2 WHERE id = ANY($1::uuid[])`,
        [rows.map((r) => r.id), policy.retryLimit + 1],
      );
    await client.query("COMMIT");
    return rows.length;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
