import { divHalfEven, mulCentsHalfEven } from "@/lib/money";

// Loaded cost = annual compensation × multiplier (the org default, or the position's override).
// The monthly figure is rounded ONCE, half-even, from the exact annual product: rounding the
// annual amount first and dividing again would round twice.

export function effectiveMultiplier(orgMultiplier: string, positionMultiplier: string | null | undefined): string {
  return positionMultiplier ?? orgMultiplier;
}

export function annualLoadedCostCents(annualCompCents: bigint, multiplier: string): bigint {
  return mulCentsHalfEven(annualCompCents, multiplier);
}

export function monthlyLoadedCostCents(annualCompCents: bigint, multiplier: string): bigint {
  return mulCentsHalfEven(annualCompCents, multiplier, 12n);
}

/**
 * For SQL aggregates: the database sums the exact products annualCompCents × multiplier × 10^4
 * (multipliers have four decimals, so each product is an integer) and returns the sum as text;
 * this turns it into monthly cents, rounded once.
 */
export function monthlyFromScaledSum(scaledSum: string | bigint | null): bigint {
  if (scaledSum === null) return 0n;
  return divHalfEven(BigInt(scaledSum), 12n * 10_000n);
}
