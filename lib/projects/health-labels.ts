import type { Health } from "@/lib/generated/prisma/enums";

/** How each health reads, on screens and in exports. */
export const HEALTH_LABELS: Record<Health, string> = {
  ON_TRACK: "On track",
  AT_RISK: "At risk",
  OFF_TRACK: "Off track",
  UNKNOWN: "Unknown",
};
