import Link from "next/link";
import { notFound } from "next/navigation";

import { NewReorgForm } from "@/components/org/reorg-forms";
import { ReorgStatusBadge } from "@/components/org/reorg-status";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireMember } from "@/lib/auth";
import { formatDate } from "@/lib/format";
import { listReorgs } from "@/lib/org/reorg/queries";
import { can } from "@/lib/permissions";
import { grantScope } from "@/lib/scope";

export const metadata = { title: "Reorgs" };

/**
 * Reorganizations: drafts, scheduled, applied. Directors and admins (orgtree:write) see and apply
 * all; a manager (reorg:propose in their subtree) drafts proposals and sees their own.
 */
export default async function ReorgsPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const scope = grantScope(member, "reorg:propose");
  if (!scope) notFound();
  const applies = can(member.role, "orgtree:write");
  const slug = member.org.slug;
  const reorgs = await listReorgs(member.org.id, scope.unitId ? member.user.id : null);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted-foreground">
        <Link href={`/${slug}/teams`} className="hover:text-foreground">
          Teams
        </Link>
      </nav>
      <PageHeader
        title="Reorgs"
        description={
          applies
            ? "Plan several tree and people changes together, see what they change, then apply them now or on a date. Managers' proposals are marked."
            : "Propose tree and people changes inside the part of the organization you manage: a director or admin previews and applies them."
        }
      />
      <section className="mb-8 rounded-lg border border-border p-4">
        <h2 className="mb-3 text-lg font-semibold tracking-tight">New reorg</h2>
        <NewReorgForm org={slug} />
      </section>
      {reorgs.length === 0 ? (
        <EmptyState title="No reorgs yet" description="Draft one above: add its steps, look at the preview, then apply or schedule it." />
      ) : (
        <Table aria-label="Reorgs">
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Name</TableHead>
              <TableHead scope="col">Status</TableHead>
              <TableHead scope="col" className="text-right">
                Steps
              </TableHead>
              <TableHead scope="col">Effective</TableHead>
              <TableHead scope="col">Drafted</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {reorgs.map((r) => (
              <TableRow key={r.id}>
                <TableCell>
                  <Link className="font-medium text-primary hover:underline" href={`/${slug}/teams/reorgs/${r.id}`}>
                    {r.name}
                  </Link>
                </TableCell>
                <TableCell>
                  <ReorgStatusBadge status={r.status} />
                  {r.proposal && r.status === "DRAFT" ? <span className="ml-2 text-xs text-muted-foreground">Proposal</span> : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">{r.steps}</TableCell>
                <TableCell>
                  {r.appliedOn ? `Applied ${formatDate(r.appliedOn)}` : r.effectiveOn ? formatDate(r.effectiveOn) : "—"}
                </TableCell>
                <TableCell>
                  {formatDate(r.createdOn)}
                  {r.createdBy ? ` by ${r.createdBy}` : ""}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
