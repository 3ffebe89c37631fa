import { cva, type VariantProps } from "class-variance-authority";
import { CircleCheck, CircleDashed, CircleX, type LucideIcon, TriangleExclamationPoint } from "lucide-react";
import type * as React from "react";

import { IconSymbols } from "@/components/ui/sprite-icon";
import type { Health } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils";
import { HEALTH_LABELS } from "@/lib/projects/health-labels";

const badgeVariants = cva(
  // .ui-badge (app/globals.css): inline-flex, rounded-full, border, px-2 py-0.5, text-xs, 14 px icons.
  "ui-badge",
  {
    variants: {
      variant: {
        default: "border-transparent bg-primary-soft text-primary-soft-foreground",
        secondary: "border-transparent bg-muted text-foreground",
        outline: "border-border bg-background text-foreground",
        success: "border-transparent bg-health-on-track-soft text-health-on-track-text",
        warning: "border-transparent bg-health-at-risk-soft text-health-at-risk-text",
        danger: "border-transparent bg-health-off-track-soft text-health-off-track-text",
        // Health badges repeat hundreds of times on a page (roadmap, projects list): one
        // component class each (.ui-health-*, app/globals.css) instead of three utilities.
        "on-track": "ui-health-on-track",
        "at-risk": "ui-health-at-risk",
        "off-track": "ui-health-off-track",
        unknown: "ui-health-unknown",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

type BadgeVariant = NonNullable<VariantProps<typeof badgeVariants>["variant"]>;

// Health badges carry a distinct icon shape as well as a colour, so they read without colour.
// The shapes are drawn once per page (HealthIconSprite, in the app shell) and each badge
// points at one with <use>: a page with hundreds of badges (the roadmap has ~300) no longer
// carries a copy of the icon's SVG, and of its props in the RSC payload, per badge.
const HEALTH_ICONS: Partial<Record<BadgeVariant, LucideIcon>> = {
  "on-track": CircleCheck,
  "at-risk": TriangleExclamationPoint,
  "off-track": CircleX,
  unknown: CircleDashed,
};

/** The id of a health variant's symbol in HealthIconSprite. */
const healthIconId = (variant: BadgeVariant) => `keel-health-icon-${variant}`;

/** The health icons as <symbol>s, once per document, for the badges' <use>. */
export function HealthIconSprite() {
  return <IconSymbols icons={HEALTH_ICONS} idOf={healthIconId} />;
}

export type BadgeProps = React.ComponentProps<"span"> & VariantProps<typeof badgeVariants>;

export function Badge({ className, variant, children, ...props }: BadgeProps) {
  const icon = variant && HEALTH_ICONS[variant] ? healthIconId(variant) : null;
  return (
    // cn (tailwind-merge) only when there is a className to merge: tables repeat badges per row.
    <span data-slot="badge" className={className ? cn(badgeVariants({ variant }), className) : badgeVariants({ variant })} {...props}>
      {icon ? (
        <svg aria-hidden>
          <use href={`#${icon}`} />
        </svg>
      ) : null}
      {children}
    </span>
  );
}

/** Best to worst, for legends and stacked bars. */
export const HEALTH_ORDER: Health[] = ["ON_TRACK", "AT_RISK", "OFF_TRACK", "UNKNOWN"];

/** Fill colour of each health in bars and charts. */
export const HEALTH_BAR_CLASS: Record<Health, string> = {
  ON_TRACK: "bg-health-on-track",
  AT_RISK: "bg-health-at-risk",
  OFF_TRACK: "bg-health-off-track",
  UNKNOWN: "bg-health-unknown/40",
};

const HEALTH_VARIANT: Record<Health, BadgeVariant> = {
  ON_TRACK: "on-track",
  AT_RISK: "at-risk",
  OFF_TRACK: "off-track",
  UNKNOWN: "unknown",
};

/** Health as icon + text + colour. `label` overrides the text (e.g. "Suggested: At risk"). */
export function HealthBadge({
  health,
  label,
  ...props
}: Omit<BadgeProps, "variant" | "children"> & { health: Health; label?: React.ReactNode }) {
  return (
    <Badge variant={HEALTH_VARIANT[health] ?? "unknown"} data-health={health} {...props}>
      {label ?? HEALTH_LABELS[health] ?? HEALTH_LABELS.UNKNOWN}
    </Badge>
  );
}
