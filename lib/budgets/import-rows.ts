import type { CsvHeader } from "@/lib/budgets/csv";
import type { Tx } from "@/lib/db";
import { invalid } from "@/lib/errors";

// What the CSV imports share: the org's cost centre codes, the header check and the row error
// list ("Row 7: …", the first MAX_LISTED_ERRORS listed, the rest counted). An import with any bad
// row writes nothing: the caller throws rowErrors.fail() inside its transaction.

/** How many row errors are listed; the rest are counted. */
const MAX_LISTED_ERRORS = 100;

export async function loadCodeMap(tx: Tx, orgId: string): Promise<Map<string, string>> {
  const units = await tx.orgUnit.findMany({ where: { orgId, closedOn: null }, select: { id: true, code: true } });
  return new Map(units.map((u) => [u.code.toUpperCase(), u.id]));
}

/** Throws a VALIDATION AppError if the header lacks or doubles a column. */
export function checkHeader(header: CsvHeader, columns: readonly string[]) {
  const missing = header.missing(columns);
  const doubled = header.doubled(columns);
  if (missing.length || doubled.length) {
    const columnsWord = (n: number) => (n === 1 ? "column" : "columns");
    const problem = missing.length
      ? `Missing ${columnsWord(missing.length)}: ${missing.join(", ")}.`
      : `${doubled.length === 1 ? "Column" : "Columns"} named twice in the header: ${doubled.join(", ")}.`;
    throw invalid({ file: [`${problem} Expected: ${columns.join(", ")}.`] }, "The file's header row is not right; nothing was imported.");
  }
}

export class RowErrors {
  private listed: string[] = [];
  bad = 0;
  add(row: number, reasons: string[]) {
    this.bad++;
    if (this.listed.length < MAX_LISTED_ERRORS) this.listed.push(`Row ${row}: ${reasons.join("; ")}`);
  }
  /** Throws if the file had no data rows or any bad row. */
  check(rows: number) {
    if (rows === 0) throw invalid({ file: ["The file has no data rows."] }, "The file is empty; nothing was imported.");
    if (this.bad === 0) return;
    const errors = [...this.listed];
    const more = this.bad - errors.length;
    if (more > 0) errors.push(`…and ${more} more bad ${more === 1 ? "row" : "rows"}.`);
    throw invalid(
      { file: errors },
      `${this.bad} of ${rows} ${rows === 1 ? "row" : "rows"} ${this.bad === 1 ? "is" : "are"} not valid, so nothing was imported. Fix them and upload the file again.`,
    );
  }
}
