import { varianceText } from "@/components/budgets/variance-tone";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";

// Variance = forecast − plan: positive is over budget, negative under. The sign carries the
// meaning without colour; colour only marks a variance beyond the one threshold
// (lib/budgets/variance-level.ts).

type VarianceOf = { varianceCents: number; planCents: number };

export function VarianceAmount({ of, currency, compact }: { of: VarianceOf; currency: string; compact?: boolean }) {
  return (
    <span className={cn("whitespace-nowrap", varianceText(of))}>
      {of.varianceCents > 0 ? "+" : ""}
      {formatMoney(of.varianceCents, currency, { compact })}
    </span>
  );
}

