import "server-only";

import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { scopeCte } from "@/lib/org/closure";
import { filledPositionSql } from "@/lib/headcount/position-filter";
import { hasReportsSql, icLayersSql, tenureBandSql } from "@/lib/org-health/counted";
import { sixMonthsBefore, trailingYear } from "@/lib/org-health/window";
import { inPostSql } from "@/lib/people/queries";

// The org health figures (docs/figures.md, section "Org health"), one SQL statement each, for a
// scope (a unit and everything below it, or the whole org when null) on a day. No figure reads
// pay. A person counts where Person.orgUnitId puts them; "in post" is inPostSql (heads-in-post).

export type Scope = { orgId: string; unitId: string | null; day: string };

const inPost = (alias: string, day: string) => inPostSql(alias, day);
const hasReports = hasReportsSql;

export type ManagerSpan = { id: string; name: string; title: string; unitId: string; unitName: string; span: number };

/** `span-of-control`: each manager in the scope with their direct reports in post, widest first. */
export async function spanOfControl({ orgId, unitId, day }: Scope): Promise<ManagerSpan[]> {
  return db.$queryRaw<ManagerSpan[]>`
    SELECT m."id", m."name", m."title", u."id" AS "unitId", u."name" AS "unitName", COUNT(r."id")::int AS "span"
    FROM "Person" m
    JOIN "Person" r ON r."orgId" = m."orgId" AND r."managerId" = m."id" AND ${inPost("r", day)}
    JOIN "OrgUnit" u ON u."id" = m."orgUnitId" AND u."orgId" = m."orgId"
    WHERE m."orgId" = ${orgId} AND ${inPost("m", day)} AND m."orgUnitId" IN (${scopeCte(orgId, unitId)})
    GROUP BY m."id", u."id"
    ORDER BY "span" DESC, m."name", m."id"`;
}

/** The distribution of span of control: how many managers have each span. */
export async function spanDistribution({ orgId, unitId, day }: Scope): Promise<{ span: number; managers: number }[]> {
  return db.$queryRaw`
    SELECT s."span", COUNT(*)::int AS "managers" FROM (
      SELECT COUNT(r."id")::int AS "span"
      FROM "Person" m JOIN "Person" r ON r."orgId" = m."orgId" AND r."managerId" = m."id" AND ${inPost("r", day)}
      WHERE m."orgId" = ${orgId} AND ${inPost("m", day)} AND m."orgUnitId" IN (${scopeCte(orgId, unitId)})
      GROUP BY m."id"
    ) s GROUP BY s."span" ORDER BY s."span"`;
}

/** `layers`: individual contributors in the scope by the number of managers above them. */
export async function layers({ orgId, unitId, day }: Scope): Promise<{ layers: number; ics: number }[]> {
  return db.$queryRaw`
    SELECT t."layers", COUNT(*)::int AS "ics" FROM (${icLayersSql(orgId, unitId, day)}) t
    GROUP BY t."layers" ORDER BY t."layers"`;
}

export type UnitRatio = { id: string; name: string; code: string; depth: number; managers: number; ics: number };

/** `manager-ic-ratio`: per open unit of the scope, managers and ICs in post in the unit and below. */
export async function managerIcRatio({ orgId, unitId, day }: Scope): Promise<UnitRatio[]> {
  return db.$queryRaw<UnitRatio[]>`
    WITH people AS (
      SELECT p."orgUnitId", ${hasReports("p", orgId, day)} AS "isManager"
      FROM "Person" p WHERE p."orgId" = ${orgId} AND ${inPost("p", day)}
    )
    SELECT u."id", u."name", u."code", u."depth",
           COUNT(p."orgUnitId") FILTER (WHERE p."isManager")::int AS "managers",
           COUNT(p."orgUnitId") FILTER (WHERE NOT p."isManager")::int AS "ics"
    FROM "OrgUnit" u
    JOIN "OrgUnitClosure" c ON c."orgId" = u."orgId" AND c."ancestorId" = u."id"
    LEFT JOIN people p ON p."orgUnitId" = c."descendantId"
    WHERE u."orgId" = ${orgId} AND u."closedOn" IS NULL AND u."id" IN (${scopeCte(orgId, unitId)})
    GROUP BY u."id"
    ORDER BY u."depth", u."name", u."code"`;
}

export type UnitWithoutLead = { id: string; name: string; code: string; leadName: string | null; reason: "none" | "left" | "not-started" };

