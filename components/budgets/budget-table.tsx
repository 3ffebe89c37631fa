"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Wallet } from "lucide-react";
import { useMemo } from "react";

import { DataTable } from "@/components/data-table";
import { VarianceAmount, VariancePercent } from "@/components/budgets/variance";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { BudgetRow, BudgetTotals } from "@/lib/budgets/queries";
import { humanize } from "@/lib/format";
import { formatMoney } from "@/lib/money";

function columns(currency: string, totals: BudgetTotals): ColumnDef<BudgetRow>[] {
  const money = (cents: number) => formatMoney(cents, currency);
  return [
    {
      id: "unit",
      // Sorting by unit restores tree order.
      accessorFn: (r) => r.order,
      header: "Org unit",
      cell: ({ row }) => (
        <span className="flex flex-col" style={{ paddingLeft: `${row.original.depth * 1}rem` }}>
          <span className="font-medium">{row.original.unitName}</span>
          <span className="font-mono text-xs text-muted-foreground">{row.original.unitCode}</span>
        </span>
      ),
      footer: "Total",
      meta: { className: "min-w-56" },
    },
    {
      accessorKey: "category",
      header: "Category",
      cell: ({ row }) => <Badge variant="secondary">{humanize(row.original.category)}</Badge>,
    },
    {
      accessorKey: "planCents",
      header: "Plan (year)",
      cell: ({ row }) => <span className="text-muted-foreground">{money(row.original.planCents)}</span>,
      footer: () => money(totals.planCents),
      meta: { align: "right" },
    },
    {
      accessorKey: "planToDateCents",
      header: "Plan to date",
      cell: ({ row }) => money(row.original.planToDateCents),
      footer: () => money(totals.planToDateCents),
      meta: { align: "right" },
    },
    {
      accessorKey: "actualCents",
      header: "Actual",
      cell: ({ row }) => money(row.original.actualCents),
      footer: () => money(totals.actualCents),
      meta: { align: "right" },
    },
    {
      accessorKey: "varianceCents",
      header: "Variance",
      cell: ({ row }) => <VarianceAmount cents={row.original.varianceCents} currency={currency} />,
      footer: () => <VarianceAmount cents={totals.varianceCents} currency={currency} />,
      meta: { align: "right" },
    },
    {
      id: "variancePct",
      accessorFn: (r) => r.variancePct ?? undefined,
      header: "Var. %",
      cell: ({ row }) => <VariancePercent pct={row.original.variancePct} cents={row.original.varianceCents} />,
      footer: () => <VariancePercent pct={totals.variancePct} cents={totals.varianceCents} />,
      meta: { align: "right" },
    },
  ];
}

export function BudgetTable({ rows, totals, currency }: { rows: BudgetRow[]; totals: BudgetTotals; currency: string }) {
  const cols = useMemo(() => columns(currency, totals), [currency, totals]);
  return (
    <DataTable
      columns={cols}
      data={rows}
      getRowId={(r) => `${r.orgUnitId}:${r.category}`}
      caption="Budget vs actual by org unit and category"
      emptyState={
        <EmptyState icon={Wallet} title="No budget or actuals for this year" description="Import a plan or ledger actuals to compare them here." />
      }
    />
  );
}
