import { createReadStream } from "node:fs";
import { Readable } from "node:stream";

import Papa from "papaparse";

import { BudgetCategory } from "@/lib/generated/prisma/enums";
import { MAX_INPUT_YEAR, MIN_INPUT_YEAR, parseIsoDate } from "@/lib/fiscal";
import { parseMoneyToCents } from "@/lib/money";

// The one CSV reader, for the ledger (actuals), plan and hiring-plan imports. papaparse's Node
// stream parser handles quotes, embedded commas and newlines and CRLF; we strip a UTF-8 BOM and
// normalise header names ("Cost centre code", "cost_center_code" → "costcentrecode"). Rows come
// out one at a time through an async iterator, so memory stays flat however long the file is.
//
// Row numbers are spreadsheet-style: the header is row 1, the first data row is row 2 (a quoted
// field with an embedded newline still counts as one row).

function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/center/g, "centre")
    .replace(/[^a-z0-9]/g, "");
}

/**
 * A file's header row, normalised, and where each column is. Rows stay arrays of cells
 * (papaparse without `header`): building an object per row cost more than parsing the CSV.
 */
export class CsvHeader {
  readonly names: readonly string[];
  private readonly at = new Map<string, number>();
  constructor(cells: readonly string[]) {
    this.names = cells.map(normaliseHeader);
    this.names.forEach((name, i) => {
      if (!this.at.has(name)) this.at.set(name, i);
    });
  }
  /** Expected columns the header does not name. */
  missing(columns: readonly string[]): string[] {
    return columns.filter((c) => !this.at.has(c));
  }
  /** Expected columns the header names more than once (the import would silently use one of them). */
  doubled(columns: readonly string[]): string[] {
    return columns.filter((c) => this.names.indexOf(c) !== this.names.lastIndexOf(c));
  }
  /** The row's cell under `column` ("" when the row is shorter than the header). */
  cell(cells: readonly string[], column: string): string {
    const i = this.at.get(column);
    return i === undefined ? "" : (cells[i] ?? "");
  }
}

/**
 * Yields [rowNumber, cells, header] for every data row of the CSV file (empty lines skipped).
 * The parser's rows are taken a chunk of the file at a time (papaparse's `chunk` callback: no
 * object per row and no object-mode stream between parser and reader, which cost more than the
 * parsing itself); the file is paused while more than READ_AHEAD rows wait, so memory stays
 * bounded however long the file is.
 */
export function readCsvRows(filePath: string): AsyncGenerator<[number, string[], CsvHeader]> {
  return readCsv(createReadStream(filePath, { encoding: "utf8" }));
}

/** readCsvRows for a CSV already in memory (the hiring plan, posted as text): same parser, same rows. */
export function readCsvText(text: string): AsyncGenerator<[number, string[], CsvHeader]> {
  // The whole text as one string chunk (Readable.from iterates the array, whose one item it is).
  return readCsv(Readable.from([text]));
}

async function* readCsv(source: Readable): AsyncGenerator<[number, string[], CsvHeader]> {
  let header: CsvHeader | null = null;
  let row = 1;
  for await (const run of readCsvRecords(source)) {
    for (const cells of run) {
      if (isBlank(cells)) continue;
      if (header === null) header = new CsvHeader(cells);
      else yield [++row, cells, header];
    }
  }
}

/**
 * Every record of a CSV text stream (blank lines included), a run of up to READ_AHEAD records
 * at a time, in file order. The parser's rows are taken a chunk of the file at a time
 * (papaparse's `chunk` callback); the source is paused while a run waits to be taken.
 */
export async function* readCsvRecords(source: Readable): AsyncGenerator<string[][]> {
  let buffered: string[][] = [];
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  // A Node readable stream is parsed chunk by chunk (papaparse's ReadableStreamStreamer; the
  // stream decodes UTF-8, so a character split between two chunks arrives whole).
  Papa.parse<string[]>(source, {
    header: false,
    // Blank lines are skipped by the callers (isBlank): papaparse's "greedy" option joins every
    // row's cells into a new string to test it, and filters each chunk into a new array.
    skipEmptyLines: false,
    chunk(results) {
      for (const row of results.data) buffered.push(row);
      if (buffered.length >= READ_AHEAD) source.pause();
      signal();
    },
    complete() {
      ended = true;
      signal();
    },
    error(e) {
      failure = e;
      signal();
    },
  });
  try {
    for (;;) {
      if (buffered.length > 0) {
        const run = buffered;
        buffered = [];
        if (!ended) source.resume();
        yield run;
        continue;
      }
      if (failure) throw failure;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    source.destroy();
  }
}

const READ_AHEAD = 1000;

/** A line of nothing but whitespace and delimiters (skipped; it is not a row). */
export function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (NOT_SPACE.test(c)) return false;
  return true;
}
const NOT_SPACE = /\S/;

export const ACTUALS_COLUMNS = ["date", "costcentrecode", "category", "amount", "vendor", "memo", "externalreference"] as const;
export const PLAN_COLUMNS = ["month", "costcentrecode", "category", "amount"] as const;

