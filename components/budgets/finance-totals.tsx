import { CalendarRange, LineChart, Receipt, Scale } from "lucide-react";

import { VarianceAmount } from "@/components/budgets/variance";
import { VARIANCE_THRESHOLD_PCT } from "@/components/budgets/variance-tone";
import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import type { Amounts } from "@/lib/budgets/rollup-prepare";
import { formatPercent } from "@/lib/format";
import { formatMoney } from "@/lib/money";

type Tile = "plan" | "actual" | "forecast" | "variance";

/**
 * Plan, actual, forecast and variance of a finance view's period (the budgets page and the finance
 * dashboard). `links` sends a tile to what is behind it (plan and ledger lines), else to `href`.
 */
export function FinanceTotals({
  totals,
  periodLabel,
  currency,
  href,
  links = {},
}: {
  totals: Amounts;
  periodLabel: string;
  currency: string;
  href?: string;
  links?: Partial<Record<Tile, string | null>>;
}) {
  const to = (tile: Tile) => links[tile] ?? href;
  const money = (cents: number) => formatMoney(cents, currency, { compact: true });
  const tone = totals.variancePct !== null && totals.variancePct > VARIANCE_THRESHOLD_PCT ? "danger" : totals.varianceCents > 0 ? "warning" : "success";
  return (
    <StatGrid>
      <StatCard label="Plan" value={money(totals.planCents)} icon={CalendarRange} href={to("plan")} hint={periodLabel} />
      <StatCard label="Actual" value={money(totals.actualCents)} icon={Receipt} href={to("actual")} hint="Ledger lines booked in the period" />
      <StatCard label="Forecast" value={money(totals.forecastCents)} icon={LineChart} href={to("forecast")} hint="Actuals of closed months + forecast of the rest" />
      <StatCard
        label="Variance"
        value={<VarianceAmount cents={totals.varianceCents} currency={currency} compact />}
        icon={Scale}
        href={to("variance")}
        tone={tone}
        hint={`${formatPercent(totals.variancePct, { signed: true })} forecast vs plan · + is over budget`}
      />
    </StatGrid>
  );
}
