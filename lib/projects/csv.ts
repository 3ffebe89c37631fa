import { HEALTH_LABELS } from "@/components/ui/badge";
import { humanize } from "@/lib/format";
import { centsToDecimalString } from "@/lib/money";
import type { ProjectRow } from "@/lib/projects/queries";

/** One CSV cell: quoted when needed, and formula-looking text defused so spreadsheets don't execute it. */
function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const UPDATE_LABEL = { current: "Current", due: "Due", stale: "Stale", "not-required": "" } as const;

export function projectsCsv(rows: ProjectRow[]): string {
  const header = ["Project", "Team", "Lead", "Initiative", "Status", "Health", "Update", "Last update", "Target date", "Budget"];
  const lines = rows.map((r) =>
    [
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
    ]
      .map(csvCell)
      .join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
