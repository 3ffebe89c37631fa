import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";

import {
  ACTUALS_COLUMNS,
  type ActualsLine,
  CsvHeader,
  isBlank,
  parseActualsRecord,
  parsePlanRecord,
  PLAN_COLUMNS,
  type PlanLine,
  readCsvRecords,
} from "@/lib/budgets/csv";
import type { LedgerRowParser } from "@/lib/budgets/import-actuals";
import type { PlanRowParser } from "@/lib/budgets/import-plan";
import type { HiringPlanRow, HiringPlanRowParser } from "@/lib/headcount/import-hiring-plan";
import type { BudgetCategory } from "@/lib/generated/prisma/enums";
import { invalid } from "@/lib/errors";
import { HEADER_SEARCH_ROWS, isSummaryRow } from "@/lib/imports/ledger-detect";
import { headerKey, IGNORE, type LedgerField, type LedgerMapping, MAPPED_FIELDS, valueKey } from "@/lib/imports/ledger-mapping";
import { DATE_FORMATS, type DateReader, parseLedgerAmount, parseLedgerDate, parseLedgerMonth } from "@/lib/imports/ledger-values";
import { centsToDecimalString, mulCentsHalfEven } from "@/lib/money";

// A ledger export read through its mapping: decoded in the mapping's encoding, its header found
// below any title lines, and each row turned into a row of Keel's own layout, which then goes
// through the one ledger import (runLedgerImport) exactly like a file in Keel's layout.
// Row numbers are the file's own record numbers (title lines count), as a spreadsheet shows them.

/** The file's text, decoded as it streams: UTF-8 (a BOM is dropped) or Windows-1252. */
function decodedText(filePath: string, encoding: LedgerMapping["encoding"]): Readable {
  async function* chunks() {
    // fatal: a byte that is not UTF-8 is refused, not turned into "�" in someone's memo.
    const decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
    let at = 0;
    for await (const chunk of createReadStream(filePath) as AsyncIterable<Buffer>) {
      try {
        yield decoder.decode(chunk, { stream: true });
      } catch {
        throw notUtf8(at);
      }
      at += chunk.byteLength;
    }
    try {
      yield decoder.decode();
    } catch {
      throw notUtf8(at);
    }
  }
  return Readable.from(chunks());
}

const notUtf8 = (at: number) =>
  invalid(
    { encoding: [`The file is not UTF-8 text (a byte after position ${at} is not UTF-8). Choose Windows-1252 as its encoding.`] },
    "The file is not UTF-8 text; nothing was imported. Choose Windows-1252 as its encoding and try again.",
  );

/** The columns a mapping names, as [field, header name]. */
function mappedColumns(m: LedgerMapping): [LedgerField, string][] {
  return Object.entries(m.columns).filter((e): e is [LedgerField, string] => typeof e[1] === "string" && e[1] !== "");
}

/**
 * The file's data rows as [record number, cells, header]: the header is the first of the first
 * HEADER_SEARCH_ROWS records that names every mapped column (title lines above it are skipped).
 * A file where no such row exists does not have the mapping's shape: refused, naming what is missing.
 */
export async function* mappedLedgerRows(
  filePath: string,
  mapping: LedgerMapping,
  onHeader: (cells: string[]) => void,
): AsyncGenerator<[number, string[], CsvHeader]> {
  const wanted = mappedColumns(mapping);
  let header: CsvHeader | null = null;
  let record = 0;
  let best: { missing: string[] } | null = null;
  for await (const run of readCsvRecords(decodedText(filePath, mapping.encoding))) {
    for (const cells of run) {
      record++;
      if (header) {
        if (!isBlank(cells)) yield [record, cells, header];
        continue;
      }
      const keys = new Set(cells.map(headerKey));
      const missing = wanted.filter(([, name]) => !keys.has(headerKey(name))).map(([, name]) => name);
      if (missing.length === 0) {
        header = new CsvHeader(cells);
        onHeader(cells);
      } else if (!best || missing.length < best.missing.length) best = { missing };
      if (!header && record >= HEADER_SEARCH_ROWS) throw shapeMismatch(best!.missing);
    }
  }
  if (!header) throw shapeMismatch(best?.missing ?? wanted.map(([, n]) => n));
}

function shapeMismatch(missing: string[]) {
  const list = missing.map((n) => `"${n}"`).join(", ");
  return invalid(
    { mapping: [`No header row in the file names ${list}. The file does not have this mapping's shape: map its columns again.`] },
    "This file's columns do not match the mapping; nothing was imported. Map the file's columns again.",
  );
}

/** What a mapped import skipped on purpose, and the values no mapping covered. */
export type MappingTally = { summaryRows: number; ignoredRows: number; unmapped: Partial<Record<"account" | "costCentre", Set<string>>> };

