import "server-only";

import { cache } from "react";

import type { Member } from "@/lib/auth";
import { db } from "@/lib/db";
import { memoFigures, type DataTable } from "@/lib/figures-memo";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Health } from "@/lib/generated/prisma/enums";
import { getCadence, todayString } from "@/lib/projects/cadence";
import { escalationTarget, type UpdateState } from "@/lib/projects/staleness";
import { updateStateOfRow, updateStateSql, type UpdateStateRow } from "@/lib/projects/staleness-sql";

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

/** Which rows of a list to return: `take` null for all of them. */
export type ReviewSlice = { skip: number; take: number | null };
export type ReviewLists = { atRisk: ReviewSlice; due: ReviewSlice; stale: ReviewSlice };
export const NONE: ReviewSlice = { skip: 0, take: 0 };
export const ALL: ReviewSlice = { skip: 0, take: null };
export const firstRows = (take: number): ReviewSlice => ({ skip: 0, take });
/** Every row of every list (tests, the bell's reference). */
export const EVERY_ROW: ReviewLists = { atRisk: ALL, due: ALL, stale: ALL };

export type DeliveryReview = {
  scopeLabel: string;
  /** How many projects each list has in the scope (the lists below hold only the rows asked for). */
  counts: { atRisk: number; due: number; stale: number };
  /** AT_RISK / OFF_TRACK open projects, off track first, then by name. */
  atRisk: ReviewProject[];
  /** Active projects whose update for today's cycle is not in yet, by name. */
  due: ReviewProject[];
  /** Active projects with whole missed cycles, most missed first, then by name. */
  stale: ReviewProject[];
  unacknowledged: ReviewUpdate[];
};

