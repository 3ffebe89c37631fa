import type * as React from "react";

import { ScrollRegion } from "@/components/ui/scroll-region";

/** The table alternative of a chart: collapsed by default, always in the accessibility tree when opened. */
export function ChartTable({ caption, head, rows }: { caption: string; head: string[]; rows: React.ReactNode[][] }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-primary hover:underline">Show as table</summary>
      <ScrollRegion label={caption} className="mt-2">
        <table className="w-full text-left tabular-nums">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-border text-muted-foreground">
              {head.map((h) => (
                <th key={h} scope="col" className="px-2 py-1 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className="border-b border-border/60">
                {r.map((c, j) =>
                  j === 0 ? (
                    <th key={j} scope="row" className="px-2 py-1 font-normal">
                      {c}
                    </th>
                  ) : (
                    <td key={j} className="px-2 py-1">
                      {c}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}

/**
 * A dashboard panel's title: an h2 under the page's h1 (CardTitle is an h3). `subtitle` says which
 * period the panel shows ("Today", "FY27 Q4"), since not every panel follows the period switcher.
 */
export function PanelTitle({ children, subtitle }: { children: React.ReactNode; subtitle?: React.ReactNode }) {
  return (
    <>
      <h2 className="text-base leading-tight font-semibold">{children}</h2>
      {subtitle ? (
        <p className="text-xs text-muted-foreground" data-panel-period>
          {subtitle}
        </p>
      ) : null}
    </>
  );
}
