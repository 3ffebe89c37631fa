"use client";

import Link from "next/link";

import { HEALTH_LABELS } from "@/lib/projects/health-labels";
import { formatDate } from "@/lib/format";
import type { Health } from "@/lib/generated/prisma/enums";
import { barGeometry, positionOf, type TimelineWindow } from "@/lib/roadmap/timeline";
import type { TimelineGroup, TimelineProject } from "@/lib/roadmap/timeline-queries";
import { cn } from "@/lib/utils";
import { ScrollRegion } from "@/components/ui/scroll-region";

// Plain HTML/CSS timeline: a label column and a track per row, bars absolutely positioned by
// percentage of the window, milestones as diamonds, a today line, dependency markers.
// A client component: the server sends the rows' data (TimelineProject, ~200 per page), not
// their element trees. A server-rendered list that long was most of the page's RSC payload, and
// React's Flight splits such a list into one deferred row per item (each one a suspended
// segment in the HTML stream): that rendering and parsing was most of the page's server CPU.

// Rows repeat a few hundred times per page: their fixed styles are the .tl-* classes of
// app/globals.css (one name each instead of a dozen utilities, in the HTML and the RSC payload),
// every bar and milestone has one copy of its label (its title: the tooltip and the accessible
// name of its role="img"), and positions are rounded to 1/100 of a percent.
// Bars carry white text: their colours are the dark health shades (contrast ≥ 4.5:1).
const BAR: Record<Health, string> = {
  ON_TRACK: "bg-health-on-track-text",
  AT_RISK: "bg-health-at-risk-text",
  OFF_TRACK: "bg-health-off-track-text",
  UNKNOWN: "bg-health-unknown-text",
};

/** A position or width for style: a percentage rounded to 2 decimals ("24.46%", not "24.456521739130434%"). */
const pct = (n: number) => `${Math.round(n * 100) / 100}%`;

// A stale project's bar is hatched and says "Stale": its health colour is the last one reported,
// which nobody has confirmed for whole update cycles.
const STALE_HATCH = { backgroundImage: "repeating-linear-gradient(135deg, rgb(255 255 255 / 0.28) 0 5px, transparent 5px 10px)" };

function barTitle(p: TimelineProject): string {
  const parts = [
    `${p.name}: ${HEALTH_LABELS[p.health]}${p.stale ? " (stale: no update for whole cycles)" : ""}, ${formatDate(p.startDate)} to ${formatDate(p.targetDate)}`,
  ];
  if (p.waitsOn.length) parts.push(`waits on ${p.waitsOn.map((b) => `${b.name} (${HEALTH_LABELS[b.health]})`).join(", ")}`);
  if (p.blocks) parts.push(`blocks ${p.blocks} other ${p.blocks === 1 ? "project" : "projects"}`);
  return parts.join("; ");
}

export function Timeline({ org, window, groups, today }: { org: string; window: TimelineWindow; groups: TimelineGroup[]; today: string }) {
  const todayPos = today >= window.start && today <= window.end ? positionOf(today, window) : null;
  return (
    <>
      <TimelineLegend />
      <ScrollRegion label={`Timeline ${window.label}`} className="rounded-xl border border-border bg-background">
        <div className="min-w-[56rem]">
          <div className="grid grid-cols-[16rem_1fr] border-b border-border bg-muted/50 text-xs font-medium text-muted-foreground">
            <div className="px-3 py-2">Project</div>
            <div className="relative h-8">
              {window.columns.map((c) => (
                <div
                  key={c.start}
                  className="absolute inset-y-0 border-l border-border px-2 py-2"
                  style={{ left: pct(positionOf(c.start, window)) }}
                >
                  {c.label}
                </div>
              ))}
            </div>
          </div>
          {groups.map((g) => (
            <section key={g.key} aria-label={g.label}>
              <div className="border-b border-border bg-muted/30 px-3 py-1.5 text-xs font-semibold tracking-wide text-foreground uppercase">
                {g.label} <span className="font-normal text-muted-foreground normal-case">· {g.projects.length}</span>
              </div>
              <div className="relative">
                {/* Column lines and the today line are drawn once per group, under/over its rows, not per row. */}
                <div aria-hidden className="absolute inset-y-0 right-0 left-64">
                  {window.columns.map((c) => (
                    <div
                      key={c.start}
                      className="absolute inset-y-0 border-l border-border/60"
                      style={{ left: pct(positionOf(c.start, window)) }}
                    />
                  ))}
                  {todayPos !== null ? (
                    <div className="absolute inset-y-0 z-10 w-0.5 bg-primary" style={{ left: pct(todayPos) }} title="Today" />
                  ) : null}
                </div>
                <ul>
                  {g.projects.map((p) => (
                    <TimelineRow key={p.id} org={org} p={p} window={window} />
                  ))}
                </ul>
              </div>
            </section>
          ))}
        </div>
      </ScrollRegion>
    </>
  );
}

