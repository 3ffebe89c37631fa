import { toDateString } from "@/lib/fiscal";
import type { BudgetCategory } from "@/lib/generated/prisma/enums";

// The filters of the lines behind a money figure (/[org]/budgets/lines) as they appear in the URL,
// and the URL written from them. Parsed on the server by lib/budgets/lines-params.ts (for the page
// and its CSV export alike). No zod here: client components import this module (the finance tree's
// drill links, the lines filters), and zod would add 26 KB to their pages' JavaScript.
//   ?kind=plan                 plan lines (BudgetLine) instead of ledger lines (ActualEntry)
//   ?unit=<id>&scope=own       the unit and everything below it, or (scope=own) the unit alone
//   ?cat=CLOUD                 one category
//   ?from=2026-02&to=2027-01   months, inclusive (default: the current fiscal year)
//   ?vendor=<id>&q=<text>      ledger lines only: one vendor; memo or external reference contains
//   ?sort=<key>&dir=asc|desc   the order, applied by the database across pages and in the CSV
//   ?tree=asof                 the unit's subtree as it was on the last day of `to` (a closed period)

export type LinesKind = "actual" | "plan";

export const LEDGER_SORT_KEYS = ["date", "unit", "category", "vendor", "memo", "ref", "amount"] as const;
export const PLAN_SORT_KEYS = ["date", "unit", "category", "amount"] as const;
export type LinesSortKey = (typeof LEDGER_SORT_KEYS)[number];
export type LinesSort = { key: LinesSortKey; dir: "asc" | "desc" };
export const DEFAULT_LINES_SORT: LinesSort = { key: "date", dir: "asc" };

export type LinesFilters = {
  kind: LinesKind;
  unitId: string | null;
  /** Only the unit's own lines, not those of the units below it. */
  own: boolean;
  category: BudgetCategory | null;
  /** Months, "YYYY-MM", inclusive. */
  from: string;
  to: string;
  vendorId: string | null;
  /** Search text as typed (trimmed); LIKE escaping happens where the SQL is written. */
  q: string;
  sort: LinesSort;
  /** The day whose org tree the unit's subtree follows ("as it was", lib/budgets/tree-basis.ts); absent or null: today's. */
  asof?: string | null;
};

/** The longest search text the lines take. */
export const MAX_SEARCH = 100;

/** "2026-02" → the label "Feb 2026". */
export function monthLabel(ym: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${ym}-01T00:00:00Z`));
}

/**
 * The URL query of a list (without the page): every filter, the months always (a shared link
 * keeps showing the same months as time passes), kind, scope and sort only when not the default.
 */
export function linesQuery(f: LinesFilters, over: Partial<LinesFilters> = {}): string {
  const g = { ...f, ...over };
  const q = new URLSearchParams();
  if (g.kind === "plan") q.set("kind", "plan");
  if (g.unitId) q.set("unit", g.unitId);
  if (g.unitId && g.own) q.set("scope", "own");
  if (g.category) q.set("cat", g.category);
  q.set("from", g.from);
  q.set("to", g.to);
  if (g.kind === "actual" && g.vendorId) q.set("vendor", g.vendorId);
  if (g.kind === "actual" && g.q) q.set("q", g.q);
  if (g.asof) q.set("tree", "asof");
  if (g.sort.key !== DEFAULT_LINES_SORT.key || g.sort.dir !== DEFAULT_LINES_SORT.dir) {
    q.set("sort", g.sort.key);
    q.set("dir", g.sort.dir);
  }
  return q.toString();
}

/** First day of the first month and first day of the month AFTER the last (a half-open range for SQL). */
export function monthBounds(f: Pick<LinesFilters, "from" | "to">): { start: string; endExclusive: string } {
  const [y, m] = f.to.split("-").map(Number);
  const next = new Date(Date.UTC(y, m, 1));
  return { start: `${f.from}-01`, endExclusive: toDateString(next) };
}
