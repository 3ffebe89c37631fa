import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Health, ProjectStatus } from "@/lib/generated/prisma/enums";
import { ProjectStatus as PS } from "@/lib/generated/prisma/enums";
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

export type TimelineProject = {
  id: string;
  name: string;
  health: Health;
  status: ProjectStatus;
  startDate: string;
  targetDate: string;
  teamId: string;
  teamName: string;
  initiativeId: string | null;
  initiativeName: string | null;
  milestones: { name: string; dueDate: string; done: boolean }[];
  waitsOn: { id: string; name: string; health: Health }[];
  blocks: number;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Non-archived projects with dates that overlap the window, with milestones and dependencies (one query with nested selects). */
export async function listTimelineProjects(orgId: string, f: TimelineFilters, window: { start: string; end: string }): Promise<{ projects: TimelineProject[]; undated: number }> {
  const where: Prisma.ProjectWhereInput = {
    orgId,
    archivedAt: null,
    ...(f.unit ? { orgUnit: { ancestors: { some: { orgId, ancestorId: f.unit } } } } : {}),
    ...(f.status ? { status: f.status } : {}),
  };
  const [rows, undated] = await Promise.all([
    db.project.findMany({
      where: {
        ...where,
        startDate: { not: null, lte: new Date(`${window.end}T00:00:00Z`) },
        targetDate: { not: null, gte: new Date(`${window.start}T00:00:00Z`) },
      },
      select: {
        id: true,
        name: true,
        health: true,
        status: true,
        startDate: true,
        targetDate: true,
        orgUnit: { select: { id: true, name: true } },
        initiative: { select: { id: true, name: true } },
        milestones: { select: { name: true, dueDate: true, doneDate: true }, orderBy: { dueDate: "asc" } },
        blockedBy: { select: { blocker: { select: { id: true, name: true, health: true } } } },
        _count: { select: { blocks: true } },
      },
      orderBy: [{ startDate: "asc" }, { name: "asc" }],
    }),
    db.project.count({ where: { ...where, OR: [{ startDate: null }, { targetDate: null }] } }),
  ]);
  return {
    undated,
    projects: rows.map((p) => ({
      id: p.id,
      name: p.name,
      health: p.health,
      status: p.status,
      startDate: day(p.startDate!),
      targetDate: day(p.targetDate!),
      teamId: p.orgUnit.id,
      teamName: p.orgUnit.name,
      initiativeId: p.initiative?.id ?? null,
      initiativeName: p.initiative?.name ?? null,
      milestones: p.milestones.map((m) => ({ name: m.name, dueDate: day(m.dueDate), done: m.doneDate !== null })),
      waitsOn: p.blockedBy.map((d) => d.blocker),
      blocks: p._count.blocks,
    })),
  };
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
  status: string;
  updatedAt: string;
  projects: { id: string; name: string; health: Health }[];
};

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
      projects: { where: { archivedAt: null }, select: { id: true, name: true, health: true }, orderBy: { name: "asc" } },
    },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}
