"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type DeliveryChartPoint = { week: string; total: number; done: number; merged: number };

const weekLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** Scope (issues in the project) and issues done at each week's end as lines, merged pull requests per week as bars. */
export function DeliveryChart({ points, showMerged }: { points: DeliveryChartPoint[]; showMerged: boolean }) {
  const data = points.map((p) => ({ ...p, label: weekLabel.format(new Date(`${p.week}T00:00:00Z`)) }));
  return (
    <div className="h-56 w-full" role="img" aria-label="Issues in scope and done per week, merged pull requests per week (table below)">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={32} />
          <Tooltip />
          <Legend itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
          {showMerged ? <Bar dataKey="merged" name="PRs merged" fill="#94a3b8" isAnimationActive={false} /> : null}
          <Line
            dataKey="total"
            name="Scope (issues)"
            stroke="#1d4ed8"
            strokeWidth={2}
            strokeDasharray="5 3"
            dot={false}
            isAnimationActive={false}
          />
          <Line dataKey="done" name="Done" stroke="#15803d" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
