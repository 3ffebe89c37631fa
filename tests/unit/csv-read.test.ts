import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { cellShapeErrors, CsvHeader, readCsvRows, readCsvText } from "@/lib/budgets/csv";

// The streaming CSV reader of the ledger and plan imports: rows as arrays of cells under one
// normalised header, numbered like a spreadsheet (header = row 1), with the parser's chunks
// handed over in bounded runs (the file is paused and resumed many times for a long file).

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "keel-csv-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(text: string) {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(file, text, "utf8");
  const out: { row: number; cells: string[]; header: readonly string[] }[] = [];
  for await (const [row, cells, header] of readCsvRows(file)) out.push({ row, cells, header: header.names });
  return out;
}

describe("readCsvRows", () => {
  it("normalises the header (BOM, case, spaces, centre/center) and numbers rows from 2", async () => {
    // Blank lines (empty, spaces, only delimiters, before the header too) are not rows.
    const rows = await read(
      ' \r\n\uFEFFDate,Cost center code, External Reference \r\n2026-03-01,ENG,"a, ""quoted""\nmemo"\r\n\r\n  \r\n , ,\t\r\n,,\r\n2026-03-02,OPS,x\r\n',
    );
    expect(rows).toEqual([
      { row: 2, cells: ["2026-03-01", "ENG", 'a, "quoted"\nmemo'], header: ["date", "costcentrecode", "externalreference"] },
      { row: 3, cells: ["2026-03-02", "OPS", "x"], header: ["date", "costcentrecode", "externalreference"] },
    ]);
  });

  it("a header alone or an empty file has no data rows", async () => {
    expect(await read("date,amount\n")).toEqual([]);
    expect(await read("")).toEqual([]);
  });

  it("reads a long file whole and in order, keeping multi-byte characters split across chunks", async () => {
    const n = 25_000; // many more rows than one run of the reader and many 64 KB chunks of the file
    const memo = "é€😀".repeat(7);
    const lines = ["n,memo"];
    for (let i = 1; i <= n; i++) lines.push(`${i},${memo}${i}`);
    const rows = await read(lines.join("\n"));
    expect(rows.length).toBe(n);
    rows.forEach((r, i) => {
      if (r.row !== i + 2 || r.cells[0] !== String(i + 1) || r.cells[1] !== `${memo}${i + 1}`)
        throw new Error(`row ${i + 2} read as ${JSON.stringify(r)}`);
    });
  });

  it("stops reading when the consumer stops", async () => {
    const file = path.join(dir, "stop.csv");
    await writeFile(file, ["a", ...Array.from({ length: 5000 }, (_, i) => String(i))].join("\n"));
    let seen = 0;
    for await (const [row] of readCsvRows(file)) {
      seen = row;
      if (row === 10) break;
    }
    expect(seen).toBe(10);
  });
});

describe("readCsvText", () => {
  it("reads text in memory exactly as readCsvRows reads the same text from a file", async () => {
    const fromText = async (text: string) => {
      const out: { row: number; cells: string[]; header: readonly string[] }[] = [];
      for await (const [row, cells, header] of readCsvText(text)) out.push({ row, cells, header: header.names });
      return out;
    };
    const long = ["n,memo", ...Array.from({ length: 3000 }, (_, i) => `${i},"é€😀\r\n${i}"`)].join("\r");
    for (const text of [
      '\uFEFFDate,Cost center code, Memo \r\n2026-03-01,ENG,"a, ""quoted""\nmemo"\r\n\r\n  \r\n2026-03-02,OPS,x,extra\r\n',
      "date,amount\n",
      "",
      long,
    ]) {
      const rows = await fromText(text);
      expect(rows).toEqual(await read(text));
    }
    expect((await fromText(long)).length).toBe(3000);
  });
});

describe("CsvHeader", () => {
  const h = new CsvHeader(["Date", "amount", "Amount", "memo"]);
  it("names missing and doubled columns", () => {
    expect(h.missing(["date", "amount", "vendor"])).toEqual(["vendor"]);
    expect(h.doubled(["date", "amount", "memo"])).toEqual(["amount"]);
  });
  it("a short row's missing cells are empty", () => {
    expect(h.cell(["2026-03-01"], "memo")).toBe("");
    expect(h.cell(["2026-03-01"], "nosuchcolumn")).toBe("");
  });
  it("row shape: extra cells and NUL characters, by column", () => {
    const two = new CsvHeader(["date", "memo"]);
    expect(cellShapeErrors(["2026-03-01", "ok"], two)).toEqual([]);
    expect(cellShapeErrors(["2026-03-01", "a\u0000b", "extra"], two)).toEqual([
      "has more cells than the header (a comma or a line break outside quotes?)",
      "memo contains a NUL character",
    ]);
  });
});
