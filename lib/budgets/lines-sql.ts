import "server-only";

import { monthBounds, type LinesFilters, type LinesKind, type LinesSort } from "@/lib/budgets/lines-query";
import { asOfTreeCtes } from "@/lib/budgets/tree-asof-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { likeTerm } from "@/lib/search-term";

// The SQL of the lines behind a money figure: ledger lines (ActualEntry) or plan lines
// (BudgetLine) of an org × unit subtree (OrgUnitClosure) × months × category, filtered, summed,
// sorted and paged by PostgreSQL. The list, its total and the CSV export all use the same WHERE
// and the same ORDER BY, so the CSV is the list in the list's order and the total is the sum of
// exactly its rows. Aliases: l = the line, u = its unit, v = vendor, b = import batch.

export type LinesScope = {
  orgId: string;
  filters: LinesFilters;
  /** PERSONNEL lines are left out (rows and total) when false (lib/budgets/lines-privacy.ts). */
  personnel: boolean;
};

type Table = { table: Prisma.Sql; from: Prisma.Sql; date: Prisma.Sql; select: Prisma.Sql };

const TABLES: Record<LinesKind, Table> = {
  actual: {
    table: Prisma.sql`"ActualEntry"`,
    from: Prisma.sql`"ActualEntry" l
      JOIN "OrgUnit" u ON u."orgId" = l."orgId" AND u."id" = l."orgUnitId"
      LEFT JOIN "Vendor" v ON v."orgId" = l."orgId" AND v."id" = l."vendorId"
      LEFT JOIN "ImportBatch" b ON b."orgId" = l."orgId" AND b."id" = l."importBatchId"`,
    date: Prisma.sql`l."bookedOn"`,
    select: Prisma.sql`l."id", to_char(l."bookedOn", 'YYYY-MM-DD') AS "date", u."id" AS "unitId", u."code" AS "unitCode", u."name" AS "unitName",
      l."category"::text AS "category", v."id" AS "vendorId", v."name" AS "vendorName", l."memo", l."externalRef", l."amountCents",
      b."id" AS "batchId", b."fileName" AS "batchFile", to_char(b."createdAt", 'YYYY-MM-DD') AS "batchDate"`,
  },
  plan: {
    table: Prisma.sql`"BudgetLine"`,
    from: Prisma.sql`"BudgetLine" l JOIN "OrgUnit" u ON u."orgId" = l."orgId" AND u."id" = l."orgUnitId"`,
    date: Prisma.sql`l."month"`,
    select: Prisma.sql`l."id", to_char(l."month", 'YYYY-MM') AS "date", u."id" AS "unitId", u."code" AS "unitCode", u."name" AS "unitName",
      l."category"::text AS "category", l."amountCents", to_char(l."updatedAt", 'YYYY-MM-DD') AS "updatedOn"`,
  },
};

/** The conditions on the line itself (no join needed: the total reads the line table alone). */
function linesWhere({ orgId, filters: f, personnel }: LinesScope): Prisma.Sql {
  const t = TABLES[f.kind];
  const { start, endExclusive } = monthBounds(f);
  const parts: Prisma.Sql[] = [
    Prisma.sql`l."orgId" = ${orgId}`,
    Prisma.sql`${t.date} >= ${start}::date AND ${t.date} < ${endExclusive}::date`,
  ];
  if (f.unitId) {
    parts.push(
      f.own
        ? Prisma.sql`l."orgUnitId" = ${f.unitId}`
        : f.asof
          ? Prisma.sql`l."orgUnitId" IN (WITH RECURSIVE ${asOfTreeCtes(orgId, f.asof)} SELECT "descendantId" FROM asof_closure WHERE "ancestorId" = ${f.unitId})`
          : Prisma.sql`l."orgUnitId" IN (SELECT "descendantId" FROM "OrgUnitClosure" WHERE "orgId" = ${orgId} AND "ancestorId" = ${f.unitId})`,
    );
  }
  if (f.category) parts.push(Prisma.sql`l."category" = ${f.category}::"BudgetCategory"`);
  if (!personnel) parts.push(Prisma.sql`l."category" <> 'PERSONNEL'::"BudgetCategory"`);
  if (f.kind === "actual") {
    if (f.vendorId) parts.push(Prisma.sql`l."vendorId" = ${f.vendorId}`);
    const term = likeTerm(f.q);
    if (term) parts.push(Prisma.sql`(l."memo" ILIKE ${`%${term}%`} OR l."externalRef" ILIKE ${`%${term}%`})`);
  }
  return Prisma.join(parts, " AND ");
}

