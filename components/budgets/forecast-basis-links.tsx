import Link from "next/link";

import {
  contractsHref,
  peopleInPostHref,
  planLinesHref,
  positionsHref,
  runRateLinesHref,
  type DrillContext,
} from "@/lib/budgets/drill-links";
import { plural } from "@/lib/format";

/**
 * What a forecast is made of, for the view's unit: people in post and positions (personnel),
 * contracts (commitments), plan lines, and the ledger lines of the run-rate window's closed months
 * (the trend). `currentMonth` is the view's (ISO date of its first day).
 */
export function ForecastBasisLinks({
  drill,
  currentMonth,
  runRateMonths,
}: {
  drill: DrillContext;
  currentMonth: string;
  runRateMonths: number;
}) {
  const trend = runRateLinesHref(drill, currentMonth, runRateMonths);
  const links = [
    { label: "People in post", href: peopleInPostHref(drill.org, drill.unitId) },
    { label: "Positions", href: positionsHref(drill.org, drill.unitId) },
    { label: "Contracts", href: contractsHref(drill.org, drill.unitId) },
    { label: "Plan lines", href: planLinesHref(drill) },
    { label: `Ledger lines of the last ${plural(runRateMonths, "closed month")}`, href: trend },
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
