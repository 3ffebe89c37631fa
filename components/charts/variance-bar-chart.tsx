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
  // Each label sits beyond its bar's outer end (right of an overrun, left of an underspend); the
  // axis range is widened on each side that has bars so a label never runs into the unit names
  // or off the plot.
  const domain = ([min, max]: readonly number[]): [number, number] => {
    const span = Math.max(max, 0) - Math.min(min, 0) || 1;
    return [min < 0 ? min - span * 0.45 : 0, max > 0 ? max + span * 0.45 : 0];
  };
  return (
    <div className="w-full" style={{ height: 40 + points.length * 36 }} role="img" aria-label="Variance by org unit (table below)">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={points} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" horizontal={false} />
          <XAxis type="number" domain={domain} tickFormatter={money} tick={{ fontSize: 12 }} tickCount={5} />
          <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 12 }} />
          <ReferenceLine x={0} stroke="#475569" />
          <Tooltip formatter={(v) => [signed(Number(v)), "Variance"]} />
          <Bar dataKey="varianceCents" name="Variance" isAnimationActive={false}>
            {points.map((p) => (
              <Cell key={p.name} fill={VARIANCE_FILL[varianceLevel(p)]} />
            ))}
            <LabelList dataKey="varianceCents" content={(props) => <OuterLabel {...(props as LabelProps)} text={signed(Number(props.value))} />} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

type LabelProps = { x?: number | string; y?: number | string; width?: number | string; height?: number | string; value?: unknown };

/** The bar's value just past its outer end: right of a bar going right, left of one going left. */
function OuterLabel({ x, y, width, height, value, text }: LabelProps & { text: string }) {
  const [bx, by, bw, bh] = [x, y, width, height].map(Number);
  const negative = Number(value) < 0;
  // A bar's width may come negative for a negative value: its outer end is the smaller x.
  const outer = negative ? Math.min(bx, bx + bw) : Math.max(bx, bx + bw);
  return (
    <text x={outer + (negative ? -6 : 6)} y={by + bh / 2} dominantBaseline="central" textAnchor={negative ? "end" : "start"} fontSize={12} fill="#334155">
      {text}
    </text>
  );
}
