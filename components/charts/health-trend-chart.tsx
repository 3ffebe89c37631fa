"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import type { Health } from "@/lib/generated/prisma/enums";

export type HealthTrendPoint = { week: string } & Record<Health, number>;

// Colour-blind-safe palette plus a fill pattern per health, so the series also differ without colour.
const SERIES: { key: Health; name: string; color: string; pattern: string | null }[] = [
  { key: "ON_TRACK", name: "On track", color: "#15803d", pattern: null },
  { key: "AT_RISK", name: "At risk", color: "#b45309", pattern: "hatch" },
  { key: "OFF_TRACK", name: "Off track", color: "#b91c1c", pattern: "dots" },
  { key: "UNKNOWN", name: "Unknown", color: "#94a3b8", pattern: "cross" },
];

const weekLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const count = new Intl.NumberFormat("en-US");

/**
 * The y-axis width: room for the rotated "Projects" label and the widest tick, which recharts
 * rounds up from the largest stack (by at most a quarter, to a longer number at worst). A fixed
 * width cut four-digit counts at a large org ("2,000" read "000").
 */
export function axisWidth(points: HealthTrendPoint[]): number {
  const largest = Math.max(0, ...points.map((p) => p.ON_TRACK + p.AT_RISK + p.OFF_TRACK + p.UNKNOWN));
  return 24 + count.format(Math.ceil(largest * 1.25)).length * 7;
}

/** Projects by health at the end of each week: stacked bars with patterns, labels in legend and tooltip. */
export function HealthTrendChart({ points }: { points: HealthTrendPoint[] }) {
  const data = points.map((p) => ({ ...p, label: weekLabel.format(new Date(`${p.week}T00:00:00Z`)) }));
  return (
    <div className="h-64 w-full" role="img" aria-label="Projects by health over the last 12 weeks (table below)">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <defs>
            <pattern id="ht-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#b45309" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#fde68a" strokeWidth="2" />
            </pattern>
            <pattern id="ht-dots" width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill="#b91c1c" />
              <circle cx="3" cy="3" r="1.3" fill="#fecaca" />
            </pattern>
            <pattern id="ht-cross" width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill="#94a3b8" />
              <path d="M0 0L6 6M6 0L0 6" stroke="#f1f5f9" strokeWidth="1" />
            </pattern>
          </defs>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis
            allowDecimals={false}
            tick={{ fontSize: 12 }}
            tickFormatter={(v: number) => count.format(v)}
            width={axisWidth(points)}
            label={{ value: "Projects", angle: -90, position: "insideLeft", fontSize: 12 }}
          />
          <Tooltip />
          <Legend itemSorter={null} />
          {SERIES.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stackId="health"
              fill={s.pattern ? `url(#ht-${s.pattern})` : s.color}
              stroke={s.color}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
