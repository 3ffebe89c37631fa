"use client";

import {
  type Column,
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type Row,
  type RowData,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import * as React from "react";

import { columnPriorities, RowDetail, RowDetailToggle, useOpenRows } from "@/components/data-table-detail";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { cn } from "@/lib/utils";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** "right" for numbers and money, so digits line up. */
    align?: "left" | "right" | "center";
    /** Extra classes for this column's body cells. */
    className?: string;
    /** Extra classes for this column's header cell. */
    headerClassName?: string;
    /**
     * "end": the column sticks to the right edge when the table scrolls sideways — for row
     * actions, which must stay visible however wide the table is.
     */
    pin?: "end";
    /**
     * How much the column matters on a narrow screen: 1 (default) always shown; 2 hidden below
     * `md` and 3 below `lg`, where a row's hidden columns open beneath it from a toggle in its
     * first cell. The first column and a pinned one should stay 1.
     */
    priority?: 1 | 2 | 3;
  }
}

const ALIGN = { left: "text-left", right: "text-right", center: "text-center" } as const;

/**
 * The row actions column, pinned to the end and named `label` for screen readers; no column
 * when `cell` is absent (a reader who may not act). `cell` may return null for a row.
 */
export function actionsColumn<T>(id: string, label: string, cell: ((row: T) => React.ReactNode) | undefined | null): ColumnDef<T>[] {
  if (!cell) return [];
  return [
    {
      id,
      header: () => <span className="sr-only">{label}</span>,
      enableSorting: false,
      cell: ({ row }) => cell(row.original),
      meta: { pin: "end" },
    },
  ];
}

/**
 * The `serverSorting.href` of a list sorted in the URL: a header links to the list sorted by its
 * column, filters kept, back on the first page. A page with several lists names each list's
 * parameters and the anchor to return to.
 */
export function useSortHref({
  sort = "sort",
  dir = "dir",
  page = "page",
  anchor,
}: { sort?: string; dir?: string; page?: string; anchor?: string } = {}) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return (sorting: SortingState) => {
    const q = new URLSearchParams(searchParams);
    q.delete(page);
    q.set(sort, sorting[0].id);
    q.set(dir, sorting[0].desc ? "desc" : "asc");
    return `${pathname}?${q}${anchor ? `#${anchor}` : ""}`;
  };
}

export type DataTableProps<T> = {
  columns: ColumnDef<T, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  data: T[];
  /** Shown in place of the rows when `data` is empty. */
  emptyState?: React.ReactNode;
  /** e.g. [{ id: "name", desc: false }] — ids are accessorKey or explicit column id. */
  initialSorting?: SortingState;
  /**
   * Sorting done by the server, for a paged list: `data` arrives sorted as `sorting` says, and
   * each sortable header is a link to `href(next sorting)` (the sort lives in the URL) instead
   * of sorting the rows at hand. Replaces initialSorting.
   */
  serverSorting?: { sorting: SortingState; href: (sorting: SortingState) => string };
  /** Stable row ids (defaults to the index), e.g. (row) => row.id. */
  getRowId?: (row: T, index: number) => string;
  /** Accessible name of the table (rendered as a visually hidden caption). */
  caption?: string;
  /**
   * A height to scroll the rows inside. Avoid it: the page is the one vertical scroll container
   * (long lists page through the URL), so by default the table grows with the page.
   */
  maxHeight?: string | null;
  /**
   * Column priorities by column id, as ColumnMeta.priority: 2 leaves the table below `md`, 3
   * below `lg`, into a row detail opened from the first cell. Unlisted columns always show.
   */
  priorities?: Record<string, 2 | 3>;
  /** Per-row classes, e.g. to dim cancelled items. */
  rowClassName?: (row: Row<T>) => string | undefined;
  className?: string;
};

/**
 * Generic sortable table for plain DTO rows. Every accessor column is sortable by clicking its
 * header (a real <button>, with aria-sort on the <th>). Missing values should be `undefined`
 * (not null) in accessors so they sort last in both directions.
 */
