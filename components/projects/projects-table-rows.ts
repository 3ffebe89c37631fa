import { type UpdateBadge, updateBadge } from "@/components/projects/update-state-badge";
import type { Health, ProjectStatus } from "@/lib/generated/prisma/enums";
import { formatDate, formatRelative } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import type { ProjectRow } from "@/lib/projects/queries";

/**
 * One row of the projects table as it is shown: its dates, money and update badge formatted
 * once, on the server, and only what the table renders (this is the table's payload). Empty
 * values are left out rather than sent as null.
 */
export type ProjectTableRow = {
  id: string;
  name: string;
  team: string;
  lead?: string;
  initiative?: string;
  status: ProjectStatus;
  health: Health;
  /** "3 days ago" / "Never" */
  lastUpdate: string;
  /** The last update's date, for the tooltip. */
  lastUpdateDate?: string;
  /** Stale by the org's cadence and grace period (lib/projects/staleness.ts). */
  stale?: true;
  update?: UpdateBadge;
  target: string;
  budget?: string;
};

export function projectTableRows(rows: ProjectRow[], currency: string, now: Date): ProjectTableRow[] {
  const nowIso = now.toISOString();
  return rows.map((r) => {
    const update = updateBadge(r.update);
    return {
      id: r.id,
      name: r.name,
      team: r.teamName,
      ...(r.leadName ? { lead: r.leadName } : {}),
      ...(r.initiativeName ? { initiative: r.initiativeName } : {}),
      status: r.status,
      health: r.health,
      lastUpdate: formatRelative(r.lastUpdateAt, nowIso),
      ...(r.lastUpdateAt ? { lastUpdateDate: formatDate(r.lastUpdateAt) } : {}),
      ...(r.update.state === "stale" ? { stale: true as const } : {}),
      ...(update ? { update } : {}),
      target: formatDate(r.targetDate),
      ...(r.budgetCents === null ? {} : { budget: formatMoney(r.budgetCents, currency) }),
    };
  });
}
