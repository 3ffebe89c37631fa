import { CalendarRange, LineChart, Receipt, Scale } from "lucide-react";

import { VarianceAmount } from "@/components/budgets/variance";
import { varianceLevel } from "@/components/budgets/variance-tone";
import { Withheld } from "@/components/budgets/withheld";
import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { HowCounted } from "@/components/ui/how-counted";
import { noPlanMessage, partialPlanNote, planStatus } from "@/lib/budgets/plan-coverage";
import type { FinanceView } from "@/lib/budgets/rollup";
import { formatPercent } from "@/lib/format";
import { formatMoney } from "@/lib/money";

const TONE = { over: "danger", under: "success", within: "default" } as const;
type Tile = "plan" | "actual" | "forecast" | "variance";
const monthName = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/**
 * Plan, actual, forecast and variance of a finance view's period (the budgets page and the
 * finance dashboard). A year to date with no closed month says so instead of four zeros; a
 * period without any plan shows the forecast and no variance; a period that includes the month
 * in progress says its actual is partial. `links` sends a tile to what is behind it (plan and
 * ledger lines), else to `href`.
 */
export function FinanceTotals({
  view,
  currency,
  href,
  today,
  links = {},
}: {
  view: Pick<FinanceView, "totals" | "period" | "plan" | "currentMonth">;
  currency: string;
  href?: string;
  today: Date;
  links?: Partial<Record<Tile, string | null>>;
}) {
  const { totals, period, plan } = view;
  const to = (tile: Tile) => links[tile] ?? href;
  // A figure withheld from a reader without pay access is a dash with the reason (docs/privacy.md).
  const money = (cents: number | null) =>
    cents === null ? <Withheld reason={totals.withheld} /> : formatMoney(cents, currency, { compact: true });
  if (period.key === "ytd" && period.months === 0) {
    return (
      <p className="mb-6 rounded-xl border border-border bg-muted/40 px-5 py-4 text-sm" role="status">
        <span className="font-semibold">{period.label}.</span> Year to date covers closed months only, so there is nothing to compare yet.
      </p>
    );
  }
  const status = planStatus(plan);
  const partial = view.currentMonth >= period.start && view.currentMonth <= period.end;
  const level = varianceLevel(totals);
  return (
    <>
      <StatGrid>
        <StatCard
          label="Plan"
          value={status === "none" ? "No plan" : money(totals.planCents)}
          icon={CalendarRange}
          href={to("plan")}
          hint={status === "none" ? noPlanMessage(period) : period.label}
        />
        <StatCard
          label="Actual"
          value={money(totals.actualCents)}
          icon={Receipt}
          href={to("actual")}
          hint={
            partial
              ? `Booked so far: the month in progress has its lines to ${monthName.format(today)} only`
              : "Ledger lines booked in the period"
          }
        />
        <StatCard
          label="Forecast"
          value={money(totals.forecastCents)}
          icon={LineChart}
          href={to("forecast")}
          hint="Actuals of closed months + forecast of the rest"
        />
        {status === "none" ? (
          <StatCard label="Variance" value="—" icon={Scale} href={href} hint="No plan, so no variance: the forecast stands alone" />
        ) : (
          <StatCard
            label="Variance"
            value={<VarianceAmount of={totals} currency={currency} compact />}
            icon={Scale}
            href={to("variance")}
            tone={TONE[level]}
            hint={totals.withheld ?? `${formatPercent(totals.variancePct, { signed: true })} forecast vs plan · + is over budget`}
          />
        )}
      </StatGrid>
      <div className="-mt-3 mb-6 space-y-1">
        {status === "partial" ? <p className="text-xs text-muted-foreground">{partialPlanNote(plan)}</p> : null}
        <HowCounted figures={["plan", "actual", "ytd", "month-to-date", "plan-coverage", "variance-colour", "tree-basis"]} />
      </div>
    </>
  );
}
