import { z } from "zod";

import { parsePeriodKey, type PeriodKey } from "@/lib/budgets/period";
import { fiscalYearOf } from "@/lib/fiscal";
import { parseTreeMode, type TreeMode } from "@/lib/budgets/tree-basis";
import { BudgetCategory } from "@/lib/generated/prisma/enums";
import { parseSearch, type SearchParams, zIdParam, zParam, zYearParam } from "@/lib/search-params";

// The finance view's filters live in the URL (?fy=2027&period=q2&unit=<id>&cat=CLOUD) so a view
// can be shared, and the CSV export reads the very same parameters. `?tree=asof` asks for a closed
// period as it was (lib/budgets/tree-basis.ts).

export type FinanceParams = {
  fiscalYear: number;
  period: PeriodKey;
  unitId: string | null;
  category: BudgetCategory | null;
  /** Default restated. */
  tree?: TreeMode;
};

// The category is read in any case (?cat=cloud), as the filter links once wrote it.
const ZFinanceSearch = z.object({
  fy: zYearParam(),
  period: zParam(),
  unit: zIdParam(),
  cat: zParam().transform((v) => {
    const cat = v?.toUpperCase();
    return cat && Object.hasOwn(BudgetCategory, cat) ? (cat as BudgetCategory) : null;
  }),
  tree: zParam(),
});

export function parseFinanceParams(sp: SearchParams | URLSearchParams, startMonth: number, today = new Date()): FinanceParams {
  const { fy, period, unit, cat, tree } = parseSearch(ZFinanceSearch, sp);
  return {
    fiscalYear: fy ?? fiscalYearOf(today, startMonth),
    period: parsePeriodKey(period),
    unitId: unit ?? null,
    category: cat,
    // Only when asked: the default (restated) leaves the params as they were.
    ...(parseTreeMode(tree) === "asof" ? { tree: "asof" as const } : {}),
  };
}

export function financeQueryString(p: FinanceParams, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    fy: String(p.fiscalYear),
    period: p.period,
    ...(p.unitId ? { unit: p.unitId } : {}),
    ...(p.category ? { cat: p.category } : {}),
    ...(p.tree === "asof" ? { tree: "asof" } : {}),
    ...extra,
  });
  return q.toString();
}
