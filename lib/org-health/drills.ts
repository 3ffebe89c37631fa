import type { PositionFilter } from "@/lib/headcount/position-filter";
import { positionFilterQuery } from "@/lib/headcount/position-filter";
import type { PeopleFilter } from "@/lib/people/list-filter";
import { peopleFilterQuery } from "@/lib/people/list-filter";
import { trailingYear } from "@/lib/org-health/window";

// The list each org health figure links to, as the people or positions filter of that list: the
// page renders these as links and tests/integration/org-health-drills.test.ts checks that the list
// holds exactly as many rows as the figure counts. Pass the unit of the figure's row.

export function orgHealthDrills(day: string) {
  const w = trailingYear(day);
  return {
    /** `manager-ic-ratio`: the managers, and the ICs, in post in a unit and below. */
    managers: { status: "managers", on: day } satisfies PeopleFilter,
    ics: { status: "ics", on: day } satisfies PeopleFilter,
    /** `layers`: the ICs with `n` managers above them. */
    layer: (n: number): PeopleFilter => ({ status: "ics", on: day, layers: n }),
    /** `tenure`: the people in post in a tenure band. */
    tenure: (band: number): PeopleFilter => ({ status: "tenure", on: day, band }),
    /** `attrition`: the departures of the trailing 12 months, all or by regret. */
    departures: { status: "leaving", from: w.from, to: w.to } satisfies PeopleFilter,
    regretted: (regretted: boolean): PeopleFilter => ({ status: "leaving", from: w.from, to: w.to, regretted }),
    /** `time-to-fill`: the positions filled in the trailing 12 months. */
    filled: { status: "filled", from: w.from, to: w.to } satisfies PositionFilter,
  };
}

export const peopleHref = (org: string, f: PeopleFilter, unitId: string | null) => `/${org}/teams?${peopleFilterQuery(f, unitId)}#people`;
export const positionsHref = (org: string, f: PositionFilter, unitId: string | null) =>
  `/${org}/headcount?${positionFilterQuery(f, unitId)}#positions`;
