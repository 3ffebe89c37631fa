export type FigureDefinition = {
  /** Stable id; docs/figures.md has a heading with the name and the id in backticks. */
  id: string;
  name: string;
  /** One or two sentences, plain words, what is counted and when. */
  definition: string;
};

/** Keeps each definition's id a literal type, so a figure's id is checked where it is named. */
export const defs = <const T extends readonly FigureDefinition[]>(d: T) => d;
