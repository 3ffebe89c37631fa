import type { PlanQuarterRow } from "@/lib/headcount/plan";
import { formatDate } from "@/lib/format";
import { cn } from "@/lib/utils";
import { ScrollRegion } from "@/components/ui/scroll-region";

const NUMBER_COLUMNS = ["Planned heads", "Actual heads", "Gap", "Open positions (today)", "Planned starts", "Joiners", "Departures"];

/** The plan vs actual numbers by quarter: the accessible alternative to the chart, and the detail. */
export function PlanTable({ rows, currentQuarter }: { rows: PlanQuarterRow[]; currentQuarter: number | null }) {
  return (
    <ScrollRegion label="Headcount plan vs actual" className="rounded-lg border border-border">
      <table className="w-full text-sm">
        <caption className="sr-only">Headcount plan vs actual by fiscal quarter</caption>
        <thead className="bg-muted/50 text-left text-xs text-muted-foreground uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Quarter
            </th>
            {NUMBER_COLUMNS.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 text-right">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const current = r.quarter === currentQuarter;
            return (
              <tr
                key={r.quarter}
                data-quarter={r.label}
                data-current={current || undefined}
                className={cn("border-t border-border", current && "bg-primary-soft/40")}
              >
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {r.label}
                  {current ? <span className="ml-1 text-xs font-normal text-muted-foreground">(current)</span> : null}
                  <span className="block text-xs font-normal text-muted-foreground">
                    {formatDate(r.start)} – {formatDate(r.end)}
                  </span>
                </th>
                <td data-col="planned" className="px-3 py-2 text-right tabular-nums">
                  {r.planned}
                </td>
                <td data-col="actual" className="px-3 py-2 text-right tabular-nums">
                  {r.actual ?? "—"}
                </td>
                <td
                  className={cn(
                    "px-3 py-2 text-right tabular-nums",
                    r.actual !== null && r.actual < r.planned && "text-health-at-risk-text",
                  )}
                >
                  {r.actual === null ? "—" : r.actual - r.planned > 0 ? `+${r.actual - r.planned}` : r.actual - r.planned}
                </td>
                <td data-col="open" className="px-3 py-2 text-right tabular-nums">
                  {r.open ?? "—"}
                </td>
                <td data-col="hiring" className="px-3 py-2 text-right tabular-nums">
                  {r.hiring}
                </td>
                <td data-col="joiners" className="px-3 py-2 text-right tabular-nums">
                  {r.joiners}
                </td>
                <td data-col="attrition" className="px-3 py-2 text-right tabular-nums">
                  {r.attrition}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
