import { z } from "zod";

import { Prisma } from "@/lib/generated/prisma/client";
import { parseSearch, type SearchParams, zDayParam, zParam } from "@/lib/search-params";

// The position figures (glossary `open-positions`, `planned-starts`, `unfilled-positions`) and the
// filters of the positions list on /[org]/headcount that list exactly the rows each one counts:
//   (none)                                 every position
//   ?status=open&on=YYYY-MM-DD             Open or Backfill and vacant that day ("open positions")
//   ?status=starting&from=…&to=…           Open or Backfill with a target start in the range ("planned starts")
//   ?status=unfilled                       Planned, Open or Backfill ("unfilled positions")
//   ?status=filled&from=…&to=…             opened, then filled between from and to ("time to fill")
// combined with ?unit=<id> (that unit and everything below it). Each figure is written twice, as
// SQL for the dashboards' aggregates and as a Prisma where for the list (like inPostSql and
// inPostWhere); tests/integration/figure-consistency.test.ts checks the two agree.

export type PositionFilter =
  | { status: "all" }
  | { status: "open"; on: string }
  | { status: "starting"; from: string; to: string }
  | { status: "unfilled" }
  | { status: "filled"; from: string; to: string };

const day = (d: string | Prisma.Sql) => (typeof d === "string" ? Prisma.sql`${d}::date` : d);

/** Open positions on `on`: status OPEN or BACKFILL, vacant by then (a backfill from the day after the leaver's last day). */
export function openPositionSql(alias: string, on: string | Prisma.Sql): Prisma.Sql {
  const a = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${a}."status" IN ('OPEN', 'BACKFILL') AND (${a}."vacantFrom" IS NULL OR ${a}."vacantFrom" <= ${day(on)}))`;
}

/** Days open (glossary `days-open`) of an open position on `on`: since it became vacant, else since it was opened (or created). */
export function daysOpenSql(alias: string, on: string | Prisma.Sql): Prisma.Sql {
  const a = Prisma.raw(`"${alias}"`);
  return Prisma.sql`GREATEST(0, ${day(on)} - COALESCE(${a}."vacantFrom", ${a}."openedAt"::date, ${a}."createdAt"::date))::int`;
}

/** Planned starts between `from` and `to`: OPEN or BACKFILL with a target start in the range. */
export function plannedStartSql(alias: string, from: string | Prisma.Sql, to: string | Prisma.Sql): Prisma.Sql {
  const a = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${a}."status" IN ('OPEN', 'BACKFILL') AND ${a}."targetStartDate" BETWEEN ${day(from)} AND ${day(to)})`;
}

/** Unfilled positions: PLANNED, OPEN or BACKFILL (a backfill counts even while its holder is still in post). */
export function unfilledPositionSql(alias: string): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(`"${alias}"`)}."status" IN ('PLANNED', 'OPEN', 'BACKFILL')`;
}

/** Filled between `from` and `to` (by the day filledAt falls on) after being opened: the positions time to fill measures. */
export function filledPositionSql(alias: string, from: string, to: string): Prisma.Sql {
  const a = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${a}."openedAt" IS NOT NULL AND ${a}."filledAt" IS NOT NULL AND ${a}."filledAt"::date BETWEEN ${from}::date AND ${to}::date)`;
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The same filters as a Prisma where on Position (the list and its count). */
export function positionFilterWhere(f: PositionFilter): Prisma.PositionWhereInput {
  switch (f.status) {
    case "open":
      return { status: { in: ["OPEN", "BACKFILL"] }, OR: [{ vacantFrom: null }, { vacantFrom: { lte: utc(f.on) } }] };
    case "starting":
      return { status: { in: ["OPEN", "BACKFILL"] }, targetStartDate: { gte: utc(f.from), lte: utc(f.to) } };
    case "unfilled":
      return { status: { in: ["PLANNED", "OPEN", "BACKFILL"] } };
    case "filled": {
      const dayAfter = new Date(utc(f.to).getTime() + 86_400_000);
      return { openedAt: { not: null }, filledAt: { gte: utc(f.from), lt: dayAfter } };
    }
    default:
      return {};
  }
}

const ZPositionFilterSearch = z.object({ status: zParam(), on: zDayParam(), from: zDayParam(), to: zDayParam() });

/** An unknown status or a bad date falls back to every position (or today for `on`). */
export function parsePositionFilter(sp: SearchParams, today: string): PositionFilter {
  const { status, on, from, to } = parseSearch(ZPositionFilterSearch, sp);
  if (status === "open") return { status, on: on ?? today };
  if (status === "unfilled") return { status };
  if ((status === "starting" || status === "filled") && from && to && from <= to) return { status, from, to };
  return { status: "all" };
}

/** The query string of a filter (with the unit and fiscal year the page shows), for links. */
export function positionFilterQuery(f: PositionFilter, unitId: string | null, fiscalYear?: number): string {
  const q = new URLSearchParams({ ...(fiscalYear ? { fy: String(fiscalYear) } : {}), ...(unitId ? { unit: unitId } : {}) });
  if (f.status !== "all") q.set("status", f.status);
  if (f.status === "open") q.set("on", f.on);
  if (f.status === "starting" || f.status === "filled") {
    q.set("from", f.from);
    q.set("to", f.to);
  }
  return q.toString();
}

export function describePositionFilter(f: PositionFilter, formatDate: (iso: string) => string): string {
  switch (f.status) {
    case "open":
      return `Open positions on ${formatDate(f.on)}`;
    case "starting":
      return `Open positions with a target start between ${formatDate(f.from)} and ${formatDate(f.to)}`;
    case "unfilled":
      return "Unfilled positions (planned, open or backfill)";
    case "filled":
      return `Positions filled between ${formatDate(f.from)} and ${formatDate(f.to)}`;
    default:
      return "Every position";
  }
}
