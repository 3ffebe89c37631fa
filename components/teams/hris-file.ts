import Papa from "papaparse";

import { headerKey, headerSignature } from "@/lib/imports/ledger-mapping";
import type { HrisMapping } from "@/lib/people/hris/mapping";
import type { SavedHrisMapping } from "@/lib/people/hris/queries";

// What the HRIS sync dialog reads of a file in the browser: decoded (UTF-8 with or without a BOM,
// else Windows-1252), its header and rows, and which saved mapping fits it. The whole file is
// read (it is at most 2 MB) and sent as text, so the server reads exactly what was previewed.

export type Encoding = HrisMapping["encoding"];
export type HrisSample = { fileName: string; text: string; encoding: Encoding; header: string[]; rows: string[][]; signature: string };

/** The file as text: UTF-8 when its bytes are, else Windows-1252, unless `encoding` is chosen. */
export function readHrisBytes(fileName: string, bytes: Uint8Array, encoding?: Encoding): HrisSample {
  let text: string;
  let used: Encoding = encoding ?? "utf-8";
  if (encoding) text = new TextDecoder(encoding).decode(bytes);
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      used = "windows-1252";
      text = new TextDecoder("windows-1252").decode(bytes);
    }
  }
  text = text.replace(/^\uFEFF/, "");
  const [header = [], ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" }).data;
  const clean = header.map((h) => h.trim());
  return { fileName, text, encoding: used, header: clean, rows, signature: headerSignature(clean) };
}

/** The saved mapping's columns this file's header lacks. */
function missingColumns(m: SavedHrisMapping, header: readonly string[]): string[] {
  const keys = new Set(header.map(headerKey));
  return Object.values(m.mapping.columns).filter((n): n is string => !!n && !keys.has(headerKey(n)));
}

/** The saved mapping for this file's shape, else the closest one it does not fit (for saying so). */
export function savedFor(
  saved: SavedHrisMapping[],
  s: HrisSample,
): { exact: SavedHrisMapping | null; near: { m: SavedHrisMapping; missing: string[] } | null } {
  const exact = saved.find((m) => m.signature === s.signature) ?? null;
  if (exact) return { exact, near: null };
  const near = saved
    .map((m) => ({ m, missing: missingColumns(m, s.header), cols: Object.values(m.mapping.columns).filter(Boolean).length }))
    .filter((c) => c.cols > 0 && c.missing.length / c.cols <= 0.5)
    .sort((a, b) => a.missing.length - b.missing.length)[0];
  return { exact: null, near: near ? { m: near.m, missing: near.missing } : null };
}

const key = (v: string) => v.trim().toLowerCase();

/** The distinct values of a column, in file order. */
export function distinctValues(s: HrisSample, column: string | undefined): string[] {
  const i = column ? s.header.findIndex((h) => headerKey(h) === headerKey(column)) : -1;
  if (i < 0) return [];
  const out = new Map<string, string>();
  for (const r of s.rows) {
    const v = (r[i] ?? "").trim();
    if (v && !out.has(key(v))) out.set(key(v), v);
  }
  return [...out.values()];
}

/** A department's suggested cost centre: the unit whose code, else whose name, it is. */
export function suggestCostCentre(value: string, units: readonly { code: string; name: string }[]): string {
  const byCode = units.find((u) => key(u.code) === key(value));
  if (byCode) return byCode.code;
  const byName = units.filter((u) => key(u.name) === key(value));
  return byName.length === 1 ? byName[0].code : "";
}
