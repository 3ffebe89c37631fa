"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { ChartGantt } from "lucide-react";

import { DataTable, useSortHref } from "@/components/data-table";
import { HealthMix } from "@/components/roadmap/health-mix";
import { InitiativeStatusBadge } from "@/components/roadmap/initiative-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { InitiativeRow, InitiativeSort } from "@/lib/roadmap/queries";

const COLUMNS: ColumnDef<InitiativeRow>[] = [
  {
    accessorKey: "name",
    header: "Initiative",
    cell: ({ row }) => <span className="font-medium">{row.original.name}</span>,
    meta: { className: "min-w-64" },
  },
  {
    id: "period",
    accessorFn: (r) => r.periodSort,
    header: "Period",
    cell: ({ row }) => <span className="font-mono text-xs whitespace-nowrap">{row.original.periodLabel}</span>,
  },
  { accessorKey: "teamName", header: "Org unit" },
  { id: "owner", accessorFn: (r) => r.ownerName ?? undefined, header: "Owner", cell: ({ getValue }) => getValue<string>() ?? "—" },
  {
    id: "status",
    accessorFn: (r) => r.status,
    header: "Status",
    cell: ({ row }) => <InitiativeStatusBadge status={row.original.status} />,
  },
  { accessorKey: "projectCount", header: "Projects", meta: { align: "right" } },
  {
    id: "health",
    // Sorted by the share of projects in trouble (lib/roadmap/queries.ts).
    accessorFn: (r) => (r.projectCount ? (r.health.OFF_TRACK * 2 + r.health.AT_RISK) / r.projectCount : undefined),
    header: "Health mix",
    cell: ({ row }) => <HealthMix mix={row.original.health} />,
  },
];

/** `sort`: the order the database applied across every page; headers link to ?isort=&idir=. */
export function InitiativesTable({ initiatives, sort }: { initiatives: InitiativeRow[]; sort: InitiativeSort }) {
  // A header links to the table sorted by its column, the other parameters kept, back on page 1.
  const sortHref = useSortHref({ sort: "isort", dir: "idir", page: "ipage" });
  return (
    <DataTable
      columns={COLUMNS}
      data={initiatives}
      getRowId={(r) => r.id}
      caption="Initiatives"
      serverSorting={{ sorting: [{ id: sort.key, desc: sort.dir === "desc" }], href: sortHref }}
      rowClassName={(row) => (row.original.status === "CANCELLED" ? "ui-dimmed" : undefined)}
      emptyState={
        <EmptyState
          icon={ChartGantt}
          title="No initiatives yet"
          description="Initiatives group projects under a goal for a fiscal period."
        />
      }
    />
  );
}
