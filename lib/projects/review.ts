import "server-only";

import { cache } from "react";

import type { Member } from "@/lib/auth";
import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Health } from "@/lib/generated/prisma/enums";
import { getCadence, todayString } from "@/lib/projects/cadence";
import { escalationTarget, updateState, type UpdateState } from "@/lib/projects/staleness";

// The delivery review: what is at risk, what awaits acknowledgement, what is due or stale and
// who it has escalated to. Everything is computed on demand from dates and rows — no job.
// Managers see their scope (subtree of their unit); everyone else sees the whole org.

export type ReviewProject = {
  id: string;
  name: string;
  teamName: string;
  health: Health;
  healthChangedAt: string | null;
  leadName: string | null;
  lastUpdateAt: string | null;
  update: UpdateState;
  /** For stale projects: who it has escalated to along the reporting line. */
  escalatedTo: { name: string; isMe: boolean } | null;
};

export type ReviewUpdate = {
  id: string;
  projectId: string;
  projectName: string;
  health: Health;
  summary: string;
  author: string;
  authorUserId: string;
  createdAt: string;
  /** The signed-in member is this project's reviewer (lead's manager / owning unit's lead). */
  mine: boolean;
};

export type DeliveryReview = {
  scopeLabel: string;
  atRisk: ReviewProject[];
  due: ReviewProject[];
  stale: ReviewProject[];
  unacknowledged: ReviewUpdate[];
};

