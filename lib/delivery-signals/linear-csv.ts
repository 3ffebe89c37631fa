import { cellOf, columnIndex, type CsvTable } from "@/lib/delivery-signals/csv-table";
import { parseIsoInstant } from "@/lib/delivery-signals/dates";
import type { CsvParse } from "@/lib/delivery-signals/jira-csv";
import type { DeliveryRecord } from "@/lib/delivery-signals/types";

// Linear's CSV export (Settings → Import/Export): one row per issue, with "ID", "Title",
// "Status", "Created", "Updated", "Completed", "Canceled", "Parent issue", "Project Milestone"
// among ~34 columns, dates as JavaScript prints them ("Wed May 13 2026 11:21:41 GMT+0000
// (Coordinated Universal Time)") or ISO. Completed and cancelled issues count as done (closed).

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const JS_DATE = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT([+-])(\d{2})(\d{2})(?: \(.*\))?$/;
const ID = /^[A-Z][A-Z0-9]*-\d+$/;

export function parseLinearDate(value: string): Date | null {
  const v = value.trim();
  const m = JS_DATE.exec(v);
  if (m) {
    const month = MONTHS.indexOf(m[1].toLowerCase());
    if (month < 0) return null;
    const offsetMin = (m[7] === "-" ? -1 : 1) * (+m[8] * 60 + +m[9]);
    const t = Date.UTC(+m[3], month, +m[2], +m[4], +m[5], +m[6]) - offsetMin * 60_000;
    const d = new Date(t);
    return Number.isNaN(t) ? null : d;
  }
  return parseIsoInstant(v);
}

export function parseLinearCsv(table: CsvTable): CsvParse {
  const at = columnIndex(table.header);
  const missing = ["ID", "Title", "Status", "Created"].filter((c) => !at.has(c.toLowerCase()));
  if (missing.length)
    return {
      records: [],
      errors: [`The file is not a Linear export: missing column(s) ${missing.map((c) => `"${c}"`).join(", ")} in row 1.`],
    };
  const errors: string[] = [];
  const records: DeliveryRecord[] = [];
  for (const { row, cells } of table.rows) {
    const rowErrors: string[] = [];
    const date = (column: string, required: boolean) => {
      const raw = cellOf(at, cells, column);
      if (!raw) {
        if (required) rowErrors.push(`Row ${row}, column "${column}": empty; expected a date.`);
        return null;
      }
      const d = parseLinearDate(raw);
      if (!d) rowErrors.push(`Row ${row}, column "${column}": "${raw}" is not a date (expected e.g. Wed May 13 2026 11:21:41 GMT+0000).`);
      return d;
    };
    const id = cellOf(at, cells, "ID");
    if (!ID.test(id)) rowErrors.push(`Row ${row}, column "ID": "${id}" is not an issue identifier (expected e.g. ENG-12).`);
    const created = date("Created", true);
    const updated = date("Updated", false);
    const completed = date("Completed", false);
    const canceled = date("Canceled", false);
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    const closed = completed ?? canceled;
    records.push({
      kind: "ISSUE",
      externalId: id,
      title: cellOf(at, cells, "Title") || id,
      status: cellOf(at, cells, "Status"),
      done: closed !== null,
      epicKey: cellOf(at, cells, "Project Milestone", "Parent issue") || null,
      openedAt: created!,
      changedAt: updated ?? closed ?? created!,
      doneAt: closed,
    });
  }
  return { records, errors };
}
