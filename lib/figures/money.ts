import { defs } from "@/lib/figures/define";

// Money: plan, actuals, forecast and variance, the forecast's settings, and vendor renewals.
export const MONEY_FIGURES = defs([
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
] as const);
