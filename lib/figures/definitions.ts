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
] as const);

export type FigureId = (typeof FIGURES)[number]["id"];

const byId = new Map<string, FigureDefinition>(FIGURES.map((f) => [f.id, f]));

/** The definition of a figure (throws on an unknown id: a typo must fail the build's tests, not show nothing). */
export function figure(id: FigureId): FigureDefinition {
  const f = byId.get(id);
  if (!f) throw new Error(`Unknown figure ${id}`);
  return f;
}