/**
 * The sort columns, never NULL (so that one row comparison continues the order in the export):
 * an empty vendor or reference sorts last ascending and first descending. Then the date, the
 * unit's code, and the id so that equal values keep one order across pages.
 */
function orderColumns(kind: LinesKind, sort: LinesSort): Prisma.Sql[] {
  const date = TABLES[kind].date;
  const byKey: Record<LinesSort["key"], Prisma.Sql[]> = {
    date: [],
    unit: [Prisma.sql`u."code"`],
    category: [Prisma.sql`l."category"`],
    vendor: [Prisma.sql`(v."name" IS NULL)`, Prisma.sql`COALESCE(v."name", '')`],
    memo: [Prisma.sql`l."memo"`],
    ref: [Prisma.sql`(l."externalRef" IS NULL)`, Prisma.sql`COALESCE(l."externalRef", '')`],
    amount: [Prisma.sql`l."amountCents"`],
  };
  return [...byKey[sort.key], date, ...(sort.key === "unit" ? [] : [Prisma.sql`u."code"`]), Prisma.sql`l."id"`];
}

const orderBy = (cols: Prisma.Sql[], dir: LinesSort["dir"]) =>
  Prisma.join(
    cols.map((c) => Prisma.sql`${c} ${Prisma.raw(dir === "desc" ? "DESC" : "ASC")}`),
    ", ",
  );

/** Count and sum of the lines (the sum as text: a sum of bigints is numeric and may pass 2^63). */
export function linesTotalSql(s: LinesScope): Prisma.Sql {
  return Prisma.sql`SELECT COUNT(*)::int AS "count", COALESCE(SUM(l."amountCents"), 0)::text AS "sum" FROM ${TABLES[s.filters.kind].table} l WHERE ${linesWhere(s)}`;
}

/**
 * The dates an export batch in date order can reach, from the line table alone by its
 * (orgId, date) index: from the last line's date to the date of the take-th line after that date
 * (the lines still due on the last line's own date only come earlier). Without it every batch
 * joined and sorted every line left in the range, so a year of a large org's ledger cost time
 * growing with the square of its length.
 */
function dateWindow(s: LinesScope, after: string | null, take: number): Prisma.Sql {
  const t = TABLES[s.filters.kind];
  const desc = s.filters.sort.dir === "desc";
  const last = after ? Prisma.sql`(SELECT ${t.date} FROM ${t.table} l WHERE l."orgId" = ${s.orgId} AND l."id" = ${after})` : null;
  const [from, beyond] = desc ? [Prisma.raw("<="), Prisma.raw("<")] : [Prisma.raw(">="), Prisma.raw(">")];
  const reach = Prisma.sql`(SELECT ${t.date} FROM ${t.table} l WHERE ${linesWhere(s)}${last ? Prisma.sql` AND ${t.date} ${beyond} ${last}` : Prisma.empty}
    ORDER BY ${t.date} ${Prisma.raw(desc ? "DESC" : "ASC")} LIMIT 1 OFFSET ${take - 1})`;
  const open = Prisma.raw(desc ? "'-infinity'::date" : "'infinity'::date");
  const to = Prisma.raw(desc ? ">=" : "<=");
  return Prisma.sql`${last ? Prisma.sql`${t.date} ${from} ${last} AND ` : Prisma.empty}${t.date} ${to} COALESCE(${reach}, ${open})`;
}

/**
 * One slice of the sorted lines: by offset (a page of the list) or after the line `after` (the
 * export's next batch: the row comparison continues exactly where the last batch stopped).
 */
export function linesPageSql(s: LinesScope, slice: { skip: number; take: number } | { after: string | null; take: number }): Prisma.Sql {
  const { kind, sort } = s.filters;
  const t = TABLES[kind];
  const cols = orderColumns(kind, sort);
  let where = linesWhere(s);
  if ("after" in slice && slice.after) {
    // The subquery's aliases shadow the outer ones: the same column expressions read the last line.
    const op = Prisma.raw(sort.dir === "desc" ? "<" : ">");
    where = Prisma.sql`${where} AND (${Prisma.join(cols)}) ${op} (SELECT ${Prisma.join(cols)} FROM ${t.from} WHERE l."orgId" = ${s.orgId} AND l."id" = ${slice.after})`;
  }
  if ("after" in slice && sort.key === "date") where = Prisma.sql`${where} AND ${dateWindow(s, slice.after, slice.take)}`;
  const offset = "skip" in slice ? Prisma.sql`OFFSET ${slice.skip}` : Prisma.empty;
  return Prisma.sql`SELECT ${t.select} FROM ${t.from} WHERE ${where} ORDER BY ${orderBy(cols, sort.dir)} LIMIT ${slice.take} ${offset}`;
}
