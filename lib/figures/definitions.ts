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
  { id: "active-projects", name: "Active projects", definition: "Projects with status Active in the selected unit and every unit below it, today." },
  // People
  { id: "heads-in-post", name: "Heads in post", definition: "Employees whose start date is on or before the day and whose last day, if any, is on or after it." },
  // Money
  { id: "plan", name: "Plan", definition: "The sum of the budget's plan lines for the months of the period." },
  { id: "actual", name: "Actual", definition: "The sum of the ledger lines booked in the months of the period (credits are negative)." },
  {
    id: "forecast",
    name: "Forecast",
    definition:
      "Actuals of the period's closed months plus the forecast of the current and later months: people and open positions at loaded cost for the days they are expected in post, other spend at its run-rate or its plan, and contract commitments that no forecast covers yet. The current month is never less than what is already booked in it.",
  },
  { id: "variance", name: "Variance", definition: "Forecast minus plan for the period (positive means projected over budget), and that difference as a percentage of the plan when there is a plan." },
  {
    id: "forecast-basis",
    name: "Forecast basis",
    definition: "The rule that set each forecast cell (one unit, category and month): people and positions, plan, run-rate, contracts, or booked so far; a category shows the share of its cells per rule.",
  },
  // Forecast assumptions (org settings)
  { id: "loaded-cost-multiplier", name: "Loaded-cost multiplier", definition: "Annual pay times this multiplier (benefits, taxes, equipment) is what a person or an open position costs; a position may set its own. An organization setting." },
  { id: "hiring-delay", name: "Hiring delay", definition: "Days from an unfilled position's target start (or today, when it has none or it has passed) to the day the hire is expected to start. An organization setting." },
  { id: "run-rate-window", name: "Run-rate window", definition: "How many closed months before the current one (1 to 12) are averaged into a category's run-rate. An organization setting." },
  { id: "lumpy-categories", name: "Lumpy categories", definition: "Categories whose spend comes in lumps (by default hardware, training and travel): forecast from the plan rather than the run-rate. An organization setting." },
] as const);

export type FigureId = (typeof FIGURES)[number]["id"];

const byId = new Map<string, FigureDefinition>(FIGURES.map((f) => [f.id, f]));

/** The definition of a figure (throws on an unknown id: a typo must fail the build's tests, not show nothing). */
export function figure(id: FigureId): FigureDefinition {
  const f = byId.get(id);
  if (!f) throw new Error(`Unknown figure ${id}`);
  return f;
}
