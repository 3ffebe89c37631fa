import { varianceTone } from "@/components/budgets/variance-tone";
import { MoneyOrWithheld, Withheld } from "@/components/budgets/withheld";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CategoryRow, VarianceRow } from "@/lib/budgets/rollup";
import { formatPercent, humanize } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";

function Amount({ cents, currency, reason }: { cents: number | null; currency: string; reason?: string | null }) {
  return <MoneyOrWithheld cents={cents} currency={currency} reason={reason} />;
}

/** Variance and % of plan; "no plan" where the row has none; nothing at all when the view has no plan; a dash with the reason when withheld. */
function Variance({ row, currency, noPlan }: { row: { varianceCents: number | null; variancePct: number | null; planCents: number | null; withheld: string | null }; currency: string; noPlan?: boolean }) {
  if (noPlan) return <span className="text-muted-foreground">—</span>;
  if (row.varianceCents === null) return <Withheld reason={row.withheld} />;
  return (
    <span className={cn("rounded px-1.5 py-0.5 whitespace-nowrap", varianceTone(row))}>
      {row.varianceCents > 0 ? "+" : ""}
      {formatMoney(row.varianceCents, currency)} ({row.planCents === 0 && row.varianceCents !== 0 ? "no plan" : formatPercent(row.variancePct, { signed: true })})
    </span>
  );
}

/** `noPlan`: the view has no plan at all, so no variance is shown (the forecast is). */
export function CategoryTable({ rows, currency, noPlan }: { rows: CategoryRow[]; currency: string; noPlan?: boolean }) {
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">Nothing planned or spent in this view.</p>;
  return (
    <Table aria-label="By category">
      <TableHeader>
        <TableRow>
          <TableHead>Category</TableHead>
          <TableHead className="text-right">Plan</TableHead>
          <TableHead className="text-right">Actual</TableHead>
          <TableHead className="text-right">Forecast</TableHead>
          <TableHead className="text-right">Variance</TableHead>
          <TableHead>Forecast basis</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.category}>
            <TableCell className="font-medium">{humanize(r.category)}</TableCell>
            <TableCell className="text-right tabular-nums"><Amount cents={r.planCents} currency={currency} reason={r.withheld} /></TableCell>
            <TableCell className="text-right tabular-nums"><Amount cents={r.actualCents} currency={currency} reason={r.withheld} /></TableCell>
            <TableCell className="text-right tabular-nums"><Amount cents={r.forecastCents} currency={currency} reason={r.withheld} /></TableCell>
            <TableCell className="text-right tabular-nums"><Variance row={r} currency={currency} noPlan={noPlan} /></TableCell>
            <TableCell className="text-xs text-muted-foreground">{r.forecastBasis}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function TopVariancesTable({ rows, currency }: { rows: VarianceRow[]; currency: string }) {
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">No variances in this view.</p>;
  return (
    <Table aria-label="Top variances">
      <TableHeader>
        <TableRow>
          <TableHead>Org unit</TableHead>
          <TableHead>Category</TableHead>
          <TableHead className="text-right">Plan</TableHead>
          <TableHead className="text-right">Forecast</TableHead>
          <TableHead className="text-right">Variance</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={`${r.unitId}-${r.category}`}>
            <TableCell>
              <span className="font-medium">{r.unitName}</span> <span className="font-mono text-xs text-muted-foreground">{r.unitCode}</span>
            </TableCell>
            <TableCell>{humanize(r.category)}</TableCell>
            <TableCell className="text-right tabular-nums"><Amount cents={r.planCents} currency={currency} /></TableCell>
            <TableCell className="text-right tabular-nums"><Amount cents={r.forecastCents} currency={currency} /></TableCell>
            <TableCell className="text-right tabular-nums"><Variance row={r} currency={currency} /></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
