import "server-only";

import { cache } from "react";
import { z } from "zod";

import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { unitChoice } from "@/lib/org/search";
import { likeTerm } from "@/lib/search-term";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Health, ProjectStatus } from "@/lib/generated/prisma/enums";
import { centsToNumber } from "@/lib/money";
import { pageOf, type PageInfo } from "@/lib/paging";
import { getCadence, todayString } from "@/lib/projects/cadence";
import { updateState, type CadenceSettings, type UpdateState } from "@/lib/projects/staleness";
import { staleProjectWhere } from "@/lib/projects/staleness-sql";
import { parseSearch, type SearchParams, zEnum, zFlag, zOneOf, zParam, zText } from "@/lib/search-params";

export type ProjectRow = {
  id: string;
  name: string;
  teamId: string;
  teamName: string;
  leadName: string | null;
  initiativeName: string | null;
  status: ProjectStatus;
  health: Health;
  /** ISO timestamp of the last status update */
  lastUpdateAt: string | null;
  /** ISO date */
  targetDate: string | null;
  /** Project budget (not individual pay), cents */
  budgetCents: number | null;
  /** Update cadence state today: due / stale / current / not-required. */
  update: UpdateState;
};

/** List filters, as they appear in the URL (?unit=…&status=…&health=…&initiative=…&lead=…&stale=1&archived=1). */
export type ProjectFilters = {
  unit?: string;
  status?: ProjectStatus;
  health?: Health;
  initiative?: string;
  lead?: string;
  stale?: boolean;
  archived?: boolean;
  /** Name contains (case-insensitive). */
  q?: string;
};

/**
 * Columns the projects list sorts by (?sort=…&dir=asc|desc). The database sorts the whole
 * filtered list, so paging keeps the order; anything not listed falls back to the default.
 */
export const PROJECT_SORT_KEYS = ["name", "team", "lead", "initiative", "status", "health", "lastUpdate", "targetDate", "budget"] as const;
export type ProjectSortKey = (typeof PROJECT_SORT_KEYS)[number];
export type ProjectSort = { key: ProjectSortKey; dir: "asc" | "desc" };
export const DEFAULT_PROJECT_SORT: ProjectSort = { key: "name", dir: "asc" };

/** Parses ?sort= and ?dir= (only listed keys; dir is "asc" unless "desc"). */
const ZProjectSort = z
  .object({ sort: zOneOf(PROJECT_SORT_KEYS), dir: zParam() })
  .transform(({ sort, dir }): ProjectSort => (sort ? { key: sort, dir: dir === "desc" ? "desc" : "asc" } : DEFAULT_PROJECT_SORT));

export function parseProjectSort(sp: SearchParams): ProjectSort {
  return parseSearch(ZProjectSort, sp);
}

/**
 * ORDER BY for a sort: the column, then name and id so that equal values keep one order across
 * pages. Status and health sort in their declared order (planned → cancelled; on track → off
 * track, then unknown). The project's own empty dates and budgets come last both ways; an empty
 * lead or initiative sorts as PostgreSQL puts a missing joined row (last ascending, first
 * descending) since Prisma has no NULLS LAST for a relation's field.
 */
function projectsOrderBy({ key, dir }: ProjectSort): Prisma.ProjectOrderByWithRelationInput[] {
  if (key === "name") return [{ name: dir }, { id: dir }];
  const last = { sort: dir, nulls: "last" } as const;
  const first: Record<Exclude<ProjectSortKey, "name">, Prisma.ProjectOrderByWithRelationInput> = {
    team: { orgUnit: { name: dir } },
    lead: { lead: { name: dir } },
    initiative: { initiative: { name: dir } },
    status: { status: dir },
    health: { health: dir },
    lastUpdate: { lastUpdateAt: last },
    targetDate: { targetDate: last },
    budget: { budgetCents: last },
  };
  return [first[key], { name: "asc" }, { id: "asc" }];
}

/** Parses URL search params into filters; unknown values are dropped, never trusted. */
const ZProjectFilters = z
  .object({
    unit: zParam(),
    status: zEnum(ProjectStatus),
    health: zEnum(Health),
    initiative: zParam(),
    lead: zParam(),
    stale: zFlag(),
    archived: zFlag(),
    q: zText(100),
  })
  .transform(({ q, ...f }): ProjectFilters => ({ ...f, ...(q ? { q } : {}) }));

export function parseProjectFilters(sp: SearchParams): ProjectFilters {
  return parseSearch(ZProjectFilters, sp);
}

/**
 * Projects matching the filters with their team, lead and initiative names: one query with
 * joins; the unit filter is a subtree via the closure table. "Stale only" is a condition on the
 * dates from the cadence grid (staleProjectWhere, lib/projects/staleness-sql.ts), so that filter
 * counts and pages in the database too.
 */
function projectsWhere(
  orgId: string,
  filters: ProjectFilters,
  stale: { cadence: CadenceSettings; today: string } | null,
): Prisma.ProjectWhereInput {
  return {
    orgId,
    archivedAt: filters.archived ? { not: null } : null,
    ...(filters.unit ? { orgUnit: { ancestors: { some: { orgId, ancestorId: filters.unit } } } } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.health ? { health: filters.health } : {}),
    ...(filters.initiative ? { initiativeId: filters.initiative === "none" ? null : filters.initiative } : {}),
    ...(filters.lead ? { leadId: filters.lead } : {}),
    ...(filters.q && likeTerm(filters.q) ? { name: { contains: likeTerm(filters.q), mode: "insensitive" } } : {}),
    ...(filters.stale && stale ? { AND: [staleProjectWhere(stale.cadence, stale.today)] } : {}),
  };
}

