import { fiscalMonthRange, fiscalQuarterRange, fiscalYearLabel, fiscalYearRange } from "@/lib/fiscal";

// Reporting periods of the finance views, parsed from the URL (?period=year|ytd|q1…q4|m1…m12).

export type PeriodKey = "year" | "ytd" | `q${1 | 2 | 3 | 4}` | `m${number}`;

export type Period = {
  key: PeriodKey;
  label: string;
  /** First day of the first month and LAST day of the last month, inclusive. */
  start: Date;
  end: Date;
};

export function parsePeriodKey(value: string | null | undefined): PeriodKey {
  if (value === "ytd" || value === "year") return value;
  if (value && /^q[1-4]$/.test(value)) return value as PeriodKey;
  if (value && /^m([1-9]|1[0-2])$/.test(value)) return value as PeriodKey;
  return "year";
}

/** `today` decides where YTD stops: the end of the current month, clamped to the fiscal year. */
export function resolvePeriod(key: PeriodKey, fiscalYear: number, startMonth: number, today: Date): Period {
  const fy = fiscalYearRange(fiscalYear, startMonth);
  const label = fiscalYearLabel(fiscalYear);
  if (key === "year") return { key, label: `${label} full year`, ...fy };
  if (key === "ytd") {
    const monthEnd = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0));
    const end = monthEnd < fy.start ? new Date(fy.start.getTime() - 86_400_000) : monthEnd > fy.end ? fy.end : monthEnd;
    return { key, label: `${label} year to date`, start: fy.start, end };
  }
  if (key.startsWith("q")) {
    const q = Number(key.slice(1));
    return { key, label: `${label} Q${q}`, ...fiscalQuarterRange(fiscalYear, q, startMonth) };
  }
  const m = Number(key.slice(1));
  const { start, end } = fiscalMonthRange(fiscalYear, m, startMonth);
  const name = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" }).format(start);
  return { key, label: `${label} M${m} (${name})`, start, end };
}

export function periodOptions(fiscalYear: number, startMonth: number): { key: PeriodKey; label: string }[] {
  const today = new Date();
  const keys: PeriodKey[] = ["year", "ytd", "q1", "q2", "q3", "q4", ...Array.from({ length: 12 }, (_, i) => `m${i + 1}` as PeriodKey)];
  return keys.map((key) => ({ key, label: resolvePeriod(key, fiscalYear, startMonth, today).label }));
}
