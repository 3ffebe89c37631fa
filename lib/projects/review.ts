import "server-only";

import { cache } from "react";

import type { Member } from "@/lib/auth";
import { db } from "@/lib/db";
import { memoFigures, type DataTable } from "@/lib/figures-memo";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Health } from "@/lib/generated/prisma/enums";
import { getCadence, todayString } from "@/lib/projects/cadence";
import { escalationTarget } from "@/lib/projects/staleness";
import { projectUpdateStateSql, updateStateOfRow, type UpdateStateRow } from "@/lib/projects/staleness-sql";
import { ACTIVE_SQL, AT_RISK_SQL, projectsCte } from "@/lib/projects/attention";
import { awaitingSql } from "@/lib/projects/awaiting-sql";
import type { ReviewLists, ReviewProject, ReviewSlice, ReviewUpdate } from "@/lib/projects/review-lists";
import { homeScope, type Scope } from "@/lib/scope";

// The delivery review of an org-unit subtree: what is at risk, what is due or stale and who it
// has escalated to, what awaits acknowledgement. Everything is computed on demand from dates and
// rows — no job. Each list is counted in SQL over the whole scope and only the rows asked for are
// read, so the counts are the glossary's figures (lib/figures/definitions.ts) and the dashboard's
// "See all N" opens a list of exactly N rows.

/** Whose review: the org, the unit subtree (null: the whole org) and the viewer (for "mine" and "escalated to you"). */
export type ReviewScope = Scope & { viewerUserId: string };

/**
 * A member's review scope: the unit asked for, else where their own view starts (lib/scope.ts).
 * (Pages check that the unit is one the member may open: lib/dashboard/director.ts getDashboardScope.)
 */
export function reviewScopeOf(member: Pick<Member, "org" | "user" | "role" | "scopeUnitId">, unitId?: string | null): ReviewScope {
  return { orgId: member.org.id, unitId: unitId !== undefined ? unitId : homeScope(member).unitId, viewerUserId: member.user.id };
}

type ReviewCounts = {
  /** glossary `at-risk-and-off-track` */
  atRisk: number;
  /** glossary `updates-due` */
  due: number;
  /** glossary `stale` */
  stale: number;
  /** glossary `awaiting-acknowledgement` */
  awaiting: number;
  /** glossary `awaiting-your-acknowledgement` */
  mine: number;
};

export type DeliveryReview = {
  /** How many rows each list has in the scope (the lists below hold only the rows asked for). */
  counts: ReviewCounts;
  /** Active projects at risk or off track: off track first, then by name. */
  atRisk: ReviewProject[];
  /** Active projects whose update for today's cycle is not in yet (and not stale), by name. */
  due: ReviewProject[];
  /** Active projects with whole missed cycles, most missed first, then by name. */
  stale: ReviewProject[];
  /** Latest updates nobody has acknowledged, newest first. */
  awaiting: ReviewUpdate[];
  /** Of those, the ones the viewer reviews and did not write, newest first. */
  mine: ReviewUpdate[];
};

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
  pendingId: string | null;
  pendingSummary: string | null;
  pendingAuthor: string | null;
  pendingAuthorId: string | null;
  nAtRisk: number;
  nDue: number;
  nStale: number;
};

type UpdateRowSql = Omit<ReviewUpdate, "createdAt"> & {
  list: "awaiting" | "mine" | null;
  createdAt: Date;
  nAwaiting: number;
  nMine: number;
};

/**
 * The review of a scope: the counts of each list and the rows of each list that `lists` asks for
 * (a dashboard's first few, a page of the review). Without `now` it is computed once per request
 * (React `cache`) per scope and slice.
 */
export function getDeliveryReview(scope: ReviewScope, lists: ReviewLists, now?: Date): Promise<DeliveryReview> {
  if (now) return computeDeliveryReview(scope, lists, now);
  return reviewThisRequest(scope.orgId, scope.unitId, scope.viewerUserId, JSON.stringify(lists));
}

const reviewThisRequest = cache((orgId: string, unitId: string | null, viewerUserId: string, lists: string) =>
  computeDeliveryReview({ orgId, unitId, viewerUserId }, JSON.parse(lists) as ReviewLists, new Date()),
);

