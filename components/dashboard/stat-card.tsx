import { ArrowRight, type LucideIcon } from "lucide-react";
import Link from "next/link";
import type * as React from "react";

import { Card } from "@/components/ui/card";
import { cn } from "@/lib/utils";

export type StatCardProps = {
  label: string;
  value: React.ReactNode;
  hint?: React.ReactNode;
  icon?: LucideIcon;
  /** Makes the whole card a link to the area that explains the number. */
  href?: string;
  tone?: "default" | "warning" | "danger" | "success";
  children?: React.ReactNode;
  className?: string;
};

const TONE = {
  default: "bg-primary-soft text-primary",
  success: "bg-health-on-track-soft text-health-on-track-text",
  warning: "bg-health-at-risk-soft text-health-at-risk-text",
  danger: "bg-health-off-track-soft text-health-off-track-text",
} as const;

/** A summary figure. Used by the dashboard and at the top of the area pages. */
export function StatCard({ label, value, hint, icon: Icon, href, tone = "default", children, className }: StatCardProps) {
  const body = (
    <Card
      className={cn(
        "flex h-full flex-col gap-2 p-5",
        href && "transition-shadow group-hover:border-primary/40 group-hover:shadow-md",
        className,
      )}
    >
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm font-medium text-muted-foreground">{label}</span>
        {Icon ? (
          <span className={cn("flex size-8 items-center justify-center rounded-lg", TONE[tone])}>
            <Icon className="size-4" aria-hidden />
          </span>
        ) : null}
      </div>
      <div className="text-2xl font-semibold tracking-tight tabular-nums">{value}</div>
      {hint ? <div className="text-xs text-muted-foreground">{hint}</div> : null}
      {children}
      {href ? (
        <span className="mt-auto inline-flex items-center gap-1 pt-1 text-xs font-medium text-primary group-hover:underline">
          View details <ArrowRight className="size-3" aria-hidden />
        </span>
      ) : null}
    </Card>
  );
  if (!href) return body;
  return (
    <Link
      prefetch={false}
      href={href}
      className="group block rounded-xl focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      {body}
    </Link>
  );
}

export function StatGrid({ children, className }: { children: React.ReactNode; className?: string }) {
  return <div className={cn("mb-6 grid grid-cols-1 gap-4 min-[380px]:grid-cols-2 lg:grid-cols-4", className)}>{children}</div>;
}

/** An h2 with a short description above a table on pages that show more than one. */
export function SectionHeading({ title, description, actions }: { title: string; description?: string; actions?: React.ReactNode }) {
  return (
    <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
      <div className="space-y-0.5">
        <h2 className="text-lg font-semibold tracking-tight">{title}</h2>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}
