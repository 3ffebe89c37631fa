"use client";

import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { VARIANCE_FILL, varianceLevel } from "@/components/budgets/variance-tone";
import { formatMoney } from "@/lib/money";

export type VariancePoint = { name: string; varianceCents: number; planCents: number };

/**
 * Forecast − plan per org unit, horizontal bars; each unit's name on the axis has its variance
 * under it ("+… over" / "−… under"), so the sign reads without colour and no label sits on a bar,
 * the zero line or another label at any width. Beyond the one variance threshold
 * (lib/budgets/variance-level.ts) a bar is red (over) or green (under), within it grey. The table
 * next to it is the text alternative.
 */
export function VarianceBarChart({ points, currency }: { points: VariancePoint[]; currency: string }) {
  const money = (v: number) => formatMoney(v, currency, { compact: true });
  const signed = (v: number) => (v > 0 ? `+${money(v)} over` : v < 0 ? `${money(v)} under` : money(v));
  const { domain, ticks } = axisFor(points.map((p) => p.varianceCents));
  return (
    <div className="w-full" style={{ height: 40 + points.length * 40 }} role="img" aria-label="Variance by org unit (table below)">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={points} layout="vertical" margin={{ top: 4, right: 20, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" horizontal={false} />
          <XAxis type="number" domain={domain} ticks={ticks} tickFormatter={money} tick={{ fontSize: 12 }} />
          <YAxis
            type="category"
            dataKey="name"
            width={150}
            interval={0}
            tick={(props: TickProps) => (
              <UnitTick {...props} variance={signed(points[props.index ?? props.payload?.index ?? 0]?.varianceCents ?? 0)} />
            )}
          />
          <ReferenceLine x={0} stroke="#475569" />
          <Tooltip formatter={(v) => [signed(Number(v)), "Variance"]} />
          <Bar dataKey="varianceCents" name="Variance" isAnimationActive={false}>
            {points.map((p) => (
              <Cell key={p.name} fill={VARIANCE_FILL[varianceLevel(p)]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

type TickProps = { x?: number | string; y?: number | string; index?: number; payload?: { value?: unknown; index?: number } };

/** A unit's name (shortened past 22 characters; the table has it whole) over its variance. */
function UnitTick({ x, y, payload, variance }: TickProps & { variance: string }) {
  const name = String(payload?.value ?? "");
  const short = name.length > 22 ? `${name.slice(0, 21)}…` : name;
  return (
    <text x={Number(x) - 6} y={Number(y)} textAnchor="end" fontSize={12}>
      <tspan x={Number(x) - 6} dy="-0.25em" fill="#334155">
        {short}
      </tspan>
      <tspan x={Number(x) - 6} dy="1.2em" fill="#475569" fontWeight={600}>
        {variance}
      </tspan>
    </text>
  );
}

/** A range a little wider than the bars, with round ticks (1, 2, 2.5 or 5 × a power of ten apart) that include zero. */
function axisFor(values: number[]): { domain: [number, number]; ticks: number[] } {
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const [lo, hi] = [min < 0 ? min - span * 0.05 : 0, max > 0 ? max + span * 0.05 : 0];
  const raw = (hi - lo || 1) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const [from, to] = [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
  const ticks: number[] = [];
  for (let t = from; t <= to + step / 2; t += step) ticks.push(Math.round(t));
  return { domain: [from, to], ticks };
}