/** OFFSET of a slice, clamped to the last page of `count` rows (as lib/paging.ts pageOf clamps the page). */
const offsetOf = (count: Prisma.Sql, s: ReviewSlice) =>
  s.take && s.take > 0
    ? Prisma.sql`(SELECT LEAST(${s.skip}::int, GREATEST(0, (${count} - 1) / ${s.take}::int * ${s.take}::int)) FROM n)`
    : Prisma.sql`0`;
const limitOf = (s: ReviewSlice) => Prisma.sql`${s.take}::int`;

/** The tables review figures read (memo versions; tests/integration/figures-memo.test.ts checks the SQL). */
export const REVIEW_TABLES: readonly DataTable[] = [
  "Organization",
  "OrgUnit",
  "OrgUnitClosure",
  "Person",
  "Project",
  "StatusUpdate",
  "User",
];

/** Memoized per org data version and day (lib/figures-memo.ts); the viewer decides what is theirs. */
function computeDeliveryReview(scope: ReviewScope, lists: ReviewLists, now: Date): Promise<DeliveryReview> {
  const key = [scope.unitId, scope.viewerUserId, lists, todayString(now)];
  return memoFigures(scope.orgId, "review", key, REVIEW_TABLES, () => readDeliveryReview(scope, lists, now));
}

