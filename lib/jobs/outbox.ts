import type pg from "pg";
import type { PgBoss, SendOptions } from "pg-boss";

const BATCH = 100;

/** One outbox table relayed into a pg-boss queue (webhook deliveries, notifications, delivery syncs). */
export type Outbox = {
  queue: string;
  /** Ids of rows ready to go, oldest first, `LIMIT` and `FOR UPDATE SKIP LOCKED` added here. */
  pending: { sql: string; values?: unknown[] };
  /** The job's data for a row. */
  data: (id: string) => object;
  /** Retry settings of each job (its id is the row's). */
  options?: Omit<SendOptions, "id" | "db">;
  /** Marks the relayed rows, `$1` being their ids. */
  markQueued: { sql: string; values?: unknown[] };
};

/**
 * Moves an outbox's ready rows into pg-boss: in one transaction the rows are locked (SKIP LOCKED,
 * so several workers share the work), a job is inserted per row with the row's id as the job id
 * on the same connection, and the rows are marked queued. A crash at any point leaves either both
 * or neither. Returns how many were moved.
 */
export async function relayOutbox(pool: pg.Pool, boss: PgBoss, o: Outbox): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string }>(`${o.pending.sql} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`, o.pending.values);
    const executor = { executeSql: (text: string, values?: unknown[]) => client.query(text, values) };
    for (const { id } of rows) await boss.send(o.queue, o.data(id), { ...o.options, id, db: executor });
    if (rows.length) await client.query(o.markQueued.sql, [rows.map((r) => r.id), ...(o.markQueued.values ?? [])]);
    await client.query("COMMIT");
    return rows.length;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
