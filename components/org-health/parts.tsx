import Link from "next/link";
import type * as React from "react";

import { SectionHeading } from "@/components/dashboard/stat-card";
import { HowCounted } from "@/components/ui/how-counted";
import type { OrgHealth } from "@/lib/org-health";

// What every org health section shares: its frame, the bar list, the empty line, the number
// formats and the links a row opens. Server-rendered: nothing here needs the browser.

/** What each section receives from the page: the figures, the org's slug, the day and the unit in the URL. */
export type OrgHealthSectionProps = { org: string; health: OrgHealth; day: string; unitId: string | null };

export const num = (n: number | null, digits = 0) =>
  n === null ? "—" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const pct = (n: number | null) => (n === null ? "—" : `${num(n, 1)}%`);

export function Section({
  id,
  title,
  description,
  figures,
  children,
}: {
  id: string;
  title: string;
  description: string;
  figures: Parameters<typeof HowCounted>[0]["figures"];
  children: React.ReactNode;
}) {
  return (
    <section id={id} className="mb-8 scroll-mt-4">
      <SectionHeading title={title} description={description} />
      <div className="mb-3">
        <HowCounted figures={figures} />
      </div>
      {children}
    </section>
  );
}

/** Horizontal bars; a row with an href links its count to the list of exactly those rows. */
export function Bars({ rows, label }: { rows: { key: string; label: string; value: number; href?: string }[]; label: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <ul aria-label={label} className="max-w-xl space-y-1.5 text-sm">
      {rows.map((r) => (
        <li key={r.key} className="grid grid-cols-[7rem_1fr_2.5rem] items-center gap-2">
          <span className="text-muted-foreground">{r.label}</span>
          <span className="h-3 rounded-sm bg-primary/70" style={{ width: `${(r.value / max) * 100}%` }} aria-hidden />
          <span className="text-right tabular-nums">
            {r.href && r.value ? (
              <Link className="underline-offset-2 hover:underline" href={r.href} aria-label={`${r.label}: ${r.value}, list them`}>
                {r.value}
              </Link>
            ) : (
              r.value
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-sm text-muted-foreground">{children}</p>;
}

/** A manager the figures count opens their manager page (span, team, attrition, notes for the chain). */
export function ManagerLink({ org, id, name }: { org: string; id: string; name: string }) {
  return (
    <Link className="font-medium hover:underline" href={`/${org}/managers/${id}`}>
      {name}
    </Link>
  );
}

/** A count that opens the list of exactly what it counts (0 is not a link: the list would be empty). */
export function CountLink({ href, value, label }: { href: string; value: number; label: string }) {
  return value ? (
    <Link className="hover:underline" href={href} aria-label={`${value} ${label}, list them`}>
      {value}
    </Link>
  ) : (
    <>0</>
  );
}

/** A unit row opens org health for that unit on the same day. */
export function UnitLink({ org, day, id, name }: { org: string; day: string; id: string; name: string }) {
  return (
    <Link className="hover:underline" href={`/${org}/org-health?unit=${id}&on=${day}`}>
      {name}
    </Link>
  );
}