/** `units-without-lead`: open units of the scope with no lead, or a lead not in post on the day. */
export async function unitsWithoutLead({ orgId, unitId, day }: Scope): Promise<UnitWithoutLead[]> {
  return db.$queryRaw<UnitWithoutLead[]>`
    SELECT u."id", u."name", u."code", l."name" AS "leadName",
           CASE WHEN l."id" IS NULL THEN 'none' WHEN l."startDate" > ${day}::date THEN 'not-started' ELSE 'left' END AS "reason"
    FROM "OrgUnit" u LEFT JOIN "Person" l ON l."orgId" = u."orgId" AND l."id" = u."leadId"
    WHERE u."orgId" = ${orgId} AND u."closedOn" IS NULL AND u."id" IN (${scopeCte(orgId, unitId)})
      AND (l."id" IS NULL OR NOT ${inPost("l", day)})
    ORDER BY u."depth", u."name", u."code"`;
}

export type ActingLead = { id: string; name: string; code: string; actingLeadId: string; actingLeadName: string; leadName: string | null };

/** `acting-leads`: open units of the scope whose acting lead is in post on the day. */
export async function actingLeads({ orgId, unitId, day }: Scope): Promise<ActingLead[]> {
  return db.$queryRaw<ActingLead[]>`
    SELECT u."id", u."name", u."code", a."id" AS "actingLeadId", a."name" AS "actingLeadName", l."name" AS "leadName"
    FROM "OrgUnit" u
    JOIN "Person" a ON a."orgId" = u."orgId" AND a."id" = u."actingLeadId" AND ${inPost("a", day)}
    LEFT JOIN "Person" l ON l."orgId" = u."orgId" AND l."id" = u."leadId"
    WHERE u."orgId" = ${orgId} AND u."closedOn" IS NULL AND u."id" IN (${scopeCte(orgId, unitId)})
    ORDER BY u."depth", u."name", u."code"`;
}

export type UnitAttrition = {
  id: string;
  name: string;
  code: string;
  depth: number;
  departures: number;
  /** Of the departures, those recorded as regretted and as not regretted (the rest: not recorded). */
  regretted: number;
  nonRegretted: number;
  headsStart: number;
  headsEnd: number;
  ratePct: number | null;
  regrettedPct: number | null;
};

/** Departures of person "p" in the window (and whether regretted), and heads in post on its first and last day. */
const attritionCounts = (w: { from: string; to: string }) => {
  const left = Prisma.sql`p."endDate" BETWEEN ${w.from}::date AND ${w.to}::date`;
  return Prisma.sql`
    COUNT(*) FILTER (WHERE ${left})::int AS "departures",
    COUNT(*) FILTER (WHERE ${left} AND p."departureRegretted")::int AS "regretted",
    COUNT(*) FILTER (WHERE ${left} AND NOT p."departureRegretted")::int AS "nonRegretted",
    COUNT(*) FILTER (WHERE ${inPost("p", w.from)})::int AS "headsStart",
    COUNT(*) FILTER (WHERE ${inPost("p", w.to)})::int AS "headsEnd"`;
};
/** Departures (all, and regretted) over the average of the heads at the window's start and end, in %. */
const rate = (n: string) =>
  Prisma.sql`CASE WHEN a."headsStart" + a."headsEnd" = 0 THEN NULL
                  ELSE ROUND(a.${Prisma.raw(`"${n}"`)} * 200.0 / (a."headsStart" + a."headsEnd"), 1)::float END`;
const rates = Prisma.sql`${rate("departures")} AS "ratePct", ${rate("regretted")} AS "regrettedPct"`;

/**
 * `attrition`: per open unit of the scope (the unit and below), departures in the trailing 12
 * months over the average of the heads in post on the window's first and last day. The scope's
 * own total is the first row when a unit is chosen; attritionTotal gives the whole org's.
 */
export async function attritionByUnit({ orgId, unitId, day }: Scope): Promise<UnitAttrition[]> {
  const w = trailingYear(day);
  return db.$queryRaw<UnitAttrition[]>`
    SELECT u."id", u."name", u."code", u."depth", a."departures", a."regretted", a."nonRegretted", a."headsStart", a."headsEnd",
           ${rates}
    FROM "OrgUnit" u
    CROSS JOIN LATERAL (
      SELECT ${attritionCounts(w)}
      FROM "OrgUnitClosure" c JOIN "Person" p ON p."orgId" = c."orgId" AND p."orgUnitId" = c."descendantId"
      WHERE c."orgId" = u."orgId" AND c."ancestorId" = u."id"
    ) a
    WHERE u."orgId" = ${orgId} AND u."closedOn" IS NULL AND u."id" IN (${scopeCte(orgId, unitId)})
    ORDER BY u."depth", u."name", u."code"`;
}

export type Attrition = Omit<UnitAttrition, "id" | "name" | "code" | "depth"> & { from: string; to: string };

/** `attrition` for the scope as a whole (the whole org when no unit is chosen). */
export async function attritionTotal({ orgId, unitId, day }: Scope): Promise<Attrition> {
  const w = trailingYear(day);
  const [row] = await db.$queryRaw<Omit<Attrition, "from" | "to">[]>`
    SELECT a."departures", a."regretted", a."nonRegretted", a."headsStart", a."headsEnd", ${rates}
    FROM (
      SELECT ${attritionCounts(w)}
      FROM "Person" p WHERE p."orgId" = ${orgId} AND p."orgUnitId" IN (${scopeCte(orgId, unitId)})
    ) a`;
  return { ...row, ...w };
}

