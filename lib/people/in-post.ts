import { Prisma } from "@/lib/generated/prisma/client";

/**
 * "In post" on a day: started on or before it and not yet gone (endDate is the last working
 * day). The one definition used by the people list, org chart, team and plan-vs-actual head
 * counts, capacity, the finance rollup's group sizes and the dashboard. `day` is an ISO date
 * (bound as a parameter) or a date-typed SQL expression (a per-row day such as m."month").
 */
export function inPostSql(alias: string, day: string | Prisma.Sql): Prisma.Sql {
  const p = Prisma.raw(`"${alias}"`);
  const d = typeof day === "string" ? Prisma.sql`${day}::date` : day;
  return Prisma.sql`(${p}."startDate" <= ${d} AND (${p}."endDate" IS NULL OR ${p}."endDate" >= ${d}))`;
}
