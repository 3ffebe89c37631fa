"use client";

import * as React from "react";

import { cn } from "@/lib/utils";

// The charts, loaded when they come near the viewport: recharts is the largest library on the
// dashboards and is not needed to read them (every chart has its "Show as table" alternative,
// server-rendered next to it). Server components import these instead of the chart files, so
// recharts stays out of the route's JS, and a chart below the fold costs the phone nothing (its
// script, parsing and drawing were most of the dashboards' main-thread blocking) until the reader
// scrolls near it. Until then a box of the chart's own height keeps the layout still; it pulses
// while the chart's script loads.

/**
 * How far below the viewport a chart starts loading once the reader scrolls: a little, so it is
 * drawn as it is reached. Before any scroll only a chart in view loads: a phone's first chart
 * sits just below the fold, and loading it with the page cost 250 ms of main thread (recharts'
 * evaluation) in the page's first seconds (Lighthouse TBT, docs/performance.md).
 */
const AHEAD = "200px 0px";

function useNear(ref: React.RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = React.useState(false);
  React.useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    let io: IntersectionObserver | null = null;
    const watch = (rootMargin: string) => {
      io?.disconnect();
      io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin });
      io.observe(el);
    };
    const ahead = () => watch(AHEAD);
    watch("0px");
    // Capture: the page's scroll, whichever element scrolls.
    document.addEventListener("scroll", ahead, { capture: true, passive: true, once: true });
    return () => {
      io?.disconnect();
      document.removeEventListener("scroll", ahead, { capture: true });
    };
  }, [near, ref]);
  return near;
}

type Box = { className?: string; style?: React.CSSProperties };

function deferred<P extends object>(load: () => Promise<React.ComponentType<P>>, box: (props: P) => Box) {
  const Chart = React.lazy(() => load().then((c) => ({ default: c })));
  function DeferredChart(props: P) {
    const ref = React.useRef<HTMLDivElement>(null);
    const near = useNear(ref);
    const b = box(props);
    const placeholder = (loading: boolean) => (
      <div
        ref={ref}
        className={cn("w-full rounded-md bg-muted", loading && "animate-pulse", b.className)}
        style={b.style}
        aria-hidden="true"
        data-chart-deferred={loading ? undefined : ""}
      />
    );
    if (!near) return placeholder(false);
    return (
      <React.Suspense fallback={placeholder(true)}>
        <Chart {...props} />
      </React.Suspense>
    );
  }
  return DeferredChart;
}

export const BurnChart = deferred(
  () => import("@/components/charts/burn-chart").then((m) => m.BurnChart),
  (): Box => ({ className: "h-72" }),
);
export const HealthTrendChart = deferred(
  () => import("@/components/charts/health-trend-chart").then((m) => m.HealthTrendChart),
  (): Box => ({ className: "h-64" }),
);
export const VarianceBarChart = deferred(
  () => import("@/components/charts/variance-bar-chart").then((m) => m.VarianceBarChart),
  // The chart's own height: a bar per unit (variance-bar-chart.tsx).
  (p: { points: unknown[] }): Box => ({ style: { height: 40 + p.points.length * 40 } }),
);
export const PlanVsActualChart = deferred(
  () => import("@/components/charts/plan-vs-actual-chart").then((m) => m.PlanVsActualChart),
  (): Box => ({ className: "h-64" }),
);
export const DeliveryChart = deferred(
  () => import("@/components/charts/delivery-chart").then((m) => m.DeliveryChart),
  (): Box => ({ className: "h-56" }),
);
