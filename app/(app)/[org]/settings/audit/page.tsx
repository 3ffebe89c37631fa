import { History } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { AuditFiltersForm } from "@/components/audit/audit-filters";
import { AuditEntries } from "@/components/audit/audit-entries";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { ExportLink } from "@/components/ui/export-link";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireMember } from "@/lib/auth";
import { auditFiltersQuery, formatAuditCursor, parseAuditCursor, parseAuditFilters } from "@/lib/audit/filters";
import { getAuditFilterOptions, listAuditEvents } from "@/lib/audit/queries";
import { recordTypeLabel } from "@/lib/audit/records";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditLogPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: SearchParams }) {
  const member = await requireMember((await params).org);
  // Admins and directors only; everyone else gets the same 404 as a page that does not exist.
  if (!can(member.role, "audit:read")) notFound();
  const sp = await searchParams;
  const filters = parseAuditFilters(sp);
  const cursor = parseAuditCursor(sp);
  const [page, options] = await Promise.all([listAuditEvents(member, filters, cursor), getAuditFilterOptions(member.org.id)]);
  const base = `/${member.org.slug}/settings/audit`;
  const query = auditFiltersQuery(filters);
  const nextHref = page.next
    ? `${base}?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), before: formatAuditCursor(page.next) })}`
    : null;

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Every change made in ${member.org.name}, who made it and what it changed. Entries cannot be edited or deleted.`}
        actions={
          <>
            <Button asChild size="sm" variant="outline">
              <Link href={`/${member.org.slug}/settings`}>Back to settings</Link>
            </Button>
            <ExportLink href={`${base}/export${query ? `?${query}` : ""}`} />
          </>
        }
      />
      <AuditFiltersForm action={base} filters={filters} options={options} />
      {filters.record ? (
        <p className="mb-3 text-sm text-muted-foreground">
          Showing the history of one {recordTypeLabel(filters.record.type).toLowerCase()}
          {page.events[0]?.record.id === filters.record.id ? <> ({page.events[0].record.name})</> : null}.{" "}
          <Link href={base} className="text-primary hover:underline">
            Show every record
          </Link>
        </p>
      ) : null}
      <Card>
        <CardContent className="p-0">
          {page.events.length ? (
            <AuditEntries entries={page.events} showEmail />
          ) : (
            <EmptyState icon={History} title="No audit events" description="Nothing matches these filters." />
          )}
        </CardContent>
      </Card>
      <nav aria-label="Audit log pages" className="mt-4 flex items-center justify-between text-sm">
        {cursor ? (
          <Button asChild size="sm" variant="ghost">
            <Link href={query ? `${base}?${query}` : base}>← Newest</Link>
          </Button>
        ) : (
          <span />
        )}
        {nextHref ? (
          <Button asChild size="sm" variant="outline">
            <Link href={nextHref}>Older →</Link>
          </Button>
        ) : null}
      </nav>
    </>
  );
}
