"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Users } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";

import { DataTable } from "@/components/data-table";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, humanize } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import type { PersonRow } from "@/lib/people/queries";

function columns(currency: string, today: string, showPay: boolean, org: string | undefined): ColumnDef<PersonRow>[] {
  const cols: ColumnDef<PersonRow>[] = [
    {
      accessorKey: "name",
      header: "Name",
      cell: ({ row }) => {
        const { id, name, startDate, endDate } = row.original;
        return (
          <span className="flex flex-wrap items-center gap-1.5">
            {org ? (
              <Link className="font-medium hover:underline" href={`/${org}/people/${id}`} prefetch={false}>
                {name}
              </Link>
            ) : (
              <span className="font-medium">{name}</span>
            )}
            {startDate > today ? <Badge variant="default">Starts {formatDate(startDate)}</Badge> : null}
            {endDate ? <Badge variant="warning">Leaves {formatDate(endDate)}</Badge> : null}
          </span>
        );
      },
      meta: { className: "min-w-48" },
    },
    { accessorKey: "title", header: "Title" },
    { accessorKey: "level", header: "Level" },
    { accessorKey: "teamName", header: "Team" },
    { id: "manager", accessorFn: (r) => r.managerName ?? undefined, header: "Manager", cell: ({ getValue }) => getValue<string>() ?? "—" },
    { id: "location", accessorFn: (r) => r.location ?? undefined, header: "Location", cell: ({ getValue }) => getValue<string>() ?? "—" },
    {
      accessorKey: "employmentType",
      header: "Type",
      cell: ({ row }) => (
        <Badge variant={row.original.employmentType === "CONTRACTOR" ? "outline" : "secondary"}>
          {humanize(row.original.employmentType)}
        </Badge>
      ),
    },
  ];
  // The pay column exists only when the server sent pay (compensation:read); the rows of
  // everyone else carry no annualCompCents at all.
  if (showPay) {
    cols.push({
      id: "annualComp",
      accessorFn: (r) => r.annualCompCents,
      header: "Annual pay",
      cell: ({ row }) => (row.original.annualCompCents === undefined ? "—" : formatMoney(row.original.annualCompCents, currency)),
      meta: { align: "right" },
    });
  }
  return cols;
}

export function PeopleTable({
  people,
  currency,
  today,
  showPay,
  org,
  empty,
}: {
  people: PersonRow[];
  currency: string;
  /** ISO date, from the server, to flag future starters */
  today: string;
  showPay: boolean;
  /** Org slug: names link to the person page. */
  org?: string;
  /** Empty-state text for a filtered list (default: the unfiltered list's). */
  empty?: { title: string; description: string };
}) {
  const cols = useMemo(() => columns(currency, today, showPay, org), [currency, today, showPay, org]);
  return (
    <DataTable
      priorities={{ level: 3, teamName: 2, manager: 3, location: 3, employmentType: 3, annualComp: 3 }}
      columns={cols}
      data={people}
      getRowId={(r) => r.id}
      caption="People"
      emptyState={
        <EmptyState
          icon={Users}
          title={empty?.title ?? "No people yet"}
          description={empty?.description ?? "People in post and future starters will appear here."}
        />
      }
    />
  );
}
