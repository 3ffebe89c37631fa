import "server-only";

import { z } from "zod";

import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Health, ProjectStatus } from "@/lib/generated/prisma/enums";
import { ProjectStatus as PS } from "@/lib/generated/prisma/enums";
import { pageOf, type PageInfo, slicePage } from "@/lib/paging";
import { getCadence, todayString } from "@/lib/projects/cadence";
import { updateStateSql, type UpdateStateRow } from "@/lib/projects/staleness-sql";
import type { HealthMix } from "@/lib/roadmap/queries";
import { type InitiativePeriod, periodOf } from "@/lib/roadmap/schemas";
import { ZOOMS, type Zoom } from "@/lib/roadmap/timeline";
import { parseSearch, type SearchParams, zEnum, zIntParam, zOneOf, zParam } from "@/lib/search-params";

/** Names with numbers in natural order ("Team 9" before "Team 10"), as the other lists sort them. */
const naturalOrder = new Intl.Collator("und", { numeric: true });

export type TimelineFilters = { zoom: Zoom; offset: number; group: "initiative" | "team"; unit?: string; status?: ProjectStatus };

const ZTimelineFilters = z
  .object({
    zoom: zOneOf(ZOOMS).transform((v) => v ?? "half"),
    offset: zIntParam(-20, 20, 0),
    group: zOneOf(["initiative", "team"]).transform((v) => v ?? "initiative"),
    unit: zParam(),
    status: zEnum(PS),
  })
  .transform((f): TimelineFilters => ({ zoom: f.zoom, offset: f.offset, group: f.group, unit: f.unit, status: f.status }));

export function parseTimelineFilters(sp: SearchParams): TimelineFilters {
  return parseSearch(ZTimelineFilters, sp);
}

/** The roadmap's views (?view=): the timeline (the default), initiatives by period, all initiatives. */
export const ROADMAP_VIEWS = ["timeline", "board", "table"] as const;
export type RoadmapView = (typeof ROADMAP_VIEWS)[number];

const ZRoadmapView = z.object({ view: zOneOf(ROADMAP_VIEWS) }).transform(({ view }): RoadmapView => view ?? "timeline");

export function parseRoadmapView(sp: SearchParams): RoadmapView {
  return parseSearch(ZRoadmapView, sp);
}

/** What a timeline row shows: it crosses to the client Timeline as is, so nothing more. */
export type TimelineProject = {
  id: string;
  name: string;
  health: Health;
  startDate: string;
  targetDate: string;
  teamName: string;
  /** Inside the window only. */
  milestones: { name: string; dueDate: string; done: boolean }[];
  waitsOn: { name: string; health: Health }[];
  blocks: number;
  /** Active and missed whole update cycles (glossary `stale`, lib/projects/staleness-sql.ts). */
  stale: boolean;
};

export type TimelineGroup = { key: string; label: string; projects: TimelineProject[] };

/**
 * One page of timeline groups (by initiative or team; "No initiative" last) with their
 * non-archived projects whose dates overlap the window, milestones and dependencies. The groups
 * are counted and labelled in the database and only the page's projects are read: a large org has
 * thousands of projects in a window and hundreds of groups.
 */