const KEEL_HEADER = new CsvHeader([...ACTUALS_COLUMNS]);
const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** How a kind's date column is read, and what its problems say was expected. */
type DateCells = { read: DateReader; expected: (m: LedgerMapping) => string };
const DAYS: DateCells = { read: parseLedgerDate, expected: (m) => `a date in ${DATE_FORMATS[m.dateFormat]}` };
const MONTHS: DateCells = {
  read: parseLedgerMonth,
  expected: (m) => `a month like "Nov 2026", "2026-11" or a date in ${DATE_FORMATS[m.dateFormat]}`,
};

/** A row read through a mapping, before it becomes a row of Keel's layout (no category without an account column). */
type MappedRow = {
  day: string;
  code: string;
  category: BudgetCategory;
  cents: bigint;
  account: string;
  centreCell: string;
  get: (f: LedgerField) => string;
};

/**
 * What every kind's mapped row reader shares: summary and ignored rows skipped (null), the row's
 * shape checked, its department mapped to a cost centre, its account to a category, its date and
 * amount read as the mapping says, a foreign currency converted. Problems name the file's column,
 * the value seen and what was expected.
 */
function mappedRowReader(mapping: LedgerMapping, orgCurrency: string, tally: MappingTally, dates: DateCells) {
  const col = mapping.columns;
  const accounts = new Map(mapping.accounts.map((a) => [valueKey(a.value), a.category]));
  const centres = new Map(mapping.costCentres.map((c) => [valueKey(c.value), c.code]));
  const rates = new Map(mapping.rates.map((r) => [r.currency.toUpperCase(), r.rate.trim()]));
  const currency = orgCurrency.toUpperCase();
  // Bounded: a file of nothing but distinct unmapped values must not fill memory with them.
  const unmapped = (field: "account" | "costCentre", value: string) => {
    const set = (tally.unmapped[field] ??= new Set());
    if (set.size < 1000) set.add(value);
  };

  return (cells: string[], header: CsvHeader, known: (code: string) => boolean): MappedRow | string[] | null => {
    const get = (f: LedgerField) => {
      const name = col[f];
      return name ? header.cell(cells, headerKey(name)).trim() : "";
    };
    const named = (f: LedgerField) => `column "${col[f] ?? MAPPED_FIELDS[f]}"`;
    const dateCell = get("date");
    if (isSummaryRow(cells, dateCell)) {
      tally.summaryRows++;
      return null;
    }
    // Surplus cells are what two lines glued by a stray line break leave (accepting the row would
    // drop a line silently); too few, what a cut-off file leaves. Empty trailing cells are harmless.
    const width = header.names.length;
    if (cells.length > width && cells.slice(width).some((c) => c.trim() !== ""))
      return ["has more cells than the header (a comma or a line break outside quotes?)"];
    if (cells.length < width) return [`has ${cells.length} of the header's ${width} cells (is the file cut off?)`];
    if (cells.some((c) => c.includes("\u0000"))) return ["a cell contains a NUL character"];
    const errors: string[] = [];

    const account = get("account");
    const category = accounts.get(valueKey(account));
    if (category === IGNORE) {
      tally.ignoredRows++;
      return null;
    }
    let code = "";
    const centreCell = col.costCentre ? get("costCentre") : "";
    if (centreCell) {
      const mapped = centres.get(valueKey(centreCell));
      if (mapped === IGNORE) {
        tally.ignoredRows++;
        return null;
      }
      if (mapped) {
        code = mapped;
        if (!known(code))
          errors.push(`${named("costCentre")}: "${clip(centreCell)}" maps to cost centre "${code}", which is not an open org unit`);
      } else if (known(centreCell)) code = centreCell;
      else {
        unmapped("costCentre", centreCell);
        errors.push(`${named("costCentre")}: "${clip(centreCell)}" is not mapped to a cost centre (map it or choose Ignore)`);
      }
    } else if (mapping.fixedCostCentre) {
      code = mapping.fixedCostCentre;
      if (!known(code)) errors.push(`cost centre "${code}" chosen for every row is not an open org unit`);
    } else errors.push(`${named("costCentre")} is empty; expected a department`);

    if (!col.account) {
      // A kind without accounts (a hiring plan): no category to map.
    } else if (!account) errors.push(`${named("account")} is empty; expected an account`);
    else if (!category) {
      unmapped("account", account);
      errors.push(`${named("account")}: "${clip(account)}" is not mapped to a category (map it or choose Ignore)`);
    }

    const day = dates.read(dateCell, mapping.dateFormat);
    if (!day) errors.push(`${named("date")}: "${clip(dateCell)}" is not ${dates.expected(mapping)}`);

    let cents: bigint | null = null;
    if (col.amount) {
      const v = get("amount");
      const c = parseLedgerAmount(v, mapping.decimalMark);
      if (c === null) errors.push(`${named("amount")}: "${clip(v)}" is not an amount like ${example(mapping)}`);
      else cents = mapping.spendIsNegative ? -c : c;
    } else {
      const d = get("debit");
      const c = get("credit");
      const debit = col.debit ? parseLedgerAmount(d, mapping.decimalMark, true) : 0n;
      const credit = col.credit ? parseLedgerAmount(c, mapping.decimalMark, true) : 0n;
      if (debit === null) errors.push(`${named("debit")}: "${clip(d)}" is not an amount like ${example(mapping)}`);
      if (credit === null) errors.push(`${named("credit")}: "${clip(c)}" is not an amount like ${example(mapping)}`);
      if (debit !== null && credit !== null) cents = debit - credit;
    }
    const rowCurrency = col.currency ? get("currency").toUpperCase() : "";
    if (rowCurrency && rowCurrency !== currency && cents !== null) {
      const rate = rates.get(rowCurrency);
      if (rate) cents = mulCentsHalfEven(cents, rate);
      else {
        errors.push(
          `${named("currency")}: "${clip(rowCurrency)}" is not ${currency} (the organization's currency) and no rate for it was given`,
        );
        cents = null;
      }
    }
    if (errors.length) return errors;
    return { day: day!, code, category: category as BudgetCategory, cents: cents!, account, centreCell, get };
  };
}

