import Link from "next/link";

import { varianceTone } from "@/components/budgets/variance-tone";
import { Withheld } from "@/components/budgets/withheld";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ledgerLinesHref, planLinesHref, type DrillContext } from "@/lib/budgets/drill-links";
import type { CategoryRow, VarianceRow } from "@/lib/budgets/rollup";
import { formatPercent, humanize } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";

function Amount({
  cents,
  currency,
  href,
  label,
  reason,
}: {
  cents: number | null;
  currency: string;
  href?: string | null;
  label?: string;
  reason?: string | null;
}) {
  if (cents === null) return <Withheld reason={reason} />;
  const text = formatMoney(cents, currency);
  return href ? (
    <Link
      href={href}
      prefetch={false}
      className="underline decoration-muted-foreground/50 decoration-dotted underline-offset-4 hover:decoration-current hover:decoration-solid"
      aria-label={label ? `${label}: ${text}` : undefined}
    >
      {text}
    </Link>
  ) : (
    <>{text}</>
  );
}

/** Variance and % of plan; "no plan" where the row has none; nothing at all when the view has no plan; a dash with the reason when withheld. */
function Variance({
  row,
  currency,
  noPlan,
}: {
  row: { varianceCents: number | null; variancePct: number | null; planCents: number | null; withheld: string | null };
  currency: string;
  noPlan?: boolean;
}) {
  if (noPlan) return <span className="text-muted-foreground">—</span>;
  if (row.varianceCents === null) return <Withheld reason={row.withheld} />;
  return (
    <span className={cn("rounded px-1.5 py-0.5 whitespace-nowrap", varianceTone(row))}>
      {row.varianceCents > 0 ? "+" : ""}
      {formatMoney(row.varianceCents, currency)} (
      {row.planCents === 0 && row.varianceCents !== 0 ? "no plan" : formatPercent(row.variancePct, { signed: true })})
    </span>
  );
}

/**
 * `noPlan`: the view has no plan at all, so no variance is shown (the forecast is). With `drill`,
 * each category's Plan and Actual link to its plan and ledger lines (lib/budgets/drill-links.ts).
 */
export function CategoryTable({
  rows,
  currency,
  noPlan,
  drill,
}: {
  rows: CategoryRow[];
  currency: string;
  noPlan?: boolean;
  drill?: DrillContext;
}) {
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
            <TableCell className="text-right tabular-nums">
              <Amount
                cents={r.planCents}
                currency={currency}
                reason={r.withheld}
                href={drill && planLinesHref(drill, { category: r.category })}
                label={`${humanize(r.category)} plan lines`}
              />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              <Amount
                cents={r.actualCents}
                currency={currency}
                reason={r.withheld}
                href={drill && ledgerLinesHref(drill, { category: r.category })}
                label={`${humanize(r.category)} ledger lines`}
              />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              <Amount cents={r.forecastCents} currency={currency} reason={r.withheld} />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              <Variance row={r} currency={currency} noPlan={noPlan} />
            </TableCell>
            <TableCell className="text-xs text-muted-foreground">{r.forecastBasis}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** With `drill`, each variance's unit opens the ledger lines of that unit (its own) × category. */
export function TopVariancesTable({ rows, currency, drill }: { rows: VarianceRow[]; currency: string; drill?: DrillContext }) {
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">No variances in this view.</p>;
  return (
    <Table aria-label="Top variances">
      <TableHeader>
        <TableRow>
          <TableHead className="ui-sticky-start">Org unit</TableHead>
          <TableHead>Category</TableHead>
          <TableHead className="text-right">Plan</TableHead>
          <TableHead className="text-right">Forecast</TableHead>
          <TableHead className="text-right">Variance</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={`${r.unitId}-${r.category}`}>
            <TableCell className="ui-sticky-start">
              <VarianceUnit row={r} currency={currency} drill={drill} />{" "}
              <span className="font-mono text-xs text-muted-foreground">{r.unitCode}</span>
            </TableCell>
            <TableCell>{humanize(r.category)}</TableCell>
            <TableCell className="text-right tabular-nums">
              <Amount cents={r.planCents} currency={currency} />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              <Amount cents={r.forecastCents} currency={currency} />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              <Variance row={r} currency={currency} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A variance's unit, linked to the ledger lines of that unit (its own) × category when `drill` allows. */
function VarianceUnit({ row: r, currency, drill }: { row: VarianceRow; currency: string; drill?: DrillContext }) {
  const href = drill && ledgerLinesHref(drill, { unitId: r.unitId, category: r.category, own: true });
  if (!href) return <span className="font-medium">{r.unitName}</span>;
  const actual = formatMoney(r.actualCents, currency);
  return (
    <Link
      href={href}
      prefetch={false}
      className="font-medium underline decoration-muted-foreground/50 decoration-dotted underline-offset-4 hover:decoration-current hover:decoration-solid"
      aria-label={`Ledger lines of ${r.unitName} · ${humanize(r.category)}: actual ${actual}`}
      title={`Actual ${actual}: open its ledger lines`}
    >
      {r.unitName}
    </Link>
  );
}
