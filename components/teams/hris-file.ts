import { headerKey, headerSignature, valueKey } from "@/lib/imports/ledger-mapping";
import type { HrisMapping } from "@/lib/people/hris/mapping";
import { hrisRows } from "@/lib/people/hris/parse";

// What the HRIS sync dialog reads of a file in the browser: decoded (UTF-8 with or without a BOM,
// else Windows-1252), its header and rows, and which saved mapping fits it. The whole file is
// read (it is at most 2 MB) and sent as text, so the server reads exactly what was previewed, and
// read as the server reads it (hrisRows), so the shape signatures agree.

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
  const [header = [], ...rows] = hrisRows(text);
  const clean = header.map((h) => h.trim());
  return { fileName, text, encoding: used, header: clean, rows, signature: headerSignature(clean) };
}

/** The distinct values of a column, in file order. */
export function distinctValues(s: HrisSample, column: string | undefined): string[] {
  const i = column ? s.header.findIndex((h) => headerKey(h) === headerKey(column)) : -1;
  if (i < 0) return [];
  const out = new Map<string, string>();
  for (const r of s.rows) {
    const v = (r[i] ?? "").trim();
    if (v && !out.has(valueKey(v))) out.set(valueKey(v), v);
  }
  return [...out.values()];
}

/** A department's suggested cost centre: the unit whose code, else whose name, it is. */
export function suggestCostCentre(value: string, units: readonly { code: string; name: string }[]): string {
  const byCode = units.find((u) => valueKey(u.code) === valueKey(value));
  if (byCode) return byCode.code;
  const byName = units.filter((u) => valueKey(u.name) === valueKey(value));
  return byName.length === 1 ? byName[0].code : "";
}

/**
 * Each department of the file with its cost centre, by valueKey: as `known` has it (chosen or
 * saved), else the unit whose code or name it is ("" when none).
 */
export function suggestDepartments(
  s: HrisSample,
  column: string | undefined,
  known: ReadonlyMap<string, string>,
  units: readonly { code: string; name: string }[],
): Map<string, string> {
  return new Map(distinctValues(s, column).map((v) => [valueKey(v), known.get(valueKey(v)) ?? suggestCostCentre(v, units)]));
}

/** The mapping's departments: each mapped one as the file writes it, with its cost centre (or ignore). */
export function mappedDepartments(
  s: HrisSample,
  column: string | undefined,
  chosen: ReadonlyMap<string, string>,
): { value: string; code: string }[] {
  const values = distinctValues(s, column);
  return [...chosen].flatMap(([k, code]) => {
    const value = values.find((v) => valueKey(v) === k);
    return code && value ? [{ value, code }] : [];
  });
}

/** The first value in a column (an example of how the file writes it); "" when there is none. */
export function firstValue(s: HrisSample, column: string | undefined): string {
  return column ? (s.rows.map((r) => r[s.header.indexOf(column)]?.trim()).find(Boolean) ?? "") : "";
}