/**
 * The row parser for a mapped ledger file (runLedgerImport's `parse`): a row becomes the row of
 * Keel's layout it means, checked by the same parseActualsRecord as Keel's own files.
 */
export function ledgerRowMapper(mapping: LedgerMapping, orgCurrency: string, tally: MappingTally): LedgerRowParser {
  const read = mappedRowReader(mapping, orgCurrency, tally, DAYS);
  // Lines get a reference derived from what they say (plus the file's own reference when mapped),
  // so importing the same export again skips the lines already in; a line repeated within one
  // file is numbered by its occurrence as it is written (numbersRepeats), so both are kept.
  const parse: LedgerRowParser = (cells, header, known): ActualsLine | string[] | null => {
    const r = read(cells, header, known);
    if (r === null || Array.isArray(r)) return r;
    const vendor = r.get("vendor");
    const memo = r.get("memo");
    const ref = r.get("reference");
    const digest = createHash("sha256")
      .update([r.day, r.account, r.centreCell, r.cents.toString(), memo, vendor, ref].join("\u0001"))
      .digest("base64url")
      .slice(0, 22);
    const externalRef = `${ref ? `${ref.slice(0, 100)}/` : ""}${digest}`;
    const row = [r.day, r.code, r.category, centsToDecimalString(r.cents), vendor, memo, externalRef];
    const line = parseActualsRecord(row, KEEL_HEADER, known);
    return Array.isArray(line) ? line.map((e) => `after mapping, ${e}`) : line;
  };
  parse.numbersRepeats = true;
  return parse;
}

const PLAN_HEADER = new CsvHeader([...PLAN_COLUMNS]);

/**
 * The row parser for a mapped plan file (runPlanImport's `parse`): a row becomes the plan row of
 * Keel's layout it means (month, cost centre code, category, amount), checked by the same
 * parsePlanRecord as Keel's own plan files.
 */
export function planRowMapper(mapping: LedgerMapping, orgCurrency: string, tally: MappingTally): PlanRowParser {
  const read = mappedRowReader(mapping, orgCurrency, tally, MONTHS);
  return (cells, header, known): PlanLine | string[] | null => {
    const r = read(cells, header, known);
    if (r === null || Array.isArray(r)) return r;
    const line = parsePlanRecord([r.day, r.code, r.category, centsToDecimalString(r.cents)], PLAN_HEADER, known);
    return Array.isArray(line) ? line.map((e) => `after mapping, ${e}`) : line;
  };
}

/**
 * The row parser for a mapped hiring plan (runHiringPlanImport's `parse`): a row becomes the row
 * of Keel's hiring-plan layout it means, its target start as YYYY-MM-DD and its compensation as
 * a plain amount, then checked by the hiring plan's own rules.
 */
export function positionRowMapper(mapping: LedgerMapping, orgCurrency: string, tally: MappingTally): HiringPlanRowParser {
  const read = mappedRowReader(mapping, orgCurrency, tally, DAYS);
  return (cells, header, known): HiringPlanRow | string[] | null => {
    const r = read(cells, header, known);
    if (r === null || Array.isArray(r)) return r;
    return {
      title: r.get("title"),
      level: r.get("level"),
      code: r.code,
      targetStart: r.day,
      annualCompensation: centsToDecimalString(r.cents),
    };
  };
}

/** A fresh tally for one pass over a mapped file. */
export const newTally = (): MappingTally => ({ summaryRows: 0, ignoredRows: 0, unmapped: {} });

const example = (m: LedgerMapping) => (m.decimalMark === "," ? "1.234,56" : "1,234.56");
