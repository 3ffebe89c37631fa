import "server-only";

import { db } from "@/lib/db";
import { toDateString } from "@/lib/fiscal";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PositionStatus } from "@/lib/generated/prisma/enums";
import { overallocatedPeriods } from "@/lib/headcount/overallocation";
import { inPostSql } from "@/lib/people/queries";

// Who is on a project, which unfilled positions it waits for, and capacity vs demand per unit.

const day = (d: Date | null) => (d ? toDateString(d) : null);

type StaffingRow = {
  allocationId: string;
  percent: number;
  startDate: string;
  endDate: string | null;
  person: { id: string; name: string; title: string; overallocated: boolean } | null;
  position: { id: string; title: string; level: string; status: PositionStatus; targetStartDate: string | null } | null;
};

export type ProjectStaffingDto = {
  people: StaffingRow[];
  /** Allocations of positions that are not filled yet: the hires this project is waiting on. */
  waitingOn: StaffingRow[];
  /** OPEN/BACKFILL positions in the owning team's subtree (the fallback when none are allocated). */
  openInOwningTeam: number;
};

type StaffingSqlRow = {
  id: string | null;
  percent: number;
  startDate: Date;
  endDate: Date | null;
  personId: string | null;
  personName: string | null;
  personTitle: string | null;
  personAllocations: [number, string, string | null][] | null;
  positionId: string | null;
  positionTitle: string | null;
  positionLevel: string | null;
  positionStatus: PositionStatus | null;
  positionTargetStartDate: Date | null;
  openInTeam: number;
};

/**
 * One statement: the project's current allocations with their person or position, each person's
 * whole allocation history (for the over-allocation flag), and the open positions in the owning
 * team's subtree. It needs no project row first, so the project page runs it beside its other
 * reads; a project that is not in the org gives null.
 */
export async function getProjectStaffing(orgId: string, projectId: string, today = new Date()): Promise<ProjectStaffingDto | null> {
  const todayIso = toDateString(today);
  const rows = await db.$queryRaw<StaffingSqlRow[]>`
    WITH project AS (SELECT id, "orgUnitId" FROM "Project" WHERE "orgId" = ${orgId} AND id = ${projectId})
    SELECT a.id, a.percent, a."startDate", a."endDate",
      pe.id AS "personId", pe.name AS "personName", pe.title AS "personTitle",
      (SELECT json_agg(json_build_array(x.percent, x."startDate", x."endDate")) FROM "Allocation" x
        WHERE x."orgId" = ${orgId} AND x."personId" = pe.id) AS "personAllocations",
      ps.id AS "positionId", ps.title AS "positionTitle", ps.level AS "positionLevel", ps.status::text AS "positionStatus",
      ps."targetStartDate" AS "positionTargetStartDate",
      (SELECT count(*) FROM "Position" op
        JOIN "OrgUnitClosure" c ON c."orgId" = op."orgId" AND c."descendantId" = op."orgUnitId" AND c."ancestorId" = project."orgUnitId"
        WHERE op."orgId" = ${orgId} AND op.status IN ('OPEN', 'BACKFILL'))::int AS "openInTeam"
    FROM project
    LEFT JOIN "Allocation" a ON a."orgId" = ${orgId} AND a."projectId" = project.id AND (a."endDate" IS NULL OR a."endDate" >= ${todayIso}::date)
    LEFT JOIN "Person" pe ON pe."orgId" = ${orgId} AND pe.id = a."personId"
    LEFT JOIN "Position" ps ON ps."orgId" = ${orgId} AND ps.id = a."positionId"
    ORDER BY a."startDate", a.id`;
  if (rows.length === 0) return null;
  const mapped: StaffingRow[] = rows
    .filter((r) => r.id !== null)
    .map((r) => ({
      allocationId: r.id!,
      percent: r.percent,
      startDate: toDateString(r.startDate),
      endDate: day(r.endDate),
      person: r.personId
        ? {
            id: r.personId,
            name: r.personName!,
            title: r.personTitle!,
            // json dates arrive as "YYYY-MM-DD" strings.
            overallocated:
              overallocatedPeriods((r.personAllocations ?? []).map(([percent, startDate, endDate]) => ({ percent, startDate, endDate })))
                .length > 0,
          }
        : null,
      position: r.positionId
        ? {
            id: r.positionId,
            title: r.positionTitle!,
            level: r.positionLevel!,
            status: r.positionStatus!,
            targetStartDate: day(r.positionTargetStartDate),
          }
        : null,
    }));
  return {
    people: mapped.filter((r) => r.person),
    waitingOn: mapped.filter((r) => r.position && r.position.status !== "FILLED" && r.position.status !== "CLOSED"),
    openInOwningTeam: rows[0].openInTeam,
  };
}

export type CapacityMonth = { month: string; capacity: number; demand: number };

/**
 * Per month of a date range, for a unit subtree: capacity = 100% for each person in post on the
 * first of the month plus each vacant (OPEN/BACKFILL) position, in percent points; demand = the
 * sum of allocation percentages (of those people and positions) active on the first of the month.
 */
