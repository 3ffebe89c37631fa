import "server-only";

import { BELL_ITEMS } from "@/lib/projects/bell-items";
import type { Member } from "@/lib/auth";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { grantFor, type Grant } from "@/lib/permissions";
import { getCadence, todayString } from "@/lib/projects/cadence";
import { ACTIVE_SQL, projectsCte } from "@/lib/projects/attention";
import { awaitingSql } from "@/lib/projects/awaiting-sql";
import { MAX_ESCALATION_LEVEL } from "@/lib/projects/staleness";
import { updateStateOfRow, updateStateSql, type UpdateStateRow } from "@/lib/projects/staleness-sql";
import { homeScope, type Scope } from "@/lib/scope";

// The notification bell (fetched by the app shell from /[org]/notifications after the page has
// loaded, so no page waits for it): ONE statement returning the total and
// the first BELL_ITEMS items, in the same order as getNotifications (tests/oracles/notifications.ts),
// which stays the reference (tests/integration/bell.test.ts proves them equal).
//
// Each active project's update state comes from updateStateSql (lib/projects/staleness-sql.ts,
// the cycle grid of lib/projects/staleness.ts); a stale project is escalated `missed` steps up
// the reporting line, at most MAX_ESCALATION_LEVEL and capped at the top.

export type NotificationItem = { id: string; kind: "due" | "stale" | "acknowledge"; title: string; detail: string; href: string };
export type Bell = { total: number; items: NotificationItem[] };

type Row = {
  kind: "stale" | "due" | "acknowledge";
  id: string;
  projectId: string;
  name: string;
  missed: number | null;
  summary: string | null;
  escalatedTo: string | null;
  total: bigint;
};

/**
 * Whose bell: the viewer, their own view (lib/scope.ts homeScope) and how far their
 * acknowledging reaches: "scope" (their unit) or "org".
 */
export type BellScope = Scope & { orgSlug: string; viewerUserId: string; reach: Grant };

/** The bell of a member who acknowledges updates; null for everyone else (they have none). */
export function bellScopeOf(member: Member): BellScope | null {
  const reach = grantFor(member.role, "updates:acknowledge");
  if (!reach) return null;
  return { ...homeScope(member), orgSlug: member.org.slug, viewerUserId: member.user.id, reach };
}

export function getBell(scope: BellScope | null, now = new Date()): Promise<Bell> {
  if (!scope) return Promise.resolve({ total: 0, items: [] });
  return computeBell(scope, now);
}

async function computeBell(scope: BellScope, now: Date): Promise<Bell> {
  const { orgId, viewerUserId: userId } = scope;
  // Someone who acknowledges within a unit is told what is due there and only what waits for
  // them; someone who acknowledges across the org is not told of every due update, but of every
  // update that is not on track and still waits for someone.
  const withinUnit = scope.reach === "scope";
  const today = todayString(now);
  const cadence = await getCadence(orgId);
  const state = updateStateSql(cadence, today, {
    active: Prisma.sql`true`,
    lastUpdate: Prisma.sql`p."lastUpdateAt"::date`,
    since: Prisma.sql`GREATEST(p."startDate", p."createdAt")::date`,
  });

  // The review's scope and definitions (lib/projects/review.ts): the same projects, the same
  // awaiting-acknowledgement rows, all of them counted.
  const rows = await db.$queryRaw<Row[]>`
    WITH RECURSIVE ${projectsCte(orgId, scope.unitId)},
    open AS (
      SELECT p.id, p.name, COALESCE(p."leadId", u."leadId") AS "lineStart", ${state}
      FROM proj p
      JOIN "OrgUnit" u ON u.id = p."orgUnitId" AND u."orgId" = ${orgId}
      WHERE ${ACTIVE_SQL("p")}
    ),
    acks AS (${awaitingSql(orgId)}),
    items AS (
      SELECT 0 AS grp, 'stale' AS kind, id, id AS "projectId", name, "updMissed" AS missed, NULL::text AS summary,
             "lineStart", NULL::timestamp AS "createdAt"
      FROM open WHERE "updState" = 'stale'
      UNION ALL
      SELECT 1, 'due', id, id, name, NULL, NULL, NULL, NULL
      FROM open WHERE ${withinUnit}::boolean AND "updState" = 'due'
      UNION ALL
      SELECT 2, 'acknowledge', id, "projectId", "projectName", NULL, summary, NULL, "createdAt"
      FROM acks
      WHERE "authorId" <> ${userId}
        AND (${!withinUnit}::boolean OR "reviewerUserId" IS NOT DISTINCT FROM ${userId})
        AND (${withinUnit}::boolean OR health <> 'ON_TRACK' OR "reviewerUserId" IS NOT DISTINCT FROM ${userId})
    ),
    top AS (
      SELECT *, count(*) OVER () AS total FROM items
      ORDER BY grp, missed DESC NULLS LAST, "createdAt" DESC NULLS LAST, CASE WHEN grp = 2 THEN id END DESC, name, id
      LIMIT ${BELL_ITEMS}
    ),
    line AS (
      SELECT t."lineStart" AS start, p.name, p."managerId", 0 AS level
      FROM (SELECT DISTINCT "lineStart" FROM top WHERE kind = 'stale' AND "lineStart" IS NOT NULL) t
      JOIN "Person" p ON p.id = t."lineStart" AND p."orgId" = ${orgId}
      UNION ALL
      SELECT l.start, m.name, m."managerId", l.level + 1
      FROM line l JOIN "Person" m ON m.id = l."managerId" AND m."orgId" = ${orgId}
      WHERE l.level < 32
    )
    SELECT t.kind, t.id, t."projectId", t.name, t.missed, t.summary, t.total,
           (SELECT l.name FROM line l WHERE l.start = t."lineStart" AND l.level <= LEAST(t.missed, ${MAX_ESCALATION_LEVEL}) ORDER BY l.level DESC LIMIT 1) AS "escalatedTo"
    FROM top t
    ORDER BY t.grp, t.missed DESC NULLS LAST, t."createdAt" DESC NULLS LAST, CASE WHEN t.grp = 2 THEN t.id END DESC, t.name, t.id`;

  const base = `/${scope.orgSlug}/projects`;
  // Today's due date and whether it has passed are the same for every due row.
  const due = updateStateOfRow({ updState: "due", updMissed: null, updStaleSince: null } satisfies UpdateStateRow, cadence, today);
  const items = rows.map((r): NotificationItem => {
    const href = `${base}/${r.projectId}`;
    if (r.kind === "stale") {
      const missed = r.missed ?? 0;
      const detail = `${missed} missed ${missed === 1 ? "cycle" : "cycles"}${r.escalatedTo ? ` · escalated to ${r.escalatedTo}` : ""}`;
      return { id: `stale-${r.id}`, kind: "stale", title: `${r.name} is stale`, detail, href };
    }
    if (r.kind === "due") {
      const detail = due.state === "due" ? `Due ${due.dueDate}${due.overdue ? " (overdue)" : ""}` : "";
      return { id: `due-${r.id}`, kind: "due", title: `Update due: ${r.name}`, detail, href };
    }
    return { id: `ack-${r.id}`, kind: "acknowledge", title: `Acknowledge: ${r.name}`, detail: r.summary ?? "", href };
  });
  return { total: rows.length ? Number(rows[0].total) : 0, items };
}
