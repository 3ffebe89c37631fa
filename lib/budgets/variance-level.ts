// Shared by server and client components (no "server-only"): the ONE rule that decides whether a
// variance is coloured, used by every tile, table, chart and export label that colours one.

/** A variance more than this many percent of plan away from it is coloured: red over, green under. */
export const VARIANCE_THRESHOLD_PCT = 5;

export type VarianceLevel = "over" | "under" | "within";

/**
 * Where a variance (forecast − plan) stands against the threshold, from the exact cents (not the
 * rounded percentage, so +5.04% and +4.96% fall on the right sides). An amount without any plan
 * (plan 0) is over or under by its sign: spend nobody planned is beyond any percentage.
 */
export function varianceLevel(a: { varianceCents: number | null; planCents: number | null }): VarianceLevel {
  // A figure withheld from a reader without pay access (null) is not coloured.
  if (a.varianceCents === null || a.planCents === null) return "within";
  const variance = BigInt(a.varianceCents);
  if (variance === 0n) return "within";
  const plan = BigInt(a.planCents);
  const absPlan = plan < 0n ? -plan : plan;
  const absVariance = variance < 0n ? -variance : variance;
  if (plan !== 0n && absVariance * 100n <= BigInt(VARIANCE_THRESHOLD_PCT) * absPlan) return "within";
  return variance > 0n ? "over" : "under";
}