async function readDeliveryReview(scope: ReviewScope, lists: ReviewLists, now: Date): Promise<DeliveryReview> {
  const { orgId, viewerUserId } = scope;
  const today = todayString(now);
  const cadence = await getCadence(orgId);
  const state = projectUpdateStateSql(cadence, today);
  const proj = projectsCte(orgId, scope.unitId);
  const [projects, updates] = await Promise.all([
    // Every active project's update state is computed in SQL (lib/projects/staleness-sql.ts); only
    // the counts and the rows asked for leave the database: each list is cut to its slice by a
    // bounded sort (top-N), and the lead's name and a pending update are looked up for the rows
    // returned only.
    db.$queryRaw<ProjectRowSql[]>`
      WITH ${proj},
      st AS MATERIALIZED (
        SELECT p.id, p.name, u.name AS "teamName", p.health::text AS health, p."healthChangedAt", p."lastUpdateAt",
               p."leadId", p."orgUnitId", COALESCE(p."leadId", u."leadId") AS "lineStart", (${AT_RISK_SQL("p")}) AS "atRisk", ${state}
        FROM proj p
        JOIN "OrgUnit" u ON u.id = p."orgUnitId" AND u."orgId" = ${orgId}
        WHERE ${ACTIVE_SQL("p")}
      ),
      n AS (
        SELECT count(*) FILTER (WHERE "atRisk")::int AS "nAtRisk",
               count(*) FILTER (WHERE "updState" = 'due')::int AS "nDue",
               count(*) FILTER (WHERE "updState" = 'stale')::int AS "nStale"
        FROM st
      ),
      picked AS (
        (SELECT 'atRisk' AS list, 0 AS grp, st.* FROM st WHERE st."atRisk"
         ORDER BY st.health = 'AT_RISK', st.name, st.id OFFSET ${offsetOf(Prisma.sql`n."nAtRisk"`, lists.atRisk)} LIMIT ${limitOf(lists.atRisk)})
        UNION ALL
        (SELECT 'due', 1, st.* FROM st WHERE st."updState" = 'due'
         ORDER BY st.name, st.id OFFSET ${offsetOf(Prisma.sql`n."nDue"`, lists.due)} LIMIT ${limitOf(lists.due)})
        UNION ALL
        (SELECT 'stale', 2, st.* FROM st WHERE st."updState" = 'stale'
         ORDER BY st."updMissed" DESC, st.name, st.id OFFSET ${offsetOf(Prisma.sql`n."nStale"`, lists.stale)} LIMIT ${limitOf(lists.stale)})
      )
      SELECT n.*, picked.*, l.name AS "leadName",
             lu.id AS "pendingId", lu.summary AS "pendingSummary", lu."authorId" AS "pendingAuthorId",
             (SELECT us.name FROM "User" us WHERE us.id = lu."authorId") AS "pendingAuthor"
      FROM n LEFT JOIN picked ON true
      LEFT JOIN "Person" l ON l.id = picked."leadId" AND l."orgId" = ${orgId}
      -- the pending update of an at-risk row is one awaiting acknowledgement, as the awaiting list defines it
      LEFT JOIN LATERAL (
        ${awaitingSql(orgId, Prisma.sql`(SELECT picked.id, picked.name, picked."orgUnitId", picked."leadId" WHERE picked.list = 'atRisk')`)}
      ) lu ON true
      -- each list in its own order (as in picked)
      ORDER BY picked.grp, CASE WHEN picked.grp = 0 THEN picked.health = 'AT_RISK' END, CASE WHEN picked.grp = 2 THEN picked."updMissed" END DESC,
               picked.name, picked.id`,
    // Awaiting acknowledgement: every live project's latest update is probed (one index probe per
    // project on (orgId, projectId, createdAt)) and counted; the author's name is looked up for
    // the rows returned only. Ties in time are ordered by id, so that the bell lists the same ones.
    db.$queryRaw<UpdateRowSql[]>`
      WITH ${proj},
      aw AS MATERIALIZED (
        SELECT a.*, (a."reviewerUserId" IS NOT DISTINCT FROM ${viewerUserId} AND a."authorId" <> ${viewerUserId}) AS "mine" FROM (${awaitingSql(orgId)}) a
      ),
      n AS (SELECT count(*)::int AS "nAwaiting", count(*) FILTER (WHERE "mine")::int AS "nMine" FROM aw),
      picked AS (
        (SELECT 'awaiting' AS list, 0 AS grp, aw.* FROM aw
         ORDER BY aw."createdAt" DESC, aw.id DESC OFFSET ${offsetOf(Prisma.sql`n."nAwaiting"`, lists.awaiting)} LIMIT ${limitOf(lists.awaiting)})
        UNION ALL
        (SELECT 'mine', 1, aw.* FROM aw WHERE aw."mine"
         ORDER BY aw."createdAt" DESC, aw.id DESC OFFSET ${offsetOf(Prisma.sql`n."nMine"`, lists.mine)} LIMIT ${limitOf(lists.mine)})
      )
      SELECT n.*, picked.list, picked.id, picked."projectId", picked."projectName", picked.health, picked.summary,
             (SELECT us.name FROM "User" us WHERE us.id = picked."authorId") AS author, picked."authorId" AS "authorUserId",
             picked."createdAt", picked."mine", picked."reviewerName"
      FROM n LEFT JOIN picked ON true
      ORDER BY picked.grp, picked."createdAt" DESC, picked.id DESC`,
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
    let update = updateStateOfRow(p, cadence, today);
    let escalatedTo: ReviewProject["escalatedTo"] = null;
    if (p.list === "stale" && update.state === "stale" && p.lineStart) {
      const line = lines.get(p.lineStart) ?? [];
      const target = escalationTarget(line, update.escalationLevel);
      if (target) escalatedTo = { name: target.name, isMe: target.userId === viewerUserId };
      // The level says how far it went: not past the top of this line.
      if (line.length) update = { ...update, escalationLevel: Math.min(update.escalationLevel, line.length - 1) };
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
      pending: p.pendingId
        ? { id: p.pendingId, summary: p.pendingSummary ?? "", author: p.pendingAuthor ?? "", authorUserId: p.pendingAuthorId ?? "" }
        : null,
    };
  };
  const toUpdate = ({ list: _list, nAwaiting: _a, nMine: _m, createdAt, ...u }: UpdateRowSql): ReviewUpdate => ({
    ...u,
    createdAt: createdAt.toISOString(),
  });

  const first = projects[0];
  const firstU = updates[0];
  return {
    counts: {
      atRisk: first?.nAtRisk ?? 0,
      due: first?.nDue ?? 0,
      stale: first?.nStale ?? 0,
      awaiting: firstU?.nAwaiting ?? 0,
      mine: firstU?.nMine ?? 0,
    },
    atRisk: rows.filter((p) => p.list === "atRisk").map(toDto),
    due: rows.filter((p) => p.list === "due").map(toDto),
    stale: rows.filter((p) => p.list === "stale").map(toDto),
    awaiting: updates.filter((u) => u.list === "awaiting").map(toUpdate),
    mine: updates.filter((u) => u.list === "mine").map(toUpdate),
  };
}
