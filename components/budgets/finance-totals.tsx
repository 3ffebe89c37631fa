import { CalendarRange, LineChart, Receipt, Scale } from "lucide-react";

import { VarianceAmount } from "@/components/budgets/variance";
import { VARIANCE_THRESHOLD_PCT } from "@/components/budgets/variance-tone";
import { Withheld } from "@/components/budgets/withheld";
import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import type { Amounts } from "@/lib/budgets/rollup-prepare";
import { formatPercent } from "@/lib/format";
import { formatMoney } from "@/lib/money";

/** Plan, actual, forecast and variance of a finance view's period (the budgets page and the finance dashboard). */
export function FinanceTotals({ totals, periodLabel, currency, href }: { totals: Amounts; periodLabel: string; currency: string; href?: string }) {
  const money = (cents: number | null) => (cents === null ? <Withheld reason={totals.withheld} /> : formatMoney(cents, currency, { compact: true }));
  const tone =
    totals.varianceCents === null ? undefined : totals.variancePct !== null && totals.variancePct > VARIANCE_THRESHOLD_PCT ? "danger" : totals.varianceCents > 0 ? "warning" : "success";
  return (
    <StatGrid>
      <StatCard label="Plan" value={money(totals.planCents)} icon={CalendarRange} href={href} hint={periodLabel} />
      <StatCard label="Actual" value={money(totals.actualCents)} icon={Receipt} href={href} hint="Ledger lines booked in the period" />
      <StatCard label="Forecast" value={money(totals.forecastCents)} icon={LineChart} href={href} hint="Actuals of closed months + forecast of the rest" />
      <StatCard
        label="Variance"
        value={<VarianceAmount cents={totals.varianceCents} currency={currency} compact reason={totals.withheld} />}
        icon={Scale}
        href={href}
        tone={tone}
        hint={totals.withheld ?? `${formatPercent(totals.variancePct, { signed: true })} forecast vs plan · + is over budget`}
      />
    </StatGrid>
  );
}
