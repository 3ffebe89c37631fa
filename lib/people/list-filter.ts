import { z } from "zod";

import { formatDate } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgHealthPeople } from "@/lib/org-health/counted";
import { TENURE_BANDS } from "@/lib/org-health/tenure-bands";
import { parseSearch, type SearchParams, zDayParam, zParam } from "@/lib/search-params";

// Filters of the people list on /[org]/teams, from the URL, so every people number of the
// dashboard links to exactly the rows it counts:
//   (none)                                     in post today or starting later (the default list)
//   ?status=in-post&on=YYYY-MM-DD              in post on that day ("heads in post")
//   ?status=leaving&from=YYYY-MM-DD&to=…       last day between from and to, inclusive ("departures")
//   ?status=overallocated&on=YYYY-MM-DD        allocations active that day add up to more than 100%
//   &regretted=yes|no (with leaving)           departures recorded as regretted / not regretted
//   ?status=managers&on=…                      in post with a direct report in post (org health)
//   ?status=ics&on=…[&layers=N]                in post with none (with N managers above them)
//   ?status=tenure&on=…&band=0..3              in post, in that tenure band
// combined with ?unit=<id> (that unit and everything below it). The org health statuses list the
// rows of lib/org-health/counted.ts, which the org health figures count.

export type PeopleFilter =
  | { status: "current" }
  | { status: "in-post"; on: string }
  | { status: "leaving"; from: string; to: string; regretted?: boolean }
  | { status: "overallocated"; on: string }
  | OrgHealthPeople;

const ZPeopleFilterSearch = z.object({
  status: zParam(),
  on: zDayParam(),
  from: zDayParam(),
  to: zDayParam(),
  regretted: zParam(),
  layers: zParam(),
  band: zParam(),
});

/** A small whole number from the URL (0 to max), else undefined. */
const smallInt = (v: string | undefined, max: number) => (v && /^\d{1,3}$/.test(v) && Number(v) <= max ? Number(v) : undefined);

/** An unknown status or a bad date falls back to the default list (or today for `on`); a bad layer or regret is ignored. */
export function parsePeopleFilter(sp: SearchParams, today: string): PeopleFilter {
  const { status, on = today, from, to, regretted, layers, band } = parseSearch(ZPeopleFilterSearch, sp);
  if (status === "in-post" || status === "overallocated" || status === "managers") return { status, on };
  if (status === "ics") {
    const n = smallInt(layers, 100);
    return n === undefined ? { status, on } : { status, on, layers: n };
  }
  if (status === "tenure") {
    const b = smallInt(band, TENURE_BANDS.length - 1);
    return b === undefined ? { status: "in-post", on } : { status, on, band: b };
  }
  if (status === "leaving" && from && to && from <= to)
    return regretted === "yes" || regretted === "no" ? { status, from, to, regretted: regretted === "yes" } : { status, from, to };
  return { status: "current" };
}

/** The query string of a filter (with the unit), for links. */
export function peopleFilterQuery(f: PeopleFilter, unitId: string | null): string {
  const q = new URLSearchParams(unitId ? { unit: unitId } : {});
  if (f.status !== "current") q.set("status", f.status);
  if ("on" in f) q.set("on", f.on);
  if (f.status === "ics" && f.layers !== undefined) q.set("layers", String(f.layers));
  if (f.status === "tenure") q.set("band", String(f.band));
  if (f.status === "leaving") {
    q.set("from", f.from);
    q.set("to", f.to);
    if (f.regretted !== undefined) q.set("regretted", f.regretted ? "yes" : "no");
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
      return `Last day between ${d(f.from)} and ${d(f.to)}${f.regretted === undefined ? "" : f.regretted ? ", regretted" : ", not regretted"}`;
    case "overallocated":
      return `Allocated above 100% on ${d(f.on)}`;
    case "managers":
      return `Managers in post on ${d(f.on)}`;
    case "ics":
      return `Individual contributors in post on ${d(f.on)}${f.layers === undefined ? "" : ` with ${f.layers} ${f.layers === 1 ? "manager" : "managers"} above them`}`;
    case "tenure":
      return `In post on ${d(f.on)}, tenure ${TENURE_BANDS[f.band].toLowerCase()}`;
    default:
      return "In post and future starters";
  }
}
