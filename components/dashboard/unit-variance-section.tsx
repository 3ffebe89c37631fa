import Link from "next/link";

import { VarianceAmount } from "@/components/budgets/variance";
import { VarianceBarChart } from "@/components/charts/lazy";
import type { MoneyView } from "@/components/dashboard/money-view";
import { Empty, SubHeading } from "@/components/dashboard/panel-parts";
import { planLinesHref } from "@/lib/budgets/drill-links";
import { noPlanMessage } from "@/lib/budgets/plan-coverage";
import type { MoneyFigures } from "@/lib/dashboard/director";

/** The money panel's units directly below the selected one: the period's variance chart and table, each unit drilling down. */
export function UnitVarianceSection({ m, v }: { m: MoneyFigures; v: MoneyView }) {
  const { org, money, pct, drill, inPeriod, periodBudgets, periodEmpty, periodNoPlan, periodRef } = v;
  return (
    <section>
      <SubHeading>{periodNoPlan ? `Forecast by org unit (${m.periodLabel})` : `Variance by org unit (${m.periodLabel})`}</SubHeading>
      {periodEmpty ? (
        <Empty>{m.periodLabel}: no month has closed yet.</Empty>
      ) : m.children.length === 0 ? (
        <Empty>No org unit below this one.</Empty>
      ) : (
        <div className="overflow-x-auto">
          {periodNoPlan ? (
            <Empty>{noPlanMessage(periodRef)}: each unit&apos;s forecast, no variance.</Empty>
          ) : m.children.some((r) => r.varianceCents !== null) ? (
            <VarianceBarChart
              points={m.children.flatMap((r) =>
                r.varianceCents === null || r.planCents === null
                  ? []
                  : [{ name: r.name, varianceCents: r.varianceCents, planCents: r.planCents }],
              )}
              currency={org.currency}
            />
          ) : null}
          <table className="mt-3 w-full text-left text-sm tabular-nums">
            <caption className="sr-only">
              Plan, forecast and variance of each org unit directly below the selected one; a unit name opens its dashboard
            </caption>
            <thead>
              <tr className="border-b border-border text-muted-foreground">
                <th scope="col" className="px-2 py-1 font-medium">
                  Org unit
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Plan
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Forecast
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Variance
                </th>
              </tr>
            </thead>
            <tbody>
              {m.children.map((r) => (
                <tr key={r.id} className="border-b border-border/60">
                  <th scope="row" className="px-2 py-1 font-normal">
                    <Link prefetch={false} href={drill(r.id)} className="font-medium text-primary hover:underline">
                      {r.name}
                    </Link>
                  </th>
                  <td className="px-2 py-1 text-right">
                    <Link
                      prefetch={false}
                      href={(inPeriod && planLinesHref(inPeriod, { unitId: r.id })) ?? periodBudgets({ unit: r.id })}
                      className="hover:underline"
                    >
                      {periodNoPlan ? "—" : money(r.planCents)}
                    </Link>
                  </td>
                  <td className="px-2 py-1 text-right">
                    <Link prefetch={false} href={periodBudgets({ unit: r.id })} className="hover:underline">
                      {money(r.forecastCents)}
                    </Link>
                  </td>
                  <td className="px-2 py-1 text-right">
                    {periodNoPlan ? (
                      "—"
                    ) : r.varianceCents === null ? (
                      <VarianceAmount of={r} currency={org.currency} compact />
                    ) : (
                      <>
                        <VarianceAmount of={r} currency={org.currency} compact /> (
                        {r.planCents === 0 && r.varianceCents !== 0 ? "no plan" : pct(r)})
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
