"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { clearBudgetCellAction, setBudgetCellAction } from "@/lib/budgets/actions";
import type { PlanGrid as PlanGridData } from "@/lib/budgets/queries";
import { humanize } from "@/lib/format";
import { centsToGroupedString, formatMoney, parseMoneyToCents } from "@/lib/money";
import { cn } from "@/lib/utils";

type Row = PlanGridData["rows"][number];
// "Dec 2026", never "Dec 26" (which reads as December 26th).
const monthLabel = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

function Cell({
  org,
  row,
  month,
  cents,
  editable,
  currency,
}: {
  org: string;
  row: Row;
  month: string;
  cents: number | undefined;
  editable: boolean;
  currency: string;
}) {
  const router = useRouter();
  const [value, setValue] = useState(cents === undefined ? "" : centsToGroupedString(cents));
  // The stored line's amount; undefined = no line (0 is a line: a plan of nothing).
  const [saved, setSaved] = useState<number | undefined>(cents);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const label = `${row.unitName} ${humanize(row.category)} ${monthLabel.format(new Date(`${month}T00:00:00Z`))}`;

  if (!editable) return <span className="tabular-nums">{cents === undefined ? "—" : formatMoney(cents, currency)}</span>;

  function save() {
    if (pending) return;
    const cell = { orgUnitId: row.orgUnitId, category: row.category, month };
    // Emptying the cell is the explicit way to remove its line (budgets.cell.clear); the server
    // never reads any value, bad or empty, as a removal.
    if (value.trim() === "") {
      setError(null);
      if (saved === undefined) return;
      startTransition(async () => {
        const result = await clearBudgetCellAction(org, cell);
        if (result.ok) {
          setSaved(undefined);
          setNote(`${label}: plan line removed`);
          router.refresh();
        } else {
          setError(result.message);
          toast.error("Plan line not removed", result.message);
        }
      });
      return;
    }
    const parsed = parseMoneyToCents(value);
    if (parsed === null) {
      setError("Enter an amount like 1,234.56 (at most two decimals), or empty the cell to remove the line.");
      return;
    }
    setError(null);
    if (saved !== undefined && BigInt(saved) === parsed) return;
    startTransition(async () => {
      const result = await setBudgetCellAction(org, { ...cell, amount: value });
      if (result.ok) {
        setSaved(result.data.amountCents);
        setValue(centsToGroupedString(result.data.amountCents));
        setNote(`${label}: saved ${formatMoney(result.data.amountCents, currency)}`);
        router.refresh();
      } else {
        setError(result.fieldErrors ? Object.values(result.fieldErrors).flat().join(" ") : result.message);
        toast.error("Plan not saved", result.message);
      }
    });
  }

  // Saving keeps focus in the cell (read-only while it saves, never disabled, which would drop
  // focus to the page) and says the result to screen readers.
  return (
    <>
      <input
        aria-label={label}
        aria-busy={pending || undefined}
        aria-invalid={error ? true : undefined}
        title={error ?? "Empty the cell to remove the line"}
        inputMode="decimal"
        value={value}
        readOnly={pending}
        onChange={(e) => setValue(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === "Enter") save();
        }}
        className={cn(
          "h-8 w-24 rounded border border-transparent bg-transparent px-1.5 text-right tabular-nums hover:border-input focus:border-ring focus:outline-none",
          error && "border-destructive",
          pending && "opacity-60",
        )}
      />
      <span role="status" className="sr-only">
        {note}
      </span>
    </>
  );
}

/** The plan grid: org unit × category rows, month (editable) or quarter (read-only) columns, totals from SQL. */
export function PlanGrid({
  org,
  grid,
  editable,
  currency,
  units,
  categories,
  unitHref,
  currentUnitId,
}: {
  org: string;
  grid: PlanGridData;
  editable: boolean;
  currency: string;
  /** The units shown (the add-row picker offers these). */
  units: { id: string; name: string; code: string; depth: number }[];
  categories: string[];
  /** A unit's name links to this followed by its id (the grid of that unit), except the current one. */
  unitHref?: string;
  currentUnitId?: string | null;
}) {
  const [extra, setExtra] = useState<Row[]>([]);
  const [newUnit, setNewUnit] = useState(units[0]?.id ?? "");
  const [newCat, setNewCat] = useState(categories[0] ?? "");
  const rows = [...grid.rows, ...extra.filter((e) => !grid.rows.some((r) => r.orgUnitId === e.orgUnitId && r.category === e.category))];
  const money = (c: number | undefined) => (c === undefined ? "—" : formatMoney(c, currency));

  return (
    <div className="space-y-3">
      <Table aria-label="Plan grid">
        <TableHeader>
          <TableRow>
            <TableHead className="sticky left-0 z-10 min-w-44 bg-background sm:min-w-72">Org unit · category</TableHead>
            {grid.months.map((m) => (
              <TableHead key={m} className="text-right">
                {editable || grid.months.length === 12 ? monthLabel.format(new Date(`${m}T00:00:00Z`)) : `Q${grid.months.indexOf(m) + 1}`}
              </TableHead>
            ))}
            <TableHead className="text-right">Total</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={`${r.orgUnitId}|${r.category}`}>
              <TableCell className="sticky left-0 z-10 bg-background">
                {unitHref && r.orgUnitId !== currentUnitId ? (
                  <Link href={`${unitHref}${r.orgUnitId}`} prefetch={false} className="font-medium hover:underline">
                    {r.unitName}
                  </Link>
                ) : (
                  <span className="font-medium">{r.unitName}</span>
                )}{" "}
                <span className="font-mono text-xs text-muted-foreground">{r.unitCode}</span>
                <div className="text-xs text-muted-foreground">{humanize(r.category)}</div>
              </TableCell>
              {grid.months.map((m) => (
                <TableCell key={m} className="p-1 text-right">
                  <Cell org={org} row={r} month={m} cents={r.cells[m]} editable={editable} currency={currency} />
                </TableCell>
              ))}
              <TableCell className="text-right font-medium tabular-nums">{money(r.totalCents)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell className="sticky left-0 z-10 bg-muted font-semibold">Total</TableCell>
            {grid.months.map((m) => (
              <TableCell key={m} className="text-right font-semibold tabular-nums">
                {money(grid.monthTotals[m] ?? 0)}
              </TableCell>
            ))}
            <TableCell className="text-right font-semibold tabular-nums">{money(grid.totalCents)}</TableCell>
          </TableRow>
        </TableFooter>
      </Table>
      {editable ? (
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="new-row-unit" className="text-xs font-medium text-muted-foreground">
              Org unit
            </label>
            <NativeSelect id="new-row-unit" className="w-64" value={newUnit} onChange={(e) => setNewUnit(e.target.value)}>
              {units.map((u) => (
                <option key={u.id} value={u.id}>{`${"  ".repeat(u.depth)}${u.name} (${u.code})`}</option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="new-row-cat" className="text-xs font-medium text-muted-foreground">
              Category
            </label>
            <NativeSelect id="new-row-cat" className="w-44" value={newCat} onChange={(e) => setNewCat(e.target.value)}>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {humanize(c)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <Button
            type="button"
            variant="outline"
            onClick={() => {
              const u = units.find((x) => x.id === newUnit);
              if (!u) return;
              setExtra((e) => [
                ...e,
                {
                  orgUnitId: u.id,
                  unitName: u.name,
                  unitCode: u.code,
                  depth: u.depth,
                  category: newCat as Row["category"],
                  cells: {},
                  totalCents: 0,
                },
              ]);
            }}
          >
            Add row
          </Button>
        </div>
      ) : null}
    </div>
  );
}
