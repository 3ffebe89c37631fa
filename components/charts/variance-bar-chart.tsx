"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { VARIANCE_FILL, varianceLevel } from "@/components/budgets/variance-tone";
import { formatMoney } from "@/lib/money";

export type VariancePoint = { name: string; varianceCents: number; planCents: number };

/**
 * Forecast − plan per org unit, horizontal bars labelled "+… over" / "−… under", so the sign
 * reads without colour. Beyond the one variance threshold (lib/budgets/variance-level.ts) a bar
 * is red (over) or green (under), within it grey. The table next to it is the text alternative.
 */
export function VarianceBarChart({ points, currency }: { points: VariancePoint[]; currency: string }) {
  const money = (v: number) => formatMoney(v, currency, { compact: true });
  const signed = (v: number) => (v > 0 ? `+${money(v)} over` : v < 0 ? `${money(v)} under` : money(v));
  return (
    <div className="w-full" style={{ height: 40 + points.length * 36 }} role="img" aria-label="Variance by org unit (table below)">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={points} layout="vertical" margin={{ top: 4, right: 96, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" horizontal={false} />
          <XAxis type="number" tickFormatter={money} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 12 }} />
          <ReferenceLine x={0} stroke="#475569" />
          <Tooltip formatter={(v) => [signed(Number(v)), "Variance"]} />
          <Bar dataKey="varianceCents" name="Variance" isAnimationActive={false}>
            {points.map((p) => (
              <Cell key={p.name} fill={VARIANCE_FILL[varianceLevel(p)]} />
            ))}
            <LabelList dataKey="varianceCents" position="right" formatter={(v: unknown) => signed(Number(v))} style={{ fontSize: 12, fill: "#334155" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
