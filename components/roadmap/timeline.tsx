import Link from "next/link";

import { HEALTH_LABELS } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";
import type { Health } from "@/lib/generated/prisma/enums";
import { barGeometry, positionOf, type TimelineWindow } from "@/lib/roadmap/timeline";
import type { TimelineGroup, TimelineProject } from "@/lib/roadmap/timeline-queries";
import { cn } from "@/lib/utils";

// Plain HTML/CSS timeline: a label column and a track per row, bars absolutely positioned by
// percentage of the window, milestones as diamonds, a today line, dependency markers.

// Rows repeat a few hundred times per page: their fixed styles are the .tl-* classes of
// app/globals.css (one name each instead of a dozen utilities, in the HTML and the RSC payload).
const BAR: Record<Health, string> = {
  ON_TRACK: "bg-health-on-track/85",
  AT_RISK: "bg-health-at-risk/90",
  OFF_TRACK: "bg-health-off-track/90",
  UNKNOWN: "bg-health-unknown/70",
};

export function Timeline({ org, window, groups, today }: { org: string; window: TimelineWindow; groups: TimelineGroup[]; today: string }) {
  const todayPos = today >= window.start && today <= window.end ? positionOf(today, window) : null;
  return (
    <div className="overflow-x-auto rounded-xl border border-border bg-background" role="region" aria-label={`Timeline ${window.label}`}>
      <div className="min-w-[56rem]">
        <div className="grid grid-cols-[16rem_1fr] border-b border-border bg-muted/50 text-xs font-medium text-muted-foreground">
          <div className="px-3 py-2">Project</div>
          <div className="relative h-8">
            {window.columns.map((c) => (
              <div key={c.start} className="absolute inset-y-0 border-l border-border px-2 py-2" style={{ left: `${positionOf(c.start, window)}%` }}>
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
                  <div key={c.start} className="absolute inset-y-0 border-l border-border/60" style={{ left: `${positionOf(c.start, window)}%` }} />
                ))}
                {todayPos !== null ? <div className="absolute inset-y-0 z-10 w-0.5 bg-primary" style={{ left: `${todayPos}%` }} title="Today" /> : null}
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
    </div>
  );
}

function TimelineRow({ org, p, window }: { org: string; p: TimelineProject; window: TimelineWindow }) {
  const bar = barGeometry(p.startDate, p.targetDate, window);
  const offTrackBlocker = p.waitsOn.some((b) => b.health === "OFF_TRACK");
  const label = `${p.name}: ${HEALTH_LABELS[p.health]}, ${formatDate(p.startDate)} to ${formatDate(p.targetDate)}`;
  return (
    <li className="tl-row">
      <div className="tl-label">
        <Link href={`/${org}/projects/${p.id}`} className="hover:underline" title={p.name}>
          {p.name}
        </Link>
        <p className="tl-team">{p.teamName}</p>
      </div>
      <div className="relative h-12">
        {bar ? (
          <div
            data-testid="timeline-bar"
            role="img"
            aria-label={label}
            title={label}
            className={cn("tl-bar", BAR[p.health], !bar.clippedStart && "rounded-l-md", !bar.clippedEnd && "rounded-r-md")}
            style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
          >
            {p.waitsOn.length ? (
              <span
                className={cn("mr-1 rounded bg-white/25 px-1", offTrackBlocker && "bg-white text-health-off-track-text")}
                title={`Waits on ${p.waitsOn.map((b) => `${b.name} (${HEALTH_LABELS[b.health]})`).join(", ")}`}
              >
                ⇠{p.waitsOn.length}
              </span>
            ) : null}
            <span className="truncate">{p.name}</span>
            {p.blocks ? (
              <span className="ml-auto rounded bg-white/25 px-1" title={`Blocks ${p.blocks} other ${p.blocks === 1 ? "project" : "projects"}`}>
                {p.blocks}⇢
              </span>
            ) : null}
          </div>
        ) : null}
        {p.milestones
          .filter((m) => m.dueDate >= window.start && m.dueDate <= window.end)
          .map((m) => (
            <span
              key={`${m.name}-${m.dueDate}`}
              role="img"
              aria-label={`Milestone ${m.name}, ${formatDate(m.dueDate)}${m.done ? ", done" : ""}`}
              title={`${m.name} · ${formatDate(m.dueDate)}${m.done ? " · done" : ""}`}
              className={m.done ? "tl-milestone tl-milestone-done" : "tl-milestone"}
              style={{ left: `${positionOf(m.dueDate, window)}%` }}
            />
          ))}
      </div>
    </li>
  );
}
