import Link from "next/link";

import { fiscalYearLabel } from "@/lib/fiscal";
import type { PeriodKey } from "@/lib/budgets/period";
import { cn } from "@/lib/utils";

const KEYS = ["q1", "q2", "q3", "q4", "ytd", "year"] as const;

/**
 * The fiscal-year and period pills of the dashboards: the same choices, order and marks in the
 * director and the finance view. `href` builds each pill's link, keeping the rest of the view.
 */
export function PeriodPills({
  fiscalYear,
  period,
  current,
  href,
  className,
}: {
  fiscalYear: number;
  period: PeriodKey;
  /** Today's fiscal year and quarter, marked "(now)". */
  current: { fiscalYear: number; quarter: number };
  href: (choice: { fiscalYear: number; period: PeriodKey }) => string;
  className?: string;
}) {
  return (
    <nav aria-label="Fiscal period" className={cn("flex flex-wrap items-center gap-2 text-sm", className)}>
      <span className="text-muted-foreground">Period:</span>
      {[fiscalYear - 1, fiscalYear, fiscalYear + 1].map((fy) => (
        <Link
          prefetch={false}
          key={fy}
          href={href({ fiscalYear: fy, period })}
          aria-current={fy === fiscalYear ? "page" : undefined}
          className={pill(fy === fiscalYear)}
        >
          {fiscalYearLabel(fy)}
        </Link>
      ))}
      <span aria-hidden className="mx-1 h-4 border-l border-border" />
      {KEYS.map((k) => (
        <Link
          prefetch={false}
          key={k}
          href={href({ fiscalYear, period: k })}
          aria-current={k === period ? "page" : undefined}
          className={pill(k === period)}
        >
          {k === "year" ? "Full year" : k.toUpperCase()}
          {k === `q${current.quarter}` && fiscalYear === current.fiscalYear ? " (now)" : ""}
        </Link>
      ))}
    </nav>
  );
}

/** A pill (also the drill-down chips of the director view). */
export function pill(active: boolean) {
  return cn(
    "rounded-md border px-2.5 py-1",
    active ? "border-primary bg-primary-soft font-medium text-primary" : "border-border hover:bg-muted",
  );
}