const scopeSql = (member: Member, alias: string) =>
  member.role === "MANAGER" && member.scopeUnitId
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "OrgUnitClosure" c WHERE c."orgId" = ${member.org.id} AND c."ancestorId" = ${member.scopeUnitId} AND c."descendantId" = ${Prisma.raw(`${alias}."orgUnitId"`)})`
    : Prisma.empty;

type ProjectRowSql = {
  id: string;
  name: string;
  teamName: string;
  health: Health;
  status: string;
  healthChangedAt: Date | null;
  lastUpdateAt: Date | null;
  startDate: Date | null;
  createdAt: Date;
  leadName: string | null;
  lineStart: string | null;
};

/**
 * The review for a member. Without `now` it is computed once per request (React `cache`): the
 * layout's bell and the dashboard's delivery panel share it. Keyed by the fields it reads, since
 * callers pass different Member objects for the same scope.
 */
export function getDeliveryReview(member: Member, now?: Date): Promise<DeliveryReview> {
  if (now) return computeDeliveryReview(member, now);
  return reviewThisRequest(member.org.id, member.user.id, member.role, member.scopeUnitId ?? null);
}

const reviewThisRequest = cache((orgId: string, userId: string, role: Member["role"], scopeUnitId: string | null) =>
  computeDeliveryReview({ org: { id: orgId }, user: { id: userId }, role, scopeUnitId } as Member, new Date()),
);

async function computeDeliveryReview(member: Member, now: Date): Promise<DeliveryReview> {
  const orgId = member.org.id;
  const [projects, updates, cadence, scopeUnit] = await Promise.all([
    db.$queryRaw<ProjectRowSql[]>`
      SELECT p.id, p.name, u.name AS "teamName", p.health::text AS health, p.status::text AS status, p."healthChangedAt",
             p."lastUpdateAt", p."startDate", p."createdAt", l.name AS "leadName",
             COALESCE(p."leadId", u."leadId") AS "lineStart"
      FROM "Project" p
      JOIN "OrgUnit" u ON u.id = p."orgUnitId" AND u."orgId" = p."orgId"
      LEFT JOIN "Person" l ON l.id = p."leadId" AND l."orgId" = p."orgId"
      WHERE p."orgId" = ${orgId} AND p."archivedAt" IS NULL AND p.status IN ('ACTIVE', 'PAUSED', 'PLANNED') ${scopeSql(member, "p")}
      ORDER BY p.name`,
    // Each open project's latest update (one index probe per project on (orgId, projectId,
    // createdAt)), when nobody has acknowledged it yet (older ones are superseded). The author's
    // name is a key lookup (authorId is a required foreign key): as a join, the planner hashed the
    // users again inside the per-project loop (~60 µs × 5,000 projects at scale 1).
    db.$queryRaw<(Omit<ReviewUpdate, "mine" | "createdAt"> & { createdAt: Date; reviewerUserId: string | null })[]>`
      SELECT s.id, s."projectId", p.name AS "projectName", s.health::text AS health, s.summary,
             (SELECT a.name FROM "User" a WHERE a.id = s."authorId") AS author, s."authorId" AS "authorUserId",
             s."createdAt", COALESCE(lm."userId", ul."userId") AS "reviewerUserId"
      FROM "Project" p
      CROSS JOIN LATERAL (
        SELECT su.id, su."projectId", su.health, su.summary, su."authorId", su."createdAt", su."acknowledgedAt" FROM "StatusUpdate" su
        WHERE su."orgId" = p."orgId" AND su."projectId" = p.id
        ORDER BY su."createdAt" DESC LIMIT 1
      ) s
      JOIN "OrgUnit" u ON u.id = p."orgUnitId" AND u."orgId" = p."orgId"
      LEFT JOIN "Person" l ON l.id = p."leadId" AND l."orgId" = p."orgId"
      LEFT JOIN "Person" lm ON lm.id = l."managerId" AND lm."orgId" = p."orgId"
      LEFT JOIN "Person" ul ON ul.id = u."leadId" AND ul."orgId" = p."orgId"
      WHERE p."orgId" = ${orgId} AND p."archivedAt" IS NULL AND p.status IN ('ACTIVE', 'PAUSED', 'PLANNED') AND s."acknowledgedAt" IS NULL ${scopeSql(member, "p")}
      ORDER BY s."createdAt" DESC
      LIMIT 100`,
    getCadence(orgId),
    member.scopeUnitId && member.role === "MANAGER" ? db.orgUnit.findFirst({ where: { id: member.scopeUnitId, orgId }, select: { name: true } }) : null,
  ]);

  const today = todayString(now);
  const withState = projects.map((p) => ({
    ...p,
    update: updateState(
      {
        today,
        active: p.status === "ACTIVE",
        lastUpdate: p.lastUpdateAt ? toDateString(p.lastUpdateAt) : null,
        since: toDateString(p.startDate && p.startDate > p.createdAt ? p.startDate : p.createdAt),
      },
      cadence,
    ),
  }));

  // Reporting lines of stale projects, lead upwards: one recursive query for all of them.
  const starts = [...new Set(withState.filter((p) => p.update.state === "stale" && p.lineStart).map((p) => p.lineStart!))];
  const lines = new Map<string, { name: string; userId: string | null }[]>();
  if (starts.length) {
    const rows = await db.$queryRaw<{ start: string; name: string; userId: string | null; level: number }[]>`
      WITH RECURSIVE line AS (
        SELECT p.id AS start, p.id, p.name, p."userId", p."managerId", 0 AS level
        FROM "Person" p WHERE p."orgId" = ${orgId} AND p.id = ANY(${starts}::text[])
        UNION ALL
        SELECT l.start, m.id, m.name, m."userId", m."managerId", l.level + 1
        FROM line l JOIN "Person" m ON m.id = l."managerId" AND m."orgId" = ${orgId}
        WHERE l.level < 32
      )
      SELECT start, name, "userId", level FROM line ORDER BY start, level`;
    for (const r of rows) {
      const list = lines.get(r.start) ?? [];
      list.push({ name: r.name, userId: r.userId });
      lines.set(r.start, list);
    }
  }

  const toDto = (p: (typeof withState)[number]): ReviewProject => {
    let escalatedTo: ReviewProject["escalatedTo"] = null;
    if (p.update.state === "stale" && p.lineStart) {
      const target = escalationTarget(lines.get(p.lineStart) ?? [], p.update.escalationLevel);
      if (target) escalatedTo = { name: target.name, isMe: target.userId === member.user.id };
    }
    return {
      id: p.id,
      name: p.name,
      teamName: p.teamName,
      health: p.health,
      healthChangedAt: p.healthChangedAt?.toISOString() ?? null,
      leadName: p.leadName,
      lastUpdateAt: p.lastUpdateAt?.toISOString() ?? null,
      update: p.update,
      escalatedTo,
    };
  };

  const HEALTH_ORDER: Record<string, number> = { OFF_TRACK: 0, AT_RISK: 1 };
  return {
    scopeLabel: scopeUnit?.name ?? "the whole organization",
    atRisk: withState
      .filter((p) => p.health === "AT_RISK" || p.health === "OFF_TRACK")
      .sort((a, b) => HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health] || a.name.localeCompare(b.name))
      .map(toDto),
    due: withState.filter((p) => p.update.state === "due").map(toDto),
    stale: withState
      .filter((p) => p.update.state === "stale")
      .sort((a, b) => (b.update.state === "stale" ? b.update.missedCycles : 0) - (a.update.state === "stale" ? a.update.missedCycles : 0))
      .map(toDto),
    unacknowledged: updates.map(({ reviewerUserId, createdAt, ...u }) => ({
      ...u,
      createdAt: createdAt.toISOString(),
      mine: reviewerUserId === member.user.id,
    })),
  };
}

export type NotificationItem = { id: string; kind: "due" | "stale" | "acknowledge"; title: string; detail: string; href: string };

/**
 * The bell: due updates (managers: their scope), stale projects escalated to the viewer (or, for
 * directors, every stale one), and updates waiting for the viewer's acknowledgement.
 */
export async function getNotifications(member: Member, now?: Date): Promise<NotificationItem[]> {
  if (member.role !== "MANAGER" && member.role !== "DIRECTOR") return [];
  const review = await getDeliveryReview(member, now);
  const base = `/${member.org.slug}/projects`;
  const items: NotificationItem[] = [];
  for (const p of review.stale) {
    {
      // Directors see every stale project; managers the stale ones in their scope.
      const missed = p.update.state === "stale" ? p.update.missedCycles : 0;
      items.push({ id: `stale-${p.id}`, kind: "stale", title: `${p.name} is stale`, detail: `${missed} missed ${missed === 1 ? "cycle" : "cycles"}${p.escalatedTo ? ` · escalated to ${p.escalatedTo.name}` : ""}`, href: `${base}/${p.id}` });
    }
  }
  if (member.role === "MANAGER") {
    for (const p of review.due) {
      items.push({ id: `due-${p.id}`, kind: "due", title: `Update due: ${p.name}`, detail: p.update.state === "due" ? `Due ${p.update.dueDate}${p.update.overdue ? " (overdue)" : ""}` : "", href: `${base}/${p.id}` });
    }
  }
  for (const u of review.unacknowledged) {
    if (u.authorUserId === member.user.id) continue;
    if (member.role === "MANAGER" && !u.mine) continue;
    if (member.role === "DIRECTOR" && u.health === "ON_TRACK" && !u.mine) continue;
    items.push({ id: `ack-${u.id}`, kind: "acknowledge", title: `Acknowledge: ${u.projectName}`, detail: u.summary, href: `${base}/${u.projectId}` });
  }
  return items;
}
