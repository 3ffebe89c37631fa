import "server-only";

import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import type { EmploymentType } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { centsToNumber } from "@/lib/money";
import { pageOf, type PageInfo } from "@/lib/paging";
import { orgHealthPeopleSql } from "@/lib/org-health/counted";
import { overallocatedSql, type PeopleFilter } from "@/lib/people/list-filter";
import { inPostSql } from "@/lib/people/in-post";
import { PERSON_CORE } from "@/lib/people/person-select";
import { likeTerm } from "@/lib/search-term";

export { inPostSql };

/** inPostSql as a Prisma where on Person, for findMany/groupBy. */
function inPostWhere(day: Date): Prisma.PersonWhereInput {
  return { startDate: { lte: day }, ...notDepartedWhere(day) };
}

/**
 * Not gone on a day: in post, or signed and about to start (endDate is the last working day;
 * startDate may be ahead). What the people list shows by default and what the person pickers
 * offer (lib/people/search.ts): a future starter can already lead a project, own an initiative
 * or be the person a position is filled with (fill-position refuses a fill that begins before
 * they start). Head counts use inPostSql, which also requires the start to have passed.
 */
export function notDepartedWhere(day: Date): Prisma.PersonWhereInput {
  return { OR: [{ endDate: null }, { endDate: { gte: day } }] };
}

export type PersonRow = {
  id: string;
  name: string;
  title: string;
  level: string;
  teamId: string;
  teamName: string;
  managerName: string | null;
  location: string | null;
  employmentType: EmploymentType;
  /** ISO date */
  startDate: string;
  /** ISO date; set when the person is leaving */
  endDate: string | null;
  /** Only present for roles with compensation:read: the column is not even selected otherwise. */
  annualCompCents?: number;
};

/** The people list's where: its filter, the unit's subtree and a name search, in SQL. */
async function peopleWhere(
  orgId: string,
  today: Date,
  unitId: string | null,
  filter: PeopleFilter,
  q?: string,
): Promise<Prisma.PersonWhereInput> {
  const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
  let where: Prisma.PersonWhereInput;
  switch (filter.status) {
    case "in-post":
      where = inPostWhere(date(filter.on));
      break;
    case "leaving":
      where = {
        endDate: { gte: date(filter.from), lte: date(filter.to) },
        ...(filter.regretted === undefined ? {} : { departureRegretted: filter.regretted }),
      };
      break;
    case "managers":
    case "ics":
    case "tenure": {
      const ids = await db.$queryRaw<{ id: string }[]>`${orgHealthPeopleSql(orgId, unitId, filter)}`;
      where = { id: { in: ids.map((r) => r.id) } };
      break;
    }
    case "overallocated": {
      const ids = await db.$queryRaw<{ personId: string }[]>`${overallocatedSql(orgId, filter.on)}`;
      where = { id: { in: ids.map((r) => r.personId) } };
      break;
    }
    default:
      where = notDepartedWhere(date(toDateString(today)));
  }
  const term = q ? likeTerm(q) : "";
  return {
    orgId,
    ...where,
    // A unit filter means its whole subtree.
    ...(unitId ? { orgUnit: { ancestors: { some: { ancestorId: unitId } } } } : {}),
    ...(term ? { name: { contains: term, mode: "insensitive" } } : {}),
  };
}

/** listPeople one page at a time (?page=N, by name, cut in SQL), with `q` a name search. */
export async function listPeoplePage(
  orgId: string,
  reader: { readsPay: boolean },
  sp: Record<string, string | string[] | undefined>,
  today: Date,
  unitId: string | null,
  filter: PeopleFilter,
  q: string,
): Promise<{ rows: PersonRow[]; paging: PageInfo }> {
  const total = await db.person.count({ where: await peopleWhere(orgId, today, unitId, filter, q) });
  const paging = pageOf(sp, total);
  const rows = await listPeople(orgId, reader, today, unitId, filter, {
    q,
    skip: (paging.page - 1) * paging.pageSize,
    take: paging.pageSize,
  });
  return { rows, paging };
}

/** People not gone who start after `today`, in the unit's subtree (the whole org when null). */
export async function countFutureStarters(orgId: string, today: Date, unitId: string | null): Promise<number> {
  const day = new Date(toDateString(today));
  return db.person.count({
    where: { orgId, startDate: { gt: day }, ...(unitId ? { orgUnit: { ancestors: { some: { ancestorId: unitId } } } } : {}) },
  });
}

/**
 * People currently in post or about to start (departed people are left out), or those of a
 * dashboard filter (lib/people/list-filter.ts), in the unit's subtree when `unitId` is given
 * (a unit of another org matches nobody). Individual pay is selected only when the reader may
 * read pay, so it cannot reach the page payload of others.
 */
export async function listPeople(
  orgId: string,
  reader: { readsPay: boolean },
  today = new Date(),
  unitId: string | null = null,
  filter: PeopleFilter = { status: "current" },
  options: { q?: string; skip?: number; take?: number } = {},
): Promise<PersonRow[]> {
  const withPay = reader.readsPay;
  const where = await peopleWhere(orgId, today, unitId, filter, options.q);
  const rows = await db.person.findMany({
    where,
    ...(options.take !== undefined ? { skip: options.skip ?? 0, take: options.take } : {}),
    select: {
      ...PERSON_CORE,
      location: true,
      employmentType: true,
      orgUnit: { select: { id: true, name: true } },
      manager: { select: { name: true } },
      // `false` leaves the column out of the SQL entirely.
      annualCompCents: withPay,
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => {
    const row: PersonRow = {
      id: r.id,
      name: r.name,
      title: r.title,
      level: r.level,
      teamId: r.orgUnit.id,
      teamName: r.orgUnit.name,
      managerName: r.manager?.name ?? null,
      location: r.location,
      employmentType: r.employmentType,
      startDate: toDateString(r.startDate),
      endDate: r.endDate ? toDateString(r.endDate) : null,
    };
    if (withPay) row.annualCompCents = centsToNumber(r.annualCompCents);
    return row;
  });
}

export type OrgChartNode = { id: string; name: string; title: string; managerId: string | null; teamName: string };

/**
 * People in post for the org chart of reporting lines: names and titles only, never pay. `unitId`:
 * only that subtree (managers outside it make its people roots); `limit`: at most that many plus
 * one, so the caller can tell there are more (a chart of thousands is not readable).
 */
export async function listOrgChart(
  orgId: string,
  today = new Date(),
  unitId: string | null = null,
  limit?: number,
): Promise<OrgChartNode[]> {
  const day = new Date(toDateString(today));
  const rows = await db.person.findMany({
    where: { orgId, ...inPostWhere(day), ...(unitId ? { orgUnit: { ancestors: { some: { ancestorId: unitId } } } } : {}) },
    select: { id: true, name: true, title: true, managerId: true, orgUnit: { select: { name: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    ...(limit !== undefined ? { take: limit + 1 } : {}),
  });
  return rows.map((r) => ({ id: r.id, name: r.name, title: r.title, managerId: r.managerId, teamName: r.orgUnit.name }));
}
