import Link from "next/link";

import {
  contractsHref,
  ledgerLinesHref,
  peopleInPostHref,
  planLinesHref,
  positionsHref,
  type DrillContext,
} from "@/lib/budgets/drill-links";

/** "2026-12-01", -3 → "2026-09" */
function monthPlus(isoMonth: string, n: number): string {
  const [y, m] = isoMonth.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/**
 * What a forecast is made of, for the view's unit: people in post and positions (personnel),
 * contracts (commitments), plan lines, and the last three closed months of ledger lines (the
 * trend). `currentMonth` is the view's (ISO date of its first day).
 */
export function ForecastBasisLinks({ drill, currentMonth }: { drill: DrillContext; currentMonth: string }) {
  const trend = ledgerLinesHref({ ...drill, from: monthPlus(currentMonth, -3), to: monthPlus(currentMonth, -1) });
  const links = [
    { label: "People in post", href: peopleInPostHref(drill.org, drill.unitId) },
    { label: "Positions", href: positionsHref(drill.org, drill.unitId) },
    { label: "Contracts", href: contractsHref(drill.org, drill.unitId) },
    { label: "Plan lines", href: planLinesHref(drill) },
    { label: "Ledger lines of the last 3 months", href: trend },
  ].filter((l): l is { label: string; href: string } => l.href !== null);
  return (
    <nav aria-label="Behind the forecast" className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="text-muted-foreground">Behind the forecast:</span>
      {links.map((l) => (
        <Link key={l.label} href={l.href} prefetch={false} className="text-primary hover:underline">
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
