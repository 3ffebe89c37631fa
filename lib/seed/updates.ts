import { randomUUID } from "node:crypto";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { Health } from "@/lib/generated/prisma/enums";
import { addDays, atTime, lastWeekdayOnOrBefore, shortDate } from "@/lib/seed/dates";
import type { PlannedProject } from "@/lib/seed/projects";
import type { Rng } from "@/lib/seed/random";
import { updateBody, updateSummary, type UpdateContext } from "@/lib/seed/update-text";

type Known = Exclude<Health, "UNKNOWN">;
const FRIDAY = 5;

export type UpdateOptions = {
  weeksBack: number;
  /** Who writes this project's updates: its lead's login. */
  authorFor: (p: PlannedProject) => string;
  /** Who acknowledges them: the author's manager's login, or null when nobody does. */
  ackerFor: (p: PlannedProject) => string | null;
  /** Who now and then posts in the author's absence (never the latest update, never acknowledged). */
  standIn: string | null;
  blockerName: (p: PlannedProject) => string | null;
};

/** The health of each of n weekly updates, shaped by the project's profile. */
function healthSequence(rng: Rng, profile: PlannedProject["spec"]["profile"], n: number): Known[] {
  const seq: Known[] = Array.from({ length: n }, () => "ON_TRACK");
  const fill = (from: number, to: number, h: Known) => {
    for (let i = Math.max(0, from); i < Math.min(n, to); i++) seq[i] = h;
  };
  if (profile === "on" && n > 6 && rng.chance(0.35)) seq[rng.int(2, n - 4)] = "AT_RISK";
  if (profile === "dip") {
    const end = n - rng.int(2, 3);
    fill(end - rng.int(3, 5), end, "AT_RISK");
  }
  if (profile === "risk") fill(n - rng.int(2, 5), n, "AT_RISK");
  if (profile === "off") {
    const off = n - rng.int(1, 3);
    fill(off - rng.int(2, 4), off, "AT_RISK");
    fill(off, n, "OFF_TRACK");
  }
  return seq;
}

export function buildStatusUpdates(
  orgId: string,
  projects: PlannedProject[],
  rng: Rng,
  today: Date,
  o: UpdateOptions,
): { rows: Prisma.StatusUpdateCreateManyInput[]; state: Map<string, { health: Health; healthChangedAt: Date; lastUpdateAt: Date }> } {
  const rows: Prisma.StatusUpdateCreateManyInput[] = [];
  const state = new Map<string, { health: Health; healthChangedAt: Date; lastUpdateAt: Date }>();
  const latestDue = lastWeekdayOnOrBefore(today, FRIDAY);

  for (const p of projects) {
    if (p.startDate >= today) continue;
    const lastDue = addDays(latestDue, -7 * (p.spec.stale ?? 0));
    const posts: Date[] = [];
    for (let k = o.weeksBack - 1; k >= 0; k--) {
      const due = addDays(latestDue, -7 * k);
      if (due > lastDue || due < addDays(p.startDate, 4)) continue;
      let day = addDays(due, -rng.int(0, 2));
      if (p.completedDate && day >= p.completedDate) {
        // The last update of a finished project is the "shipped" note on the day it shipped.
        if (posts.length === 0 || posts[posts.length - 1] < p.completedDate) posts.push(p.completedDate);
        break;
      }
      if (day >= today) day = addDays(today, -1);
      if (day < addDays(due, -4)) continue;
      posts.push(day);
    }
    if (posts.length === 0) continue;

    const dep = o.blockerName(p) ?? rng.pick(["the platform team", "security review", "legal sign-off", "the pilot customer"]);
    // The next milestone not done by the day of each update, and whether its due date is behind it.
    const contexts = posts.map((day): UpdateContext => {
      const open = p.milestones.find((m) => !m.doneDate || (m.doneDate as Date) > day);
      const due = open ? (open.dueDate as Date) : null;
      return {
        milestone: open ? open.name : null,
        date: due ? shortDate(due) : "",
        dep,
        phase: !due ? "none" : due < day ? "overdue" : "ahead",
      };
    });
    // Nobody reports "on track" a week after missing a milestone.
    const healths = healthSequence(rng, p.spec.profile, posts.length).map((h, i): Known => {
      const due = p.milestones.find((m) => m.name === contexts[i].milestone)?.dueDate as Date | undefined;
      return h === "ON_TRACK" && contexts[i].phase === "overdue" && due && posts[i] > addDays(due, 7) ? "AT_RISK" : h;
    });
    const lead = o.authorFor(p);
    const reviewer = o.ackerFor(p);
    // Nobody acknowledges their own update.
    const acker = reviewer === lead ? null : reviewer;
    let changedAt: Date | null = null;
    let previous: string | undefined;
    posts.forEach((day, i) => {
      const createdAt = atTime(day, rng.int(14, 21), rng.int(0, 59));
      const health = healths[i];
      if (i === 0 || healths[i - 1] !== health) changedAt = createdAt;
      const ctx = contexts[i];
      const last = i === posts.length - 1;
      const author = !last && o.standIn && o.standIn !== lead && rng.chance(0.05) ? o.standIn : lead;
      let summary = updateSummary(rng, health, ctx, previous);
      let body = updateBody(rng, health, ctx);
      if (i === 0 && p.startDate > addDays(today, -7 * o.weeksBack)) summary = "Kickoff done; team staffed and plan agreed";
      if (last && p.spec.status === "DONE") {
        summary = "Shipped: rolled out everywhere, closing the project";
        body =
          "## Done\n- Released to every site\n- Retro held, follow-ups filed\n\n## Next\n- Watch adoption for two weeks, then close out\n\n## Risks\n- None.\n";
      }
      if (last && p.spec.status === "PAUSED") summary = "Paused: team moved to a higher-priority project until next quarter";
      // Now and then the author disagrees with the rule-based suggestion and says why.
      let suggestedHealth: Health = health;
      let overrideReason: string | null = null;
      if (health === "AT_RISK" && p.spec.profile === "off" && rng.chance(0.4)) {
        suggestedHealth = "OFF_TRACK";
        overrideReason = "Re-plan agreed with stakeholders; the new date is realistic.";
      } else if (health === "ON_TRACK" && p.spec.profile === "risk" && rng.chance(0.15)) {
        suggestedHealth = "AT_RISK";
        overrideReason = "Milestone slipped by two days, the buffer covers it.";
      }
      const ackAt = atTime(addDays(day, rng.int(1, 3)), rng.int(8, 12), rng.int(0, 59));
      const acked = acker !== null && author === lead && ackAt < today && (day < addDays(today, -7) ? rng.chance(0.8) : rng.chance(0.3));
      previous = summary;
      rows.push({
        id: randomUUID(),
        orgId,
        projectId: p.id,
        authorId: author,
        health,
        summary,
        body,
        suggestedHealth,
        overrideReason,
        createdAt,
        acknowledgedById: acked ? acker : null,
        acknowledgedAt: acked ? ackAt : null,
      });
      if (last) state.set(p.id, { health, healthChangedAt: changedAt!, lastUpdateAt: createdAt });
    });
  }
  return { rows, state };
}