export type TimeToFill = { filled: number; medianDays: number | null; p90Days: number | null };
export type UnitTimeToFill = TimeToFill & { id: string; name: string; code: string; depth: number };

const fillStats = Prisma.sql`
  COUNT(f."days")::int AS "filled",
  percentile_cont(0.5) WITHIN GROUP (ORDER BY f."days")::float AS "medianDays",
  percentile_cont(0.9) WITHIN GROUP (ORDER BY f."days")::float AS "p90Days"`;
const filledIn = (orgId: string, from: string, to: string) => Prisma.sql`
  SELECT ps."orgUnitId", (ps."filledAt"::date - ps."openedAt"::date) AS "days"
  FROM "Position" ps
  WHERE ps."orgId" = ${orgId} AND ${filledPositionSql("ps", from, to)}`;

/** `time-to-fill` for the scope: positions filled in the trailing 12 months, days from opened to filled. */
export async function timeToFill({ orgId, unitId, day }: Scope): Promise<TimeToFill> {
  const w = trailingYear(day);
  const [row] = await db.$queryRaw<TimeToFill[]>`
    SELECT ${fillStats} FROM (${filledIn(orgId, w.from, w.to)}) f WHERE f."orgUnitId" IN (${scopeCte(orgId, unitId)})`;
  return row;
}

/** `time-to-fill` per open unit of the scope (the unit and below); units with no fill are left out. */
export async function timeToFillByUnit({ orgId, unitId, day }: Scope): Promise<UnitTimeToFill[]> {
  const w = trailingYear(day);
  return db.$queryRaw<UnitTimeToFill[]>`
    SELECT u."id", u."name", u."code", u."depth", ${fillStats}
    FROM "OrgUnit" u
    JOIN "OrgUnitClosure" c ON c."orgId" = u."orgId" AND c."ancestorId" = u."id"
    JOIN (${filledIn(orgId, w.from, w.to)}) f ON f."orgUnitId" = c."descendantId"
    WHERE u."orgId" = ${orgId} AND u."closedOn" IS NULL AND u."id" IN (${scopeCte(orgId, unitId)})
    GROUP BY u."id"
    ORDER BY u."depth", u."name", u."code"`;
}

/** `tenure`: people in post in the scope by completed years since their start date (bands: TENURE_BANDS). */
export async function tenureDistribution({ orgId, unitId, day }: Scope): Promise<{ band: number; people: number }[]> {
  return db.$queryRaw`
    SELECT t."band", COUNT(*)::int AS "people" FROM (
      SELECT ${tenureBandSql("p", day)} AS "band"
      FROM "Person" p WHERE p."orgId" = ${orgId} AND ${inPost("p", day)} AND p."orgUnitId" IN (${scopeCte(orgId, unitId)})
    ) t GROUP BY t."band" ORDER BY t."band"`;
}

export type NewManager = { id: string; name: string; title: string; unitId: string; unitName: string; managingSince: string; span: number };

/**
 * `new-managers`: managers of the scope managing for less than 6 months: the first day anyone
 * reported to them (their earliest period as someone's manager in the assignment history, or a
 * current report's start date when that report has no history) is within the last 6 months.
 */
export async function newManagers({ orgId, unitId, day }: Scope): Promise<NewManager[]> {
  const since = sixMonthsBefore(day);
  return db.$queryRaw<NewManager[]>`
    WITH managers AS (
      SELECT m."id", m."name", m."title", m."orgUnitId", COUNT(r."id")::int AS "span",
             LEAST(
               (SELECT MIN(a."effectiveFrom") FROM "PersonAssignment" a WHERE a."orgId" = ${orgId} AND a."managerId" = m."id"),
               MIN(r."startDate") FILTER (WHERE NOT EXISTS (SELECT 1 FROM "PersonAssignment" a WHERE a."orgId" = ${orgId} AND a."personId" = r."id"))
             ) AS "since"
      FROM "Person" m JOIN "Person" r ON r."orgId" = m."orgId" AND r."managerId" = m."id" AND ${inPost("r", day)}
      WHERE m."orgId" = ${orgId} AND ${inPost("m", day)} AND m."orgUnitId" IN (${scopeCte(orgId, unitId)})
      GROUP BY m."id"
    )
    SELECT m."id", m."name", m."title", u."id" AS "unitId", u."name" AS "unitName", to_char(m."since", 'YYYY-MM-DD') AS "managingSince", m."span"
    FROM managers m JOIN "OrgUnit" u ON u."id" = m."orgUnitId"
    WHERE m."since" > ${since}::date
    ORDER BY m."since" DESC, m."name"`;
}
