import "server-only";

import type { ForecastAssumptions } from "@/lib/budgets/forecast-assumptions";
import { formatMultiplier } from "@/lib/budgets/forecast-assumptions";
import { db } from "@/lib/db";
import { memoFigures, type DataTable } from "@/lib/figures-memo";

/** The table the assumptions are read from (memo version; tests/integration/figures-memo.test.ts checks the SQL). */
export const ASSUMPTION_TABLES: readonly DataTable[] = ["Organization"];

/**
 * The org's forecast assumptions, for showing beside the forecast. Memoized per org data version
 * like the figures it explains, so a page that shows both reads the database no more often.
 */
export function getForecastAssumptions(orgId: string): Promise<ForecastAssumptions> {
  return memoFigures(orgId, "forecast-assumptions", [], ASSUMPTION_TABLES, async () => {
    const org = await db.organization.findUniqueOrThrow({
      where: { id: orgId },
      select: { loadedCostMultiplier: true, hiringDelayDays: true, forecastRunRateMonths: true, forecastLumpyCategories: true },
    });
    return {
      loadedCostMultiplier: formatMultiplier(org.loadedCostMultiplier.toFixed(4)),
      hiringDelayDays: org.hiringDelayDays,
      runRateMonths: org.forecastRunRateMonths,
      lumpyCategories: org.forecastLumpyCategories,
    };
  });
}
