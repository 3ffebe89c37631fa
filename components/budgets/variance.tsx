import { Withheld } from "@/components/budgets/withheld";
import { formatPercent } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";

// Variance = actual − plan: positive is over budget (red), negative under (green). The sign
// carries the meaning without colour.
function tone(cents: number) {
  return cents > 0 ? "text-health-off-track-text" : cents < 0 ? "text-health-on-track-text" : "text-muted-foreground";
}

export function VarianceAmount({ cents, currency, compact, reason }: { cents: number | null; currency: string; compact?: boolean; reason?: string | null }) {
  if (cents === null) return <Withheld reason={reason} />;
  return (
    <span className={cn("whitespace-nowrap", tone(cents))}>
      {cents > 0 ? "+" : ""}
      {formatMoney(cents, currency, { compact })}
    </span>
  );
}

export function VariancePercent({ pct, cents }: { pct: number | null; cents: number | null }) {
  if (cents === null) return <Withheld />;
  return <span className={cn("whitespace-nowrap", pct === null ? "text-muted-foreground" : tone(cents))}>{formatPercent(pct, { signed: true })}</span>;
}
