import { z } from "zod";

import { fiscalYearOf, fiscalYearRange, toDateString } from "@/lib/fiscal";
import { periodClosed } from "@/lib/budgets/tree-basis";
import {
  DEFAULT_LINES_SORT,
  LEDGER_SORT_KEYS,
  type LinesFilters,
  type LinesKind,
  type LinesSortKey,
  MAX_SEARCH,
  PLAN_SORT_KEYS,
} from "@/lib/budgets/lines-query";
import { BudgetCategory } from "@/lib/generated/prisma/enums";
import { parseSearch, type SearchParams, zParam } from "@/lib/search-params";

// The lines' URL (lib/budgets/lines-query.ts says what each parameter means), parsed once here for
// the page and its CSV export so both show exactly the same rows. A value that cannot be read is
// left out and named in `ignored`, never passed to the database.

export type ParsedLines = { filters: LinesFilters; ignored: string[] };

// Each value trimmed, "" as absent; what it means is judged below, so that a bad one can be named.
const trimmed = zParam().transform((v) => v?.trim() || undefined);
const ZLinesSearch = z.object({
  kind: trimmed,
  unit: trimmed,
  scope: trimmed,
  cat: trimmed,
  from: trimmed,
  to: trimmed,
  vendor: trimmed,
  q: trimmed,
  sort: trimmed,
  dir: trimmed,
  tree: trimmed,
});
type LinesSearch = z.output<typeof ZLinesSearch>;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MONTH = /^(\d{4})-(\d{2})$/;
/** Characters no search needs and PostgreSQL text cannot hold (NUL) or a LIKE should not see. */
const CONTROL = /[\u0000-\u001f\u007f]/;
function month(value: string): string | null {
  const m = MONTH.exec(value);
  if (!m) return null;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  return y >= 2000 && y <= 2100 && mo >= 1 && mo <= 12 ? value : null;
}

/** The fiscal year (start and end month) that holds a month. */
function fiscalYearMonths(ym: string, startMonth: number): { from: string; to: string } {
  const r = fiscalYearRange(fiscalYearOf(new Date(`${ym}-01T00:00:00Z`), startMonth), startMonth);
  return { from: toDateString(r.start).slice(0, 7), to: toDateString(r.end).slice(0, 7) };
}

export function parseLinesParams(search: SearchParams | URLSearchParams, startMonth: number, today = new Date()): ParsedLines {
  const sp = parseSearch(ZLinesSearch, search);
  const get = (key: keyof LinesSearch) => sp[key];
  const ignored: string[] = [];
  const kind: LinesKind = get("kind") === "plan" ? "plan" : "actual";
  if (get("kind") && !["plan", "actual"].includes(get("kind")!)) ignored.push("Kind: not “actual” or “plan”; showing ledger lines.");

  const id = (key: keyof LinesSearch, label: string, what: string): string | null => {
    const v = get(key);
    if (v === undefined) return null;
    if (ID.test(v)) return v;
    ignored.push(`${label}: not a valid id; showing ${what}.`);
    return null;
  };
  const unitId = id("unit", "Org unit", "the whole organization");
  const scope = get("scope");
  if (scope && scope !== "own" && scope !== "subtree") ignored.push("Units: not “own” or “subtree”; including the units below.");
  const own = scope === "own" && unitId !== null;

  const catText = get("cat");
  const cat = catText?.toUpperCase();
  // Object.hasOwn, not `in`: "constructor" or "__proto__" are not categories.
  const category = cat && Object.hasOwn(BudgetCategory, cat) ? (cat as BudgetCategory) : null;
  if (catText && !category) ignored.push("Category: unknown; showing every category.");

  const current = fiscalYearMonths(toDateString(today).slice(0, 7), startMonth);
  const monthParam = (key: "from" | "to", label: string): string | null => {
    const v = get(key);
    if (v === undefined) return null;
    const m = month(v);
    if (!m) ignored.push(`${label}: expected a month as YYYY-MM between 2000 and 2100 (e.g. 2026-02).`);
    return m;
  };
  let from = monthParam("from", "From");
  let to = monthParam("to", "To");
  // One end given: the other is the end of that month's fiscal year; none: the current fiscal year.
  from ??= to ? fiscalYearMonths(to, startMonth).from : current.from;
  to ??= fiscalYearMonths(from, startMonth).to;
  if (from > to) {
    [from, to] = [to, from];
    ignored.push("From was after To: the two were swapped.");
  }

  let vendorId: string | null = null;
  let q = "";
  if (kind === "actual") {
    vendorId = id("vendor", "Vendor", "every vendor");
    const text = get("q");
    if (text !== undefined) {
      if (CONTROL.test(text)) ignored.push("Search: contains control characters; not searched.");
      else if (text.length > MAX_SEARCH) ignored.push(`Search: longer than ${MAX_SEARCH} characters; not searched.`);
      else q = text;
    }
  } else if (get("vendor") || get("q")) {
    ignored.push("Vendor and search apply to ledger lines only.");
  }

  const keys: readonly string[] = kind === "plan" ? PLAN_SORT_KEYS : LEDGER_SORT_KEYS;
  const sortText = get("sort");
  const dirText = get("dir");
  let sort = DEFAULT_LINES_SORT;
  if (sortText && !keys.includes(sortText)) ignored.push("Sort: unknown column; sorted by date.");
  else if (sortText) sort = { key: sortText as LinesSortKey, dir: dirText === "desc" ? "desc" : "asc" };
  else if (dirText === "desc") sort = { ...DEFAULT_LINES_SORT, dir: "desc" };

  // "As it was" only for months that have all closed: the tree of the last one's last day.
  let asof: string | null = null;
  if (get("tree") === "asof") {
    const [y, m] = to.split("-").map(Number);
    const end = new Date(Date.UTC(y, m, 0));
    if (periodClosed({ start: new Date(`${from}-01T00:00:00Z`), end }, today)) asof = toDateString(end);
    else ignored.push("As it was: only for months that have closed; showing today's org tree.");
  }

  return { filters: { kind, unitId, own, category, from, to, vendorId, q, sort, ...(asof ? { asof } : {}) }, ignored };
}
