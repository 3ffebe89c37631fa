import "server-only";

import { db } from "@/lib/db";
import { scopeTwoWeeksAgoSql } from "@/lib/delivery-signals/scope";
import type { DeliveryItemKind, DeliverySourceKind, DeliverySyncState } from "@/lib/generated/prisma/enums";

// What the project page shows of its delivery signals, aggregated by the database: issues
// done/total, scope and done per week over 12 weeks (from the items' open and done dates), merged
// pull requests per week, last activity, milestones' epic progress, the sync log, and the lines
// the weekly update's draft starts from. Plain DTOs; no token leaves the database.

const SIGNAL_WEEKS = 12;

type DeliverySourceDto = {
  id: string;
  kind: DeliverySourceKind;
  baseUrl: string;
  query: string;
  account: string;
  hasToken: boolean;
  lastSyncedAt: string | null;
};
export type SyncLogDto = {
  id: string;
  kind: DeliverySourceKind;
  via: string;
  state: DeliverySyncState;
  itemsSeen: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};
type SignalWeek = { week: string; total: number; done: number; merged: number };
type EpicProgress = { milestoneId: string; name: string; epicKey: string; done: number; total: number };
export type DraftLine = { externalId: string; title: string; kind: DeliveryItemKind };

export type DeliverySignals = {
  sources: DeliverySourceDto[];
  log: SyncLogDto[];
  issuesDone: number;
  issuesTotal: number;
  /** Issues now minus the scope two weeks ago (lib/delivery-signals/scope.ts). */
  scopeChange: number;
  lastActivity: string | null;
  weeks: SignalWeek[];
  epics: EpicProgress[];
  /** Done since the last status update (or the last 7 days), and open items changed lately. */
  draft: { done: DraftLine[]; next: DraftLine[] };
};

const DRAFT_LINES = 8;

export async function getDeliverySignals(orgId: string, projectId: string): Promise<DeliverySignals> {
  const [sources, log, weeks, epics, draft] = await Promise.all([
    db.deliverySource.findMany({
      where: { orgId, projectId },
      orderBy: { kind: "asc" },
      select: { id: true, kind: true, baseUrl: true, query: true, account: true, tokenSealed: true, lastSyncedAt: true },
    }),
    db.deliverySyncLog.findMany({
      where: { orgId, projectId },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: 8,
      select: {
        id: true,
        via: true,
        state: true,
        itemsSeen: true,
        error: true,
        createdAt: true,
        finishedAt: true,
        source: { select: { kind: true } },
      },
    }),
    // Week ends (Sundays, UTC) of the last 12 weeks; an issue counts from its open day, as done from its done day.
    db.$queryRaw<{ week: string; total: number; done: number; merged: number }[]>`
      WITH w AS (
        SELECT (date_trunc('week', (now() AT TIME ZONE 'UTC')) - make_interval(weeks => g))::date AS start
        FROM generate_series(0, ${SIGNAL_WEEKS - 1}::int) g
      )
      SELECT to_char(w.start, 'YYYY-MM-DD') AS week,
        (SELECT count(*) FROM "DeliveryItem" i WHERE i."orgId" = ${orgId} AND i."projectId" = ${projectId} AND i.kind = 'ISSUE'
           AND i."openedAt" < w.start + 7)::int AS total,
        (SELECT count(*) FROM "DeliveryItem" i WHERE i."orgId" = ${orgId} AND i."projectId" = ${projectId} AND i.kind = 'ISSUE'
           AND i.done AND i."doneAt" < w.start + 7)::int AS done,
        (SELECT count(*) FROM "DeliveryItem" i WHERE i."orgId" = ${orgId} AND i."projectId" = ${projectId} AND i.kind = 'PULL_REQUEST'
           AND i."doneAt" >= w.start AND i."doneAt" < w.start + 7)::int AS merged
      FROM w ORDER BY w.start`,
    db.$queryRaw<EpicProgress[]>`
      SELECT m.id AS "milestoneId", m.name, l."epicKey",
        count(i.id) FILTER (WHERE i.done)::int AS done, count(i.id)::int AS total
      FROM "DeliveryEpicLink" l
      JOIN "Milestone" m ON m."orgId" = l."orgId" AND m.id = l."milestoneId"
      LEFT JOIN "DeliveryItem" i ON i."orgId" = l."orgId" AND i."projectId" = l."projectId" AND i.kind = 'ISSUE' AND i."epicKey" = l."epicKey"
      WHERE l."orgId" = ${orgId} AND l."projectId" = ${projectId}
      GROUP BY m.id, m.name, m."dueDate", l."epicKey" ORDER BY m."dueDate", m.id`,
    db.$queryRaw<(DraftLine & { part: "done" | "next" })[]>`
      WITH since AS (
        SELECT coalesce(p."lastUpdateAt", now() - interval '7 days') AS at FROM "Project" p WHERE p."orgId" = ${orgId} AND p.id = ${projectId}
      )
      (SELECT 'done' AS part, i."externalId", i.title, i.kind::text AS kind FROM "DeliveryItem" i, since
        WHERE i."orgId" = ${orgId} AND i."projectId" = ${projectId} AND i.done AND i."doneAt" >= since.at
        ORDER BY i."doneAt" DESC, i.id LIMIT ${DRAFT_LINES})
      UNION ALL
      (SELECT 'next', i."externalId", i.title, i.kind::text FROM "DeliveryItem" i
        WHERE i."orgId" = ${orgId} AND i."projectId" = ${projectId} AND i.kind = 'ISSUE' AND NOT i.done
        ORDER BY i."changedAt" DESC, i.id LIMIT ${DRAFT_LINES})`,
  ]);
  const [totals] = await db.$queryRaw<{ done: number; total: number; last: Date | null; before: number }[]>`
    SELECT (count(*) FILTER (WHERE kind = 'ISSUE' AND done))::int AS done, (count(*) FILTER (WHERE kind = 'ISSUE'))::int AS total,
      max("changedAt") AS last, ${scopeTwoWeeksAgoSql(orgId, projectId)} AS before
    FROM "DeliveryItem" WHERE "orgId" = ${orgId} AND "projectId" = ${projectId}`;
  const line = (d: DraftLine) => ({ externalId: d.externalId, title: d.title, kind: d.kind });
  return {
    sources: sources.map(({ tokenSealed, lastSyncedAt, ...s }) => ({
      ...s,
      hasToken: tokenSealed !== null,
      lastSyncedAt: lastSyncedAt?.toISOString() ?? null,
    })),
    log: log.map(({ source, createdAt, finishedAt, ...l }) => ({
      ...l,
      kind: source.kind,
      createdAt: createdAt.toISOString(),
      finishedAt: finishedAt?.toISOString() ?? null,
    })),
    issuesDone: totals.done,
    issuesTotal: totals.total,
    scopeChange: totals.total - totals.before,
    lastActivity: totals.last?.toISOString() ?? null,
    weeks,
    epics,
    draft: { done: draft.filter((d) => d.part === "done").map(line), next: draft.filter((d) => d.part === "next").map(line) },
  };
}
