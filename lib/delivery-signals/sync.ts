import { randomUUID } from "node:crypto";

import type { Db, Tx } from "@/lib/db-factory";
import { CONNECTORS } from "@/lib/delivery-signals/connectors";
import { nextCursor, storeRecords } from "@/lib/delivery-signals/store";
import { SourceError } from "@/lib/delivery-signals/types";
import { logger } from "@/lib/log";
import { openSecret } from "@/lib/security/secret-box";

// One API sync of one source, run by the worker for a pg-boss job whose id is the sync log's.
// Incremental: the connector asks for items changed since the source's cursor (a minute early;
// the upsert makes a repeat harmless). The first sync of each UTC day of a source whose connector
// reads completely (Jira, Linear) reads the whole query instead and drops the items it no longer
// returns (an issue moved to another project), so they stop being counted — unless that read
// returns nothing or drops more than half of them: then the sync fails and nothing is written.
// Whatever goes wrong ends on the sync log as a sentence — a refused token, an unreachable host,
// a read that lost most of its issues — never as an exception for the page or the queue.

export type SyncOutcome = "succeeded" | "failed" | "skipped";

/** Writes a PENDING sync log for a source (the relay hands it to the queue); the log's id. */
export async function requestSync(tx: Tx, source: { id: string; orgId: string; projectId: string }): Promise<string> {
  const pending = await tx.deliverySyncLog.findFirst({
    where: { orgId: source.orgId, sourceId: source.id, state: { in: ["PENDING", "RUNNING"] } },
    select: { id: true },
  });
  if (pending) return pending.id;
  const log = await tx.deliverySyncLog.create({
    data: { id: randomUUID(), orgId: source.orgId, projectId: source.projectId, sourceId: source.id, via: "api" },
    select: { id: true },
  });
  return log.id;
}

const sameUtcDay = (a: Date | null, b: Date) => a !== null && a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);

export async function runDeliverySync(db: Db, logId: string): Promise<SyncOutcome> {
  const log = await db.deliverySyncLog.findUnique({
    where: { id: logId },
    select: {
      id: true,
      orgId: true,
      projectId: true,
      state: true,
      source: {
        select: {
          id: true,
          kind: true,
          baseUrl: true,
          query: true,
          account: true,
          tokenSealed: true,
          cursor: true,
          lastSyncedAt: true,
          org: { select: { webhooksAllowPrivate: true } },
        },
      },
    },
  });
  if (!log || log.state === "SUCCEEDED" || log.state === "FAILED") return "skipped";
  await db.deliverySyncLog.update({ where: { id: log.id }, data: { state: "RUNNING" } });
  const { source } = log;
  const fail = async (message: string) => {
    await db.deliverySyncLog.update({
      where: { id: log.id },
      data: { state: "FAILED", error: message.slice(0, 1000), finishedAt: new Date() },
    });
    return "failed" as const;
  };
  try {
    if (!source.tokenSealed)
      return await fail("No token is stored for this connection: connect it again with a token, or upload an export.");
    if (!source.baseUrl) return await fail("The connection has no API address.");
    const connector = CONNECTORS[source.kind];
    const whole = connector.complete && !sameUtcDay(source.lastSyncedAt, new Date());
    const records = await connector.fetchChanged(
      {
        kind: source.kind,
        baseUrl: source.baseUrl,
        query: source.query,
        account: source.account,
        token: openSecret(source.tokenSealed, log.orgId),
        allowPrivate: source.org.webhooksAllowPrivate,
      },
      whole ? null : source.cursor,
    );
    await db.$transaction(async (tx) => {
      if (whole) {
        const gone = { orgId: log.orgId, sourceId: source.id, externalId: { notIn: records.map((r) => r.externalId) } };
        const known = await tx.deliveryItem.count({ where: { orgId: log.orgId, sourceId: source.id } });
        const dropped = await tx.deliveryItem.count({ where: gone });
        // A token that lost its read rights still gets 200 from Jira, with fewer issues or none.
        if (known > 0 && (records.length === 0 || dropped * 2 > known))
          throw new SourceError(
            `The full read returned ${known - dropped} of ${known} known issues: nothing was removed. Check that the token can still see them; if the query was narrowed on purpose, disconnect and connect again.`,
          );
        await tx.deliveryItem.deleteMany({ where: gone });
      }
      const stored = await storeRecords(tx, { orgId: log.orgId, projectId: log.projectId, sourceId: source.id }, records);
      const now = new Date();
      await tx.deliverySource.update({ where: { id: source.id }, data: { cursor: nextCursor(source.cursor, records), lastSyncedAt: now } });
      await tx.deliverySyncLog.update({ where: { id: log.id }, data: { state: "SUCCEEDED", itemsSeen: stored, finishedAt: now } });
    });
    return "succeeded";
  } catch (error) {
    if (error instanceof SourceError) return fail(error.message);
    logger.error({ err: error, event: "delivery.sync.failed", logId }, "delivery sync failed");
    return fail("The sync failed inside Keel; it was logged. Try again later.");
  }
}

/** Writes a sync request for every source with a token not synced for `everyMs` and none waiting; how many. */
export async function scheduleDueSyncs(db: Db, everyMs: number): Promise<number> {
  const due = await db.deliverySource.findMany({
    where: {
      tokenSealed: { not: null },
      OR: [{ lastSyncedAt: null }, { lastSyncedAt: { lt: new Date(Date.now() - everyMs) } }],
      logs: { none: { state: { in: ["PENDING", "RUNNING"] } } },
    },
    select: { id: true, orgId: true, projectId: true },
    take: 500,
  });
  for (const s of due) await db.$transaction((tx) => requestSync(tx, s));
  return due.length;
}
