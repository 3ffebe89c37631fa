import Link from "next/link";

import type { UnitCostRow } from "@/lib/headcount/plan";
import { formatMoney } from "@/lib/money";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** Unfilled positions per unit (each count links to its list), with their loaded cost for readers who may read pay. */
export function UnitCostTable({
  rows,
  currency,
  showCost,
  listHref,
}: {
  rows: UnitCostRow[];
  currency: string;
  showCost: boolean;
  listHref: (unitId: string, status: "unfilled" | "open") => string;
}) {
  return (
    <div className="space-y-2">
      <ScrollRegion label="Cost of unfilled positions" className="rounded-lg border border-border">
        <table className="w-full text-sm">
          <caption className="sr-only">
            {showCost ? "Unfilled positions and their monthly loaded cost by org unit" : "Unfilled positions by org unit"}
          </caption>
          <thead className="bg-muted/50 text-left text-xs text-muted-foreground uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                Org unit
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Unfilled positions
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Of which open today
              </th>
              {showCost ? (
                <th scope="col" className="px-3 py-2 text-right">
                  Loaded cost / month
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.unitId} className="border-t border-border">
                <th scope="row" className={i === 0 ? "px-3 py-2 text-left font-semibold" : "px-3 py-2 pl-6 text-left font-normal"}>
                  {r.name} <span className="text-xs text-muted-foreground">{r.code}</span>
                </th>
                <td className="px-3 py-2 text-right tabular-nums">
                  <Link href={listHref(r.unitId, "unfilled")} className="hover:underline">
                    {r.positions}
                  </Link>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  <Link href={listHref(r.unitId, "open")} className="hover:underline">
                    {r.open}
                  </Link>
                </td>
                {showCost ? (
                  <td className="px-3 py-2 text-right tabular-nums">{formatMoney(r.monthlyLoadedCostCents ?? 0, currency)}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {showCost ? null : (
        <p className="text-xs text-muted-foreground">
          The cost of unfilled positions is shown only to roles that may read pay: it changes by one person&apos;s pay whenever a position
          is filled. It is part of the personnel forecast on the budgets page.
        </p>
      )}
    </div>
  );
}
