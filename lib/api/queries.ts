import "server-only";

import type { z } from "zod";

import { cents, day, iso, keyset, paged, subtree } from "@/lib/api/page";
import type {
  ZInitiativeQuery,
  ZMilestoneQuery,
  ZOrgUnitQuery,
  ZPersonQuery,
  ZPositionQuery,
  ZProjectQuery,
  ZUpdateQuery,
} from "@/lib/api/schemas";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PERSON_CORE } from "@/lib/people/person-select";
import type { Scope } from "@/lib/scope";

// The REST API's reads: tenant-scoped by the token's org (a foreign id finds nothing), keyset
// pagination on id (a cursor is the last id of the previous page, so pages never skip or repeat
// a row when rows are added meanwhile), DTOs with dates as ISO strings and money as strings.

const PROJECT_SELECT = {
  id: true,
  name: true,
  orgUnitId: true,
  leadId: true,
  status: true,
  health: true,
  startDate: true,
  targetDate: true,
  completedDate: true,
  lastUpdateAt: true,
  budgetCents: true,
  archivedAt: true,
  version: true,
} as const satisfies Prisma.ProjectSelect;
type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof PROJECT_SELECT }>;

const projectDto = (p: ProjectRow) => ({
  id: p.id,
  name: p.name,
  orgUnitId: p.orgUnitId,
  leadId: p.leadId,
  status: p.status,
  health: p.health,
  startDate: day(p.startDate),
  targetDate: day(p.targetDate),
  completedDate: day(p.completedDate),
  lastUpdateAt: iso(p.lastUpdateAt),
  budgetCents: cents(p.budgetCents),
  archived: p.archivedAt !== null,
  version: p.version,
});

export async function listApiProjects(scope: Scope, q: z.output<typeof ZProjectQuery>) {
  const { where: after, ...rest } = keyset(q);
  const rows = await db.project.findMany({
    where: {
      orgId: scope.orgId,
      ...after,
      ...(q.status ? { status: q.status } : {}),
      ...(q.health ? { health: q.health } : {}),
      archivedAt: q.archived ? { not: null } : null,
      ...subtree(scope, q.orgUnitId),
    },
    select: PROJECT_SELECT,
    ...rest,
  });
  const { rows: kept, nextCursor } = paged(rows, q.limit);
  return { data: kept.map(projectDto), nextCursor };
}

export async function getApiProject(scope: Scope, id: string) {
  const p = await db.project.findFirst({ where: { id, orgId: scope.orgId }, select: PROJECT_SELECT });
  return p ? projectDto(p) : null;
}

export async function listApiStatusUpdates(scope: Scope, q: z.output<typeof ZUpdateQuery>) {
  const { where: after, ...rest } = keyset(q);
  const rows = await db.statusUpdate.findMany({
    where: {
      orgId: scope.orgId,
      ...after,
      ...(q.projectId ? { projectId: q.projectId } : {}),
      ...(q.since ? { createdAt: { gte: new Date(`${q.since}T00:00:00Z`) } } : {}),
    },
    select: { id: true, projectId: true, authorId: true, health: true, summary: true, body: true, suggestedHealth: true, createdAt: true },
    ...rest,
  });
  const { rows: kept, nextCursor } = paged(rows, q.limit);
  return { data: kept.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() })), nextCursor };
}

/** One status update as the API returns it (after a post). */
export async function getApiStatusUpdate(scope: Scope, id: string) {
  const u = await db.statusUpdate.findFirst({
    where: { id, orgId: scope.orgId },
    select: { id: true, projectId: true, authorId: true, health: true, summary: true, body: true, suggestedHealth: true, createdAt: true },
  });
  return u ? { ...u, createdAt: u.createdAt.toISOString() } : null;
}

const UNIT_SELECT = {
  id: true,
  name: true,
  code: true,
  kind: true,
  parentId: true,
  leadId: true,
  closedOn: true,
} as const satisfies Prisma.OrgUnitSelect;
type UnitRow = Prisma.OrgUnitGetPayload<{ select: typeof UNIT_SELECT }>;
const unitDto = (u: UnitRow) => ({
  ...u,
  closedOn: day(u.closedOn),
});

export async function listApiOrgUnits(scope: Scope, q: z.output<typeof ZOrgUnitQuery>) {
  const { where: after, ...rest } = keyset(q);
  const rows = await db.orgUnit.findMany({
    where: {
      orgId: scope.orgId,
      ...after,
      ...(q.parentId ? { parentId: q.parentId } : {}),
      ...(q.includeClosed ? {} : { closedOn: null }),
    },
    select: UNIT_SELECT,
    ...rest,
  });
  const { rows: kept, nextCursor } = paged(rows, q.limit);
  return { data: kept.map(unitDto), nextCursor };
}

export async function getApiOrgUnit(scope: Scope, id: string) {
  const u = await db.orgUnit.findFirst({ where: { id, orgId: scope.orgId }, select: UNIT_SELECT });
  return u ? unitDto(u) : null;
}

