// The glossary of figures: every count, total or rate Keel shows is defined once here, with the
// same words in docs/figures.md (tests/unit/figure-definitions.test.ts keeps the two in step).
// Panels show the definition under "How this is counted"; the function that computes the
// figure is named in the docs, next to its definition.

export type FigureDefinition = {
  /** Stable id; docs/figures.md has a heading with the name and the id in backticks. */
  id: string;
  name: string;
  /** One or two sentences, plain words, what is counted and when. */
  definition: string;
};

const defs = <const T extends readonly FigureDefinition[]>(d: T) => d;

export const FIGURES = defs([
  // Delivery
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
  // People
  {
    id: "heads-in-post",
    name: "Heads in post",
    definition:
      "People, employees and contractors, of the selected unit and below whose start date is on or before the day and whose last day, if any, is on or after it. The day is the quarter's last day, or today for the current quarter.",
  },
  {
    id: "planned-heads",
    name: "Planned heads",
    definition:
      "The plan for the end of a quarter: the heads in post on the first day of the fiscal year, plus the positions of the hiring plan budgeted in that year up to the quarter that add a head (not closed, not held by or backfilling someone counted on day one). A requisition opened outside the hiring plan is not in it, so heads in post can come out above the plan.",
  },
  {
    id: "open-positions",
    name: "Open positions",
    definition:
      "Positions with status Open or Backfill that are vacant today (a backfill from the day after the leaver's last day), in the selected unit and below, whatever year they are budgeted in.",
  },
  {
    id: "days-open",
    name: "Days open",
    definition:
      "For an open position, the days since it became vacant: for a backfill the day after the leaver's last day, otherwise the day it was opened. The panel shows the average over the open positions.",
  },
  {
    id: "planned-starts",
    name: "Planned starts",
    definition: "Positions with status Open or Backfill whose target start date falls in the quarter.",
  },
  { id: "joiners", name: "Joiners", definition: "People whose first day falls in the quarter." },
  { id: "departures", name: "Departures", definition: "People whose last day falls in the quarter." },
  { id: "over-allocated", name: "Over-allocated", definition: "People whose project allocations active today add up to more than 100%." },
  {
    id: "unfilled-positions",
    name: "Unfilled positions",
    definition:
      "Positions not filled and not closed: Planned, Open or Backfill, including backfills whose holder has not left yet. The open positions are the part of them that is vacant today.",
  },
  // Vendors
  {
    id: "renewals-due",
    name: "Renewals due",
    definition:
      'Active contracts of the selected unit and below that have not ended and whose renewal decision falls within the next 90 days: the notice date, or the end date when there is none. A notice date that has passed still counts until the end date, shown as "notice passed N days ago".',
  },
  // Money
  { id: "plan", name: "Plan", definition: "The sum of the budget's plan lines for the months of the period." },
  {
    id: "actual",
    name: "Actual",
    definition:
      "The sum of the ledger lines booked in the months of the period (credits are negative). For a period that includes the month in progress, that month counts only what is booked so far.",
  },
  {
    id: "forecast",
    name: "Forecast",
    definition:
      "Actuals of the period's closed months plus the forecast of the current and later months: people and open positions at loaded cost for the days they are expected in post, other spend at its run-rate or its plan, and contract commitments that no forecast covers yet. The current month is never less than what is already booked in it.",
  },
  {
    id: "published-forecast",
    name: "Published forecast",
    definition:
      "The forecast that roles without pay access read, where the period has open months: the forecast computed, by the same rules, from people and positions as last published instead of as they are now. A unit's people and positions are republished only when the changes since involve at least the minimum group of people, none of whom dominates; until then they stay as published, so no single hire, departure or passing day moves it. Every view that shows it says when it was published; pay readers read the live forecast.",
  },
  {
    id: "variance",
    name: "Variance",
    definition:
      "Forecast minus plan for the period (positive means projected over budget), and that difference as a percentage of the plan when there is a plan.",
  },
  {
    id: "forecast-basis",
    name: "Forecast basis",
    definition:
      "The rule that set each forecast cell (one unit, category and month): people and positions, plan, run-rate, contracts, or booked so far; a category shows the share of its cells per rule.",
  },
  // Forecast assumptions (org settings)
  {
    id: "loaded-cost-multiplier",
    name: "Loaded-cost multiplier",
    definition:
      "Annual pay times this multiplier (benefits, taxes, equipment) is what a person or an open position costs; a position may set its own. An organization setting.",
  },
  {
    id: "hiring-delay",
    name: "Hiring delay",
    definition:
      "Days from an unfilled position's target start (or today, when it has none or it has passed) to the day the hire is expected to start. An organization setting.",
  },
  {
    id: "run-rate-window",
    name: "Run-rate window",
    definition: "How many closed months before the current one (1 to 12) are averaged into a category's run-rate. An organization setting.",
  },
  {
    id: "lumpy-categories",
    name: "Lumpy categories",
    definition:
      "Categories whose spend comes in lumps (by default hardware, training and travel): forecast from the plan rather than the run-rate. An organization setting.",
  },
  {
    id: "ytd",
    name: "Year to date",
    definition:
      "Plan, actual and forecast of the fiscal year's closed months, from its first month through the last month that has ended (the month before today's), so all three cover the same months. Before any month of the year has closed there is nothing to compare, and Keel says so.",
  },
  {
    id: "month-to-date",
    name: "Month to date",
    definition:
      "The month in progress: the ledger lines booked in it so far against the plan for the whole month. It is partial, so it has no variance; when the month ends it becomes part of year to date.",
  },
  {
    id: "plan-coverage",
    name: "Plan coverage",
    definition:
      "A period with no plan line at all for the unit and category shown has no plan: Keel shows the forecast without any variance, colour, variance chart or top variances. A plan for only some months or units is still a plan: months and units without plan lines count as a plan of 0, and a note says how many of the period's months the plan covers.",
  },
  {
    id: "variance-colour",
    name: "Variance colour",
    definition:
      "A variance (forecast − plan) is coloured only when it is more than 5% of plan away from it: red above plan, green below; within ±5% it is not coloured. An amount with no plan line is coloured by its sign. The same rule applies to every tile, table and chart.",
  },
  {
    id: "tree-basis",
    name: "Tree basis",
    definition:
      "Which org tree a money figure rolls up along. Restated (the default): every period, past ones included, along today's tree, so a reorg moves a unit's past money with it. As it was (`?tree=asof`, a closed period only): along the tree as it stood on the period's last day, read from the unit history, which equals what the period showed before any later reorg. Every money view says which.",
  },
  // Org health
  {
    id: "span-of-control",
    name: "Span of control",
    definition:
      "For each manager in post in the selected unit and below, the number of their direct reports in post on the day. A manager is a person in post with at least one direct report in post. Above the span maximum or below the span minimum (organization settings, by default 8 and 3) is an outlier.",
  },
  {
    id: "layers",
    name: "Layers",
    definition:
      "For each individual contributor in post in the selected unit and below (a person in post with no direct report in post), the number of managers above them in the reporting line, up to its top.",
  },
  {
    id: "manager-ic-ratio",
    name: "Manager to IC ratio",
    definition:
      "Per unit, over the unit and every unit below it: the managers in post against the individual contributors in post on the day, shown as ICs per manager.",
  },
  {
    id: "units-without-lead",
    name: "Units without a lead",
    definition:
      "Open units of the selected unit and below that have no lead, or whose lead is not in post on the day (has left, or has not started yet).",
  },
  {
    id: "acting-leads",
    name: "Acting leads",
    definition:
      "Open units of the selected unit and below whose acting lead, someone standing in while the unit has no lead in post, is in post on the day.",
  },
  {
    id: "attrition",
    name: "Attrition",
    definition:
      "Departures in the trailing 12 months (people whose last day falls in the window ending on the day) over the average of the heads in post on the window's first and last day, per unit over the unit and every unit below it. People count in the unit they left from. A departure may be recorded as regretted or not; regretted attrition is the regretted departures over the same average.",
  },
  {
    id: "time-to-fill",
    name: "Time to fill",
    definition:
      "For positions of the selected unit and below filled in the trailing 12 months, the days from the day a position was opened to the day it was filled: the median and the 90th percentile (interpolated).",
  },
  {
    id: "tenure",
    name: "Tenure",
    definition:
      "People in post in the selected unit and below by time since their start date on the day: under 1 year, 1 to 2 years, 2 to 5 years, 5 years or more.",
  },
  {
    id: "new-managers",
    name: "New managers",
    definition:
      "Managers in post in the selected unit and below who have managed anyone for less than 6 months: the first day anyone reported to them (their earliest period as someone's manager in the assignment history, or a current report's start date when that report has no history) falls in the 6 months up to the day.",
  },
  // Managers
  {
    id: "managers-needing-support",
    name: "Managers needing support",
    definition:
      "Managers in post in the selected unit and below who are new managers, are over the span maximum, whose team's attrition over the trailing 12 months is 20% or more, or whose team has stale projects. A manager's team is the unit they lead (the highest one when they lead several), else their own unit, with every unit below it.",
  },
] as const);

export type FigureId = (typeof FIGURES)[number]["id"];

const byId = new Map<string, FigureDefinition>(FIGURES.map((f) => [f.id, f]));

/** The definition of a figure (throws on an unknown id: a typo must fail the build's tests, not show nothing). */
export function figure(id: FigureId): FigureDefinition {
  const f = byId.get(id);
  if (!f) throw new Error(`Unknown figure ${id}`);
  return f;
}
