import type { InitiativePeriod } from "@/lib/roadmap/schemas";

/** The periods an initiative is planned in, in column order, with their labels (form and board). */
export const INITIATIVE_PERIOD_OPTIONS: readonly { key: InitiativePeriod; label: string }[] = [
  { key: "YEAR", label: "Whole year" },
  { key: "H1", label: "H1" },
  { key: "H2", label: "H2" },
  { key: "Q1", label: "Q1" },
  { key: "Q2", label: "Q2" },
  { key: "Q3", label: "Q3" },
  { key: "Q4", label: "Q4" },
];
