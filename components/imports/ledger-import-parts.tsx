import { FileUp } from "lucide-react";
import type * as React from "react";

import { Button } from "@/components/ui/button";

// Presentational pieces of the ledger import wizard (components/imports/ledger-import-wizard.tsx).

/** One numbered step of the wizard: a labelled region, so the steps are landmarks to jump between. */
export function Step({ n, title, children }: { n: number; title: string; children: React.ReactNode }) {
  const id = `ledger-step-${n}`;
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-border p-4">
      <h2 id={id} className="text-base font-semibold">
        <span className="mr-2 text-muted-foreground">{n}.</span>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The file's first rows under its header, as the file has them (row numbers as a spreadsheet shows them). */
export function LedgerFilePreview({ header, rows, headerRow }: { header: string[]; rows: [number, string[]][]; headerRow: number }) {
  return (
    <div className="max-w-full overflow-x-auto rounded-md border border-border" tabIndex={0} aria-label="The file's first rows">
      <table className="w-full text-left text-xs" data-testid="file-preview">
        <caption className="sr-only">Header found on row {headerRow}; the rows below it as read from the file.</caption>
        <thead className="bg-muted/50">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium text-muted-foreground">
              Row
            </th>
            {header.map((h, i) => (
              <th key={i} scope="col" className="whitespace-nowrap px-2 py-1.5 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([n, r]) => (
            <tr key={n} className="border-t border-border">
              <td className="px-2 py-1 tabular-nums text-muted-foreground">{n}</td>
              {header.map((_, j) => (
                <td key={j} className="max-w-48 truncate whitespace-nowrap px-2 py-1">
                  {r[j] ?? ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Why the server refused the file: every bad row with its column, and every value nothing maps. */
export function ProblemList({ message, rows, unmapped }: { message: string; rows: string[]; unmapped: string[] }) {
  return (
    <div role="alert" className="rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm" data-testid="import-problems">
      <p className="font-medium text-destructive">{message}</p>
      {unmapped.length ? (
        <div className="mt-2">
          <p className="font-medium">Values with no mapping (added to step 4):</p>
          <ul className="list-disc pl-5">
            {unmapped.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {rows.length ? (
        <ul className="mt-2 max-h-60 list-disc space-y-0.5 overflow-auto pl-5" data-testid="import-errors">
          {rows.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** What a check that passed found: lines that pass and what the import will skip or add. */
export function CheckResult({
  rowCount,
  summaryRows,
  ignoredRows,
  newVendorCount,
}: {
  rowCount: number;
  summaryRows: number;
  ignoredRows: number;
  newVendorCount?: number;
}) {
  return (
    <p role="status" className="rounded-md border border-border bg-muted/40 p-3 text-sm" data-testid="check-result">
      All {rowCount} {rowCount === 1 ? "line passes" : "lines pass"}.
      {summaryRows ? ` ${summaryRows} heading or total ${summaryRows === 1 ? "row" : "rows"} skipped.` : ""}
      {ignoredRows ? ` ${ignoredRows} ${ignoredRows === 1 ? "row" : "rows"} of ignored values skipped.` : ""}
      {newVendorCount ? ` ${newVendorCount} new ${newVendorCount === 1 ? "vendor" : "vendors"} will be added.` : ""}
    </p>
  );
}

/** Step 5: what still keeps the mapping from being used, then check the whole file, then import it. */
export function CheckAndImport({
  issues,
  ready,
  busy,
  checked,
  problems,
  onCheck,
  onImport,
}: {
  issues: string[];
  ready: boolean;
  busy: "check" | "import" | null;
  checked: React.ComponentProps<typeof CheckResult> | null;
  problems: React.ComponentProps<typeof ProblemList> | null;
  onCheck: () => void;
  onImport: () => void;
}) {
  return (
    <>
      {issues.length ? (
        <ul className="list-disc space-y-0.5 pl-5 text-sm text-amber-700 dark:text-amber-400" data-testid="mapping-issues">
          {issues.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <p className="text-sm text-muted-foreground">
        Checking reads the whole file through the mapping and lists every problem with its row and column; nothing is written until every
        row passes. A file that passes saves this mapping for the next file with these columns.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" disabled={!ready || !!busy} onClick={onCheck}>
          {busy === "check" ? "Checking…" : "Check the file"}
        </Button>
        <Button type="button" disabled={!ready || !checked || !!busy} onClick={onImport}>
          <FileUp className="size-4" aria-hidden />
          {busy === "import" ? "Importing…" : "Import"}
        </Button>
      </div>
      {checked ? <CheckResult {...checked} /> : null}
      {problems ? <ProblemList {...problems} /> : null}
    </>
  );
}
