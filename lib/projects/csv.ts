import { toCsv } from "@/lib/csv-write";
import { humanize } from "@/lib/format";
import { centsToDecimalString } from "@/lib/money";
import { HEALTH_LABELS } from "@/lib/projects/health-labels";
import type { ProjectRow } from "@/lib/projects/queries";


const UPDATE_LABEL = { current: "Current", due: "Due", stale: "Stale", "not-required": "" } as const;

export function projectsCsv(rows: ProjectRow[]): string {
  const header = ["Project", "Team", "Lead", "Initiative", "Status", "Health", "Update", "Last update", "Target date", "Budget"];
  return toCsv(
    header,
    rows.map((r) => [
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
    ]),
  );
}
