/** The bands of the `tenure` figure, by completed years since the start date (lib/org-health/counted.ts). */
export const TENURE_BANDS = ["Under 1 year", "1–2 years", "2–5 years", "5 years or more"] as const;
