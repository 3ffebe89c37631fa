import type pg from "pg";
import type { PgBoss } from "pg-boss";

export const DELIVERY_SYNC_QUEUE = "delivery-sync";
const BATCH = 100;

/**
 * Moves sync requests (PENDING sync logs not yet queued) into pg-boss, as the webhook relay does:
 * rows locked with SKIP LOCKED, one job per row with the log's id as the job id, marked queued,
 * all in one transaction. Returns how many were moved.
 */
export async function relayPendingSyncs(pool: pg.Pool, boss: PgBoss): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "DeliverySyncLog" WHERE state = 'PENDING' AND "queuedAt" IS NULL ORDER BY "createdAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
    );
    const executor = { executeSql: (text: string, values?: unknown[]) => client.query(text, values) };
    for (const { id } of rows) await boss.send(DELIVERY_SYNC_QUEUE, { logId: id }, { id, retryLimit: 0, db: executor });
    if (rows.length)
      await client.query(`UPDATE "DeliverySyncLog" SET "queuedAt" = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
    await client.query("COMMIT");
    return rows.length;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
