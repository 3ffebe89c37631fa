import type { PeriodKey } from "@/lib/budgets/period";

// Shared by server and client components. How a view's plan is shown (docs/figures.md "Plan
// coverage"): no plan line at all for the scope and period = NO PLAN: the forecast is shown
// without any variance (no variance tile, chart, top variances or colours). A plan for some
// months or some units only is still a plan: variance compares the forecast with it as it is
// (a month or unit without plan lines counts as plan 0) and a note says how many months it covers.

export type PlanCoverage = { lines: number; months: number; periodMonths: number };

export type PlanStatus = "none" | "partial" | "full";

export function planStatus(p: PlanCoverage): PlanStatus {
  if (p.lines === 0) return "none";
  return p.months < p.periodMonths ? "partial" : "full";
}

/** "No plan for FY28 yet", "No plan for FY28 Q1 yet", "No plan for FY27 to date". */
export function noPlanMessage(period: { key: PeriodKey; label: string }): string {
  const fy = period.label.split(" ")[0];
  if (period.key === "year") return `No plan for ${fy} yet`;
  if (period.key === "ytd") return `No plan for ${fy} to date`;
  return `No plan for ${period.label} yet`;
}

/** The note under a partly planned view, or null. */
export function partialPlanNote(p: PlanCoverage): string | null {
  if (planStatus(p) !== "partial") return null;
  return `The plan covers ${p.months} of the ${p.periodMonths} months; months without plan lines count as a plan of 0.`;
}