export async function listTimelinePage(
  orgId: string,
  f: TimelineFilters,
  window: { start: string; end: string },
  sp: Record<string, string | string[] | undefined>,
  perPage: number,
): Promise<{ groups: TimelineGroup[]; paging: PageInfo; undated: number }> {
  const base: Prisma.ProjectWhereInput = {
    orgId,
    archivedAt: null,
    ...(f.unit ? { orgUnit: { ancestors: { some: { orgId, ancestorId: f.unit } } } } : {}),
    ...(f.status ? { status: f.status } : {}),
  };
  const inWindow: Prisma.ProjectWhereInput = {
    ...base,
    startDate: { not: null, lte: new Date(`${window.end}T00:00:00Z`) },
    targetDate: { not: null, gte: new Date(`${window.start}T00:00:00Z`) },
  };
  const byTeam = f.group === "team";
  const [keyRows, undated] = await Promise.all([
    byTeam
      ? db.project.groupBy({ by: ["orgUnitId"], where: inWindow }).then((r) => r.map((g) => g.orgUnitId))
      : db.project.groupBy({ by: ["initiativeId"], where: inWindow }).then((r) => r.map((g) => g.initiativeId ?? "none")),
    db.project.count({ where: { ...base, OR: [{ startDate: null }, { targetDate: null }] } }),
  ]);
  const ids = keyRows.filter((k) => k !== "none");
  const names = byTeam
    ? await db.orgUnit.findMany({ where: { orgId, id: { in: ids } }, select: { id: true, name: true } })
    : await db.initiative.findMany({ where: { orgId, id: { in: ids } }, select: { id: true, name: true } });
  const label = new Map(names.map((n) => [n.id, n.name]));
  const keys = keyRows
    .map((key) => ({ key, label: key === "none" ? "No initiative" : (label.get(key) ?? "") }))
    .sort((a, b) => (a.key === "none" ? 1 : b.key === "none" ? -1 : naturalOrder.compare(a.label, b.label)));
  const paging = pageOf(sp, keys.length, perPage);
  const pageKeys = slicePage(keys, paging);
  if (!pageKeys.length) return { groups: [], paging, undated };

  const pageIds = pageKeys.map((k) => k.key).filter((k) => k !== "none");
  // The page's rows in one statement, each with its milestones in the window, the projects it
  // waits on and how many it blocks (the same filters as `inWindow`): ~200 rows with ~500
  // milestones, which as a Prisma read with relations were several round trips joined in JS.
  const key = byTeam ? Prisma.sql`p."orgUnitId"` : Prisma.sql`p."initiativeId"`;
  const inPage = Prisma.sql`(${pageIds.length ? Prisma.sql`${key} IN (${Prisma.join(pageIds)})` : Prisma.sql`FALSE`}${
    !byTeam && pageKeys.some((k) => k.key === "none") ? Prisma.sql` OR p."initiativeId" IS NULL` : Prisma.empty
  })`;
  // Stale by the one SQL of a project's update state (lib/projects/staleness-sql.ts), as the
  // review and the bell read it.
  const state = updateStateSql(await getCadence(orgId), todayString(), {
    active: Prisma.sql`p.status = 'ACTIVE'`,
    lastUpdate: Prisma.sql`p."lastUpdateAt"::date`,
    since: Prisma.sql`GREATEST(p."startDate", p."createdAt")::date`,
  });
  const rows = await db.$queryRaw<(Omit<TimelineProject, "stale"> & UpdateStateRow & { groupKey: string | null })[]>`
    SELECT p.id, p.name, p.health::text AS health, ${key} AS "groupKey", u.name AS "teamName", ${state},
      to_char(p."startDate", 'YYYY-MM-DD') AS "startDate", to_char(p."targetDate", 'YYYY-MM-DD') AS "targetDate",
      COALESCE((SELECT json_agg(json_build_object('name', m.name, 'dueDate', to_char(m."dueDate", 'YYYY-MM-DD'), 'done', m."doneDate" IS NOT NULL) ORDER BY m."dueDate", m.name)
                FROM "Milestone" m WHERE m."orgId" = ${orgId} AND m."projectId" = p.id AND m."dueDate" BETWEEN ${window.start}::date AND ${window.end}::date), '[]') AS milestones,
      COALESCE((SELECT json_agg(json_build_object('name', b.name, 'health', b.health) ORDER BY b.name)
                FROM "ProjectDependency" d JOIN "Project" b ON b.id = d."blockerId" AND b."orgId" = ${orgId}
                WHERE d."orgId" = ${orgId} AND d."blockedId" = p.id), '[]') AS "waitsOn",
      (SELECT count(*)::int FROM "ProjectDependency" d WHERE d."orgId" = ${orgId} AND d."blockerId" = p.id) AS blocks
    FROM "Project" p JOIN "OrgUnit" u ON u.id = p."orgUnitId" AND u."orgId" = ${orgId}
    WHERE p."orgId" = ${orgId} AND p."archivedAt" IS NULL
      AND p."startDate" <= ${window.end}::date AND p."targetDate" >= ${window.start}::date
      ${f.unit ? Prisma.sql`AND p."orgUnitId" IN (SELECT "descendantId" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${f.unit})` : Prisma.empty}
      ${f.status ? Prisma.sql`AND p.status = ${f.status}::"ProjectStatus"` : Prisma.empty}
      AND ${inPage}
    ORDER BY p."startDate", p.name`;
  const groups = new Map<string, TimelineGroup>(pageKeys.map((k) => [k.key, { ...k, projects: [] }]));
  for (const { groupKey, updState, updMissed: _m, updStaleSince: _s, ...p } of rows)
    groups.get(groupKey ?? "none")?.projects.push({ ...p, stale: updState === "stale" });
  return { groups: [...groups.values()], paging, undated };
}

