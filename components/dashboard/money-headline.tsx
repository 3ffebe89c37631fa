import { VarianceAmount } from "@/components/budgets/variance";
import { VARIANCE_THRESHOLD_PCT } from "@/components/budgets/variance-tone";
import type { MoneyView } from "@/components/dashboard/money-view";
import { Figure } from "@/components/dashboard/panel-parts";
import { ledgerLinesHref } from "@/lib/budgets/drill-links";
import { noPlanMessage, planStatus } from "@/lib/budgets/plan-coverage";
import type { MoneyFigures } from "@/lib/dashboard/director";

/** The money panel's headline figures: year to date, month to date, the year's forecast and the period's variance. */
export function MoneyHeadline({ m, v }: { m: MoneyFigures; v: MoneyView }) {
  const { org, money, budgets, ytd, pct, yearNoPlan, yearPeriod, periodEmpty, periodNoPlan, periodBudgets, periodRef } = v;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
      {m.ytd.closedMonths === 0 ? (
        <Figure
          label="Year to date"
          value="—"
          href={budgets({ period: "ytd" })}
          hint={
            m.ytd.state === "future"
              ? `${m.yearLabel} ${m.ytd.span}: no month to compare yet`
              : `No month of ${m.yearLabel} has closed yet${m.mtd ? ": see month to date" : ""}`
          }
        />
      ) : (
        <Figure
          label={`YTD ${m.ytd.span}`}
          value={money(m.ytd.actualCents)}
          href={(ytd && ledgerLinesHref(ytd)) ?? budgets({ period: "ytd" })}
          hint={
            planStatus(m.ytd.plan) === "none" ? (
              <>actual · {noPlanMessage({ key: "ytd", label: m.yearLabel })}</>
            ) : (
              <>
                actual vs {money(m.ytd.planCents)} plan · <VarianceAmount of={m.ytd} currency={org.currency} compact /> ({pct(m.ytd)})
              </>
            )
          }
        />
      )}
      {m.mtd ? (
        <Figure
          label="Month to date"
          value={money(m.mtd.actualCents)}
          href={budgets({ period: m.mtd.periodKey })}
          hint={`${m.mtd.label} · partial month: booked so far, of ${money(m.mtd.planCents)} planned for the whole month`}
        />
      ) : null}
      <Figure
        label="Year forecast"
        value={money(m.year.forecastCents)}
        href={budgets({ period: "year" })}
        hint={
          m.year.withheld ? (
            m.year.withheld
          ) : yearNoPlan ? (
            `${noPlanMessage(yearPeriod)}: forecast only`
          ) : (
            <>
              vs {money(m.year.planCents)} plan · <VarianceAmount of={m.year} currency={org.currency} compact />
              {planStatus(m.yearPlan) === "partial" ? ` · plan covers ${m.yearPlan.months} of 12 months` : ""}
            </>
          )
        }
      />
      {periodEmpty ? null : periodNoPlan ? (
        <Figure
          label={`${m.periodLabel} forecast`}
          value={money(m.period.forecastCents)}
          href={periodBudgets()}
          hint={`${noPlanMessage(periodRef)}: no variance`}
        />
      ) : (
        <Figure
          label={`${m.periodLabel} variance`}
          value={<VarianceAmount of={m.period} currency={org.currency} compact />}
          href={periodBudgets()}
          hint={m.period.withheld ?? `${pct(m.period)} forecast vs plan · + is over · coloured beyond ±${VARIANCE_THRESHOLD_PCT}%`}
        />
      )}
    </div>
  );
}
