import "server-only";

import { FORECAST, FORECAST_TABLES, refreshForecastSummary } from "@/lib/budgets/forecast-summary";
import { refreshHealthTrend, TREND } from "@/lib/dashboard/trend-summary";
import { HEADS, refreshHeads } from "@/lib/headcount/heads-summary";
import { db, type Tx } from "@/lib/db";
import type { Db } from "@/lib/db-factory";
import type { DataTable } from "@/lib/figures-memo";
import { logger } from "@/lib/log";
import {
  notedPlanMonths,
  orgsWithStaleFigure,
  tablesWrittenInTx,
  type StoredFigureName,
  type StoredFigureSpec,
} from "@/lib/stored-figures/state";

// Figures kept by the writers (issue 23 item 1): what the first view after a write would otherwise
// compute from the source rows. Each is stored again, in the writing transaction, by every action
// that writes a table it reads (the action pipeline calls `refreshStoredFigures` last, before the
// commit), and read only while it is of today and of the org's current data
// (lib/stored-figures/state.ts); a view computes it otherwise. Plan and actual per unit × month
// are kept by triggers instead (MoneyMonthly, migration money_monthly).

type StoredFigure = StoredFigureSpec & {
  /** Stores it again in `tx`; with `ifStale`, only when it is not current (the worker's refresh). */
  refresh: (tx: Tx, orgId: string, today: Date, ifStale: boolean) => Promise<void>;
};

const FIGURES: readonly StoredFigure[] = [
  { ...FORECAST, refresh: (tx, orgId, today, ifStale) => refreshForecastSummary(tx, orgId, today, null, ifStale) },
  { ...TREND, refresh: refreshHealthTrend },
  { ...HEADS, refresh: refreshHeads },
];

/**
 * The stored figures' own tables. A memo (lib/figures-memo.ts) need not be keyed on them: their
 * rows are read only while current, i.e. as a function of the figure's tables and the day, which
 * a memoized figure is keyed on already. (Keyed on them, a refresh of one figure would drop every
 * other figure memoized.)
 */
export const STORED_FIGURE_TABLES: readonly DataTable[] = ["DeliveryTrendWeekly", "ForecastMonthly", "HeadsMonthly", "StoredFigure"];

const ALL_TABLES = [...new Set(FIGURES.flatMap((f) => f.tables))];

/** Stores again, in `tx`, each figure whose tables this transaction wrote for the org; the figures stored. */
export async function refreshStoredFigures(tx: Tx, orgId: string, today: Date = new Date()): Promise<StoredFigureName[]> {
  const written = await tablesWrittenInTx(tx, orgId, ALL_TABLES);
  const due = FIGURES.filter((f) => f.tables.some((t) => written.has(t)));
  for (const f of due) {
    // Plan lines alone, of months the action noted: the forecast of those months only.
    const planOnly = f.name === "forecast" && FORECAST_TABLES.every((t) => t === "BudgetLine" || !written.has(t));
    if (planOnly) await refreshForecastSummary(tx, orgId, today, notedPlanMonths(tx));
    else await f.refresh(tx, orgId, today, false);
  }
  return due.map((f) => f.name);
}

/**
 * Stores, each org in its own transaction, every figure that is missing, of another day or of older
 * data (the job worker, every 10 minutes: the day's first views then read them). How many stored.
 */
export async function refreshStaleStoredFigures(client: Db = db, today: Date = new Date(), stop = () => false): Promise<number> {
  let n = 0;
  for (const f of FIGURES) {
    for (const orgId of await orgsWithStaleFigure(client, f, today)) {
      if (stop()) return n;
      // One org's failure is logged and the others go on; its figure is computed on read meanwhile.
      try {
        await client.$transaction((tx) => f.refresh(tx, orgId, today, true), { timeout: 120_000, maxWait: 30_000 });
        n++;
      } catch (err) {
        logger.error({ err, event: "stored-figures.refresh.failed", orgId, figure: f.name }, "storing a figure failed");
      }
    }
  }
  return n;
}
