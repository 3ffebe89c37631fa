"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Network } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";

import { DataTable } from "@/components/data-table";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { humanize } from "@/lib/format";
import type { OrgUnitRow } from "@/lib/org/queries";

const KIND_RANK = { DIVISION: 0, DEPARTMENT: 1, GROUP: 2, TEAM: 3, OTHER: 4 } as const;

const columns = (org: string, hrefPrefix?: string): ColumnDef<OrgUnitRow>[] => [
  {
    accessorKey: "name",
    header: "Unit",
    cell: ({ row }) => (
      // Indentation shows the tree; it reads correctly in the default (tree) order.
      <span className="flex items-center gap-2" style={{ paddingLeft: `${row.original.depth * 1.25}rem` }}>
        {row.original.depth > 0 ? <span aria-hidden className="h-px w-2.5 bg-border" /> : null}
        {hrefPrefix ? (
          <Link
            href={`${hrefPrefix}${row.original.id}`}
            prefetch={false}
            className={`${row.original.depth === 0 ? "font-semibold" : "font-medium"} hover:underline`}
          >
            {row.original.name}
          </Link>
        ) : (
          <span className={row.original.depth === 0 ? "font-semibold" : "font-medium"}>{row.original.name}</span>
        )}
        <Link
          href={`/${org}/teams/units/${row.original.id}`}
          prefetch={false}
          className="text-xs text-muted-foreground hover:underline"
          aria-label={`Unit page of ${row.original.name}`}
        >
          Unit page
        </Link>
      </span>
    ),
    meta: { className: "min-w-64" },
  },
  {
    id: "kind",
    accessorFn: (r) => KIND_RANK[r.kind],
    header: "Kind",
    cell: ({ row }) => <Badge variant="secondary">{humanize(row.original.kind)}</Badge>,
  },
  {
    accessorKey: "code",
    header: "Cost centre",
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.code}</span>,
  },
  {
    id: "lead",
    accessorFn: (r) => [r.leadName, r.actingLeadName ? `${r.actingLeadName} (acting)` : null].filter(Boolean).join(" · ") || undefined,
    header: "Lead",
    cell: ({ getValue }) => getValue<string>() ?? "—",
  },
  {
    accessorKey: "headCount",
    header: "Head count",
    cell: ({ row }) => (
      <span title={`${row.original.directCount} directly in this unit`}>
        {row.original.headCount}
        {row.original.headCount !== row.original.directCount ? (
          <span className="ml-1 text-xs text-muted-foreground">({row.original.directCount} direct)</span>
        ) : null}
      </span>
    ),
    meta: { align: "right" },
  },
  {
    accessorKey: "openPositions",
    header: "Open positions",
    cell: ({ row }) =>
      row.original.openPositions > 0 ? (
        <span className="font-medium text-primary">{row.original.openPositions}</span>
      ) : (
        <span className="text-muted-foreground">0</span>
      ),
    meta: { align: "right" },
  },
];

/** Each unit's name opens the teams page on that unit (`hrefPrefix` + id); "Unit page" opens its own page (edits, history). */
export function OrgUnitsTable({ units, org, hrefPrefix }: { units: OrgUnitRow[]; org: string; hrefPrefix?: string }) {
  const cols = useMemo(() => columns(org, hrefPrefix), [org, hrefPrefix]);
  return (
    <DataTable
      columns={cols}
      data={units}
      getRowId={(r) => r.id}
      caption="Org units"
      emptyState={<EmptyState icon={Network} title="No org units yet" description="Divisions, departments and teams will appear here." />}
    />
  );
}
