import { parsePeriodKey, type PeriodKey } from "@/lib/budgets/period";
import { fiscalYearOf } from "@/lib/fiscal";
import { parseTreeMode, type TreeMode } from "@/lib/budgets/tree-basis";
import { BudgetCategory } from "@/lib/generated/prisma/enums";
import { firstParam, type SearchParams } from "@/lib/search-params";

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

type Search = SearchParams | URLSearchParams;
const get = firstParam;

export function parseFinanceParams(sp: Search, startMonth: number, today = new Date()): FinanceParams {
  const fyText = get(sp, "fy");
  const fy =
    fyText && /^\d{4}$/.test(fyText) && Number(fyText) >= 2000 && Number(fyText) <= 2100 ? Number(fyText) : fiscalYearOf(today, startMonth);
  const cat = get(sp, "cat")?.toUpperCase();
  const unit = get(sp, "unit");
  return {
    fiscalYear: fy,
    period: parsePeriodKey(get(sp, "period")),
    unitId: unit && /^[A-Za-z0-9_-]{1,64}$/.test(unit) ? unit : null,
    category: cat && Object.hasOwn(BudgetCategory, cat) ? (cat as BudgetCategory) : null,
    ...(parseTreeMode(get(sp, "tree")) === "asof" ? { tree: "asof" as const } : {}),
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