const PERSON_SELECT = { ...PERSON_CORE, orgUnitId: true, managerId: true, annualCompCents: true } as const satisfies Prisma.PersonSelect;
type PersonRow = Prisma.PersonGetPayload<{ select: typeof PERSON_SELECT }>;
// Pay leaves the database only for a reader of pay; otherwise the field is absent, not null.
const personDto = ({ annualCompCents, ...p }: PersonRow, readsPay: boolean) => ({
  ...p,
  startDate: day(p.startDate),
  endDate: day(p.endDate),
  ...(readsPay ? { annualCompCents: cents(annualCompCents) } : {}),
});

export async function listApiPeople(scope: Scope, q: z.output<typeof ZPersonQuery>, readsPay: boolean) {
  const { where: after, ...rest } = keyset(q);
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const rows = await db.person.findMany({
    where: {
      orgId: scope.orgId,
      ...after,
      ...(q.includeDeparted ? {} : { OR: [{ endDate: null }, { endDate: { gte: today } }] }),
      ...subtree(scope, q.orgUnitId),
    },
    select: PERSON_SELECT,
    ...rest,
  });
  const { rows: kept, nextCursor } = paged(rows, q.limit);
  return { data: kept.map((p) => personDto(p, readsPay)), nextCursor };
}

export async function getApiPerson(scope: Scope, id: string, readsPay: boolean) {
  const p = await db.person.findFirst({ where: { id, orgId: scope.orgId }, select: PERSON_SELECT });
  return p ? personDto(p, readsPay) : null;
}

const POSITION_SELECT = {
  id: true,
  title: true,
  level: true,
  status: true,
  orgUnitId: true,
  personId: true,
  targetStartDate: true,
  budgetFiscalYear: true,
  budgetFiscalQuarter: true,
  version: true,
  annualCompCents: true,
} as const satisfies Prisma.PositionSelect;
type PositionRow = Prisma.PositionGetPayload<{ select: typeof POSITION_SELECT }>;
const positionDto = ({ annualCompCents, ...p }: PositionRow, readsPay: boolean) => ({
  ...p,
  targetStartDate: day(p.targetStartDate),
  ...(readsPay ? { annualCompCents: cents(annualCompCents) } : {}),
});

export async function listApiPositions(scope: Scope, q: z.output<typeof ZPositionQuery>, readsPay: boolean) {
  const { where: after, ...rest } = keyset(q);
  const rows = await db.position.findMany({
    where: { orgId: scope.orgId, ...after, ...(q.status ? { status: q.status } : {}), ...(q.orgUnitId ? { orgUnitId: q.orgUnitId } : {}) },
    select: POSITION_SELECT,
    ...rest,
  });
  const { rows: kept, nextCursor } = paged(rows, q.limit);
  return { data: kept.map((p) => positionDto(p, readsPay)), nextCursor };
}

export async function getApiPosition(scope: Scope, id: string, readsPay: boolean) {
  const p = await db.position.findFirst({ where: { id, orgId: scope.orgId }, select: POSITION_SELECT });
  return p ? positionDto(p, readsPay) : null;
}

/** A position's editable fields as the edit form sends them (never pay), for an update that changes some of them. */
export async function positionEditFields(scope: Scope, id: string) {
  const p = await db.position.findFirst({
    where: { id, orgId: scope.orgId },
    select: {
      title: true,
      level: true,
      targetStartDate: true,
      budgetFiscalYear: true,
      budgetFiscalQuarter: true,
      loadedCostMultiplier: true,
    },
  });
  if (!p) return null;
  return { ...p, targetStartDate: day(p.targetStartDate), loadedCostMultiplier: p.loadedCostMultiplier?.toString() ?? null };
}

export async function listApiMilestones(scope: Scope, q: z.output<typeof ZMilestoneQuery>) {
  const { where: after, ...rest } = keyset(q);
  const rows = await db.milestone.findMany({
    where: {
      orgId: scope.orgId,
      ...after,
      ...(q.projectId ? { projectId: q.projectId } : {}),
      ...(q.done === undefined ? {} : { doneDate: q.done ? { not: null } : null }),
    },
    select: { id: true, projectId: true, name: true, dueDate: true, doneDate: true },
    ...rest,
  });
  const { rows: kept, nextCursor } = paged(rows, q.limit);
  return { data: kept.map((m) => ({ ...m, dueDate: day(m.dueDate), doneDate: day(m.doneDate) })), nextCursor };
}

export async function listApiInitiatives(scope: Scope, q: z.output<typeof ZInitiativeQuery>) {
  const { where: after, ...rest } = keyset(q);
  const rows = await db.initiative.findMany({
    where: {
      orgId: scope.orgId,
      ...after,
      ...(q.fiscalYear ? { fiscalYear: q.fiscalYear } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.orgUnitId ? { orgUnitId: q.orgUnitId } : {}),
    },
    select: {
      id: true,
      name: true,
      objective: true,
      orgUnitId: true,
      ownerId: true,
      status: true,
      fiscalYear: true,
      fiscalQuarter: true,
      fiscalHalf: true,
    },
    ...rest,
  });
  const { rows: kept, nextCursor } = paged(rows, q.limit);
  return { data: kept, nextCursor };
}
