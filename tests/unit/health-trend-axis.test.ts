import { describe, expect, it } from "vitest";

import { axisWidth, type HealthTrendPoint } from "@/components/charts/health-trend-chart";

// Issue 23: the health chart's y-axis cut four-digit counts at a large org ("2,000" read "000").
// Its width now fits the widest tick recharts may draw, beside the rotated "Projects" label.

const week = (onTrack: number): HealthTrendPoint => ({ week: "2026-11-30", ON_TRACK: onTrack, AT_RISK: 300, OFF_TRACK: 100, UNKNOWN: 0 });
// The label takes 24 px; a tick at 12 px needs about 7 px per character.
const room = (tick: string) => 24 + tick.length * 7;

describe("health trend chart: y-axis width", () => {
  it("fits the ticks of a large org's stacks, commas included", () => {
    expect(axisWidth([week(1_600), week(1_200)])).toBeGreaterThanOrEqual(room("2,500"));
    expect(axisWidth([week(9_600)])).toBeGreaterThanOrEqual(room("12,500"));
  });

  it("stays narrow for a small org and when there is nothing to show", () => {
    expect(axisWidth([{ week: "2026-11-30", ON_TRACK: 4, AT_RISK: 1, OFF_TRACK: 0, UNKNOWN: 1 }])).toBeLessThanOrEqual(room("10"));
    expect(axisWidth([])).toBe(room("0"));
  });
});
