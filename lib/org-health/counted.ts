import { Prisma } from "@/lib/generated/prisma/client";
import { scopeCte } from "@/lib/org/closure";
import { inPostSql } from "@/lib/people/in-post";

// Who the people figures of org health count, as SQL: the figures (queries.ts) group these rows
// and the people list (lib/people/list-filter.ts) lists them, so a figure and the list it links
// to cannot disagree. A person counts where Person.orgUnitId puts them; "in post" is inPostSql.

/** People in post on the day with at least one direct report in post: the managers. */
export const hasReportsSql = (alias: string, orgId: string, day: string) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "Person" r WHERE r."orgId" = ${orgId} AND r."managerId" = ${Prisma.raw(`"${alias}"`)}."id" AND ${inPostSql("r", day)})`;

/**
 * Each individual contributor in post in the scope (no direct report in post) with the number of
 * managers above them up to the top of the reporting line: rows ("ic", "layers"). A loop in the
 * reporting line stops at the first person seen twice.
 */
export function icLayersSql(orgId: string, unitId: string | null, day: string): Prisma.Sql {
  return Prisma.sql`
    WITH RECURSIVE chain("ic", "mgr", "layers", "seen") AS (
      SELECT p."id", p."managerId", 0, ARRAY[p."id"]
      FROM "Person" p
      WHERE p."orgId" = ${orgId} AND ${inPostSql("p", day)} AND p."orgUnitId" IN (${scopeCte(orgId, unitId)}) AND NOT ${hasReportsSql("p", orgId, day)}
      UNION ALL
      SELECT c."ic", m."managerId", c."layers" + 1, c."seen" || m."id"
      FROM chain c JOIN "Person" m ON m."orgId" = ${orgId} AND m."id" = c."mgr"
      WHERE NOT m."id" = ANY(c."seen")
    )
    SELECT "ic", MAX("layers")::int AS "layers" FROM chain GROUP BY "ic"`;
}

/** The tenure band (index into TENURE_BANDS) of a person on the day, by completed years since their start. */
export const tenureBandSql = (alias: string, day: string) => {
  const p = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(CASE WHEN ${p}."startDate" > ${day}::date - INTERVAL '1 year' THEN 0
                          WHEN ${p}."startDate" > ${day}::date - INTERVAL '2 years' THEN 1
                          WHEN ${p}."startDate" > ${day}::date - INTERVAL '5 years' THEN 2
                          ELSE 3 END)`;
};

/** The people one org health drill lists (see PeopleFilter): managers, ICs (at a layer), a tenure band. */
export type OrgHealthPeople =
  { status: "managers"; on: string } | { status: "ics"; on: string; layers?: number } | { status: "tenure"; on: string; band: number };

/** SQL selecting the ids of the people a drill lists, in the unit's subtree (the whole org when null). */
export function orgHealthPeopleSql(orgId: string, unitId: string | null, f: OrgHealthPeople): Prisma.Sql {
  if (f.status === "ics" && f.layers !== undefined)
    return Prisma.sql`SELECT t."ic" AS "id" FROM (${icLayersSql(orgId, unitId, f.on)}) t WHERE t."layers" = ${f.layers}`;
  const which =
    f.status === "managers"
      ? hasReportsSql("p", orgId, f.on)
      : f.status === "ics"
        ? Prisma.sql`NOT ${hasReportsSql("p", orgId, f.on)}`
        : Prisma.sql`${tenureBandSql("p", f.on)} = ${f.band}`;
  return Prisma.sql`
    SELECT p."id" FROM "Person" p
    WHERE p."orgId" = ${orgId} AND ${inPostSql("p", f.on)} AND p."orgUnitId" IN (${scopeCte(orgId, unitId)}) AND ${which}`;
}
