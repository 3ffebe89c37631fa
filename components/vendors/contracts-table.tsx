"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { FileText } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useMemo } from "react";

import { actionsColumn, DataTable, useSortHref } from "@/components/data-table";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ContractFormDialog } from "@/components/vendors/contract-form-dialog";
import { ContractStatusBadge } from "@/components/vendors/contract-status-badge";
import { DueDate } from "@/components/vendors/renewal-date";
import { formatDate, humanize } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import type { ContractSort, RenewalSort } from "@/lib/vendors/list-params";
import type { ContractFormOptions, ContractRow } from "@/lib/vendors/queries";
import { renewalDecisionLabel } from "@/lib/vendors/renewal";

const STATUS_RANK = { ACTIVE: 0, DRAFT: 1, EXPIRED: 2, CANCELLED: 3 } as const;

function columns(
  currency: string,
  today: string,
  orgBase: string,
  edit?: (c: ContractRow) => React.ReactNode,
  showDecision = false,
): ColumnDef<ContractRow>[] {
  return [
    ...(showDecision
      ? [
          {
            id: "decision",
            accessorFn: (r) => r.renewalNoticeDate ?? r.endDate,
            header: "Renewal decision",
            cell: ({ row }) => {
              const passed = !!row.original.renewalNoticeDate && row.original.renewalNoticeDate < today;
              return (
                <span className={passed ? "font-medium text-health-off-track-text" : undefined}>
                  {renewalDecisionLabel(row.original, today)}
                </span>
              );
            },
            meta: { className: "min-w-40" },
          } satisfies ColumnDef<ContractRow>,
        ]
      : []),
    { accessorKey: "vendorName", header: "Vendor", cell: ({ row }) => <span className="font-medium">{row.original.vendorName}</span> },
    {
      accessorKey: "name",
      header: "Contract",
      cell: ({ row }) => (
        <Link href={`${orgBase}/contracts/${row.original.id}`} prefetch={false} className="hover:underline">
          {row.original.name}
        </Link>
      ),
      meta: { className: "min-w-48" },
    },
    { accessorKey: "teamName", header: "Team" },
    {
      accessorKey: "category",
      header: "Category",
      cell: ({ row }) => <Badge variant="secondary">{humanize(row.original.category)}</Badge>,
    },
    {
      accessorKey: "annualAmountCents",
      header: "Annual",
      cell: ({ row }) => formatMoney(row.original.annualAmountCents, currency),
      meta: { align: "right" },
    },
    {
      accessorKey: "startDate",
      header: "Start",
      cell: ({ row }) => <span className="whitespace-nowrap">{formatDate(row.original.startDate)}</span>,
    },
    {
      accessorKey: "endDate",
      header: "End",
      cell: ({ row }) => (
        <span className="flex flex-col">
          <DueDate date={row.original.endDate} today={today} active={row.original.status === "ACTIVE"} />
          {row.original.autoRenew ? <span className="text-xs text-muted-foreground">Auto-renews</span> : null}
        </span>
      ),
    },
    {
      id: "renewalNotice",
      accessorFn: (r) => r.renewalNoticeDate ?? undefined,
      header: "Notice by",
      cell: ({ row }) => (
        <DueDate date={row.original.renewalNoticeDate} today={today} warnDays={30} active={row.original.status === "ACTIVE"} />
      ),
    },
    {
      id: "status",
      accessorFn: (r) => STATUS_RANK[r.status],
      header: "Status",
      cell: ({ row }) => <ContractStatusBadge status={row.original.status} />,
    },
    {
      id: "owner",
      accessorFn: (r) => r.ownerName ?? undefined,
      header: "Owner",
      cell: ({ row }) => row.original.ownerName ?? <span className="text-muted-foreground">—</span>,
    },
    ...actionsColumn("edit", "Edit", edit),
  ];
}

export function ContractsTable({
  contracts,
  currency,
  today,
  editing,
  caption = "Contracts",
  showDecision = false,
  sort,
  params = { sort: "sort", dir: "dir", page: "page", anchor: "contracts" },
}: {
  contracts: ContractRow[];
  currency: string;
  today: string;
  /** Passed only to people who may edit (vendors:write). */
  editing?: { org: string; options: ContractFormOptions };
  caption?: string;
  /** Lead with the renewal decision (the renewals due list). */
  showDecision?: boolean;
  /** A server-sorted, paged list: headers link to ?sort=&dir= (the database sorts every page). */
  sort?: ContractSort | RenewalSort;
  /** The list's own parameter names and anchor (the renewals due list: rsort, rdir, rpage, #renewals). */
  params?: { sort: string; dir: string; page: string; anchor: string };
}) {
  const pathname = usePathname();
  // The org's base path ("/acme"): the table is shown on more than one page of the org.
  const orgBase = `/${pathname.split("/")[1] ?? ""}`;
  // A header links to the list sorted by its column, filters kept, back on the first page.
  const sortHref = useSortHref(params);
  const cols = useMemo(
    () =>
      columns(
        currency,
        today,
        orgBase,
        editing ? (c) => <ContractFormDialog org={editing.org} options={editing.options} contract={c} /> : undefined,
        showDecision,
      ),
    [currency, today, orgBase, editing, showDecision],
  );
  return (
    <DataTable
      priorities={{ teamName: 3, category: 3, startDate: 3, endDate: 2, renewalNotice: 3, owner: 3 }}
      columns={cols}
      data={contracts}
      getRowId={(r) => r.id}
      caption={caption}
      serverSorting={sort ? { sorting: [{ id: sort.key, desc: sort.dir === "desc" }], href: sortHref } : undefined}
      rowClassName={(row) => (row.original.status === "CANCELLED" || row.original.status === "EXPIRED" ? "ui-dimmed" : undefined)}
      emptyState={
        <EmptyState icon={FileText} title="No contracts yet" description="Software, cloud and services contracts will appear here." />
      }
    />
  );
}
