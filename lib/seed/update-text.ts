import type { Health } from "@/lib/generated/prisma/enums";
import type { Rng } from "@/lib/seed/random";

// Phrase pools for weekly status updates. {m} = the next milestone not yet done on the day of
// the update, {date} = its due date, {dep} = what the project waits on. The tense follows the
// update's own date: a due date still ahead is spoken of as ahead ("will miss Dec 18", "on
// Dec 18", "by", "(due …)"), one already behind as past ("missed", "was due", "slipped past").
// tests/integration/seed-demo.test.ts reads those words back against each update's date.

type Known = Exclude<Health, "UNKNOWN">;
/** Where the next open milestone stands on the update's day; "none" = every milestone is done. */
type MilestonePhase = "ahead" | "overdue" | "none";

const ANY: Record<Known, string[]> = {
  ON_TRACK: [
    "No blockers; burned down the backlog as planned",
    "Demoed progress to stakeholders, feedback folded in",
    "Integration tests passing end-to-end in staging",
    "Architecture walkthrough done; implementation slightly ahead of plan",
    "Pilot feedback positive; no change to the plan",
  ],
  AT_RISK: [
    "Flaky staging environment cost us two days",
    "Scope creep from pilot feedback; negotiating what moves out",
    "Vendor API limits slowing us down, workaround in progress",
  ],
  OFF_TRACK: ["Regression found in field test; rollout halted", "Re-estimate shows four more weeks of work than planned"],
};

const AHEAD: Record<Known, string[]> = {
  ON_TRACK: [
    "On track for {m} on {date}",
    "Steady week; on course for {m} by {date}",
    "Load tests green; moving on to {m}",
    "{m}: scope locked, estimates holding",
    "Good progress toward {m}; nothing to escalate",
  ],
  AT_RISK: [
    "At risk: {m} likely to slip about a week",
    "Waiting on {dep}; {m} may slip",
    "Two engineers out this week; watching the {m} date",
    "Latency above target in staging; investigating before {m}",
  ],
  OFF_TRACK: [
    "Off track: {m} will miss {date}; re-plan in progress",
    "Blocked on hardware supply; {m} slips at least three weeks",
    "Key reviewer left the team; need help from another team to land {m}",
  ],
};

const OVERDUE: Record<Known, string[]> = {
  ON_TRACK: ["Closing out {m} (was due {date}); the end date holds", "{m} a few days late, missed {date}; buffer covers it"],
  AT_RISK: ["At risk: {m} slipped past {date}; new date being agreed", "Waiting on {dep}; {m} missed {date}"],
  OFF_TRACK: ["Off track: {m} missed {date}; re-plan in progress", "Off track: {m} was due {date}, at least three more weeks of work"],
};

const DONE = [
  "Closed 14 tickets, including the two P1 bugs from last week",
  "Merged the data-model changes behind a feature flag",
  "Ran the load test at 2× peak: p99 within target",
  "Reviewed the rollout plan with support and field ops",
  "Finished the threat model; no high findings",
  "Paired with the pilot customer's IT team on setup",
  "Cut the first release candidate",
  "Added dashboards and alerts for the new path",
  "Wrote the runbook and walked on-call through it",
  "Migrated the first two internal users",
  "Fixed the memory leak found in soak testing",
  "Agreed API contract with the consuming teams",
];

const NEXT = [
  "Start the staged rollout: 5 % → 25 % → 100 %",
  "Close the remaining edge cases from QA",
  "Security review with AppSec",
  "Demo at the pilot site",
  "Performance pass on the slow paths",
  "Hand the runbook over to SRE",
  "Update the customer-facing docs",
];
const NEXT_MILESTONE: Record<MilestonePhase, string | null> = {
  ahead: "Finish the work for {m} (due {date})",
  overdue: "Land {m}, which was due {date}",
  none: null,
};

const RISKS = [
  "Depends on {dep}; any slip there moves our date",
  "Pilot site only available on weekends",
  "One engineer on leave for two weeks from Monday",
  "Cloud quota increase still pending with the provider",
  "Test hardware is shared with another team",
  "Ownership of the legacy integration is unclear",
];

export type UpdateContext = { milestone: string | null; date: string; phase: MilestonePhase; dep: string };

function fill(template: string, ctx: UpdateContext): string {
  return template
    .replaceAll("{m}", ctx.milestone ?? "")
    .replaceAll("{date}", ctx.date)
    .replaceAll("{dep}", ctx.dep);
}

function bullets(rng: Rng, pool: string[], n: number, ctx: UpdateContext): string {
  return rng
    .shuffle(pool)
    .slice(0, n)
    .map((s) => `- ${fill(s, ctx)}`)
    .join("\n");
}

/** A one-line summary in the tense of the update's day, never the same as the project's previous one. */
export function updateSummary(rng: Rng, health: Known, ctx: UpdateContext, previous?: string): string {
  const dated = ctx.phase === "ahead" ? AHEAD[health] : ctx.phase === "overdue" ? OVERDUE[health] : [];
  // A missed milestone is what a troubled update is mostly about.
  const options = [...dated, ...(ctx.phase === "overdue" && health !== "ON_TRACK" ? dated : []), ...ANY[health]]
    .map((t) => fill(t, ctx))
    .filter((s) => s !== previous);
  return rng.pick(options);
}

/** Markdown body with the Done / Next / Risks sections the update form asks for. */
export function updateBody(rng: Rng, health: Known, ctx: UpdateContext): string {
  const risks =
    health === "ON_TRACK"
      ? rng.chance(0.7)
        ? "- None worth flagging this week."
        : bullets(rng, RISKS, 1, ctx)
      : bullets(rng, RISKS, health === "OFF_TRACK" ? 2 : 1, ctx);
  const milestone = NEXT_MILESTONE[ctx.phase];
  const next = milestone && rng.chance(0.5) ? `- ${fill(milestone, ctx)}\n${bullets(rng, NEXT, 1, ctx)}` : bullets(rng, NEXT, 2, ctx);
  return `## Done\n${bullets(rng, DONE, rng.int(2, 3), ctx)}\n\n## Next\n${next}\n\n## Risks\n${risks}\n`;
}
