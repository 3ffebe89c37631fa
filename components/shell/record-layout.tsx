import Link from "next/link";
import type * as React from "react";

import { RecordHistory } from "@/components/audit/record-history";
import { PageHeader } from "@/components/shell/page-header";
import { FactsCard } from "@/components/ui/facts-card";
import type { RecordHistoryPage } from "@/lib/audit/queries";

/**
 * A record page that is its facts and its History: the way back to the list it belongs to, the
 * header, then the facts beside the History.
 */
export function RecordLayout({
  back,
  section,
  title,
  description,
  facts,
  changes,
  recordLabel,
}: {
  /** The list page the record is reached from. */
  back: { href: string; label: string };
  /** The kind of record, after the list in the breadcrumb ("Contracts"). */
  section: string;
  title: string;
  description: string;
  facts: [string, React.ReactNode][];
  changes: RecordHistoryPage;
  recordLabel: string;
}) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted-foreground">
        <Link href={back.href} className="hover:text-foreground">
          {back.label}
        </Link>{" "}
        <span aria-hidden>/</span> {section}
      </nav>
      <PageHeader title={title} description={description} />
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <FactsCard facts={facts} className="self-start" />
        <RecordHistory page={changes} recordLabel={recordLabel} />
      </div>
    </>
  );
}

/** A link to another record from a fact, or "—" when there is none. */
export function RecordLink({ href, children }: { href: string | null; children: React.ReactNode }) {
  return href && children ? (
    <Link className="hover:underline" href={href}>
      {children}
    </Link>
  ) : (
    "—"
  );
}
