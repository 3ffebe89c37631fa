import Link from "next/link";

import type { UnitCostRow } from "@/lib/headcount/plan";
import { MIN_GROUP_SIZE } from "@/lib/headcount/group-size";
import { formatMoney } from "@/lib/money";

/** Aggregated loaded cost of unfilled positions per unit; small groups roll into their parent. */
export function UnitCostTable({ rows, currency, listHref }: { rows: UnitCostRow[]; currency: string; listHref: (unitId: string, status: "unfilled" | "open") => string }) {
  const hidden = rows.some((r) => r.monthlyLoadedCostCents === null && r.positions > 0);
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto rounded-lg border border-border">
        <table className="w-full text-sm">
          <caption className="sr-only">Monthly loaded cost of unfilled positions by org unit</caption>
          <thead className="bg-muted/50 text-left text-xs text-muted-foreground uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">Org unit</th>
              <th scope="col" className="px-3 py-2 text-right">Unfilled positions</th>
              <th scope="col" className="px-3 py-2 text-right">Of which open today</th>
              <th scope="col" className="px-3 py-2 text-right">Loaded cost / month</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.unitId} className="border-t border-border">
                <th scope="row" className={i === 0 ? "px-3 py-2 text-left font-semibold" : "px-3 py-2 pl-6 text-left font-normal"}>
                  {r.name} <span className="text-xs text-muted-foreground">{r.code}</span>
                </th>
                <td className="px-3 py-2 text-right tabular-nums">
                  <Link href={listHref(r.unitId, "unfilled")} className="hover:underline">{r.positions}</Link>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  <Link href={listHref(r.unitId, "open")} className="hover:underline">{r.open}</Link>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {r.monthlyLoadedCostCents !== null ? formatMoney(r.monthlyLoadedCostCents, currency) : r.positions === 0 ? "—" : <span className="text-muted-foreground">In parent total</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hidden ? (
        <p className="text-xs text-muted-foreground">
          Units with fewer than {MIN_GROUP_SIZE} unfilled positions show no amount of their own: their cost is included in the parent unit&apos;s total, so no single salary can be read off.
        </p>
      ) : null}
    </div>
  );
}