const scopeSql = (member: Member, alias: string) =>
  member.role === "MANAGER" && member.scopeUnitId
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "OrgUnitClosure" c WHERE c."orgId" = ${member.org.id} AND c."ancestorId" = ${member.scopeUnitId} AND c."descendantId" = ${Prisma.raw(`${alias}."orgUnitId"`)})`
    : Prisma.empty;

type ProjectRowSql = UpdateStateRow & {
  list: "atRisk" | "due" | "stale" | null;
  id: string;
  name: string;
  teamName: string;
  health: Health;
  healthChangedAt: Date | null;
  lastUpdateAt: Date | null;
  leadName: string | null;
  lineStart: string | null;
  nAtRisk: number;
  nDue: number;
  nStale: number;
};

/**
 * The review for a member: the counts of each list and the rows of each list that `lists` asks
 * for (a dashboard's first few, a page of the review). Without `now` it is computed once per
 * request (React `cache`) per scope and slice.
 */
export function getDeliveryReview(member: Member, lists: ReviewLists, now?: Date): Promise<DeliveryReview> {
  if (now) return computeDeliveryReview(member, lists, now);
  return reviewThisRequest(member.org.id, member.user.id, member.role, member.scopeUnitId ?? null, JSON.stringify(lists));
}

const reviewThisRequest = cache((orgId: string, userId: string, role: Member["role"], scopeUnitId: string | null, lists: string) =>
  computeDeliveryReview({ org: { id: orgId }, user: { id: userId }, role, scopeUnitId } as Member, JSON.parse(lists) as ReviewLists, new Date()),
);

/** OFFSET of a slice, clamped to the last page of `count` rows (as lib/paging.ts pageOf clamps the page). */
const offsetOf = (count: Prisma.Sql, s: ReviewSlice) =>
  s.take && s.take > 0 ? Prisma.sql`(SELECT LEAST(${s.skip}::int, GREATEST(0, (${count} - 1) / ${s.take}::int * ${s.take}::int)) FROM n)` : Prisma.sql`0`;
const limitOf = (s: ReviewSlice) => Prisma.sql`${s.take}::int`;

/** The tables review figures read (memo versions; tests/integration/figures-memo.test.ts checks the SQL). */
export const REVIEW_TABLES: readonly DataTable[] = ["Organization", "OrgUnit", "OrgUnitClosure", "Person", "Project", "StatusUpdate", "User"];

/** Memoized per org data version and day (lib/figures-memo.ts); the viewer decides the scope and what is theirs. */
function computeDeliveryReview(member: Member, lists: ReviewLists, now: Date): Promise<DeliveryReview> {
  const key = [member.user.id, member.role, member.scopeUnitId ?? null, lists, todayString(now)];
  return memoFigures(member.org.id, "review", key, REVIEW_TABLES, () => readDeliveryReview(member, lists, now));
}

async function readDeliveryReview(member: Member, lists: ReviewLists, now: Date): Promise<DeliveryReview> {
  const orgId = member.org.id;
  const today = todayString(now);
  const cadence = await getCadence(orgId);
  const state = updateStateSql(cadence, today, {
    active: Prisma.sql`p.status = 'ACTIVE'`,
    lastUpdate: Prisma.sql`p."lastUpdateAt"::date`,
    since: Prisma.sql`GREATEST(p."startDate", p."createdAt")::date`,
  });
  const [projects, updates, scopeUnit] = await Promise.all([
    // Every open project's update state is computed in SQL (lib/projects/staleness-sql.ts); only
    // the counts and the rows asked for leave the database: each list is cut to its slice by a
    // bounded sort (top-N), and the lead's name is looked up for the rows returned only.
    db.$queryRaw<ProjectRowSql[]>`
      WITH st AS MATERIALIZED (
        SELECT p.id, p.name, u.name AS "teamName", p.health::text AS health, p."healthChangedAt", p."lastUpdateAt",
               p."leadId", COALESCE(p."leadId", u."leadId") AS "lineStart", ${state}
        FROM "Project" p
        JOIN "OrgUnit" u ON u.id = p."orgUnitId" AND u."orgId" = p."orgId"
        WHERE p."orgId" = ${orgId} AND p."archivedAt" IS NULL AND p.status IN ('ACTIVE', 'PAUSED', 'PLANNED') ${scopeSql(member, "p")}
      ),
      n AS (
        SELECT count(*) FILTER (WHERE health IN ('AT_RISK', 'OFF_TRACK'))::int AS "nAtRisk",
               count(*) FILTER (WHERE "updState" = 'due')::int AS "nDue",
               count(*) FILTER (WHERE "updState" = 'stale')::int AS "nStale"
        FROM st
      ),
      picked AS (
        (SELECT 'atRisk' AS list, 0 AS grp, st.* FROM st WHERE st.health IN ('AT_RISK', 'OFF_TRACK')
         ORDER BY st.health = 'AT_RISK', st.name, st.id OFFSET ${offsetOf(Prisma.sql`n."nAtRisk"`, lists.atRisk)} LIMIT ${limitOf(lists.atRisk)})
        UNION ALL
        (SELECT 'due', 1, st.* FROM st WHERE st."updState" = 'due'
         ORDER BY st.name, st.id OFFSET ${offsetOf(Prisma.sql`n."nDue"`, lists.due)} LIMIT ${limitOf(lists.due)})
        UNION ALL
        (SELECT 'stale', 2, st.* FROM st WHERE st."updState" = 'stale'
         ORDER BY st."updMissed" DESC, st.name, st.id OFFSET ${offsetOf(Prisma.sql`n."nStale"`, lists.stale)} LIMIT ${limitOf(lists.stale)})
      )
      SELECT n.*, picked.*, l.name AS "leadName"
      FROM n LEFT JOIN picked ON true
      LEFT JOIN "Person" l ON l.id = picked."leadId" AND l."orgId" = ${orgId}
      -- each list in its own order (as in picked)
      ORDER BY picked.grp, CASE WHEN picked.grp = 0 THEN picked.health = 'AT_RISK' END, CASE WHEN picked.grp = 2 THEN picked."updMissed" END DESC,
               picked.name, picked.id`,
    // Each open project's latest update (one index probe per project on (orgId, projectId,
    // createdAt)), when nobody has acknowledged it yet (older ones are superseded): the 100 latest
    // (ties in time by id, so that the bell lists the same ones).
    // The author's name and the reviewer are key lookups for those 100 rows (as joins over every
    // open project, the planner hashed the people and users for each render).
    db.$queryRaw<(Omit<ReviewUpdate, "mine" | "createdAt"> & { createdAt: Date; reviewerUserId: string | null })[]>`
      WITH latest AS (
        SELECT s.id, s."projectId", p.name AS "projectName", s.health, s.summary, s."authorId", s."createdAt", p."leadId", u."leadId" AS "unitLeadId"
        FROM "Project" p
        CROSS JOIN LATERAL (
          SELECT su.id, su."projectId", su.health, su.summary, su."authorId", su."createdAt", su."acknowledgedAt" FROM "StatusUpdate" su
          WHERE su."orgId" = p."orgId" AND su."projectId" = p.id
          ORDER BY su."createdAt" DESC LIMIT 1
        ) s
        JOIN "OrgUnit" u ON u.id = p."orgUnitId" AND u."orgId" = p."orgId"
        WHERE p."orgId" = ${orgId} AND p."archivedAt" IS NULL AND p.status IN ('ACTIVE', 'PAUSED', 'PLANNED') AND s."acknowledgedAt" IS NULL ${scopeSql(member, "p")}
        ORDER BY s."createdAt" DESC, s.id DESC
        LIMIT 100
      )
      SELECT a.id, a."projectId", a."projectName", a.health::text AS health, a.summary,
             (SELECT us.name FROM "User" us WHERE us.id = a."authorId") AS author, a."authorId" AS "authorUserId",
             a."createdAt", COALESCE(lm."userId", ul."userId") AS "reviewerUserId"
      FROM latest a
      LEFT JOIN "Person" l ON l.id = a."leadId" AND l."orgId" = ${orgId}
      LEFT JOIN "Person" lm ON lm.id = l."managerId" AND lm."orgId" = ${orgId}
      LEFT JOIN "Person" ul ON ul.id = a."unitLeadId" AND ul."orgId" = ${orgId}
      ORDER BY a."createdAt" DESC, a.id DESC`,
    member.scopeUnitId && member.role === "MANAGER" ? db.orgUnit.findFirst({ where: { id: member.scopeUnitId, orgId }, select: { name: true } }) : null,
  ]);

  const rows = projects.filter((p) => p.list !== null);
  // Reporting lines of the stale projects returned, lead upwards: one recursive query for all of them.
  const starts = [...new Set(rows.filter((p) => p.list === "stale" && p.lineStart).map((p) => p.lineStart!))];
  const lines = new Map<string, { name: string; userId: string | null }[]>();
  if (starts.length) {
    const lineRows = await db.$queryRaw<{ start: string; name: string; userId: string | null; level: number }[]>`
      WITH RECURSIVE line AS (
        SELECT p.id AS start, p.id, p.name, p."userId", p."managerId", 0 AS level
        FROM "Person" p WHERE p."orgId" = ${orgId} AND p.id = ANY(${starts}::text[])
        UNION ALL
        SELECT l.start, m.id, m.name, m."userId", m."managerId", l.level + 1
        FROM line l JOIN "Person" m ON m.id = l."managerId" AND m."orgId" = ${orgId}
        WHERE l.level < 32
      )
      SELECT start, name, "userId", level FROM line ORDER BY start, level`;
    for (const r of lineRows) {
      const list = lines.get(r.start) ?? [];
      list.push({ name: r.name, userId: r.userId });
      lines.set(r.start, list);
    }
  }

  const toDto = (p: ProjectRowSql): ReviewProject => {
    const update = updateStateOfRow(p, cadence, today);
    let escalatedTo: ReviewProject["escalatedTo"] = null;
    if (p.list === "stale" && update.state === "stale" && p.lineStart) {
      const target = escalationTarget(lines.get(p.lineStart) ?? [], update.escalationLevel);
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
      update,
      escalatedTo,
    };
  };

  const first = projects[0];
  return {
    scopeLabel: scopeUnit?.name ?? "the whole organization",
    counts: { atRisk: first?.nAtRisk ?? 0, due: first?.nDue ?? 0, stale: first?.nStale ?? 0 },
    atRisk: rows.filter((p) => p.list === "atRisk").map(toDto),
    due: rows.filter((p) => p.list === "due").map(toDto),
    stale: rows.filter((p) => p.list === "stale").map(toDto),
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
  // The bell's reference (lib/projects/bell.ts is the one the shell uses): every due and stale row.
  const review = await getDeliveryReview(member, { atRisk: NONE, due: ALL, stale: ALL }, now);
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
