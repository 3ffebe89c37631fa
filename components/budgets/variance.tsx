import { varianceText } from "@/components/budgets/variance-tone";
import { Withheld } from "@/components/budgets/withheld";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";

// Variance = forecast − plan: positive is over budget, negative under. The sign carries the
// meaning without colour; colour only marks a variance beyond the one threshold
// (lib/budgets/variance-level.ts).

type VarianceOf = { varianceCents: number | null; planCents: number | null; withheld?: string | null };

/** A variance amount; a dash with the reason when it is withheld from a reader without pay access. */
export function VarianceAmount({ of, currency, compact }: { of: VarianceOf; currency: string; compact?: boolean }) {
  if (of.varianceCents === null) return <Withheld reason={of.withheld} />;
  return (
    <span className={cn("whitespace-nowrap", varianceText(of))}>
      {of.varianceCents > 0 ? "+" : ""}
      {formatMoney(of.varianceCents, currency, { compact })}
    </span>
  );
}
