"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { formatMoney } from "@/lib/money";

/** Null = not shown for this month (a future actual, or a figure withheld from a reader without pay access). */
export type BurnPoint = { month: string; cumPlanCents: number | null; cumActualCents: number | null; cumForecastCents: number | null };

const monthLabel = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const monthName = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" });

/**
 * Cumulative plan vs actual vs forecast by month. Amounts arrive as cents; axes show currency.
 * The actual line covers closed months only (before `currentMonth`, the first day of the month
 * in progress): the month in progress has only its first days booked, and a line through it
 * would read as spending stopping. What is booked so far in it is one marked point of its own.
 * `hasPlan` false (no plan at all for the year) leaves the plan line out instead of drawing zero.
 * A reader without pay access may have no actual at all (every closed month's is withheld: the
 * pay-privacy rule shows it only at the end of a longer period): the actual line and its legend
 * entries are left out and a note below says why (`withheld`, the view's reason, if it has one).
 */
export function BurnChart({
  points,
  currency,
  currentMonth,
  hasPlan = true,
  withheld = null,
}: {
  points: BurnPoint[];
  currency: string;
  currentMonth: string;
  hasPlan?: boolean;
  /** Why the view's figures are withheld from this reader, when they are (Amounts.withheld). */
  withheld?: string | null;
}) {
  // A series shown only at some period ends (a reader without pay access: docs/privacy.md) gets dots.
  const sparse = points.some((p) => p.cumForecastCents === null);
  const data = points.map((p) => ({
    label: monthLabel.format(new Date(`${p.month}T00:00:00Z`)),
    plan: p.cumPlanCents,
    actual: p.month < currentMonth ? p.cumActualCents : null,
    soFar: p.month === currentMonth ? p.cumActualCents : null,
    forecast: p.cumForecastCents,
  }));
  // Months that have begun but not one actual shown: the figures are withheld, not missing.
  const actualWithheld = points.some((p) => p.month <= currentMonth) && points.every((p) => p.cumActualCents === null);
  const inProgress = !actualWithheld && points.some((p) => p.month === currentMonth);
  const anyClosed = !actualWithheld && points.some((p) => p.month < currentMonth);
  const current = monthName.format(new Date(`${currentMonth}T00:00:00Z`));
  return (
    <>
      <div
        className="h-72 w-full"
        role="img"
        aria-label={`Cumulative ${hasPlan ? "plan, " : ""}${actualWithheld ? "" : "actual of closed months and "}forecast by month`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={(v: number) => formatMoney(v, currency, { compact: true })} tick={{ fontSize: 12 }} width={72} />
            <Tooltip formatter={(v) => formatMoney(Number(v), currency)} />
            <Legend />
            {hasPlan ? (
              <Line
                type="monotone"
                dataKey="plan"
                name="Plan"
                stroke="#64748b"
                strokeDasharray="5 4"
                dot={false}
                strokeWidth={2}
                isAnimationActive={false}
              />
            ) : null}
            <Line
              type="monotone"
              dataKey="forecast"
              name="Forecast"
              stroke="#d97706"
              dot={sparse ? { r: 4 } : false}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
            {anyClosed ? (
              <Line
                type="monotone"
                dataKey="actual"
                name="Actual (closed months)"
                stroke="#2563eb"
                dot={sparse ? { r: 4 } : false}
                strokeWidth={2}
                connectNulls={sparse}
                isAnimationActive={false}
              />
            ) : null}
            {inProgress ? (
              <Line
                dataKey="soFar"
                name={`Booked so far in ${current} (partial)`}
                stroke="#2563eb"
                strokeWidth={0}
                legendType="circle"
                dot={{ r: 5, fill: "#fff", stroke: "#2563eb", strokeWidth: 2 }}
                activeDot={{ r: 6 }}
                isAnimationActive={false}
              />
            ) : null}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {actualWithheld ? (
        <p className="mt-2 text-xs text-muted-foreground" data-testid="burn-actual-withheld">
          No actual line:{" "}
          {withheld ??
            "your role does not read individual pay, and the actual including personnel cost is shown only once a whole period of the pay-privacy rule has closed (a shorter one would show individual pay)."}
        </p>
      ) : null}
    </>
  );
}