export async function capacityByMonth(orgId: string, unitId: string, from: string, months: number): Promise<CapacityMonth[]> {
  const rows = await db.$queryRaw<{ month: Date; capacity: number; demand: number }[]>`
    WITH m AS (SELECT generate_series(${from}::date, (${from}::date + make_interval(months => ${months - 1}))::date, interval '1 month')::date AS "month"),
    units AS (SELECT c."descendantId" AS "id" FROM "OrgUnitClosure" c WHERE c."orgId" = ${orgId} AND c."ancestorId" = ${unitId})
    SELECT m."month",
      (100 * ((SELECT COUNT(*) FROM "Person" p WHERE p."orgId" = ${orgId} AND p."orgUnitId" IN (SELECT "id" FROM units)
                AND ${inPostSql("p", Prisma.sql`m."month"`)})
            + (SELECT COUNT(*) FROM "Position" ps WHERE ps."orgId" = ${orgId} AND ps."orgUnitId" IN (SELECT "id" FROM units)
                AND ps."status" IN ('OPEN', 'BACKFILL') AND (ps."vacantFrom" IS NULL OR ps."vacantFrom" <= m."month"))))::int AS "capacity",
      COALESCE((SELECT SUM(a."percent") FROM "Allocation" a
         LEFT JOIN "Person" p ON p."id" = a."personId" AND p."orgId" = a."orgId"
         LEFT JOIN "Position" ps ON ps."id" = a."positionId" AND ps."orgId" = a."orgId"
         WHERE a."orgId" = ${orgId} AND COALESCE(p."orgUnitId", ps."orgUnitId") IN (SELECT "id" FROM units)
           AND a."startDate" <= m."month" AND (a."endDate" IS NULL OR a."endDate" >= m."month")), 0)::int AS "demand"
    FROM m ORDER BY m."month"`;
  return rows.map((r) => ({ month: toDateString(r.month), capacity: r.capacity, demand: r.demand }));
}

export type TeamCapacityRow = { unitId: string; name: string; code: string; months: CapacityMonth[] };

/**
 * Capacity vs demand per team (org units of kind TEAM, people and positions directly in them)
 * for `months` months from `from`: one query, grouped by team and month in SQL. `unitId`: only
 * the teams of that subtree; `slice`: one page of them, by name. Each side is grouped once and
 * joined, rather than a subquery per team and month, so a subtree's cost follows its size.
 */
export async function capacityByTeam(
  orgId: string,
  from: string,
  months: number,
  unitId: string | null = null,
  slice?: { skip: number; take: number },
): Promise<TeamCapacityRow[]> {
  const rows = await db.$queryRaw<{ unitId: string; name: string; code: string; month: Date; capacity: number; demand: number }[]>`
    WITH m AS (SELECT generate_series(${from}::date, (${from}::date + make_interval(months => ${months - 1}))::date, interval '1 month')::date AS "month"),
    t AS (
      SELECT u."id", u."name", u."code" FROM "OrgUnit" u
      WHERE u."orgId" = ${orgId} AND u."kind" = 'TEAM' AND u."closedOn" IS NULL
        ${unitId ? Prisma.sql`AND u."id" IN (SELECT "descendantId" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${unitId})` : Prisma.empty}
      ORDER BY u."name", u."id"
      ${slice ? Prisma.sql`LIMIT ${slice.take} OFFSET ${slice.skip}` : Prisma.empty}
    ),
    heads AS (
      SELECT p."orgUnitId" AS "id", m."month", COUNT(*) AS "n" FROM "Person" p JOIN t ON t."id" = p."orgUnitId" CROSS JOIN m
      WHERE p."orgId" = ${orgId} AND ${inPostSql("p", Prisma.sql`m."month"`)} GROUP BY 1, 2
    ),
    seats AS (
      SELECT ps."orgUnitId" AS "id", m."month", COUNT(*) AS "n" FROM "Position" ps JOIN t ON t."id" = ps."orgUnitId" CROSS JOIN m
      WHERE ps."orgId" = ${orgId} AND ps."status" IN ('OPEN', 'BACKFILL') AND (ps."vacantFrom" IS NULL OR ps."vacantFrom" <= m."month") GROUP BY 1, 2
    ),
    demand AS (
      SELECT COALESCE(p."orgUnitId", ps."orgUnitId") AS "id", m."month", SUM(a."percent") AS "n"
      FROM "Allocation" a
      LEFT JOIN "Person" p ON p."id" = a."personId" AND p."orgId" = a."orgId"
      LEFT JOIN "Position" ps ON ps."id" = a."positionId" AND ps."orgId" = a."orgId"
      CROSS JOIN m
      WHERE a."orgId" = ${orgId} AND COALESCE(p."orgUnitId", ps."orgUnitId") IN (SELECT "id" FROM t)
        AND a."startDate" <= m."month" AND (a."endDate" IS NULL OR a."endDate" >= m."month")
      GROUP BY 1, 2
    )
    SELECT t."id" AS "unitId", t."name", t."code", m."month",
      (100 * (COALESCE(h."n", 0) + COALESCE(s."n", 0)))::int AS "capacity",
      COALESCE(d."n", 0)::int AS "demand"
    FROM t CROSS JOIN m
    LEFT JOIN heads h ON h."id" = t."id" AND h."month" = m."month"
    LEFT JOIN seats s ON s."id" = t."id" AND s."month" = m."month"
    LEFT JOIN demand d ON d."id" = t."id" AND d."month" = m."month"
    ORDER BY t."name", t."id", m."month"`;
  const out = new Map<string, TeamCapacityRow>();
  for (const r of rows) {
    const row = out.get(r.unitId) ?? { unitId: r.unitId, name: r.name, code: r.code, months: [] };
    row.months.push({ month: toDateString(r.month), capacity: r.capacity, demand: r.demand });
    out.set(r.unitId, row);
  }
  return [...out.values()];
}
