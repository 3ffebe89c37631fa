import type { Tx } from "@/lib/db-factory";
import type { DeliveryRecord } from "@/lib/delivery-signals/types";

// Writes what a sync or an upload brought: one upsert statement for all items (by source and
// external id; the last description wins), then today's done/total snapshot of the project,
// counted by the database.

type Target = { orgId: string; projectId: string; sourceId: string };

export async function storeRecords(tx: Tx, t: Target, records: DeliveryRecord[]): Promise<number> {
  const byId = new Map(records.map((r) => [r.externalId, r]));
  const list = [...byId.values()];
  if (list.length) {
    const col = <T>(f: (r: DeliveryRecord) => T) => list.map(f);
    await tx.$executeRaw`
      INSERT INTO "DeliveryItem" (id, "orgId", "projectId", "sourceId", kind, "externalId", title, status, done, "epicKey", "openedAt", "changedAt", "doneAt")
      SELECT gen_random_uuid()::text, ${t.orgId}, ${t.projectId}, ${t.sourceId}, u.kind::"DeliveryItemKind", u.ext, u.title, u.status, u.done, u.epic,
             u.opened::timestamptz AT TIME ZONE 'UTC', u.changed::timestamptz AT TIME ZONE 'UTC', u.finished::timestamptz AT TIME ZONE 'UTC'
      FROM unnest(${col((r) => r.kind)}::text[], ${col((r) => r.externalId)}::text[], ${col((r) => r.title.slice(0, 500))}::text[],
                  ${col((r) => r.status.slice(0, 100))}::text[], ${col((r) => r.done)}::boolean[], ${col((r) => r.epicKey)}::text[],
                  ${col((r) => r.openedAt.toISOString())}::text[], ${col((r) => r.changedAt.toISOString())}::text[],
                  ${col((r) => r.doneAt?.toISOString() ?? null)}::text[])
        AS u(kind, ext, title, status, done, epic, opened, changed, finished)
      ON CONFLICT ("sourceId", "externalId") DO UPDATE SET
        kind = EXCLUDED.kind, title = EXCLUDED.title, status = EXCLUDED.status, done = EXCLUDED.done, "epicKey" = EXCLUDED."epicKey",
        "openedAt" = EXCLUDED."openedAt", "changedAt" = EXCLUDED."changedAt", "doneAt" = EXCLUDED."doneAt"`;
  }
  await tx.$executeRaw`
    INSERT INTO "DeliverySnapshot" (id, "orgId", "projectId", day, total, done)
    SELECT gen_random_uuid()::text, ${t.orgId}, ${t.projectId}, (now() AT TIME ZONE 'UTC')::date, count(*)::int, (count(*) FILTER (WHERE done))::int
    FROM "DeliveryItem" WHERE "orgId" = ${t.orgId} AND "projectId" = ${t.projectId} AND kind = 'ISSUE'
    ON CONFLICT ("orgId", "projectId", day) DO UPDATE SET total = EXCLUDED.total, done = EXCLUDED.done`;
  return list.length;
}

/** The newest change among the records, or the cursor already held. */
export function nextCursor(cursor: Date | null, records: DeliveryRecord[]): Date | null {
  return records.reduce<Date | null>((max, r) => (!max || r.changedAt > max ? r.changedAt : max), cursor);
}
