"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { IdCard } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useMemo } from "react";

import { actionsColumn, DataTable, useSortHref } from "@/components/data-table";
import { PositionRowActions } from "@/components/headcount/position-row-actions";
import { PositionStatusBadge } from "@/components/headcount/position-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { PositionSort } from "@/lib/headcount/position-sort";
import type { PositionRow } from "@/lib/headcount/queries";
import { formatDate } from "@/lib/format";
import { formatMoney } from "@/lib/money";

// Open requisitions first when sorting by status.
const STATUS_RANK = { OPEN: 0, BACKFILL: 1, PLANNED: 2, FILLED: 3, CLOSED: 4 } as const;

type Writer = {
  org: string;
  today: string;
  /** Units the actor may write (a manager's subtree); null = the whole org. */
  unitIds: string[] | null;
  /** The actor may staff projects (allocate unfilled positions). */
  canStaff: boolean;
} | null;

function columns(currency: string, showPay: boolean, writer: Writer, orgBase: string): ColumnDef<PositionRow>[] {
  const cols: ColumnDef<PositionRow>[] = [
    {
      accessorKey: "title",
      header: "Position",
      cell: ({ row }) => (
        <Link href={`${orgBase}/positions/${row.original.id}`} prefetch={false} className="font-medium hover:underline">
          {row.original.title}
        </Link>
      ),
      meta: { className: "min-w-48" },
    },
    { accessorKey: "level", header: "Level" },
    { accessorKey: "teamName", header: "Team" },
    {
      id: "status",
      accessorFn: (r) => STATUS_RANK[r.status],
      header: "Status",
      cell: ({ row }) => <PositionStatusBadge status={row.original.status} />,
    },
    {
      id: "targetStart",
      accessorFn: (r) => r.targetStartDate ?? undefined,
      header: "Target start",
      cell: ({ row }) => <span className="whitespace-nowrap">{formatDate(row.original.targetStartDate)}</span>,
    },
    {
      id: "holder",
      accessorFn: (r) => r.holderName ?? undefined,
      header: "Holder",
      cell: ({ row }) => {
        const { holderName, backfillForName } = row.original;
        return (
          <span className="flex flex-col">
            <span>{holderName ?? <span className="text-muted-foreground">Vacant</span>}</span>
            {backfillForName ? <span className="text-xs text-muted-foreground">Backfills {backfillForName}</span> : null}
            {row.original.vacantFrom && row.original.status === "BACKFILL" ? (
              <span className="text-xs text-muted-foreground">Vacant from {formatDate(row.original.vacantFrom)}</span>
            ) : null}
          </span>
        );
      },
    },
    {
      id: "budgeted",
      accessorFn: (r) => r.budgetFiscalYear * 10 + (r.budgetFiscalQuarter ?? 0),
      header: "Budgeted",
      cell: ({ row }) => (
        <span className="flex flex-col">
          <span className="font-mono text-xs whitespace-nowrap">{row.original.budgetLabel}</span>
          {row.original.outsidePlan ? <span className="text-xs text-muted-foreground">Outside the plan</span> : null}
        </span>
      ),
    },
  ];
  // Only present for compensation:read roles; other roles' rows carry no pay at all.
  if (showPay) {
    cols.push({
      id: "annualComp",
      accessorFn: (r) => r.annualCompCents,
      header: "Annual comp",
      cell: ({ row }) => {
        const { annualCompCents, compBandMinCents, compBandMaxCents, compIsEstimate } = row.original;
        if (annualCompCents === undefined) return "—";
        return (
          <span className="flex flex-col items-end">
            <span>{formatMoney(annualCompCents, currency)}</span>
            {compIsEstimate ? <span className="text-xs text-muted-foreground">Estimate: set the budget</span> : null}
            {compBandMinCents !== undefined && compBandMaxCents !== undefined ? (
              <span className="text-xs whitespace-nowrap text-muted-foreground">
                Band {formatMoney(compBandMinCents, currency, { compact: true })}–
                {formatMoney(compBandMaxCents, currency, { compact: true })}
              </span>
            ) : null}
          </span>
        );
      },
      meta: { align: "right" },
    });
    cols.push({
      id: "monthlyLoaded",
      accessorFn: (r) => r.monthlyLoadedCostCents,
      header: "Loaded / month",
      cell: ({ row }) =>
        row.original.monthlyLoadedCostCents === undefined ? "—" : formatMoney(row.original.monthlyLoadedCostCents, currency),
      meta: { align: "right" },
    });
  }
  cols.push(
    ...actionsColumn<PositionRow>(
      "actions",
      "Actions",
      writer &&
        ((p) =>
          writer.unitIds === null || writer.unitIds.includes(p.teamId) ? (
            <PositionRowActions org={writer.org} today={writer.today} canStaff={writer.canStaff} position={p} />
          ) : null),
    ),
  );
  return cols;
}

export function PositionsTable({
  positions,
  currency,
  showPay,
  writer = null,
  sort,
}: {
  positions: PositionRow[];
  currency: string;
  showPay: boolean;
  writer?: Writer;
  /** The server's order of a paged list (null: plan order): headers link to ?sort=&dir=, the database sorts every page. */
  sort?: PositionSort | null;
}) {
  const pathname = usePathname();
  // The org's base path ("/acme"): the table is shown on more than one page of the org.
  const orgBase = `/${pathname.split("/")[1] ?? ""}`;
  const cols = useMemo(() => columns(currency, showPay, writer, orgBase), [currency, showPay, writer, orgBase]);
  const sortHref = useSortHref({ anchor: "positions" });
  return (
    <DataTable
      priorities={{ level: 3, teamName: 2, targetStart: 3, holder: 3, budgeted: 3, annualComp: 3, monthlyLoaded: 3 }}
      columns={cols}
      data={positions}
      getRowId={(r) => r.id}
      caption="Positions"
      {...(sort !== undefined
        ? { serverSorting: { sorting: sort ? [{ id: sort.key, desc: sort.dir === "desc" }] : [], href: sortHref } }
        : { initialSorting: [{ id: "status", desc: false }] })}
      rowClassName={(row) => (row.original.status === "CLOSED" ? "ui-dimmed" : undefined)}
      emptyState={
        <EmptyState icon={IdCard} title="No positions yet" description="Planned, open and filled headcount slots will appear here." />
      }
    />
  );
}
