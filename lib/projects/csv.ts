import type { CsvCell } from "@/lib/csv-write";
import { humanize } from "@/lib/format";
import { centsToDecimalString } from "@/lib/money";
import { HEALTH_LABELS } from "@/lib/projects/health-labels";
import type { ProjectRow } from "@/lib/projects/queries";

const UPDATE_LABEL = { current: "Current", due: "Due", stale: "Stale", "not-required": "" } as const;

export const PROJECTS_CSV_HEADER = [
  "Project",
  "Team",
  "Lead",
  "Initiative",
  "Status",
  "Health",
  "Update",
  "Last update",
  "Target date",
  "Budget",
];

/** One project of the list as the cells of its CSV row. */
export function projectCells(r: ProjectRow): CsvCell[] {
  return [
    r.name,
    r.teamName,
    r.leadName,
    r.initiativeName,
    humanize(r.status),
    HEALTH_LABELS[r.health],
    UPDATE_LABEL[r.update.state],
    r.lastUpdateAt,
    r.targetDate,
    r.budgetCents === null ? null : centsToDecimalString(r.budgetCents),
  ];
}
