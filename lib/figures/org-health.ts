import { defs } from "@/lib/figures/define";

// Org health and the managers who need support.
export const ORG_HEALTH_FIGURES = defs([
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
