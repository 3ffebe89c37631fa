import { parsePeriodKey, type PeriodKey } from "@/lib/budgets/period";
import { fiscalYearOf } from "@/lib/fiscal";
import { BudgetCategory } from "@/lib/generated/prisma/enums";
import { firstParam, type SearchParams } from "@/lib/search-params";

// The finance view's filters live in the URL (?fy=2027&period=q2&unit=<id>&cat=CLOUD) so a view
// can be shared, and the CSV export reads the very same parameters.

export type FinanceParams = { fiscalYear: number; period: PeriodKey; unitId: string | null; category: BudgetCategory | null };

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
  };
}

export function financeQueryString(p: FinanceParams, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    fy: String(p.fiscalYear),
    period: p.period,
    ...(p.unitId ? { unit: p.unitId } : {}),
    ...(p.category ? { cat: p.category } : {}),
    ...extra,
  });
  return q.toString();
}
