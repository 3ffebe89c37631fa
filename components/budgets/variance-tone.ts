// Shared by server and client components (no "use client" here on purpose).

import { varianceLevel, type VarianceLevel } from "@/lib/budgets/variance-level";

export { VARIANCE_THRESHOLD_PCT, varianceLevel, type VarianceLevel } from "@/lib/budgets/variance-level";

const BADGE: Record<VarianceLevel, string> = {
  over: "bg-health-off-track-soft text-health-off-track-text",
  under: "bg-health-on-track-soft text-health-on-track-text",
  within: "",
};

const TEXT: Record<VarianceLevel, string> = {
  over: "text-health-off-track-text",
  under: "text-health-on-track-text",
  within: "",
};

/** Badge classes of a variance in tables (lib/budgets/variance-level.ts decides the level). */
export function varianceTone(a: { varianceCents: number | null; planCents: number | null }): string {
  return BADGE[varianceLevel(a)];
}

/** Text colour of a variance amount in tiles and lists. */
export function varianceText(a: { varianceCents: number | null; planCents: number | null }): string {
  return TEXT[varianceLevel(a)];
}

/** Bar fill of a variance in charts. */
export const VARIANCE_FILL: Record<VarianceLevel, string> = { over: "#b91c1c", under: "#15803d", within: "#94a3b8" };
