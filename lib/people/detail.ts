import "server-only";

import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmploymentType, PositionStatus } from "@/lib/generated/prisma/enums";
import { monthlyLoadedCostCents } from "@/lib/headcount/cost";
import { overallocatedPeriods, type OverallocatedPeriod } from "@/lib/headcount/overallocation";
import { centsToNumber } from "@/lib/money";
import { PERSON_CORE } from "@/lib/people/person-select";
import { notDepartedWhere } from "@/lib/people/queries";
import type { Scope } from "@/lib/scope";

// One person for the person page. Tenant-scoped by (id, orgId): a foreign id is a 404. Pay is
// selected only for compensation:read roles.

const day = (d: Date | null) => (d ? toDateString(d) : null);

export type PersonDetailDto = {
  id: string;
  name: string;
  email: string | null;
  title: string;
  level: string;
  location: string | null;
  employmentType: EmploymentType;
  startDate: string;
  endDate: string | null;
  /** Whether the departure was regretted (null: not recorded); shown only to who may record it. */
  departureRegretted: boolean | null;
  version: number;
  team: { id: string; name: string; code: string };
  manager: { id: string; name: string; title: string } | null;
  reports: { id: string; name: string; title: string }[];
  positions: { id: string; title: string; status: PositionStatus }[];
  allocations: { id: string; projectId: string; projectName: string; percent: number; startDate: string; endDate: string | null }[];
  overallocated: OverallocatedPeriod[];
  history: { id: string; unitName: string; managerName: string | null; effectiveFrom: string; effectiveTo: string | null }[];
  /** Only for compensation:read. */
  annualCompCents?: number;
  monthlyLoadedCostCents?: number;
};

export async function getPersonDetail(orgId: string, id: string, reader: { readsPay: boolean }): Promise<PersonDetailDto | null> {
  const withPay = reader.readsPay;
  const p = await db.person.findFirst({
    where: { id, orgId },
    select: {
      ...PERSON_CORE,
      email: true,
      location: true,
      employmentType: true,
      departureRegretted: true,
      version: true,
      annualCompCents: withPay,
      orgUnit: { select: { id: true, name: true, code: true } },
      manager: { select: { id: true, name: true, title: true } },
      reports: {
        select: { id: true, name: true, title: true },
        where: { orgId, ...notDepartedWhere(new Date(toDateString(new Date()))) },
        orderBy: { name: "asc" },
      },
      positions: { where: { orgId }, select: { id: true, title: true, status: true } },
      allocations: {
        where: { orgId },
        select: { id: true, percent: true, startDate: true, endDate: true, project: { select: { id: true, name: true } } },
        orderBy: { startDate: "asc" },
      },
      assignments: {
        where: { orgId },
        select: {
          id: true,
          effectiveFrom: true,
          effectiveTo: true,
          orgUnit: { select: { name: true } },
          manager: { select: { name: true } },
        },
        orderBy: { effectiveFrom: "desc" },
      },
      org: { select: { loadedCostMultiplier: true } },
    },
  });
  if (!p) return null;
  const allocations = p.allocations.map((a) => ({
    id: a.id,
    projectId: a.project.id,
    projectName: a.project.name,
    percent: a.percent,
    startDate: toDateString(a.startDate),
    endDate: day(a.endDate),
  }));
  const dto: PersonDetailDto = {
    id: p.id,
    name: p.name,
    email: p.email,
    title: p.title,
    level: p.level,
    location: p.location,
    employmentType: p.employmentType,
    startDate: toDateString(p.startDate),
    endDate: day(p.endDate),
    departureRegretted: p.departureRegretted,
    version: p.version,
    team: p.orgUnit,
    manager: p.manager,
    reports: p.reports,
    positions: p.positions,
    allocations,
    overallocated: overallocatedPeriods(allocations),
    history: p.assignments.map((h) => ({
      id: h.id,
      unitName: h.orgUnit.name,
      managerName: h.manager?.name ?? null,
      effectiveFrom: toDateString(h.effectiveFrom),
      effectiveTo: day(h.effectiveTo),
    })),
  };
  if (withPay && typeof p.annualCompCents === "bigint") {
    dto.annualCompCents = centsToNumber(p.annualCompCents);
    dto.monthlyLoadedCostCents = centsToNumber(monthlyLoadedCostCents(p.annualCompCents, p.org.loadedCostMultiplier.toFixed(4)));
  }
  return dto;
}

/** The open units of a scope (the units a member may write: lib/scope.ts grantScope). */
export async function listUnitChoices({ orgId, unitId }: Scope) {
  return db.orgUnit.findMany({
    where: { orgId, closedOn: null, ...(unitId ? { ancestors: { some: { ancestorId: unitId } } } : {}) },
    select: { id: true, name: true, code: true, depth: true },
    orderBy: [{ depth: "asc" }, { name: "asc" }],
  });
}

/**
 * What the person page needs to know about staffable projects (planned, active or paused, in the
 * member's projects:write scope) without listing them all (a large org has thousands): whether
 * there is any (to offer the allocation form, whose picker searches /[org]/projects/search), and
 * which of `projectIds` (the person's allocations) are among them (to offer Remove).
 */
export async function staffableProjects({ orgId, unitId }: Scope, projectIds: string[]) {
  const where: Prisma.ProjectWhereInput = {
    orgId,
    archivedAt: null,
    status: { in: ["PLANNED", "ACTIVE", "PAUSED"] },
    ...(unitId ? { orgUnit: { ancestors: { some: { ancestorId: unitId } } } } : {}),
  };
  const [any, among] = await Promise.all([
    db.project.findFirst({ where, select: { id: true } }),
    projectIds.length ? db.project.findMany({ where: { ...where, id: { in: projectIds } }, select: { id: true } }) : Promise.resolve([]),
  ]);
  return { any: any !== null, ids: new Set(among.map((p) => p.id)) };
}
