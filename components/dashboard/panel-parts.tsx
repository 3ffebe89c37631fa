import Link from "next/link";
import type * as React from "react";

import { PanelTitle } from "@/components/dashboard/chart-table";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { Member } from "@/lib/auth";
import type { DashboardParams } from "@/lib/dashboard/director";
import { memoRendered } from "@/lib/figures-memo";
import { toDateString } from "@/lib/fiscal";

// Building blocks shared by the dashboard panels (delivery-panel, money-panel, people-panel).

export type PanelProps = { member: Member; params: DashboardParams };

/**
 * A panel's rendered output, reused while the org's data is unchanged (lib/figures-memo.ts
 * memoRendered): a repeat view skips its reads and its rendering. `key` holds what the output
 * depends on beside the org's data and today's date: the parameters and what the reader may see.
 */
export function panelMemo(member: Member, name: string, key: unknown[], render: () => Promise<React.ReactElement>) {
  return memoRendered(member.org.id, `panel:${name}`, [member.org.slug, toDateString(new Date()), ...key], render);
}

/**
 * A figure that links to the list explaining it. Dashboard links do not prefetch (nor the pills,
 * views and drill-downs): the dozens in view would each ask the server for a page as the
 * dashboard loads, and the phone would parse every answer while it is still hydrating.
 */
export function Figure({ label, value, href, hint }: { label: string; value: React.ReactNode; href: string; hint?: React.ReactNode }) {
  return (
    <Link
      prefetch={false}
      href={href}
      className="block rounded-lg border border-border p-3 hover:border-primary/40 hover:bg-muted/40 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      <span className="block text-xs font-medium text-muted-foreground">{label}</span>
      <span className="block text-2xl font-semibold tabular-nums" data-figure={label}>
        {value}
      </span>
      {hint ? <span className="block text-xs text-muted-foreground">{hint}</span> : null}
    </Link>
  );
}

export function PanelSkeleton({ title }: { title: string }) {
  return (
    <Card aria-busy="true">
      <CardHeader>
        <PanelTitle>{title}</PanelTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        <span className="sr-only">Loading {title.toLowerCase()}…</span>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-16" />
          ))}
        </div>
        <Skeleton className="h-48" />
      </CardContent>
    </Card>
  );
}

export function SubHeading({ children }: { children: React.ReactNode }) {
  return <h3 className="mb-2 text-sm font-semibold">{children}</h3>;
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-sm text-muted-foreground">{children}</p>;
}

/** "See all N" under a panel's shortened list, to the page listing every row the count counts. */
export function SeeAll({ href, count, shown, label }: { href: string; count: number; shown: number; label?: string }) {
  return (
    <p className="mt-2 text-sm">
      <Link prefetch={false} href={href} className="text-primary hover:underline">
        {label ?? `See all ${count}`}
      </Link>
      {shown < count ? <span className="text-muted-foreground"> ({shown} shown)</span> : null}
    </p>
  );
}