// Strict ISO calendar dates ("2026-02-30" is refused, not rolled into March) live in lib/fiscal.ts.
export { parseIsoDate };

/** "2026-03" or "2026-03-01" → the first of that month (UTC). */
export function parseMonth(s: string): Date | null {
  const t = s.trim();
  const m = /^(\d{4})-(\d{2})(?:-01)?$/.exec(t);
  if (!m) return null;
  const mo = Number(m[2]);
  const y = Number(m[1]);
  if (mo < 1 || mo > 12 || y < MIN_INPUT_YEAR || y > MAX_INPUT_YEAR) return null;
  return new Date(Date.UTC(y, mo - 1, 1));
}

export function parseCategory(s: string): BudgetCategory | null {
  const key = s.trim().toUpperCase().replace(/\s+/g, "_");
  return Object.hasOwn(BudgetCategory, key) ? (key as BudgetCategory) : null;
}

/** An amount within ±MAX_ABS_CENTS (parseMoneyToCents refuses anything larger). */
function parseAmount(s: string): bigint | null {
  return parseMoneyToCents(s ?? "");
}

export type ActualsLine = {
  bookedOn: Date;
  code: string;
  category: BudgetCategory;
  amountCents: bigint;
  vendor: string;
  memo: string;
  externalRef: string | null;
};

/** Checks one actuals row. Returns the line, or the reasons it is refused. */
export function parseActualsRecord(cells: readonly string[], h: CsvHeader, knownCode: (code: string) => boolean): ActualsLine | string[] {
  const errors = cellShapeErrors(cells, h);
  const date = h.cell(cells, "date");
  const bookedOn = parseIsoDate(date);
  if (!bookedOn) errors.push(`date "${clip(date)}" is not a valid YYYY-MM-DD date`);
  const { code, category, amountCents } = moneyCells(cells, h, knownCode, errors);
  const vendor = h.cell(cells, "vendor").trim();
  if (vendor.length > 120) errors.push("vendor is longer than 120 characters");
  const memo = h.cell(cells, "memo").trim();
  if (memo.length > 500) errors.push("memo is longer than 500 characters");
  const externalRef = h.cell(cells, "externalreference").trim();
  if (externalRef.length > 200) errors.push("external reference is longer than 200 characters");
  if (errors.length) return errors;
  return { bookedOn: bookedOn!, code, category: category!, amountCents: amountCents!, vendor, memo, externalRef: externalRef || null };
}

export type PlanLine = { month: Date; code: string; category: BudgetCategory; amountCents: bigint };

export function parsePlanRecord(cells: readonly string[], h: CsvHeader, knownCode: (code: string) => boolean): PlanLine | string[] {
  const errors = cellShapeErrors(cells, h);
  const monthCell = h.cell(cells, "month");
  const month = parseMonth(monthCell);
  if (!month) errors.push(`month "${clip(monthCell)}" is not a month like 2026-03`);
  const { code, category, amountCents } = moneyCells(cells, h, knownCode, errors);
  if (errors.length) return errors;
  return { month: month!, code, category: category!, amountCents: amountCents! };
}

/** The cost centre, category and amount cells both ledger and plan rows carry; problems go to `errors`. */
function moneyCells(cells: readonly string[], h: CsvHeader, knownCode: (code: string) => boolean, errors: string[]) {
  const code = h.cell(cells, "costcentrecode").trim();
  if (!code) errors.push("cost centre code is missing");
  else if (!knownCode(code)) errors.push(`cost centre code "${clip(code)}" is not an org unit of this organization`);
  const categoryCell = h.cell(cells, "category");
  const category = parseCategory(categoryCell);
  if (!category) errors.push(`category "${clip(categoryCell)}" is not one of ${Object.keys(BudgetCategory).join(", ")}`);
  const amount = h.cell(cells, "amount");
  const amountCents = parseAmount(amount);
  if (amountCents === null) errors.push(`amount "${clip(amount)}" is not an amount like 1234.56`);
  return { code, category, amountCents };
}

/**
 * Problems with the row's shape rather than its values: more cells than the header (typically
 * two lines merged by a stray line break of another kind, or a comma outside quotes: accepting it
 * would silently drop data), fewer cells than the header (a cut line), and NUL characters, which PostgreSQL text cannot hold, named by the
 * header's column.
 */
export function cellShapeErrors(cells: readonly string[], h: CsvHeader): string[] {
  const errors: string[] = [];
  const n = h.names.length;
  if (cells.length > n) errors.push("has more cells than the header (a comma or a line break outside quotes?)");
  // A row cut short is what a truncated upload leaves as its last line: importing it would lose
  // its trailing cells (the external reference that makes a re-upload idempotent among them).
  else if (cells.length < n) errors.push(`has ${cells.length} of the header's ${n} cells (is the file cut off?)`);
  for (let i = 0; i < cells.length && i < n; i++) if (cells[i].includes("\u0000")) errors.push(`${h.names[i]} contains a NUL character`);
  return errors;
}

function clip(s: string | undefined): string {
  const t = (s ?? "").trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}
