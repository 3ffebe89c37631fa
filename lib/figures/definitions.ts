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
  { id: "actual", name: "Actual", definition: "The sum of the ledger lines booked in the months of the period (credits are negative). For a period that includes the month in progress, that month counts only what is booked so far." },
  { id: "ytd", name: "Year to date", definition: "Plan, actual and forecast of the fiscal year's closed months, from its first month through the last month that has ended (the month before today's), so all three cover the same months. Before any month of the year has closed there is nothing to compare, and Keel says so." },
  { id: "month-to-date", name: "Month to date", definition: "The month in progress: the ledger lines booked in it so far against the plan for the whole month. It is partial, so it has no variance; when the month ends it becomes part of year to date." },
  { id: "plan-coverage", name: "Plan coverage", definition: "A period with no plan line at all for the unit and category shown has no plan: Keel shows the forecast without any variance, colour, variance chart or top variances. A plan for only some months or units is still a plan: months and units without plan lines count as a plan of 0, and a note says how many of the period's months the plan covers." },
  { id: "variance-colour", name: "Variance colour", definition: "A variance (forecast − plan) is coloured only when it is more than 5% of plan away from it: red above plan, green below; within ±5% it is not coloured. An amount with no plan line is coloured by its sign. The same rule applies to every tile, table and chart." },
] as const);

export type FigureId = (typeof FIGURES)[number]["id"];

const byId = new Map<string, FigureDefinition>(FIGURES.map((f) => [f.id, f]));

/** The definition of a figure (throws on an unknown id: a typo must fail the build's tests, not show nothing). */
export function figure(id: FigureId): FigureDefinition {
  const f = byId.get(id);
  if (!f) throw new Error(`Unknown figure ${id}`);
  return f;
}
