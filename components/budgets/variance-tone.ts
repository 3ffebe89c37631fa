// Shared by server and client components (no "use client" here on purpose).

/** Variance beyond ±THRESHOLD % of plan is coloured: red over budget, green under. */
export const VARIANCE_THRESHOLD_PCT = 5;

export function varianceTone(a: { variancePct: number | null; varianceCents: number | null; planCents: number | null }): string {
  if (a.varianceCents === null || a.planCents === null) return "";
  const pct = a.variancePct ?? (a.planCents === 0 && a.varianceCents !== 0 ? (a.varianceCents > 0 ? Infinity : -Infinity) : 0);
  if (pct > VARIANCE_THRESHOLD_PCT) return "bg-health-off-track-soft text-health-off-track-text";
  if (pct < -VARIANCE_THRESHOLD_PCT) return "bg-health-on-track-soft text-health-on-track-text";
  return "";
}
