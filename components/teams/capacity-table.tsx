import type { TeamCapacityRow } from "@/lib/headcount/staffing";
import { formatMonth } from "@/lib/format";
import { cn } from "@/lib/utils";
import { ScrollRegion } from "@/components/ui/scroll-region";

const fte = (points: number) => (points / 100).toFixed(1);

/** Capacity (people + vacant seats) vs demand (allocations) per team and month, in FTE. */
export function CapacityTable({ rows }: { rows: TeamCapacityRow[] }) {
  const months = rows[0]?.months.map((m) => m.month) ?? [];
  return (
    <ScrollRegion label="Capacity vs demand" className="rounded-lg border border-border">
      <table className="w-full text-sm">
        <caption className="sr-only">Capacity vs demand by team and month, in full-time equivalents</caption>
        <thead className="bg-muted/50 text-left text-xs text-muted-foreground uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Team
            </th>
            {months.map((m) => (
              <th key={m} scope="col" className="px-3 py-2 text-right">
                {formatMonth(m)}
                <span className="block normal-case">demand / capacity</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.unitId} className="border-t border-border">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {r.name} <span className="text-xs font-normal text-muted-foreground">{r.code}</span>
              </th>
              {r.months.map((m) => {
                const over = m.demand > m.capacity;
                return (
                  <td key={m.month} className={cn("px-3 py-2 text-right tabular-nums", over && "font-medium text-destructive")}>
                    {fte(m.demand)} / {fte(m.capacity)}
                    {over ? <span className="sr-only"> (over capacity)</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
