"use client";

import { ChevronDown, ChevronRight, Info } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";

import { fromTreeTuples, type FinanceTreeTuple } from "@/components/budgets/finance-tree-wire";
import { varianceTone } from "@/components/budgets/variance-tone";
import { Withheld } from "@/components/budgets/withheld";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ledgerLinesHref, planLinesHref, type DrillContext } from "@/lib/budgets/drill-links";
import type { Amounts } from "@/lib/budgets/rollup";
import { formatPercent } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";

/**
 * The org tree (org → department → team) with expandable rows; departments open at first. `tree`
 * is toTreeTuples(view.tree) (finance-tree-wire.ts). With `drill`, each row's Plan and Actual
 * link to the plan and ledger lines of its subtree (lib/budgets/drill-links.ts).
 */
export function FinanceTreeTable({
  tree,
  totals,
  currency,
  noPlan,
  drill,
}: {
  tree: FinanceTreeTuple[];
  totals: Amounts;
  currency: string;
  noPlan?: boolean;
  drill?: DrillContext;
}) {
  const rows = useMemo(() => fromTreeTuples(tree), [tree]);
  const minDepth = rows.length ? Math.min(...rows.map((r) => r.depth)) : 0;
  const hasChildren = useMemo(() => new Set(rows.map((r) => r.parentId).filter(Boolean) as string[]), [rows]);
  const [open, setOpen] = useState<Set<string>>(() => new Set(rows.filter((r) => r.depth <= minDepth).map((r) => r.id)));
  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);
  const visible = rows.filter((r) => {
    for (let p = r.parentId ? byId.get(r.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
      if (!open.has(p.id)) return false;
    }
    return true;
  });
  // A figure withheld from a reader without pay access is a dash with the reason, and no link.
  const money = (c: number) => formatMoney(c, currency);
  const linked = (c: number | null, reason: string | null, href: string | null | undefined, label: string) =>
    c === null ? (
      <Withheld reason={reason} />
    ) : href ? (
      <Link
        href={href}
        prefetch={false}
        className="underline decoration-muted-foreground/50 decoration-dotted underline-offset-4 hover:decoration-current hover:decoration-solid"
        aria-label={`${label}: ${money(c)}`}
      >
        {money(c)}
      </Link>
    ) : (
      money(c)
    );
  // With no plan at all there is no variance to show (the forecast is in its own column).
  const variance = (a: { varianceCents: number | null; planCents: number | null; withheld: string | null }) =>
    noPlan ? (
      <span className="text-muted-foreground">—</span>
    ) : a.varianceCents === null ? (
      <Withheld reason={a.withheld} />
    ) : (
      <span className={cn("rounded px-1.5 py-0.5", varianceTone(a))}>
        {a.varianceCents > 0 ? "+" : ""}
        {formatMoney(a.varianceCents, currency)}
      </span>
    );
  const toggle = (id: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <Table aria-label="Plan, actual and forecast by org unit" data-testid="finance-tree">
      <TableHeader>
        <TableRow>
          <TableHead className="ui-sticky-start sm:min-w-64">Org unit</TableHead>
          <TableHead className="text-right">Plan</TableHead>
          <TableHead className="text-right">Actual</TableHead>
          <TableHead className="text-right">Forecast</TableHead>
          <TableHead className="text-right">Variance</TableHead>
          <TableHead className="text-right">Var. %</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {visible.map((r) => {
          const expandable = hasChildren.has(r.id);
          const isOpen = open.has(r.id);
          return (
            <TableRow key={r.id} data-unit-code={r.code}>
              <TableCell className="ui-sticky-start">
                <div className="flex items-start gap-1" style={{ paddingLeft: `${(r.depth - minDepth) * 1.25}rem` }}>
                  {expandable ? (
                    <button
                      type="button"
                      onClick={() => toggle(r.id)}
                      aria-expanded={isOpen}
                      aria-label={`${isOpen ? "Collapse" : "Expand"} ${r.name}`}
                      className="mt-0.5 rounded p-0.5 hover:bg-muted"
                    >
                      {isOpen ? <ChevronDown className="size-4" /> : <ChevronRight className="size-4" />}
                    </button>
                  ) : (
                    <span className="inline-block size-5" />
                  )}
                  <span className="flex flex-col">
                    <span className="font-medium">{r.name}</span>
                    <span className="font-mono text-xs text-muted-foreground">{r.code}</span>
                    {r.withheld ? (
                      <span className="mt-0.5 flex items-center gap-1 text-xs text-muted-foreground">
                        <Info className="size-3 shrink-0" aria-hidden />
                        {r.withheld}
                      </span>
                    ) : null}
                  </span>
                </div>
              </TableCell>
              <TableCell className="text-right tabular-nums" data-col="plan">
                {linked(r.planCents, null, drill && planLinesHref(drill, { unitId: r.id }), `Plan lines of ${r.name}`)}
              </TableCell>
              <TableCell className="text-right tabular-nums" data-col="actual">
                {linked(r.actualCents, null, drill && ledgerLinesHref(drill, { unitId: r.id }), `Ledger lines of ${r.name}`)}
              </TableCell>
              <TableCell className="text-right tabular-nums">{linked(r.forecastCents, null, null, "")}</TableCell>
              <TableCell className="text-right tabular-nums">{variance(r)}</TableCell>
              <TableCell className="text-right tabular-nums">
                {noPlan || r.varianceCents === null ? "—" : formatPercent(r.variancePct, { signed: true })}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell className="ui-sticky-start bg-slate-50 font-semibold">Total</TableCell>
          <TableCell className="text-right font-semibold tabular-nums">
            {linked(totals.planCents, totals.withheld, drill && planLinesHref(drill), "Plan lines of the total")}
          </TableCell>
          <TableCell className="text-right font-semibold tabular-nums">
            {linked(totals.actualCents, totals.withheld, drill && ledgerLinesHref(drill), "Ledger lines of the total")}
          </TableCell>
          <TableCell className="text-right font-semibold tabular-nums">{linked(totals.forecastCents, totals.withheld, null, "")}</TableCell>
          <TableCell className="text-right font-semibold tabular-nums">{variance(totals)}</TableCell>
          <TableCell className="text-right font-semibold tabular-nums">
            {noPlan || totals.varianceCents === null ? "—" : formatPercent(totals.variancePct, { signed: true })}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}
