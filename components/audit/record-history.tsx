import { History } from "lucide-react";
import Link from "next/link";

import { AuditEntries } from "@/components/audit/audit-entries";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { RecordHistoryPage } from "@/lib/audit/queries";

/** A record page's History: its entries of the audit log, newest first, paged in the URL. */
export function RecordHistory({ page, recordLabel }: { page: RecordHistoryPage; recordLabel: string }) {
  return (
    <Card id="history" className="scroll-mt-20">
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>History</CardTitle>
        {page.auditLogHref ? (
          <Link href={page.auditLogHref} prefetch={false} className="text-sm text-primary hover:underline">
            Open in the audit log
          </Link>
        ) : null}
      </CardHeader>
      <CardContent className="p-0 pb-2">
        {page.entries.length ? (
          <AuditEntries entries={page.entries} />
        ) : (
          <EmptyState icon={History} title="No recorded changes yet" description={`Changes to this ${recordLabel} will appear here.`} />
        )}
        {page.olderHref || page.newestHref ? (
          <nav aria-label="History pages" className="flex items-center justify-between gap-2 px-4 pt-2 text-sm">
            {page.newestHref ? (
              <Link href={page.newestHref} prefetch={false} className="rounded-md border border-border px-3 py-1.5 hover:bg-muted">
                ← Newest
              </Link>
            ) : (
              <span />
            )}
            {page.olderHref ? (
              <Link
                href={page.olderHref}
                prefetch={false}
                rel="next"
                className="rounded-md border border-border px-3 py-1.5 hover:bg-muted"
              >
                Older →
              </Link>
            ) : null}
          </nav>
        ) : null}
      </CardContent>
    </Card>
  );
}
