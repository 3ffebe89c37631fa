import { defs } from "@/lib/figures/define";

// Delivery: projects, their health, updates and milestones.
export const DELIVERY_FIGURES = defs([
  {
    id: "active-projects",
    name: "Active projects",
    definition: "Projects with status Active, not archived, owned by the selected unit or any unit below it, as of today.",
  },
  {
    id: "on-track",
    name: "On track",
    definition: "Active projects whose current health is On track: the health chosen in their latest status update.",
  },
  { id: "at-risk", name: "At risk", definition: "Active projects whose current health is At risk." },
  { id: "off-track", name: "Off track", definition: "Active projects whose current health is Off track." },
  { id: "unknown-health", name: "Unknown", definition: "Active projects with no health yet: no status update has been posted for them." },
  {
    id: "at-risk-and-off-track",
    name: "At risk and off track",
    definition:
      "At risk plus Off track: the same active projects, listed off track first. Paused, planned and done projects are not in it.",
  },
  {
    id: "health-trend",
    name: "Health over the last 12 weeks",
    definition:
      "For the last day of each of the last 12 weeks, the projects that were active that day, by the health of their latest update on or before it. A project counts from its start date (or creation) until the day before its completion date; the last week is today and equals the tiles. Keel keeps no date for pausing or cancelling, so paused and cancelled projects are in no week.",
  },
  {
    id: "stale",
    name: "Stale",
    definition:
      "Active projects that missed one or more whole update cycles: no status update in a cycle that has ended (the cadence, due day and grace days are in Settings).",
  },
  {
    id: "escalation",
    name: "Escalated to",
    definition:
      "For a stale project, the person one level up the reporting line per missed cycle, starting from the project lead (or the team lead when it has none), at most three levels up and stopping at the top.",
  },
  {
    id: "updates-due",
    name: "Updates due",
    definition:
      "Active projects whose update for the current cycle has not been posted yet and that have not missed a whole cycle (those are Stale).",
  },
  {
    id: "update-punctuality",
    name: "Update punctuality",
    definition:
      "Of the update cycles of the active projects owned by the selected unit or any unit below it that ended in the last 12 weeks, the share in which a status update was posted before the cycle ended (by the end of its grace days). The cycles are those of Stale and Updates due (the cadence, due day and grace days are in Settings); a project owes nothing for the cycle it started in, so it is stale today exactly when it missed the last cycle counted here. Shown as none when no cycle ended.",
  },
  {
    id: "awaiting-acknowledgement",
    name: "Awaiting acknowledgement",
    definition:
      "Projects not done or cancelled (active, paused or planned) whose latest status update nobody has acknowledged yet and has someone to acknowledge it: the project's reviewer, or the author's own manager when the author is that reviewer. An update whose author has nobody above them (the top of the reporting line) needs no acknowledgement and is not counted. Earlier updates of a project are superseded by its latest one.",
  },
  {
    id: "awaiting-your-acknowledgement",
    name: "Awaiting your acknowledgement",
    definition:
      "Of the updates awaiting acknowledgement, those you review (you manage the project lead, or lead the team of a project without a lead; when that reviewer wrote the update, their own manager reviews it instead), never one you wrote yourself.",
  },
  {
    id: "milestones-overdue",
    name: "Milestones overdue",
    definition: "Open milestones (no done date) of active, paused or planned projects whose due date is before today.",
  },
  {
    id: "milestones-due-soon",
    name: "Milestones due soon",
    definition: "Open milestones of active, paused or planned projects due from today up to 4 weeks ahead.",
  },
  {
    id: "blocked-dependencies",
    name: "Blocked dependencies",
    definition:
      "Dependencies where an active, paused or planned project of the unit waits on an At risk or Off track project of another team that is not done or cancelled.",
  },
  {
    id: "signal-issues-done",
    name: "Issues done",
    definition:
      "Of a project's issues from every connected tracker (Jira, Linear, GitHub issues; not pull requests), those the tracker marks done, of all of them, as of the last sync or upload.",
  },
  {
    id: "signal-scope-change",
    name: "Scope, 2 weeks",
    definition:
      "A project's issues now minus its scope two weeks ago: the issue count Keel recorded after a sync on the newest day at least 14 days back, or, before Keel holds such a day, the issues opened on or before that day. The scope-growth health rule uses the same two numbers.",
  },
  {
    id: "signal-prs-merged",
    name: "PRs merged this week",
    definition: "Pull requests of a project's connected GitHub repositories merged since Monday (UTC).",
  },
  {
    id: "signal-last-activity",
    name: "Last activity",
    definition: "The newest change of any issue or pull request of a project's connections.",
  },
  {
    id: "signal-weeks",
    name: "Scope and done by week",
    definition:
      "For each of the last 12 weeks (Monday to Sunday, UTC), a project's issues opened before the week's end, those done before it, and the pull requests merged in the week, from the items' own dates; the last week is the current one.",
  },
  {
    id: "signal-epic-progress",
    name: "Milestones from epics",
    definition: "For a milestone linked to an epic, the epic's issues done of all its issues.",
  },
] as const);
