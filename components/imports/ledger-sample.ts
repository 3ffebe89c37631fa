import Papa from "papaparse";

import { findHeaderRow, isSummaryRow } from "@/lib/imports/ledger-detect";
import { headerKey, type LedgerField, type LedgerMappingInput, type MappedKind, valueKey } from "@/lib/imports/ledger-mapping";

// What the mapped import wizard reads of a file: its first bytes only (the import streams it
// all), decoded, with the header row found below any title lines, and the values the mapping
// steps offer from those rows; and the upload of the whole file for the check and the import.

/** How much of the file the mapping steps read: its first rows only; the import streams it all. */
export const SAMPLE_BYTES = 256 * 1024;

export type Encoding = LedgerMappingInput["encoding"];
export type Sample = { header: string[]; headerAt: number; rows: string[][]; encoding: Encoding };

/** The sample of a file of `size` bytes from its first bytes, or null when no header row is found. */
export function readSampleBytes(bytes: Uint8Array, size: number, encoding?: Encoding, kind: MappedKind = "ACTUALS"): Sample | null {
  const decoded = decodeStart(bytes, encoding);
  const rows = Papa.parse<string[]>(decoded.text, { skipEmptyLines: false }).data;
  if (size > SAMPLE_BYTES) rows.pop(); // the last row may be cut by the sample's end
  const headerAt = findHeaderRow(rows, kind);
  if (headerAt < 0) return null;
  return { header: rows[headerAt].map((c) => c.trim()), headerAt, rows: rows.slice(headerAt + 1), encoding: decoded.encoding };
}

type SavedColumns = { mapping: { columns: Partial<Record<string, string>> } };

/**
 * The saved mapping (of a ledger or an HRIS file) closest to a file whose shape has none (most of
 * its columns present, at least half), with the columns the file lacks; undefined when none is
 * that close.
 */
export function closestSaved<M extends SavedColumns>(
  saved: readonly M[],
  header: readonly string[],
): { m: M; missing: string[] } | undefined {
  return saved
    .map((m) => {
      const missing = missingColumns(m, header);
      const cols = Object.values(m.mapping.columns).filter(Boolean).length;
      return { m, missing, share: (cols - missing.length) / cols };
    })
    .filter((c) => c.share >= 0.5)
    .sort((a, b) => b.share - a.share)
    .map(({ m, missing }) => ({ m, missing }))[0];
}

/** The columns a saved mapping (of a ledger or an HRIS file) names that a file with this header lacks. */
export function missingColumns(m: SavedColumns, header: readonly string[]): string[] {
  const keys = new Set(header.map(headerKey));
  return Object.values(m.mapping.columns).filter((n): n is string => !!n && !keys.has(headerKey(n)));
}

/** The file's first bytes as text: UTF-8 when they are (with or without a BOM), else Windows-1252. */
function decodeStart(bytes: Uint8Array, encoding?: Encoding): { text: string; encoding: Encoding } {
  if (encoding) return { text: new TextDecoder(encoding).decode(bytes), encoding };
  try {
    // A multi-byte character cut by the sample's end is not a reason to think the file is not UTF-8.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, utf8Boundary(bytes))), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}
function utf8Boundary(b: Uint8Array): number {
  const end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = b[end - i];
    if ((byte & 0xc0) === 0xc0) return end - i; // a lead byte whose sequence may be cut
    if ((byte & 0x80) === 0) break;
  }
  return end;
}

export function cell(s: Sample, row: readonly string[], column: string | undefined): string {
  if (!column) return "";
  const i = s.header.findIndex((h) => headerKey(h) === headerKey(column));
  return i < 0 ? "" : (row[i] ?? "").trim();
}

/** The sample's data lines: blank, heading and total rows left out, as the import does. */
export function dataRows(s: Sample, columns: Partial<Record<LedgerField, string>>): string[][] {
  return s.rows.filter((r) => r.some((c) => c.trim() !== "") && !isSummaryRow(r, cell(s, r, columns.date)));
}

export function distinct(s: Sample | null, rows: string[][], column: string | undefined, known: Map<string, unknown>): string[] {
  if (!s || !column) return [];
  const out = new Map<string, string>();
  for (const r of rows) {
    const v = cell(s, r, column);
    if (v && !out.has(valueKey(v))) out.set(valueKey(v), v);
  }
  for (const k of known.keys()) out.delete(k);
  return [...out.values()];
}

export function firstDate(s: Sample, rows: string[][], column: string | undefined) {
  return rows.map((r) => cell(s, r, column)).find(Boolean) ?? "";
}

/** `known` with every value of `values` it does not hold yet, each as `make` gives it. */
export function withUnseen<T>(known: Map<string, T>, values: string[] | undefined, make: (value: string) => T): Map<string, T> {
  if (!values?.length) return known;
  return new Map([...known, ...values.filter((v) => !known.has(valueKey(v))).map((v) => [valueKey(v), make(v)] as const)]);
}

/** Uploads the whole file once for the check and the import (the import route's `kind=stage`). */
export async function stageLedgerFile(org: string, f: File): Promise<{ uploadId: string } | { message: string }> {
  const res = await fetch(`/${org}/budgets/import?kind=stage&name=${encodeURIComponent(f.name)}`, {
    method: "POST",
    headers: { "Content-Type": "text/csv" },
    body: f,
  });
  const r = (await res.json().catch(() => null)) as { ok: boolean; data?: { uploadId: string }; message?: string } | null;
  return r?.ok && r.data ? { uploadId: r.data.uploadId } : { message: r?.message ?? "The upload failed. Please try again." };
}
