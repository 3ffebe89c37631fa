import "server-only";

import type { LinesFilters } from "@/lib/budgets/lines-query";
import { allLines, type LedgerLine, type Line, type PlanLine } from "@/lib/budgets/lines";
import type { LinesScope } from "@/lib/budgets/lines-sql";
import { csvStream, mapBatches, type CsvCell } from "@/lib/csv-write";
import { centsToDecimalString } from "@/lib/money";
import { logger } from "@/lib/log";

// The CSV of the lines behind a money figure: every line of the list (same filters, same order),
// streamed in batches so a large org's year of ledger lines is never one string in memory. Cells
// go through lib/csv-write.ts, which defuses formulas: memos and references are whatever the
// ledger said. Amounts are plain decimals.

const LEDGER_CSV_HEADER = [
  "Date",
  "Unit code",
  "Unit name",
  "Category",
  "Vendor",
  "Memo",
  "External reference",
  "Amount",
  "Import batch",
  "Import batch id",
];
const PLAN_CSV_HEADER = ["Month", "Unit code", "Unit name", "Category", "Amount", "Updated"];

export function lineCells(kind: LinesFilters["kind"], line: Line): CsvCell[] {
  if (kind === "plan") {
    const l = line as PlanLine;
    return [l.date, l.unitCode, l.unitName, l.category, centsToDecimalString(l.amountCents), l.updatedOn];
  }
  const l = line as LedgerLine;
  return [
    l.date,
    l.unitCode,
    l.unitName,
    l.category,
    l.vendorName,
    l.memo,
    l.externalRef,
    centsToDecimalString(l.amountCents),
    l.batchFile,
    l.batchId,
  ];
}

/** `listed` false: the header only (nothing may be listed for these filters and this role). */
export function linesCsvStream(s: LinesScope, listed: boolean, batch?: number): ReadableStream<Uint8Array> {
  const { kind } = s.filters;
  return csvStream(
    kind === "plan" ? PLAN_CSV_HEADER : LEDGER_CSV_HEADER,
    listed ? mapBatches(allLines(s, batch), (l) => lineCells(kind, l)) : null,
    (error) => logger.error({ orgId: s.orgId, filters: s.filters, err: error }, "lines export failed"),
  );
}

export function linesCsvFileName(slug: string, f: LinesFilters, unitCode: string | null): string {
  // A unit's subtree as it was says so (a unit alone, or the whole org, is the same in every tree).
  const tree = f.asof && unitCode && !f.own ? "as-it-was" : null;
  const parts = [slug, f.kind === "plan" ? "plan-lines" : "ledger-lines", unitCode, f.category, `${f.from}_${f.to}`, tree];
  return `${parts
    .filter(Boolean)
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, "-")}.csv`;
}
