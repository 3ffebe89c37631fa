import { defs } from "@/lib/figures/define";

// People and positions: heads, departures, hiring and allocation.
export const PEOPLE_FIGURES = defs([
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
] as const);
