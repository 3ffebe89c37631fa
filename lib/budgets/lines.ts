import "server-only";

import type { LinesFilters } from "@/lib/budgets/lines-query";
import { personnelLinesVisible } from "@/lib/budgets/lines-privacy";
import { linesPageSql, linesTotalSql, type LinesScope } from "@/lib/budgets/lines-sql";
import { db } from "@/lib/db";
import type { BudgetCategory } from "@/lib/generated/prisma/enums";
import { pageOf, type PageInfo } from "@/lib/paging";

// Reads of the lines behind a money figure (/[org]/budgets/lines and its CSV export), tenant-
// scoped: the unit and vendor of the filters are looked up in the org first, and another org's
// id finds nothing. PERSONNEL lines are left out for roles that may not see them.

type LineBase = {
  id: string;
  date: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  category: BudgetCategory;
  amountCents: bigint;
};
export type LedgerLine = LineBase & {
  vendorId: string | null;
  vendorName: string | null;
  memo: string;
  externalRef: string | null;
  batchId: string | null;
  batchFile: string | null;
  batchDate: string | null;
};
export type PlanLine = LineBase & { updatedOn: string };
export type Line = LedgerLine | PlanLine;

export type LinesTotals = { count: number; amountCents: bigint };

export type LinesContext = {
  /** The filters' unit and vendor, named; null when not filtered. */
  unit: { id: string; name: string; code: string } | null;
  vendor: { id: string; name: string } | null;
  /** A unit or vendor id of the filters that is not in this org (another org's, or none): nothing is listed. */
  notFound: "unit" | "vendor" | null;
  /** PERSONNEL lines are left out for this role. */
  personnelHidden: boolean;
  /** Only PERSONNEL lines were asked for and this role may not see them: nothing is listed. */
  personnelOnly: boolean;
};

/** Names the unit and vendor of the filters (in this org only) and says what the role may see. */
export async function linesContext(orgId: string, reader: { readsPay: boolean }, f: LinesFilters): Promise<LinesContext> {
  const [unit, vendor] = await Promise.all([
    f.unitId ? db.orgUnit.findFirst({ where: { id: f.unitId, orgId }, select: { id: true, name: true, code: true } }) : null,
    f.vendorId ? db.vendor.findFirst({ where: { id: f.vendorId, orgId }, select: { id: true, name: true } }) : null,
  ]);
  const personnelHidden = !personnelLinesVisible(reader, f.kind);
  return {
    unit,
    vendor,
    notFound: f.unitId && !unit ? "unit" : f.vendorId && !vendor ? "vendor" : null,
    personnelHidden,
    personnelOnly: personnelHidden && f.category === "PERSONNEL",
  };
}

/** Whether anything may be listed for these filters and this role. */
export const listable = (c: LinesContext) => c.notFound === null && !c.personnelOnly;

type TotalRow = { count: number; sum: string };

export async function linesTotals(s: LinesScope): Promise<LinesTotals> {
  const [row] = await db.$queryRaw<TotalRow[]>(linesTotalSql(s));
  return { count: row?.count ?? 0, amountCents: BigInt(row?.sum ?? "0") };
}

/**
 * One page (?page=N) of the sorted lines and their total. The total and the page are read
 * together; a page past the end (the list got shorter) is read again as the last page.
 */
export async function linesPage(
  s: LinesScope,
  sp: Record<string, string | string[] | undefined>,
): Promise<{ rows: Line[]; totals: LinesTotals; paging: PageInfo }> {
  const wanted = pageOf(sp, Number.MAX_SAFE_INTEGER);
  const read = (p: PageInfo) => db.$queryRaw<Line[]>(linesPageSql(s, { skip: (p.page - 1) * p.pageSize, take: p.pageSize }));
  const [totals, rows] = await Promise.all([linesTotals(s), read(wanted)]);
  const paging = pageOf(sp, totals.count);
  return { rows: paging.page === wanted.page ? rows : await read(paging), totals, paging };
}

/** Every line in the list's order, in batches (the CSV export): each batch continues after the last line read. */
export async function* allLines(s: LinesScope, batch = 5000): AsyncGenerator<Line[]> {
  let after: string | null = null;
  for (;;) {
    const rows: Line[] = await db.$queryRaw<Line[]>(linesPageSql(s, { after, take: batch }));
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1].id;
  }
}

/** The scope of a reader's list: PERSONNEL is left out where personnelLinesVisible says so. */
export function linesScope(orgId: string, reader: { readsPay: boolean }, filters: LinesFilters): LinesScope {
  return { orgId, filters, personnel: personnelLinesVisible(reader, filters.kind) };
}
