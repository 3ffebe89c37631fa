import Link from "next/link";

import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { LedgerLine, Line, LinesTotals, PlanLine } from "@/lib/budgets/lines";
import { monthLabel, type LinesFilters, type LinesSort, type LinesSortKey } from "@/lib/budgets/lines-query";
import { formatDate, humanize } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";

// The lines behind a money figure, one page of them, sorted by the database: each sortable
// header links to the URL of its next sort (the sort lives in the URL, across pages and in the
// CSV). A server component: amounts stay BigInt cents and are only formatted here.

type Column = { key: string; label: string; sort?: LinesSortKey; right?: boolean };

const LEDGER: Column[] = [
  { key: "date", label: "Date", sort: "date" },
  { key: "unit", label: "Unit", sort: "unit" },
  { key: "category", label: "Category", sort: "category" },
  { key: "vendor", label: "Vendor", sort: "vendor" },
  { key: "memo", label: "Memo", sort: "memo" },
  { key: "ref", label: "Reference", sort: "ref" },
  { key: "amount", label: "Amount", sort: "amount", right: true },
  { key: "batch", label: "Import batch" },
];
const PLAN: Column[] = [
  { key: "date", label: "Month", sort: "date" },
  { key: "unit", label: "Unit", sort: "unit" },
  { key: "category", label: "Category", sort: "category" },
  { key: "amount", label: "Amount", sort: "amount", right: true },
  { key: "updated", label: "Last changed" },
];

export function LinesTable({
  filters,
  rows,
  totals,
  currency,
  sortHref,
  vendorHref,
}: {
  filters: LinesFilters;
  rows: Line[];
  totals: LinesTotals;
  currency: string;
  /** The URL of the list sorted another way (page 1). */
  sortHref: (sort: LinesSort) => string;
  /** The URL of the list narrowed to one vendor. */
  vendorHref: (vendorId: string) => string;
}) {
  const plan = filters.kind === "plan";
  const columns = plan ? PLAN : LEDGER;
  const { sort } = filters;
  const money = (c: bigint) => formatMoney(c, currency);
  return (
    <Table aria-label={plan ? "Plan lines" : "Ledger lines"} data-testid="lines-table" containerClassName="max-w-full">
      <TableHeader>
        <TableRow>
          {columns.map((c) => {
            const current = c.sort === sort.key;
            return (
              <TableHead
                key={c.key}
                className={cn(c.right && "text-right")}
                aria-sort={c.sort ? (current ? (sort.dir === "asc" ? "ascending" : "descending") : "none") : undefined}
              >
                {c.sort ? (
                  <Link
                    href={sortHref({ key: c.sort, dir: current && sort.dir === "asc" ? "desc" : "asc" })}
                    prefetch={false}
                    scroll={false}
                    className={cn(
                      "-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-1 uppercase hover:text-foreground",
                      current && "text-foreground",
                    )}
                  >
                    {c.label}
                    <span aria-hidden className="text-[9px]">
                      {current ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}
                    </span>
                  </Link>
                ) : (
                  c.label
                )}
              </TableHead>
            );
          })}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) =>
          plan ? (
            <PlanRow key={r.id} line={r as PlanLine} money={money} />
          ) : (
            <LedgerRow key={r.id} line={r as LedgerLine} money={money} vendorHref={vendorHref} />
          ),
        )}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={plan ? 3 : 6} className="font-semibold">
            Total of {totals.count.toLocaleString("en-US")} {totals.count === 1 ? "line" : "lines"}
            {totals.count > rows.length ? <span className="font-normal text-muted-foreground"> (all pages)</span> : null}
          </TableCell>
          <TableCell
            className="text-right font-semibold whitespace-nowrap tabular-nums"
            data-testid="lines-total"
            data-cents={totals.amountCents.toString()}
          >
            {money(totals.amountCents)}
          </TableCell>
          <TableCell />
        </TableRow>
      </TableFooter>
    </Table>
  );
}

function UnitCell({ line }: { line: Line }) {
  return (
    <TableCell className="min-w-40">
      <span className="block font-medium">{line.unitName}</span>
      <span className="block font-mono text-xs whitespace-nowrap text-muted-foreground">{line.unitCode}</span>
    </TableCell>
  );
}

function LedgerRow({ line, money, vendorHref }: { line: LedgerLine; money: (c: bigint) => string; vendorHref: (id: string) => string }) {
  return (
    <TableRow data-line-id={line.id}>
      <TableCell className="whitespace-nowrap tabular-nums">{formatDate(line.date)}</TableCell>
      <UnitCell line={line} />
      <TableCell className="whitespace-nowrap">{humanize(line.category)}</TableCell>
      <TableCell className="min-w-32">
        {line.vendorId ? (
          <Link href={vendorHref(line.vendorId)} prefetch={false} className="hover:underline" title={`Only lines of ${line.vendorName}`}>
            {line.vendorName}
          </Link>
        ) : (
          <span className="text-muted-foreground">—</span>
        )}
      </TableCell>
      <TableCell className="min-w-48">{line.memo || <span className="text-muted-foreground">—</span>}</TableCell>
      <TableCell className="font-mono text-xs whitespace-nowrap">
        {line.externalRef ?? <span className="text-muted-foreground">—</span>}
      </TableCell>
      <TableCell className="text-right whitespace-nowrap tabular-nums" data-col="amount">
        {money(line.amountCents)}
      </TableCell>
      <TableCell className="min-w-32 text-xs text-muted-foreground">
        {line.batchId ? (
          <span title={line.batchId}>
            {line.batchFile} · {formatDate(line.batchDate)}
          </span>
        ) : (
          "—"
        )}
      </TableCell>
    </TableRow>
  );
}

function PlanRow({ line, money }: { line: PlanLine; money: (c: bigint) => string }) {
  return (
    <TableRow data-line-id={line.id}>
      <TableCell className="whitespace-nowrap tabular-nums">{monthLabel(line.date)}</TableCell>
      <UnitCell line={line} />
      <TableCell className="whitespace-nowrap">{humanize(line.category)}</TableCell>
      <TableCell className="text-right whitespace-nowrap tabular-nums" data-col="amount">
        {money(line.amountCents)}
      </TableCell>
      <TableCell className="whitespace-nowrap text-xs text-muted-foreground">{formatDate(line.updatedOn)}</TableCell>
    </TableRow>
  );
}
