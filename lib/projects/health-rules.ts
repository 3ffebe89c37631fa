import type { Health, ProjectStatus } from "@/lib/generated/prisma/enums";
import { dayNumber } from "@/lib/dates";

// Suggested health from facts Keel already has. Pure: the caller gathers the facts (one query
// per fact type) and this module only decides, so every rule is covered by a table-driven test
// (tests/unit/health-rules.test.ts). The suggestion is the worst health any rule asks for.

export type ChosenHealth = Exclude<Health, "UNKNOWN">;

export type HealthFacts = {
  /** "YYYY-MM-DD" */
  today: string;
  status: ProjectStatus;
  targetDate: string | null;
  milestones: { name: string; dueDate: string; doneDate: string | null }[];
  /** Projects this one waits on. */
  blockers: { name: string; health: Health }[];
  budgetCents: number | null;
  /** Actuals tagged to the project; null when none are tagged (the spend rule is skipped). */
  spentCents: number | null;
  /** Open (or backfill) positions the project depends on: allocated ones when allocations exist, else the owning team's. */
  openPositions: number;
  /**
   * The tracker's issues when the project is connected to one (lib/delivery-signals/): the total
   * now and two weeks ago (null without a snapshot that old), and the day of the last change.
   */
  delivery?: { total: number; totalBefore: number | null; lastActivity: string | null } | null;
};

export type HealthReason = { rule: HealthRule; health: ChosenHealth; message: string };
type HealthRule =
  | "target-passed"
  | "target-near"
  | "milestones-overdue"
  | "blocker-off-track"
  | "over-budget"
  | "open-positions"
  | "scope-growth"
  | "delivery-stalled";

/** Days before the target date from which open milestones make a project at risk. */
const NEAR_TARGET_DAYS = 14;
/** Spend above budget by more than this fraction suggests off track rather than at risk. */
const OVER_BUDGET_OFF_TRACK = 0.1;
/** Issues added in two weeks, as a fraction of the scope then, from which the scope is at risk. */
const SCOPE_GROWTH_AT_RISK = 0.2;
/** Days without any change in the connected tracker after which an active project is at risk. */
const STALLED_DAYS = 14;

const HEALTH_RANK: Record<Health, number> = { ON_TRACK: 0, AT_RISK: 1, OFF_TRACK: 2, UNKNOWN: -1 };

const dayNum = dayNumber;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function suggestHealth(f: HealthFacts): { health: ChosenHealth; reasons: HealthReason[] } {
  const reasons: HealthReason[] = [];
  // Finished or cancelled work has no delivery risk left to judge.
  if (f.status === "DONE" || f.status === "CANCELLED") return { health: "ON_TRACK", reasons };
  const today = dayNum(f.today);
  const open = f.milestones.filter((m) => !m.doneDate);

  if (f.targetDate) {
    const daysLeft = dayNum(f.targetDate) - today;
    if (daysLeft < 0) {
      reasons.push({
        rule: "target-passed",
        health: "OFF_TRACK",
        message: `Target date passed ${plural(-daysLeft, "day")} ago and the project is not done.`,
      });
    } else if (daysLeft <= NEAR_TARGET_DAYS && open.length > 0) {
      reasons.push({
        rule: "target-near",
        health: "AT_RISK",
        message: `Target date is in ${plural(daysLeft, "day")} with ${plural(open.length, "open milestone")}.`,
      });
    }
  }

  const overdue = open.filter((m) => dayNum(m.dueDate) < today);
  if (overdue.length > 0) {
    reasons.push({
      rule: "milestones-overdue",
      health: overdue.length >= 2 ? "OFF_TRACK" : "AT_RISK",
      message: `${plural(overdue.length, "milestone")} overdue: ${overdue.map((m) => m.name).join(", ")}.`,
    });
  }

  const offTrackBlockers = f.blockers.filter((b) => b.health === "OFF_TRACK");
  if (offTrackBlockers.length > 0) {
    reasons.push({
      rule: "blocker-off-track",
      health: "AT_RISK",
      message: `Waiting on ${offTrackBlockers.map((b) => b.name).join(", ")}, which ${offTrackBlockers.length === 1 ? "is" : "are"} off track.`,
    });
  }

  if (f.budgetCents !== null && f.budgetCents > 0 && f.spentCents !== null && f.spentCents > f.budgetCents) {
    const over = (f.spentCents - f.budgetCents) / f.budgetCents;
    reasons.push({
      rule: "over-budget",
      health: over > OVER_BUDGET_OFF_TRACK ? "OFF_TRACK" : "AT_RISK",
      message: `Spend is ${Math.round(over * 100)}% over the project budget.`,
    });
  }

  if (f.openPositions > 0) {
    reasons.push({
      rule: "open-positions",
      health: "AT_RISK",
      message: `${plural(f.openPositions, "open position")} the project needs ${f.openPositions === 1 ? "is" : "are"} not filled.`,
    });
  }

  const d = f.delivery;
  if (d && d.totalBefore !== null && d.totalBefore > 0 && (d.total - d.totalBefore) / d.totalBefore > SCOPE_GROWTH_AT_RISK) {
    reasons.push({
      rule: "scope-growth",
      health: "AT_RISK",
      message: `Scope grew ${Math.round(((d.total - d.totalBefore) / d.totalBefore) * 100)}% in two weeks (${d.totalBefore} → ${d.total} issues).`,
    });
  }
  if (d && f.status === "ACTIVE" && d.lastActivity && today - dayNum(d.lastActivity) > STALLED_DAYS) {
    reasons.push({
      rule: "delivery-stalled",
      health: "AT_RISK",
      message: `No issue or pull request changed in ${plural(today - dayNum(d.lastActivity), "day")}.`,
    });
  }

  const health = reasons.reduce<ChosenHealth>((worst, r) => (HEALTH_RANK[r.health] > HEALTH_RANK[worst] ? r.health : worst), "ON_TRACK");
  return { health, reasons };
}

/** True when the author claims a better health than the rules suggest: a reason is then required. */
export function isBetterThanSuggested(chosen: ChosenHealth, suggested: ChosenHealth): boolean {
  return HEALTH_RANK[chosen] < HEALTH_RANK[suggested];
}