/** What the bars' colours, the hatching, the diamonds and the blue line mean. */
function TimelineLegend() {
  const swatch = "inline-block h-3 w-5 rounded-sm";
  return (
    <ul aria-label="Timeline legend" className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
      {(["ON_TRACK", "AT_RISK", "OFF_TRACK", "UNKNOWN"] as const).map((h) => (
        <li key={h} className="flex items-center gap-1.5">
          <span aria-hidden className={cn(swatch, BAR[h])} />
          {HEALTH_LABELS[h]}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span aria-hidden className={cn(swatch, BAR.ON_TRACK)} style={STALE_HATCH} />
        Stale: hatched and marked &ldquo;Stale&rdquo; (health last reported, no update for whole cycles)
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block size-2.5 rotate-45 border border-foreground/70 bg-background" />
        Milestone
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-3 w-0.5 bg-primary" />
        Today
      </li>
    </ul>
  );
}

function TimelineRow({ org, p, window }: { org: string; p: TimelineProject; window: TimelineWindow }) {
  const bar = barGeometry(p.startDate, p.targetDate, window);
  const offTrackBlocker = p.waitsOn.some((b) => b.health === "OFF_TRACK");
  return (
    <li className="tl-row">
      <div className="tl-label">
        <Link href={`/${org}/projects/${p.id}`} prefetch={false} className="hover:underline" title={p.name}>
          {p.name}
        </Link>
        <p className="tl-team">
          {p.teamName}
          {p.stale ? <span className="font-semibold text-health-off-track-text"> · stale</span> : null}
        </p>
      </div>
      <div className="tl-track">
        {bar ? (
          <div
            data-testid="timeline-bar"
            role="img"
            title={barTitle(p)}
            className={cn("tl-bar", BAR[p.health], !bar.clippedStart && "rounded-l-md", !bar.clippedEnd && "rounded-r-md")}
            style={{ left: pct(bar.left), width: pct(bar.width), ...(p.stale ? STALE_HATCH : {}) }}
          >
            {p.stale ? <span className="mr-1 rounded bg-white px-1 font-semibold text-slate-900">Stale</span> : null}
            {p.waitsOn.length ? (
              <span className={cn("mr-1 rounded bg-white/15 px-1", offTrackBlocker && "bg-white text-health-off-track-text")}>
                ⇠{p.waitsOn.length}
              </span>
            ) : null}
            {/* Over the hatching the name keeps a solid backing in the bar colour, so white text stays at 4.5:1. */}
            <span className={cn("truncate", p.stale && "rounded bg-inherit px-1")}>{p.name}</span>
            {p.blocks ? <span className="ml-auto rounded bg-white/15 px-1">{p.blocks}⇢</span> : null}
          </div>
        ) : null}
        {p.milestones
          .filter((m) => m.dueDate >= window.start && m.dueDate <= window.end)
          .map((m) => (
            <span
              key={`${m.name}-${m.dueDate}`}
              role="img"
              title={`Milestone ${m.name}, ${formatDate(m.dueDate)}${m.done ? ", done" : ""}`}
              className={m.done ? "tl-milestone tl-milestone-done" : "tl-milestone"}
              style={{ left: pct(positionOf(m.dueDate, window)) }}
            />
          ))}
      </div>
    </li>
  );
}
