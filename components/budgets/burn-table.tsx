import type * as React from "react";

import { ChartTable } from "@/components/dashboard/chart-table";
import type { BurnPoint } from "@/components/charts/burn-chart";
import { BurnChart } from "@/components/charts/lazy";
import { formatMoney } from "@/lib/money";

/** The burn chart followed by its table alternative, as every money view shows them. */
export function BurnChartAndTable(props: React.ComponentProps<typeof BurnChart> & React.ComponentProps<typeof BurnTable>) {
  const { points, currency, currentMonth, hasPlan } = props;
  return (
    <>
      <BurnChart {...props} />
      <BurnTable points={points} currency={currency} currentMonth={currentMonth} hasPlan={hasPlan} />
    </>
  );
}

/**
 * The burn chart's table alternative: cumulative plan, actual and forecast by month. The month in
 * progress shows what is booked so far, marked partial, as the chart does.
 */
export function BurnTable({
  points,
  currency,
  currentMonth,
  hasPlan = true,
}: {
  points: BurnPoint[];
  currency: string;
  currentMonth: string;
  hasPlan?: boolean;
}) {
  // Null: not shown for that month (a future actual, or withheld from a reader without pay access).
  const money = (c: number | null) => (c === null ? "–" : formatMoney(c, currency, { compact: true }));
  return (
    <ChartTable
      caption="Cumulative plan, actual and forecast by month; the month in progress is partial"
      head={["Month", "Plan", "Actual", "Forecast"]}
      rows={points.map((p) => [
        p.month.slice(0, 7),
        hasPlan ? money(p.cumPlanCents) : "no plan",
        p.cumActualCents == null
          ? "–"
          : p.month === currentMonth
            ? `${money(p.cumActualCents)} so far (partial month)`
            : money(p.cumActualCents),
        money(p.cumForecastCents),
      ])}
    />
  );
}
