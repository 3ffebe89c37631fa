import { DELIVERY_FIGURES } from "@/lib/figures/delivery";
import { defs, type FigureDefinition } from "@/lib/figures/define";
import { MONEY_FIGURES } from "@/lib/figures/money";
import { ORG_HEALTH_FIGURES } from "@/lib/figures/org-health";
import { PEOPLE_FIGURES } from "@/lib/figures/people";

// The glossary of figures: every count, total or rate Keel shows is defined once, in the file of
// its area (lib/figures/<area>.ts), with the same words in docs/figures.md
// (tests/unit/figure-definitions.test.ts keeps the two in step). Panels show the definition under
// "How this is counted"; the function that computes the figure is named in the docs, next to its
// definition.

export const FIGURES = defs([...DELIVERY_FIGURES, ...PEOPLE_FIGURES, ...MONEY_FIGURES, ...ORG_HEALTH_FIGURES] as const);

export type FigureId = (typeof FIGURES)[number]["id"];

const byId = new Map<string, FigureDefinition>(FIGURES.map((f) => [f.id, f]));

/** The definition of a figure (throws on an unknown id: a typo must fail the build's tests, not show nothing). */
export function figure(id: FigureId): FigureDefinition {
  const f = byId.get(id);
  if (!f) throw new Error(`Unknown figure ${id}`);
  return f;
}
