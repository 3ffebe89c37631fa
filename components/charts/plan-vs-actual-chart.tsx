"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type PlanVsActualPoint = { label: string; planned: number; actual: number | null; open: number | null };

/**
 * Planned vs actual heads by fiscal quarter. One image for assistive tech, named after the table
 * right below it that holds the same numbers; recharts' keyboard layer is off, so nothing inside
 * the image takes focus (focusable content in an aria-hidden or image region is an axe fault).
 */
export function PlanVsActualChart({ data }: { data: PlanVsActualPoint[] }) {
  return (
    <div className="h-64 w-full" role="img" aria-label="Planned vs actual heads by fiscal quarter (table below)">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} className="stroke-border" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} />
          <YAxis
            allowDecimals={false}
            tickLine={false}
            axisLine={false}
            fontSize={12}
            width={40}
            domain={[(min: number) => Math.max(0, Math.floor(min * 0.9)), "auto"]}
          />
          <Tooltip />
          <Legend />
          <Bar dataKey="actual" name="Actual heads" fill="var(--color-primary, #4f46e5)" radius={[4, 4, 0, 0]} maxBarSize={48} />
          <Line type="monotone" dataKey="planned" name="Planned heads" stroke="#f59e0b" strokeWidth={2} dot />
          {/* Open positions are known for today only (the current quarter): a point, not a line. */}
          <Line
            type="monotone"
            dataKey="open"
            name="Open positions (today)"
            stroke="#64748b"
            strokeDasharray="4 4"
            dot={{ r: 4, fill: "#64748b" }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
