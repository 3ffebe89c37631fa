import { createReadStream } from "node:fs";

import Papa from "papaparse";

import { BudgetCategory } from "@/lib/generated/prisma/enums";
import { MAX_INPUT_YEAR, MIN_INPUT_YEAR, parseIsoDate } from "@/lib/fiscal";
import { parseMoneyToCents } from "@/lib/money";

// Streaming CSV reading for ledger (actuals) and plan imports. papaparse's Node duplex stream
// parses quotes, embedded commas and newlines and CRLF; we strip a UTF-8 BOM and normalise
// header names ("Cost centre code", "cost_center_code" → "costcentrecode"). Rows come out one
// at a time through an async iterator, so memory stays flat however long the file is.
//
// Row numbers are spreadsheet-style: the header is row 1, the first data row is row 2 (a quoted
// field with an embedded newline still counts as one row).

export type CsvRecord = Record<string, string>;

export function normaliseHeader(h: string): string {
  return h.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/center/g, "centre").replace(/[^a-z0-9]/g, "");
}

/**
 * Yields [rowNumber, record] for every data row of the CSV file. The parser's records are taken
 * off its 'data' events in runs of up to READ_AHEAD (the stream's own async iterator hands them
 * over one read() at a time, which made reading 100,000 rows ~15x slower than parsing them);
 * the parser is paused while a run is being consumed, so memory stays bounded.
 */
export async function* readCsvRecords(filePath: string): AsyncGenerator<[number, CsvRecord]> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: normaliseHeader,
  });
  const source = createReadStream(filePath, { encoding: "utf8" });
  let buffered: CsvRecord[] = [];
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  source.on("error", (e) => parser.destroy(e));
  parser.on("data", (record: CsvRecord) => {
    buffered.push(record);
    if (buffered.length >= READ_AHEAD) parser.pause();
    signal();
  });
  parser.on("end", () => {
    ended = true;
    signal();
  });
  parser.on("error", (e: unknown) => {
    failure = e;
    signal();
  });
  source.pipe(parser);
  let row = 1;
  try {
    for (;;) {
      if (buffered.length > 0) {
        const run = buffered;
        buffered = [];
        parser.resume();
        for (const record of run) yield [++row, record];
        continue;
      }
      if (failure) throw failure;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    source.destroy();
    parser.destroy();
  }
}

const READ_AHEAD = 1000;

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
export function parseAmount(s: string): bigint | null {
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

/** Checks one actuals record. Returns the line, or the reasons it is refused. */
export function parseActualsRecord(r: CsvRecord, knownCode: (code: string) => boolean): ActualsLine | string[] {
  const errors = rowShapeErrors(r);
  const bookedOn = parseIsoDate(r.date ?? "");
  if (!bookedOn) errors.push(`date "${clip(r.date)}" is not a valid YYYY-MM-DD date`);
  const code = (r.costcentrecode ?? "").trim();
  if (!code) errors.push("cost centre code is missing");
  else if (!knownCode(code)) errors.push(`cost centre code "${clip(code)}" is not an org unit of this organization`);
  const category = parseCategory(r.category ?? "");
  if (!category) errors.push(`category "${clip(r.category)}" is not one of ${Object.keys(BudgetCategory).join(", ")}`);
  const amountCents = parseAmount(r.amount ?? "");
  if (amountCents === null) errors.push(`amount "${clip(r.amount)}" is not an amount like 1234.56`);
  if ((r.vendor ?? "").trim().length > 120) errors.push("vendor is longer than 120 characters");
  const memo = (r.memo ?? "").trim();
  if (memo.length > 500) errors.push("memo is longer than 500 characters");
  const externalRef = (r.externalreference ?? "").trim();
  if (externalRef.length > 200) errors.push("external reference is longer than 200 characters");
  if (errors.length) return errors;
  return { bookedOn: bookedOn!, code, category: category!, amountCents: amountCents!, vendor: (r.vendor ?? "").trim(), memo, externalRef: externalRef || null };
}

export type PlanLine = { month: Date; code: string; category: BudgetCategory; amountCents: bigint };

export function parsePlanRecord(r: CsvRecord, knownCode: (code: string) => boolean): PlanLine | string[] {
  const errors = rowShapeErrors(r);
  const month = parseMonth(r.month ?? "");
  if (!month) errors.push(`month "${clip(r.month)}" is not a month like 2026-03`);
  const code = (r.costcentrecode ?? "").trim();
  if (!code) errors.push("cost centre code is missing");
  else if (!knownCode(code)) errors.push(`cost centre code "${clip(code)}" is not an org unit of this organization`);
  const category = parseCategory(r.category ?? "");
  if (!category) errors.push(`category "${clip(r.category)}" is not one of ${Object.keys(BudgetCategory).join(", ")}`);
  const amountCents = parseAmount(r.amount ?? "");
  if (amountCents === null) errors.push(`amount "${clip(r.amount)}" is not an amount like 1234.56`);
  if (errors.length) return errors;
  return { month: month!, code, category: category!, amountCents: amountCents! };
}

/**
 * Columns the header names twice. Papaparse renames the second "amount" to "amount_1" and the
 * import would silently use the first; normalised header names never contain "_", so a key
 * "<column>_<n>" is always such a rename.
 */
export function doubledColumns(keys: readonly string[], columns: readonly string[]): string[] {
  return columns.filter((c) => keys.some((k) => new RegExp(`^${c}_\\d+$`).test(k)));
}

/**
 * Problems with the row's shape rather than its values: more cells than the header (papaparse
 * keeps them in __parsed_extra — typically two lines merged by a stray line break of another
 * kind, or a comma outside quotes: accepting it would silently drop data), and NUL characters,
 * which PostgreSQL text cannot hold.
 */
export function rowShapeErrors(r: Record<string, unknown>): string[] {
  const errors: string[] = [];
  if (Object.hasOwn(r, "__parsed_extra")) errors.push("has more cells than the header (a comma or a line break outside quotes?)");
  for (const [column, v] of Object.entries(r)) if (typeof v === "string" && v.includes("\u0000")) errors.push(`${column} contains a NUL character`);
  return errors;
}

function clip(s: string | undefined): string {
  const t = (s ?? "").trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}
