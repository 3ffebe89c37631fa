import type * as React from "react";

// Presentational pieces of the ledger import wizard (components/imports/ledger-import-wizard.tsx):
// a numbered step, and the file's first rows (the HRIS sync dialog shows them too).

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
