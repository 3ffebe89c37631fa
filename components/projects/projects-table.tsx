"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { FolderKanban } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";

import { DataTable, useSortHref } from "@/components/data-table";
import { ProjectStatusBadge } from "@/components/projects/project-status-badge";
import type { ProjectTableRow } from "@/components/projects/projects-table-rows";
import { Badge, HealthBadge } from "@/components/ui/badge";
import { HEALTH_LABELS } from "@/lib/projects/health-labels";
import { EmptyState } from "@/components/ui/empty-state";
import type { ProjectSort, ProjectSortKey } from "@/lib/projects/queries";

// Rows arrive formatted (projectTableRows) and sorted by the database (?sort=…&dir=…, the whole
// filtered list across pages); column ids are the sort keys of lib/projects/queries.ts.
type Column = ColumnDef<ProjectTableRow> & { id: ProjectSortKey | "cadence" };

function columns(org: string): Column[] {
  return [
    {
      id: "name",
      accessorFn: (r) => r.name,
      header: "Project",
      // Rows, sort headers and pager links do not prefetch (here and in the app's other long
      // lists): every link in view would make the browser ask the server for its page.
      cell: ({ row }) => (
        <Link href={`/${org}/projects/${row.original.id}`} prefetch={false} className="font-medium text-foreground hover:underline">
          {row.original.name}
        </Link>
      ),
      meta: { className: "min-w-56" },
    },
    { id: "team", accessorFn: (r) => r.team, header: "Team" },
    { id: "lead", accessorFn: (r) => r.lead, header: "Lead", cell: ({ row }) => row.original.lead ?? "—" },
    {
      id: "initiative",
      accessorFn: (r) => r.initiative,
      header: "Initiative",
      cell: ({ row }) => row.original.initiative ?? "—",
      meta: { className: "text-muted-foreground" },
    },
    { id: "status", accessorFn: (r) => r.status, header: "Status", cell: ({ row }) => <ProjectStatusBadge status={row.original.status} /> },
    {
      id: "health",
      accessorFn: (r) => r.health,
      header: "Health",
      cell: ({ row }) => <HealthBadge health={row.original.health} title={HEALTH_LABELS[row.original.health]} />,
    },
    {
      id: "lastUpdate",
      accessorFn: (r) => r.lastUpdate,
      header: "Last update",
      sortDescFirst: true,
      cell: ({ row }) => {
        const r = row.original;
        return (
          <span className={r.stale ? "font-medium text-health-at-risk-text" : "text-muted-foreground"} title={r.lastUpdateDate}>
            {r.lastUpdate}
          </span>
        );
      },
      meta: { className: "whitespace-nowrap" },
    },
    {
      id: "cadence",
      header: "Update",
      enableSorting: false,
      cell: ({ row }) => {
        const u = row.original.update;
        return u ? (
          <Badge variant={u.variant} title={u.title}>
            {u.label}
          </Badge>
        ) : null;
      },
    },
    { id: "targetDate", accessorFn: (r) => r.target, header: "Target", meta: { className: "whitespace-nowrap" } },
    {
      id: "budget",
      accessorFn: (r) => r.budget,
      header: "Budget",
      sortDescFirst: true,
      cell: ({ row }) => row.original.budget ?? "—",
      meta: { align: "right" },
    },
  ];
}

export function ProjectsTable({
  org,
  projects,
  sort,
  filtered = false,
  clearHref,
}: {
  org: string;
  projects: ProjectTableRow[];
  sort: ProjectSort;
  /** Some filter is set: an empty list means "nothing matches", not an empty org. */
  filtered?: boolean;
  clearHref?: string;
}) {
  const cols = useMemo(() => columns(org), [org]);
  // A header links to the list sorted by its column, filters kept, back on the first page.
  const sortHref = useSortHref();
  return (
    <DataTable
      priorities={{ team: 2, lead: 3, initiative: 3, lastUpdate: 2, cadence: 3, targetDate: 3, budget: 3 }}
      columns={cols}
      data={projects}
      getRowId={(r) => r.id}
      caption="Projects"
      serverSorting={{ sorting: [{ id: sort.key, desc: sort.dir === "desc" }], href: sortHref }}
      rowClassName={(row) => (row.original.status === "CANCELLED" ? "ui-dimmed" : undefined)}
      emptyState={
        filtered ? (
          <EmptyState
            icon={FolderKanban}
            title="No projects match these filters"
            description="Change or clear the filters to see more projects."
            action={
              clearHref ? (
                <Link href={clearHref} className="text-sm font-medium text-primary hover:underline">
                  Clear filters
                </Link>
              ) : undefined
            }
          />
        ) : (
          <EmptyState icon={FolderKanban} title="No projects yet" description="Projects your teams are running will appear here." />
        )
      }
    />
  );
}
