import type { PeriodKey } from "@/lib/budgets/period";
import type { FinanceScope } from "@/lib/budgets/rollup";

// What the pay-privacy attack tests share: calendar fiscal year 2026, its months and quarters, and
// how many months a person was in post during a period (the attacker's divisor).

/** The ISO day of a date in a month; day 0 is the last day of the month before. */
export const iso = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
export const dayNo = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;

export const MONTHS_2026 = Array.from({ length: 12 }, (_, i) => ({
  key: `m${i + 1}` as PeriodKey,
  from: iso(2026, i + 1),
  to: iso(2026, i + 2, 0),
}));
export const QUARTERS_2026 = [1, 2, 3, 4].map((q) => ({
  key: `q${q}` as PeriodKey,
  from: iso(2026, 3 * q - 2),
  to: iso(2026, 3 * q + 1, 0),
}));

/** Months in post during [from, to] (inclusive ISO days, from a month's first), each month weighted by its days. */
export function exposure(t: { start: string; end?: string | null }, from: string, to: string): number {
  let months = 0;
  for (let m = from; m <= to; m = iso(Number(m.slice(0, 4)), Number(m.slice(5, 7)) + 1)) {
    const a = dayNo(m);
    const b = dayNo(iso(Number(m.slice(0, 4)), Number(m.slice(5, 7)) + 1));
    const lo = Math.max(a, dayNo(t.start));
    const hi = Math.min(b, t.end ? dayNo(t.end) + 1 : Infinity);
    if (hi > lo) months += (hi - lo) / (b - a);
  }
  return months;
}

/** The whole org's year 2026 (fiscal year starting in January) as of `today`, read with or without pay access. */
export const yearScope = (orgId: string, payReader: boolean, today: Date, over: Partial<FinanceScope> = {}): FinanceScope => ({
  orgId,
  startMonth: 1,
  fiscalYear: 2026,
  period: "year",
  unitId: null,
  category: null,
  payReader,
  today,
  ...over,
});
