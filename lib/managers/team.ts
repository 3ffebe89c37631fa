import { Prisma } from "@/lib/generated/prisma/client";

// A manager's team (docs/figures.md, "Managers"): the open unit they lead — the highest one when
// they lead several — else the unit they are in, with every unit below it.

/** SQL: the team unit id of the person row `alias`. */
export function teamUnitSql(orgId: string, alias = "m"): Prisma.Sql {
  const m = Prisma.raw(`"${alias}"`);
  return Prisma.sql`COALESCE(
    (SELECT u."id" FROM "OrgUnit" u WHERE u."orgId" = ${orgId} AND u."leadId" = ${m}."id" AND u."closedOn" IS NULL ORDER BY u."depth", u."name", u."id" LIMIT 1),
    ${m}."orgUnitId")`;
}
