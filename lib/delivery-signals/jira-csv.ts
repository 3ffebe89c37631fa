import { cellOf, columnIndex, type CsvTable } from "@/lib/delivery-signals/csv-table";
import { parseIsoInstant } from "@/lib/delivery-signals/dates";
import type { DeliveryRecord } from "@/lib/delivery-signals/types";

// Jira's "Export CSV (all fields)": one row per issue, repeated columns for multi-valued fields
// (Sprint, Labels, Fix versions …), dates in the exporting user's date format and language —
// by default "02/Nov/26 10:15 AM", in German "02/Okt/26 10:15", or a site's own numeric format.
// Numeric dates with slashes are ambiguous (11/03/26): the uploader says which order they are in,
// nothing is guessed. Times are read as UTC (the export does not say its time zone).

export type DateOrder = "auto" | "dmy" | "mdy";

const MONTHS: Record<string, number> = {};
const NAMES = [
  ["jan", "janv", "ene", "gen"],
  ["feb", "févr", "fevr", "fév", "febr"],
  ["mar", "mär", "mrz", "mars", "març"],
  ["apr", "avr", "abr"],
  ["may", "mai", "mayo", "mag"],
  ["jun", "juin", "giu"],
  ["jul", "juil", "lug"],
  ["aug", "août", "aout", "ago"],
  ["sep", "sept", "set"],
  ["oct", "okt", "ott"],
  ["nov"],
  ["dec", "dez", "déc", "dic"],
];
NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const TIME = String.raw`(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?)?`;
const NAMED = new RegExp(String.raw`^(\d{1,2})[/. -]([\p{L}]+)\.?[/. -](\d{2}|\d{4})${TIME}$`, "iu");
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([/.])(\d{1,2})[/.](\d{2}|\d{4})${TIME}$`, "i");

function instant(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ampm?: string): Date | null {
  const year = y < 100 ? 2000 + y : y;
  let hour = h;
  if (ampm) {
    const pm = ampm.toLowerCase().startsWith("p");
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || hour > 23 || mi > 59 || s > 59) return null;
  const date = new Date(Date.UTC(year, mo - 1, d, hour, mi, s));
  return date.getUTCDate() === d ? date : null;
}

/** A Jira export date; null when it is not one, "ambiguous" when the day/month order must be chosen. */
export function parseJiraDate(value: string, order: DateOrder): Date | null | "ambiguous" {
  const v = value.trim();
  const iso = parseIsoInstant(v.replace(" ", "T")) ?? (/^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : null);
  if (iso) return iso;
  const named = NAMED.exec(v);
  if (named) {
    const month = MONTHS[named[2].toLowerCase().replace(/\.$/, "")];
    if (!month) return null;
    return instant(+named[3], month, +named[1], +(named[4] ?? 0), +(named[5] ?? 0), +(named[6] ?? 0), named[7]);
  }
  const num = NUMERIC.exec(v);
  if (num) {
    const [a, sep, b] = [+num[1], num[2], +num[3]];
    // Dots are day-first everywhere Jira writes them (de, fr, ru …); slashes depend on the locale.
    const dayFirst = sep === "." || order === "dmy" ? true : order === "mdy" ? false : null;
    if (dayFirst === null) return "ambiguous";
    const [d, m] = dayFirst ? [a, b] : [b, a];
    return instant(+num[4], m, d, +(num[5] ?? 0), +(num[6] ?? 0), +(num[7] ?? 0), num[8]);
  }
  return null;
}

export type CsvParse = { records: DeliveryRecord[]; errors: string[] };

const KEY = /^[A-Z][A-Z0-9_]+-\d+$/;

export function parseJiraCsv(table: CsvTable, order: DateOrder): CsvParse {
  const at = columnIndex(table.header);
  const errors: string[] = [];
  const keyCol = at.has("issue key") ? "Issue key" : "Key";
  const missing = [keyCol, "Summary", "Status", "Created"].filter((c) => !at.has(c.toLowerCase()));
  if (missing.length)
    return {
      records: [],
      errors: [`The file is not a Jira export: missing column(s) ${missing.map((c) => `"${c}"`).join(", ")} in row 1.`],
    };
  // Team-managed exports name the parent by issue id: map ids to keys from the file itself.
  const keyById = new Map<string, string>();
  for (const { cells } of table.rows) {
    const id = cellOf(at, cells, "Issue id");
    if (id) keyById.set(id, cellOf(at, cells, keyCol));
  }
  const records: DeliveryRecord[] = [];
  for (const { row, cells } of table.rows) {
    const rowErrors: string[] = [];
    const date = (column: string, required: boolean): Date | null => {
      const raw = cellOf(at, cells, column);
      if (!raw) {
        if (required) rowErrors.push(`Row ${row}, column "${column}": empty; expected the date the issue was ${column.toLowerCase()}.`);
        return null;
      }
      const d = parseJiraDate(raw, order);
      if (d === "ambiguous") {
        rowErrors.push(`Row ${row}, column "${column}": "${raw}" could be day/month or month/day; choose the date order of the export.`);
        return null;
      }
      if (!d)
        rowErrors.push(`Row ${row}, column "${column}": "${raw}" is not a date (expected e.g. 02/Nov/26 10:15 AM or 2026-11-02 10:15).`);
      return d;
    };
    const key = cellOf(at, cells, keyCol);
    if (!KEY.test(key)) rowErrors.push(`Row ${row}, column "${keyCol}": "${key}" is not an issue key (expected e.g. PROJ-12).`);
    const created = date("Created", true);
    const updated = date("Updated", false);
    const resolved = date("Resolved", false);
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    const category = cellOf(at, cells, "Status Category");
    const done = category ? category.toLowerCase() === "done" : resolved !== null;
    const parentRaw = cellOf(at, cells, "Parent key", "Custom field (Epic Link)", "Parent", "Parent id");
    const epicKey = parentRaw ? (KEY.test(parentRaw) ? parentRaw : (keyById.get(parentRaw) ?? null)) : null;
    const changed = updated ?? resolved ?? created!;
    records.push({
      kind: "ISSUE",
      externalId: key,
      title: cellOf(at, cells, "Summary") || key,
      status: cellOf(at, cells, "Status"),
      done,
      epicKey,
      openedAt: created!,
      changedAt: changed,
      doneAt: done ? (resolved ?? changed) : null,
    });
  }
  return { records, errors };
}