export type InitiativeWithProjects = {
  id: string;
  name: string;
  objective: string;
  orgUnitId: string;
  owner: { id: string; name: string } | null;
  fiscalYear: number;
  fiscalQuarter: number | null;
  fiscalHalf: number | null;
  /** The column it is shown in: its quarter, half or the whole year. */
  period: InitiativePeriod;
  status: string;
  updatedAt: string;
  /**
   * The projects that need attention, at most INITIATIVE_ATTENTION_SHOWN: off track first, then at
   * risk, by name. `health` counts all of its projects, `projectCount` is their number.
   */
  attention: { id: string; name: string; health: Health }[];
  health: HealthMix;
  projectCount: number;
};

/** At-risk and off-track projects listed under each initiative on the roadmap's board. */
export const INITIATIVE_ATTENTION_SHOWN = 3;

type InitiativeYearRow = Omit<InitiativeWithProjects, "period" | "updatedAt" | "owner" | "health" | "projectCount"> &
  HealthMix & { updatedAt: Date; ownerId: string | null; ownerName: string | null };

/**
 * Initiatives of one fiscal year, each with its (non-archived) projects counted by health and the
 * few of them that need attention — what a director looks for on the board; the full list is a
 * link to the projects list filtered by the initiative. One statement: the counts and the
 * attention list per initiative are index probes on (orgId, initiativeId).
 */
export async function listInitiativesForYear(orgId: string, fiscalYear: number): Promise<InitiativeWithProjects[]> {
  const rows = await db.$queryRaw<InitiativeYearRow[]>`
    SELECT i.id, i.name, i.objective, i."orgUnitId", i."fiscalYear", i."fiscalQuarter", i."fiscalHalf", i.status::text AS status,
      i."updatedAt", o.id AS "ownerId", o.name AS "ownerName", h."ON_TRACK", h."AT_RISK", h."OFF_TRACK", h."UNKNOWN",
      COALESCE((SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'health', f.health) ORDER BY f.health = 'AT_RISK', f.name, f.id)
                FROM (SELECT p.id, p.name, p.health FROM "Project" p
                      WHERE p."orgId" = ${orgId} AND p."initiativeId" = i.id AND p."archivedAt" IS NULL AND p.health IN ('OFF_TRACK', 'AT_RISK')
                      ORDER BY p.health = 'AT_RISK', p.name, p.id LIMIT ${INITIATIVE_ATTENTION_SHOWN}) f), '[]') AS attention
    FROM "Initiative" i LEFT JOIN "Person" o ON o."orgId" = i."orgId" AND o.id = i."ownerId"
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE p.health = 'ON_TRACK')::int AS "ON_TRACK", count(*) FILTER (WHERE p.health = 'AT_RISK')::int AS "AT_RISK",
             count(*) FILTER (WHERE p.health = 'OFF_TRACK')::int AS "OFF_TRACK", count(*) FILTER (WHERE p.health = 'UNKNOWN')::int AS "UNKNOWN"
      FROM "Project" p WHERE p."orgId" = ${orgId} AND p."initiativeId" = i.id AND p."archivedAt" IS NULL) h
    WHERE i."orgId" = ${orgId} AND i."fiscalYear" = ${fiscalYear}
    ORDER BY i.name, i.id`;
  return rows.map(({ ownerId, ownerName, ON_TRACK, AT_RISK, OFF_TRACK, UNKNOWN, ...r }) => ({
    ...r,
    health: { ON_TRACK, AT_RISK, OFF_TRACK, UNKNOWN },
    projectCount: ON_TRACK + AT_RISK + OFF_TRACK + UNKNOWN,
    owner: ownerId ? { id: ownerId, name: ownerName! } : null,
    period: periodOf(r),
    updatedAt: r.updatedAt.toISOString(),
  }));
}
