import type { FigureId } from "@/lib/figures/definitions";
import { humanize } from "@/lib/format";
import { BudgetCategory } from "@/lib/generated/prisma/enums";

// The forecast's assumptions as shown to everyone who sees the forecast and edited in Settings
// (pure: pages and client components use it). The forecast itself reads them in SQL
// (lib/budgets/forecast-sql.ts).

export type ForecastAssumptions = {
  /** The org default, e.g. "1.3" (a position may set its own). */
  loadedCostMultiplier: string;
  hiringDelayDays: number;
  runRateMonths: number;
  /** Forecast from the plan; every other category but PERSONNEL from its run-rate. */
  lumpyCategories: BudgetCategory[];
};

/** The categories an org chooses between plan and run-rate for (PERSONNEL is forecast from people and positions). */
export const NON_PERSONNEL_CATEGORIES: readonly BudgetCategory[] = Object.values(BudgetCategory).filter((c) => c !== "PERSONNEL");

/** "1.3000" → "1.3", "2.0000" → "2": the stored Decimal(6, 4) without trailing zeros. */
export function formatMultiplier(stored: string): string {
  return stored.includes(".") ? stored.replace(/0+$/, "").replace(/\.$/, "") : stored;
}

/** Categories in the enum's order, as words. */
export function categoryList(categories: readonly BudgetCategory[]): string {
  const order = Object.values(BudgetCategory) as string[];
  return (
    [...categories]
      .sort((a, b) => order.indexOf(a) - order.indexOf(b))
      .map(humanize)
      .join(", ") || "none"
  );
}

/** Each assumption as the compact line shows it, with the glossary entry that defines it. */
export function describeAssumptions(a: ForecastAssumptions): { id: FigureId; label: string; value: string }[] {
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
  return [
    { id: "loaded-cost-multiplier", label: "Loaded cost", value: `pay × ${a.loadedCostMultiplier}` },
    { id: "hiring-delay", label: "Hiring delay", value: plural(a.hiringDelayDays, "day") },
    { id: "run-rate-window", label: "Run-rate", value: `last ${plural(a.runRateMonths, "closed month")}` },
    { id: "lumpy-categories", label: "From the plan", value: categoryList(a.lumpyCategories) },
  ];
}
