// CSV writing for exports: RFC 4180 quoting, CRLF line ends. Cells that a spreadsheet would run
// as a formula (=, +, -, @ at the start of text) are prefixed with ' so an export cannot carry
// a formula injection; amounts are written by the caller as plain decimals (centsToDecimalString)
// and numbers, which are never prefixed.

export type CsvCell = string | number | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return csvLines([header, ...rows]);
}

/** Lines of a CSV without a header, each ended by CRLF: the next part of a streamed export. */
export function csvLines(rows: CsvCell[][]): string {
  return rows.length ? rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n" : "";
}