export async function listProjects(
  orgId: string,
  filters: ProjectFilters = {},
  now = new Date(),
  { sort = DEFAULT_PROJECT_SORT, page }: { sort?: ProjectSort; page?: { skip: number; take: number } } = {},
): Promise<ProjectRow[]> {
  const today = todayString(now);
  // The stale filter needs the cadence before the query; otherwise it is read alongside.
  const early = filters.stale ? await getCadence(orgId) : null;
  const where = projectsWhere(orgId, filters, early && { cadence: early, today });
  const [rows, cadence] = await Promise.all([
    db.project.findMany({
      where,
      select: {
        id: true,
        name: true,
        status: true,
        health: true,
        lastUpdateAt: true,
        targetDate: true,
        budgetCents: true,
        startDate: true,
        createdAt: true,
        orgUnit: { select: { id: true, name: true } },
        lead: { select: { name: true } },
        initiative: { select: { name: true } },
      },
      orderBy: projectsOrderBy(sort),
      ...(page ?? {}),
    }),
    early ?? getCadence(orgId),
  ]);
  // The rows read (one page at most when paged) get their state from updateState(), the definition.
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    teamId: r.orgUnit.id,
    teamName: r.orgUnit.name,
    leadName: r.lead?.name ?? null,
    initiativeName: r.initiative?.name ?? null,
    status: r.status,
    health: r.health,
    lastUpdateAt: r.lastUpdateAt?.toISOString() ?? null,
    targetDate: r.targetDate ? toDateString(r.targetDate) : null,
    budgetCents: r.budgetCents === null ? null : centsToNumber(r.budgetCents),
    update: updateState(
      {
        today,
        active: r.status === "ACTIVE",
        lastUpdate: r.lastUpdateAt ? toDateString(r.lastUpdateAt) : null,
        since: toDateString(r.startDate && r.startDate > r.createdAt ? r.startDate : r.createdAt),
      },
      cadence,
    ),
  }));
}

/**
 * One page (?page=N) of the filtered list, sorted (?sort=…&dir=…) by the database, for the
 * projects page. The count and the page are read together; a page past the end (the list got
 * shorter) is read again as the last page.
 */
export async function listProjectsPage(
  orgId: string,
  filters: ProjectFilters,
  sp: Record<string, string | string[] | undefined>,
  now = new Date(),
  sort: ProjectSort = DEFAULT_PROJECT_SORT,
): Promise<{ rows: ProjectRow[]; paging: PageInfo }> {
  const stale = filters.stale ? { cadence: await getCadence(orgId), today: todayString(now) } : null;
  const wanted = pageOf(sp, Number.MAX_SAFE_INTEGER);
  const read = (p: PageInfo) => listProjects(orgId, filters, now, { sort, page: { skip: (p.page - 1) * p.pageSize, take: p.pageSize } });
  const [total, rows] = await Promise.all([db.project.count({ where: projectsWhere(orgId, filters, stale) }), read(wanted)]);
  const paging = pageOf(sp, total);
  return { rows: paging.page === wanted.page ? rows : await read(paging), paging };
}

/** A filter's picked choice, with its name for the search box. */
export type FilterChoice = { id: string; name: string };

export type FilterOptions = {
  /** The picked unit, initiative ("none": the "No initiative" choice) and lead; null when none or not in the org. */
  unit: FilterChoice | null;
  initiative: FilterChoice | null;
  lead: FilterChoice | null;
};

/** The label of the initiative filter's "none" value (projects without an initiative). */
export const NO_INITIATIVE: FilterChoice = { id: "none", name: "No initiative" };

/** The org's initiatives by name. Cached per request. */
export const listInitiativeOptions = cache(async (orgId: string): Promise<{ id: string; name: string }[]> => {
  return db.initiative.findMany({ where: { orgId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
});

/**
 * The picked choices of the list filters, for their search boxes. Units, initiatives and leads
 * are searched as you type (/[org]/teams/search, /[org]/roadmap/search, /[org]/people/search?leads=1):
 * a large org has ~500 units, ~300 initiatives and hundreds of leads, which were every page's HTML
 * and RSC payload; only the picked ones are read (tenant-scoped: another org's id names nothing).
 */
export async function getProjectFilterOptions(
  orgId: string,
  filters: Pick<ProjectFilters, "unit" | "initiative" | "lead">,
): Promise<FilterOptions> {
  const { unit, initiative, lead } = filters;
  const [unitRow, initiativeRow, leadRow] = await Promise.all([
    unitChoice(orgId, unit),
    initiative && initiative !== NO_INITIATIVE.id
      ? db.initiative.findFirst({ where: { id: initiative, orgId }, select: { id: true, name: true } })
      : null,
    lead ? db.person.findFirst({ where: { id: lead, orgId }, select: { id: true, name: true } }) : null,
  ]);
  return { unit: unitRow, initiative: initiative === NO_INITIATIVE.id ? NO_INITIATIVE : initiativeRow, lead: leadRow };
}

export type ProjectStatusCounts = Record<ProjectStatus, number>;

/** Non-archived projects per status (GROUP BY status). */
export async function countProjectsByStatus(orgId: string): Promise<ProjectStatusCounts> {
  const groups = await db.project.groupBy({ by: ["status"], where: { orgId, archivedAt: null }, _count: { _all: true } });
  const counts: ProjectStatusCounts = { PLANNED: 0, ACTIVE: 0, PAUSED: 0, DONE: 0, CANCELLED: 0 };
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}
