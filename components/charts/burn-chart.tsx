"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { formatMoney } from "@/lib/money";

/** Null = not shown for this month (a future actual, or a figure withheld from a reader without pay access). */
export type BurnPoint = { month: string; cumPlanCents: number | null; cumActualCents: number | null; cumForecastCents: number | null };

const monthLabel = new Intl.DateTimeFormat("en-US", { month: "short", year: "2-digit", timeZone: "UTC" });

/** Cumulative plan vs actual vs forecast by month. Amounts arrive as cents; axes show currency. */
export function BurnChart({ points, currency }: { points: BurnPoint[]; currency: string }) {
  // A series shown only at some period ends (a reader without pay access: docs/privacy.md) gets dots.
  const sparse = points.some((p) => p.cumForecastCents === null);
  const data = points.map((p) => ({
    label: monthLabel.format(new Date(`${p.month}T00:00:00Z`)),
    plan: p.cumPlanCents,
    actual: p.cumActualCents,
    forecast: p.cumForecastCents,
  }));
  return (
    <div className="h-72 w-full" role="img" aria-label="Cumulative plan, actual and forecast by month">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => formatMoney(v, currency, { compact: true })} tick={{ fontSize: 12 }} width={72} />
          <Tooltip formatter={(v) => formatMoney(Number(v), currency)} />
          <Legend />
          <Line type="monotone" dataKey="plan" name="Plan" stroke="#64748b" strokeDasharray="5 4" dot={false} strokeWidth={2} isAnimationActive={false} />
          <Line type="monotone" dataKey="forecast" name="Forecast" stroke="#d97706" dot={sparse ? { r: 4 } : false} strokeWidth={2} connectNulls isAnimationActive={false} />
          <Line type="monotone" dataKey="actual" name="Actual" stroke="#2563eb" dot={sparse ? { r: 4 } : false} strokeWidth={2} connectNulls={sparse} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
