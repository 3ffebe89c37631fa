"use client";

import dynamic from "next/dynamic";

// The charts, loaded after the page: recharts is the largest library on the dashboard and is
// not needed to read it (every chart has its "Show as table" alternative, server-rendered next
// to it). Server components import these instead of the chart files, so recharts stays out of
// the route's first-load JS; until the chunk arrives a placeholder of the chart's height keeps
// the layout still.

function placeholder(height: string) {
  function ChartPlaceholder() {
    return <div className={`${height} w-full animate-pulse rounded-md bg-muted`} aria-hidden="true" />;
  }
  return ChartPlaceholder;
}

export const BurnChart = dynamic(() => import("@/components/charts/burn-chart").then((m) => m.BurnChart), {
  ssr: false,
  loading: placeholder("h-72"),
});
export const HealthTrendChart = dynamic(() => import("@/components/charts/health-trend-chart").then((m) => m.HealthTrendChart), {
  ssr: false,
  loading: placeholder("h-64"),
});
export const VarianceBarChart = dynamic(() => import("@/components/charts/variance-bar-chart").then((m) => m.VarianceBarChart), {
  ssr: false,
  loading: placeholder("h-64"),
});
export const PlanVsActualChart = dynamic(() => import("@/components/charts/plan-vs-actual-chart").then((m) => m.PlanVsActualChart), {
  ssr: false,
  loading: placeholder("h-64"),
});
