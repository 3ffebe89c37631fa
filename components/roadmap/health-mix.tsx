import { HEALTH_BAR_CLASS, HEALTH_ORDER } from "@/components/ui/badge";
import { HEALTH_LABELS } from "@/lib/projects/health-labels";
import type { Health } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils";

const ORDER = HEALTH_ORDER;
const BAR = HEALTH_BAR_CLASS;
const TEXT: Record<Health, string> = {
  ON_TRACK: "text-health-on-track-text",
  AT_RISK: "text-health-at-risk-text",
  OFF_TRACK: "text-health-off-track-text",
  UNKNOWN: "text-health-unknown-text",
};

/** Projects by health as a proportional bar plus counts (the counts carry it without colour). */
export function HealthMix({ mix, className }: { mix: Record<Health, number>; className?: string }) {
  const total = ORDER.reduce((n, h) => n + mix[h], 0);
  if (total === 0) return <span className="text-muted-foreground">No projects</span>;
  const label = ORDER.filter((h) => mix[h] > 0)
    .map((h) => `${mix[h]} ${HEALTH_LABELS[h].toLowerCase()}`)
    .join(", ");
  return (
    <div className={cn("flex min-w-40 items-center gap-2", className)} title={label}>
      <span className="sr-only">{label}</span>
      <div aria-hidden className="flex h-2 w-20 overflow-hidden rounded-full bg-muted">
        {ORDER.map((h) => (mix[h] > 0 ? <span key={h} className={BAR[h]} style={{ width: `${(mix[h] / total) * 100}%` }} /> : null))}
      </div>
      <span aria-hidden className="flex gap-1.5 text-xs tabular-nums">
        {ORDER.map((h) =>
          mix[h] > 0 ? (
            <span key={h} className={cn("font-medium", TEXT[h])}>
              {mix[h]}
              {h === "ON_TRACK" ? "✓" : h === "AT_RISK" ? "!" : h === "OFF_TRACK" ? "✕" : "?"}
            </span>
          ) : null,
        )}
      </span>
    </div>
  );
}
