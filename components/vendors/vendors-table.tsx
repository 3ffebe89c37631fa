"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Store } from "lucide-react";
import { useMemo } from "react";

import { actionsColumn, DataTable, useSortHref } from "@/components/data-table";
import { DueDate } from "@/components/vendors/renewal-date";
import { VendorFormDialog } from "@/components/vendors/vendor-form-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { formatMoney } from "@/lib/money";
import type { VendorSort } from "@/lib/vendors/list-params";
import type { VendorRow } from "@/lib/vendors/queries";

function columns(currency: string, today: string, edit?: (v: VendorRow) => React.ReactNode): ColumnDef<VendorRow>[] {
  return [
    {
      accessorKey: "name",
      header: "Vendor",
      cell: ({ row }) => (
        <span className="flex flex-col">
          <span className="font-medium">{row.original.name}</span>
          {row.original.website ? (
            <span className="text-xs text-muted-foreground">{row.original.website.replace(/^https?:\/\//, "")}</span>
          ) : null}
        </span>
      ),
    },
    {
      accessorKey: "contractCount",
      header: "Contracts",
      cell: ({ row }) => (
        <span>
          {row.original.contractCount}
          {row.original.activeContractCount !== row.original.contractCount ? (
            <span className="ml-1 text-xs text-muted-foreground">({row.original.activeContractCount} active)</span>
          ) : null}
        </span>
      ),
      meta: { align: "right" },
    },
    {
      accessorKey: "annualValueCents",
      header: "Annual value",
      cell: ({ row }) => formatMoney(row.original.annualValueCents, currency),
      meta: { align: "right" },
    },
    {
      accessorKey: "spendCents",
      header: "Spend (12 mo)",
      cell: ({ row }) => formatMoney(row.original.spendCents, currency),
      meta: { align: "right" },
    },
    {
      id: "spendVsValue",
      accessorFn: (r) => (r.annualValueCents > 0 ? r.spendCents / r.annualValueCents : undefined),
      header: "Spend vs value",
      cell: ({ row }) => {
        const { spendCents, annualValueCents } = row.original;
        if (annualValueCents === 0) return <span className="text-muted-foreground">—</span>;
        const pct = Math.round((spendCents * 100) / annualValueCents);
        return <span className={pct > 100 ? "font-medium text-health-off-track-text" : undefined}>{pct}%</span>;
      },
      meta: { align: "right" },
    },
    {
      id: "nextRenewal",
      accessorFn: (r) => r.nextRenewal ?? undefined,
      header: "Next contract end",
      cell: ({ row }) => <DueDate date={row.original.nextRenewal} today={today} />,
    },
    ...actionsColumn("edit", "Edit", edit),
  ];
}

export function VendorsTable({
  vendors,
  currency,
  today,
  org,
  sort,
}: {
  vendors: VendorRow[];
  currency: string;
  today: string;
  org?: string;
  sort?: VendorSort;
}) {
  // A paged list: headers link to ?vsort=&vdir= and the database orders every page.
  const sortHref = useSortHref({ sort: "vsort", dir: "vdir", page: "vpage", anchor: "vendors" });
  // `org` is passed only to people who may edit (vendors:write).
  const cols = useMemo(
    () => columns(currency, today, org ? (v) => <VendorFormDialog org={org} vendor={v} /> : undefined),
    [currency, today, org],
  );
  return (
    <DataTable
      priorities={{ contractCount: 3, spendCents: 3, spendVsValue: 3, nextRenewal: 2 }}
      columns={cols}
      data={vendors}
      getRowId={(r) => r.id}
      caption="Vendors"
      {...(sort
        ? { serverSorting: { sorting: [{ id: sort.key, desc: sort.dir === "desc" }], href: sortHref } }
        : { initialSorting: [{ id: "annualValueCents", desc: true }] })}
      emptyState={<EmptyState icon={Store} title="No vendors yet" description="Suppliers you hold contracts with will appear here." />}
    />
  );
}
