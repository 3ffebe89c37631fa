import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Health, ProjectStatus } from "@/lib/generated/prisma/enums";
import { ProjectStatus as PS } from "@/lib/generated/prisma/enums";
import { pageOf, type PageInfo, slicePage } from "@/lib/paging";
import { type InitiativePeriod, periodOf } from "@/lib/roadmap/schemas";
import { ZOOMS, type Zoom } from "@/lib/roadmap/timeline";

export type TimelineFilters = { zoom: Zoom; offset: number; group: "initiative" | "team"; unit?: string; status?: ProjectStatus };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export function parseTimelineFilters(sp: Record<string, string | string[] | undefined>): TimelineFilters {
  const zoom = one(sp.zoom);
  const offset = Number.parseInt(one(sp.offset) ?? "0", 10);
  const status = one(sp.status);
  return {
    zoom: ZOOMS.includes(zoom as Zoom) ? (zoom as Zoom) : "half",
    offset: Number.isFinite(offset) ? Math.max(-20, Math.min(20, offset)) : 0,
    group: one(sp.group) === "team" ? "team" : "initiative",
    unit: one(sp.unit),
    status: status && status in PS ? (status as ProjectStatus) : undefined,
  };
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
};

const day = (d: Date) => d.toISOString().slice(0, 10);

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
    .sort((a, b) => (a.key === "none" ? 1 : b.key === "none" ? -1 : a.label.localeCompare(b.label)));
  const paging = pageOf(sp, keys.length, perPage);
  const pageKeys = slicePage(keys, paging);
  if (!pageKeys.length) return { groups: [], paging, undated };

  const pageIds = pageKeys.map((k) => k.key).filter((k) => k !== "none");
  const rows = await db.project.findMany({
    where: {
      ...inWindow,
      ...(byTeam
        ? { orgUnitId: { in: pageIds } }
        : { OR: [{ initiativeId: { in: pageIds } }, ...(pageKeys.some((k) => k.key === "none") ? [{ initiativeId: null }] : [])] }),
    },
    select: {
      id: true,
      name: true,
      health: true,
      startDate: true,
      targetDate: true,
      initiativeId: true,
      orgUnit: { select: { id: true, name: true } },
      // Relation reads repeat the org so they use the org-leading indexes (a milestone read by
      // projectId alone scans every milestone).
      milestones: {
        where: { orgId, dueDate: { gte: new Date(`${window.start}T00:00:00Z`), lte: new Date(`${window.end}T00:00:00Z`) } },
        select: { name: true, dueDate: true, doneDate: true },
        orderBy: { dueDate: "asc" },
      },
      blockedBy: { where: { orgId }, select: { blocker: { select: { name: true, health: true } } } },
      _count: { select: { blocks: { where: { orgId } } } },
    },
    orderBy: [{ startDate: "asc" }, { name: "asc" }],
  });
  const groups = new Map<string, TimelineGroup>(pageKeys.map((k) => [k.key, { ...k, projects: [] }]));
  for (const p of rows) {
    const key = byTeam ? p.orgUnit.id : (p.initiativeId ?? "none");
    groups.get(key)?.projects.push({
      id: p.id,
      name: p.name,
      health: p.health,
      startDate: day(p.startDate!),
      targetDate: day(p.targetDate!),
      teamName: p.orgUnit.name,
      milestones: p.milestones.map((m) => ({ name: m.name, dueDate: day(m.dueDate), done: m.doneDate !== null })),
      waitsOn: p.blockedBy.map((d) => d.blocker),
      blocks: p._count.blocks,
    });
  }
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
  /** The first INITIATIVE_PROJECTS_SHOWN projects by name; `projectCount` is all of them. */
  projects: { id: string; name: string; health: Health }[];
  projectCount: number;
};

/** Projects listed under each initiative on the roadmap; the rest are a link to the filtered project list. */
export const INITIATIVE_PROJECTS_SHOWN = 5;

/** Initiatives of one fiscal year with their (non-archived) projects. */
export async function listInitiativesForYear(orgId: string, fiscalYear: number): Promise<InitiativeWithProjects[]> {
  const rows = await db.initiative.findMany({
    where: { orgId, fiscalYear },
    select: {
      id: true,
      name: true,
      objective: true,
      orgUnitId: true,
      owner: { select: { id: true, name: true } },
      fiscalYear: true,
      fiscalQuarter: true,
      fiscalHalf: true,
      status: true,
      updatedAt: true,
      projects: { where: { orgId, archivedAt: null }, select: { id: true, name: true, health: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: INITIATIVE_PROJECTS_SHOWN },
      _count: { select: { projects: { where: { orgId, archivedAt: null } } } },
    },
    orderBy: { name: "asc" },
  });
  return rows.map(({ _count, ...r }) => ({ ...r, period: periodOf(r), projectCount: _count.projects, updatedAt: r.updatedAt.toISOString() }));
}
