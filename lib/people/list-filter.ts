import { z } from "zod";

import { formatDate } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseSearch, type SearchParams, zDayParam, zParam } from "@/lib/search-params";

// Filters of the people list on /[org]/teams, from the URL, so every people number of the
// dashboard links to exactly the rows it counts:
//   (none)                                     in post today or starting later (the default list)
//   ?status=in-post&on=YYYY-MM-DD              in post on that day ("heads in post")
//   ?status=leaving&from=YYYY-MM-DD&to=…       last day between from and to, inclusive ("departures")
//   ?status=overallocated&on=YYYY-MM-DD        allocations active that day add up to more than 100%
// combined with ?unit=<id> (that unit and everything below it).

export type PeopleFilter =
  | { status: "current" }
  | { status: "in-post"; on: string }
  | { status: "leaving"; from: string; to: string }
  | { status: "overallocated"; on: string };

const ZPeopleFilterSearch = z.object({ status: zParam(), on: zDayParam(), from: zDayParam(), to: zDayParam() });

/** An unknown status or a bad date falls back to the default list (or today for `on`). */
export function parsePeopleFilter(sp: SearchParams, today: string): PeopleFilter {
  const { status, on = today, from, to } = parseSearch(ZPeopleFilterSearch, sp);
  if (status === "in-post") return { status, on };
  if (status === "overallocated") return { status, on };
  if (status === "leaving" && from && to && from <= to) return { status, from, to };
  return { status: "current" };
}

/** The query string of a filter (with the unit), for links. */
export function peopleFilterQuery(f: PeopleFilter, unitId: string | null): string {
  const q = new URLSearchParams(unitId ? { unit: unitId } : {});
  if (f.status !== "current") q.set("status", f.status);
  if (f.status === "in-post" || f.status === "overallocated") q.set("on", f.on);
  if (f.status === "leaving") {
    q.set("from", f.from);
    q.set("to", f.to);
  }
  return q.toString();
}

/**
 * Ids of the people of the org whose allocations active on `on` add up to more than 100%:
 * the one definition behind the dashboard's "over-allocated" count and its list. `among`: SQL
 * selecting the ids of the only people to consider (a subtree's), so that only their allocations are read.
 */
export function overallocatedSql(orgId: string, on: string, among?: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT a."personId" FROM "Allocation" a
    WHERE a."orgId" = ${orgId} AND a."personId" IS NOT NULL ${among ? Prisma.sql`AND a."personId" IN (${among})` : Prisma.empty}
      AND a."startDate" <= ${on}::date AND (a."endDate" IS NULL OR a."endDate" >= ${on}::date)
    GROUP BY a."personId" HAVING SUM(a."percent") > 100`;
}

export function describePeopleFilter(f: PeopleFilter): string {
  const d = formatDate;
  switch (f.status) {
    case "in-post":
      return `In post on ${d(f.on)}`;
    case "leaving":
      return `Last day between ${d(f.from)} and ${d(f.to)}`;
    case "overallocated":
      return `Allocated above 100% on ${d(f.on)}`;
    default:
      return "In post and future starters";
  }
}