export function DataTable<T>({
  columns,
  data,
  emptyState,
  initialSorting = [],
  serverSorting,
  getRowId,
  caption,
  maxHeight = null,
  rowClassName,
  priorities,
  className,
}: DataTableProps<T>) {
  const [sorting, setSorting] = React.useState<SortingState>(initialSorting);
  const openRows = useOpenRows();
  const detailIdBase = React.useId();

  // TanStack Table hands out fresh functions by design, so the React Compiler skips memoizing
  // this component; that is expected and harmless here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId,
    defaultColumn: { sortUndefined: "last" },
    ...(serverSorting
      ? { state: { sorting: serverSorting.sorting }, manualSorting: true, enableSortingRemoval: false, sortDescFirst: false }
      : { state: { sorting }, onSortingChange: setSorting, getSortedRowModel: getSortedRowModel() }),
  });

  const rows = table.getRowModel().rows;
  const hasFooter = table.getFooterGroups().some((g) => g.headers.some((h) => h.column.columnDef.footer));
  const leafColumns = table.getVisibleLeafColumns();
  const colCount = leafColumns.length;
  // When the table is wider than its box, the first column (what the row is) and a pinned last
  // column (its actions) stay in view while the rest scrolls between them.
  const stickyClass = (index: number, pin: "end" | undefined) => (index === 0 ? "ui-sticky-start" : pin === "end" ? "ui-sticky-end" : null);
  // Body cell classes, once per column rather than per cell (a page of 100 rows has 1,000 cells).
  const columnPriority = columnPriorities(leafColumns, priorities);
  const { hiddenClass } = columnPriority;
  const cellClass = new Map(
    leafColumns.map((c, i) => {
      const meta = c.columnDef.meta;
      return [
        c.id,
        cn(
          "ui-td",
          meta?.align && meta.align !== "left" ? ALIGN[meta.align] : null,
          stickyClass(i, meta?.pin),
          hiddenClass(c),
          meta?.className,
        ),
      ];
    }),
  );
  const headerIndex = new Map(leafColumns.map((c, i) => [c.id, i]));

  return (
    <ScrollRegion
      data-slot="data-table"
      label={caption}
      className={cn("rounded-lg border border-border bg-card", maxHeight ? "overflow-y-auto" : null, className)}
      style={maxHeight ? { maxHeight } : undefined}
    >
      <table className="w-full border-separate border-spacing-0 text-sm tabular-nums">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    colSpan={header.colSpan}
                    scope="col"
                    aria-sort={canSort ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}
                    className={cn(
                      // Opaque background + inset shadow: a sticky cell's border would scroll away.
                      "sticky top-0 h-10 bg-slate-50 px-3 align-middle text-xs font-semibold tracking-wide whitespace-nowrap text-muted-foreground uppercase shadow-[inset_0_-1px_0_var(--color-border)]",
                      ALIGN[meta?.align ?? "left"],
                      stickyClass(headerIndex.get(header.column.id) ?? -1, meta?.pin) ?? "z-10",
                      hiddenClass(header.column),
                      meta?.headerClassName,
                    )}
                  >
                    {canSort && content !== null ? (
                      <SortableHeader column={header.column} href={serverSorting?.href}>
                        {content}
                      </SortableHeader>
                    ) : (
                      content
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={colCount} className="p-0">
                {emptyState ?? <EmptyState title="Nothing here yet" description="There are no rows to show." />}
              </td>
            </tr>
          ) : (
            rows.map((row) => {
              const open = openRows.isOpen(row.id);
              const detailId = `${detailIdBase}-${row.id}`;
              return (
                <React.Fragment key={row.id}>
                  <tr className={rowClass(rowClassName?.(row))}>
                    {row.getVisibleCells().map((cell, i) => (
                      // .ui-td (app/globals.css): a large table repeats this for every cell.
                      <td key={cell.id} className={cellClass.get(cell.column.id)}>
                        {i === 0 && columnPriority.collapses ? (
                          <RowDetailToggle
                            open={open}
                            detailId={detailId}
                            visibility={columnPriority.toggleVisibility}
                            onToggle={() => openRows.toggle(row.id)}
                          >
                            {flexRender(cell.column.columnDef.cell, cell.getContext())}
                          </RowDetailToggle>
                        ) : (
                          flexRender(cell.column.columnDef.cell, cell.getContext())
                        )}
                      </td>
                    ))}
                  </tr>
                  {open ? <RowDetail row={row} detailId={detailId} colCount={colCount} priorities={columnPriority} /> : null}
                </React.Fragment>
              );
            })
          )}
        </tbody>
        {hasFooter && rows.length > 0 ? (
          <tfoot>
            {table.getFooterGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <td
                    key={header.id}
                    colSpan={header.colSpan}
                    className={cn(
                      "sticky bottom-0 border-t border-border bg-slate-50 px-3 py-2.5 font-semibold",
                      ALIGN[header.column.columnDef.meta?.align ?? "left"],
                      stickyClass(headerIndex.get(header.column.id) ?? -1, header.column.columnDef.meta?.pin),
                      hiddenClass(header.column),
                    )}
                  >
                    {header.isPlaceholder ? null : flexRender(header.column.columnDef.footer, header.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    </ScrollRegion>
  );
}

/** A row's classes: plain concatenation, since rowClassName adds no conflicting utilities. */
const rowClass = (extra: string | undefined) => (extra ? `group ui-tr ${extra}` : "group ui-tr");

/**
 * The sort toggle DataTable puts in every sortable header: a button that sorts the rows at hand,
 * or, given `href` (server sorting), a link to the URL of the column's next sort. Exported for
 * hand-built tables; inside DataTable column defs just give a plain `header: "Name"`.
 */
function SortableHeader<T>({
  column,
  href,
  children,
}: {
  column: Column<T, unknown>;
  href?: (sorting: SortingState) => string;
  children: React.ReactNode;
}) {
  const sorted = column.getIsSorted();
  const right = column.columnDef.meta?.align === "right";
  const className = cn(
    "-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-1 uppercase hover:bg-subtle/60 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
    right && "flex-row-reverse",
    sorted && "text-foreground",
  );
  const label = (
    <>
      <span>{children}</span>
      <span aria-hidden className="inline-flex w-2.5 flex-col text-[8px] leading-[7px]">
        <span className={sorted === "asc" ? "text-primary" : sorted ? "opacity-0" : "opacity-35"}>▲</span>
        <span className={sorted === "desc" ? "text-primary" : sorted ? "opacity-0" : "opacity-35"}>▼</span>
      </span>
    </>
  );
  if (href) {
    const next = column.getNextSortingOrder() || column.getFirstSortDir();
    return (
      <Link href={href([{ id: column.id, desc: next === "desc" }])} scroll={false} prefetch={false} className={className}>
        {label}
      </Link>
    );
  }
  return (
    <button type="button" onClick={column.getToggleSortingHandler()} className={className}>
      {label}
    </button>
  );
}
