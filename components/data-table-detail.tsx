"use client";

import { type Column, flexRender, type Row } from "@tanstack/react-table";
import * as React from "react";

import { SpriteIcon } from "@/components/ui/sprite-icon";
import { cn } from "@/lib/utils";

// A column of lower priority leaves the table below a breakpoint; its row detail item shows there.
const HIDDEN_BELOW = { 2: "hidden md:table-cell", 3: "hidden lg:table-cell" } as const;
const DETAIL_ITEM = { 2: "md:hidden", 3: "lg:hidden" } as const;

type Priorities<T> = {
  priorityOf: (c: Column<T, unknown>) => 1 | 2 | 3;
  /** The classes that hide a column below its breakpoint, or null for a column always shown. */
  hiddenClass: (c: Column<T, unknown>) => string | null;
  /** Whether any column leaves the table on a narrow screen (so rows get a detail toggle). */
  collapses: boolean;
  /** The classes that show the toggle and the detail only while some column is hidden. */
  toggleVisibility: string;
};

/**
 * DataTable's column priorities (ColumnMeta.priority, else `priorities[id]`, else 1): which
 * columns leave the table on a narrow screen, and the widest breakpoint any of them needs.
 */
export function columnPriorities<T>(leafColumns: Column<T, unknown>[], priorities: Record<string, 2 | 3> | undefined): Priorities<T> {
  const priorityOf = (c: Column<T, unknown>) => c.columnDef.meta?.priority ?? priorities?.[c.id] ?? 1;
  const hiddenClass = (c: Column<T, unknown>) => {
    const priority = priorityOf(c);
    return priority === 2 || priority === 3 ? HIDDEN_BELOW[priority] : null;
  };
  const collapsed = leafColumns.filter((c) => hiddenClass(c) !== null);
  const toggleVisibility = collapsed.some((c) => priorityOf(c) === 3) ? "lg:hidden" : "md:hidden";
  return { priorityOf, hiddenClass, collapses: collapsed.length > 0, toggleVisibility };
}

/** Which rows have their detail open, by row id. */
export function useOpenRows() {
  const [expanded, setExpanded] = React.useState<ReadonlySet<string>>(() => new Set());
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return { isOpen: (id: string) => expanded.has(id), toggle };
}

/** The first cell's toggle that opens the row's hidden columns beneath it, then the cell itself. */
export function RowDetailToggle({
  open,
  detailId,
  visibility,
  onToggle,
  children,
}: {
  open: boolean;
  detailId: string;
  visibility: string;
  onToggle: () => void;
  children: React.ReactNode;
}) {
  return (
    <div className="flex items-start gap-1">
      <button
        type="button"
        onClick={onToggle}
        aria-expanded={open}
        aria-controls={open ? detailId : undefined}
        aria-label={open ? "Hide more columns" : "Show more columns"}
        className={cn(
          "-ml-1 rounded p-0.5 text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
          visibility,
        )}
      >
        <SpriteIcon name={open ? "chevron-down" : "chevron-right"} className="size-4" />
      </button>
      <div className="min-w-0">{children}</div>
    </div>
  );
}

/** The row beneath an open row: its hidden columns as a list of header and value. */
export function RowDetail<T>({
  row,
  detailId,
  colCount,
  priorities,
}: {
  row: Row<T>;
  detailId: string;
  colCount: number;
  priorities: Priorities<T>;
}) {
  return (
    <tr id={detailId} className={priorities.toggleVisibility}>
      <td colSpan={colCount} className="border-b border-border bg-slate-50/60 px-3 py-2">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {row
            .getVisibleCells()
            .filter((cell) => priorities.hiddenClass(cell.column) !== null)
            .map((cell) => (
              <div key={cell.id} className={cn("contents", DETAIL_ITEM[priorities.priorityOf(cell.column) as 2 | 3])}>
                <dt className="text-muted-foreground">{headerText(cell.column)}</dt>
                <dd className="min-w-0 break-words">{flexRender(cell.column.columnDef.cell, cell.getContext())}</dd>
              </div>
            ))}
        </dl>
      </td>
    </tr>
  );
}

/** A column's header as text, for the row detail's labels. */
function headerText<T>(column: Column<T, unknown>): string {
  const header = column.columnDef.header;
  return typeof header === "string" ? header : column.id;
}
