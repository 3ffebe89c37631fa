"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { FolderKanban } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";

import { DataTable } from "@/components/data-table";
import { ProjectStatusBadge } from "@/components/projects/project-status-badge";
import { UpdateStateBadge } from "@/components/projects/update-state-badge";
import { HEALTH_LABELS, HealthBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { Health } from "@/lib/generated/prisma/enums";
import { formatDate, formatRelative } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import type { ProjectRow } from "@/lib/projects/queries";
import { cn } from "@/lib/utils";

// Worst first when sorting by health.
const HEALTH_RANK: Record<Health, number> = { OFF_TRACK: 0, AT_RISK: 1, UNKNOWN: 2, ON_TRACK: 3 };
const STATUS_RANK = { ACTIVE: 0, PAUSED: 1, PLANNED: 2, DONE: 3, CANCELLED: 4 } as const;

const UPDATE_RANK = { stale: 0, due: 1, current: 2, "not-required": 3 } as const;

function columns(org: string, currency: string, now: string): ColumnDef<ProjectRow>[] {
  return [
    {
      accessorKey: "name",
      header: "Project",
      cell: ({ row }) => (
        <Link href={`/${org}/projects/${row.original.id}`} className="font-medium text-foreground hover:underline">
          {row.original.name}
        </Link>
      ),
      meta: { className: "min-w-56" },
    },
    { accessorKey: "teamName", header: "Team" },
    { id: "lead", accessorFn: (r) => r.leadName ?? undefined, header: "Lead", cell: ({ getValue }) => getValue<string>() ?? "—" },
    {
      id: "initiative",
      accessorFn: (r) => r.initiativeName ?? undefined,
      header: "Initiative",
      cell: ({ getValue }) => <span className="text-muted-foreground">{getValue<string>() ?? "—"}</span>,
    },
    {
      id: "status",
      accessorFn: (r) => STATUS_RANK[r.status],
      header: "Status",
      cell: ({ row }) => <ProjectStatusBadge status={row.original.status} />,
    },
    {
      id: "health",
      accessorFn: (r) => HEALTH_RANK[r.health],
      header: "Health",
      cell: ({ row }) => <HealthBadge health={row.original.health} title={HEALTH_LABELS[row.original.health]} />,
    },
    {
      id: "lastUpdate",
      accessorFn: (r) => r.lastUpdateAt ?? undefined,
      header: "Last update",
      cell: ({ row }) => {
        const { lastUpdateAt, update } = row.original;
        // Stale by the org's cadence and grace period (lib/projects/staleness.ts).
        const stale = update.state === "stale";
        return (
          <span
            className={cn("whitespace-nowrap", stale ? "font-medium text-health-at-risk-text" : "text-muted-foreground")}
            title={lastUpdateAt ? formatDate(lastUpdateAt) : undefined}
          >
            {formatRelative(lastUpdateAt, now)}
          </span>
        );
      },
    },
    {
      id: "cadence",
      accessorFn: (r) => UPDATE_RANK[r.update.state],
      header: "Update",
      cell: ({ row }) => <UpdateStateBadge state={row.original.update} />,
    },
    {
      id: "targetDate",
      accessorFn: (r) => r.targetDate ?? undefined,
      header: "Target",
      cell: ({ row }) => <span className="whitespace-nowrap">{formatDate(row.original.targetDate)}</span>,
    },
    {
      id: "budget",
      accessorFn: (r) => r.budgetCents ?? undefined,
      header: "Budget",
      cell: ({ row }) => (row.original.budgetCents === null ? "—" : formatMoney(row.original.budgetCents, currency)),
      meta: { align: "right" },
    },
  ];
}

export function ProjectsTable({
  org,
  projects,
  currency,
  now,
}: {
  org: string;
  projects: ProjectRow[];
  currency: string;
  now: string;
  /** @deprecated staleness now follows the org's update cadence; ignored. */
  staleAfterDays?: number;
}) {
  const cols = useMemo(() => columns(org, currency, now), [org, currency, now]);
  return (
    <DataTable
      columns={cols}
      data={projects}
      getRowId={(r) => r.id}
      caption="Projects"
      initialSorting={[{ id: "status", desc: false }]}
      rowClassName={(row) => (row.original.status === "CANCELLED" ? "opacity-60" : undefined)}
      emptyState={
        <EmptyState icon={FolderKanban} title="No projects yet" description="Projects your teams are running will appear here." />
      }
    />
  );
}
