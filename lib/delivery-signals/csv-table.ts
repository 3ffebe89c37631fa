import Papa from "papaparse";

// An export read whole (they are small: one project's issues) into a header and rows of cells.
// The header keeps every column, also the ones a tracker repeats (Jira writes one "Sprint" or
// "Labels" column per value), so a reader can take all the cells under one name.

export type CsvTable = {
  /** Header names as written (BOM and surrounding spaces removed). */
  header: string[];
  /** Data rows, each with its spreadsheet row number (the header is row 1). */
  rows: { row: number; cells: string[] }[];
};

export function readCsv(text: string): CsvTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false });
  const [head = [], ...body] = parsed.data;
  const rows: CsvTable["rows"] = [];
  body.forEach((cells, i) => {
    if (cells.length === 1 && cells[0].trim() === "") return;
    rows.push({ row: i + 2, cells });
  });
  return { header: head.map((h) => h.trim()), rows };
}

/** Where each name is in the header (case-insensitive), every position of a repeated name. */
export function columnIndex(header: string[]): Map<string, number[]> {
  const at = new Map<string, number[]>();
  header.forEach((h, i) => {
    const k = h.toLowerCase();
    at.set(k, [...(at.get(k) ?? []), i]);
  });
  return at;
}

/** The first cell under any of `names` that is not empty. */
export function cellOf(at: Map<string, number[]>, cells: string[], ...names: string[]): string {
  for (const n of names) for (const i of at.get(n.toLowerCase()) ?? []) if ((cells[i] ?? "").trim()) return cells[i].trim();
  return "";
}
