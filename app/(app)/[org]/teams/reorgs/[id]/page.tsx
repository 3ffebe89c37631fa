import { notFound } from "next/navigation";

import { AddStepForm, RemoveStepButton, ReorgControls } from "@/components/org/reorg-forms";
import { ReorgImpactView } from "@/components/org/reorg-impact";
import { ReorgStatusBadge } from "@/components/org/reorg-status";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { PageHeader } from "@/components/shell/page-header";
import { requireMember } from "@/lib/auth";
import { toDateString } from "@/lib/fiscal";
import { formatDate } from "@/lib/format";
import { previewReorg } from "@/lib/org/reorg/preview-reorg";
import { getReorg } from "@/lib/org/reorg/queries";
import { can } from "@/lib/permissions";
import { grantScope } from "@/lib/scope";

export const metadata = { title: "Reorg" };

/**
 * One reorg: its steps (editable while a draft), what it changes (a preview run in a
 * rolled-back transaction, or what the apply recorded), and apply / schedule / cancel.
 */
export default async function ReorgPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org);
  // A proposer (reorg:propose in their subtree) opens only their own drafts and cannot apply.
  const scope = grantScope(member, "reorg:propose");
  if (!scope) notFound();
  const applies = can(member.role, "orgtree:write");
  const reorg = await getReorg(member.org.id, id, scope.unitId ? member.user.id : null);
  if (!reorg) notFound();
  const slug = member.org.slug;
  const today = toDateString(new Date());
  const ref = { id: reorg.id, version: reorg.version, name: reorg.name };
  const live = reorg.status === "DRAFT" || reorg.status === "SCHEDULED";
  const preview = applies && live && reorg.steps.length > 0 ? await previewReorg(member, reorg.id) : null;
  const state =
    reorg.status === "SCHEDULED"
      ? `Scheduled for ${formatDate(reorg.effectiveOn)}: it applies itself that day.`
      : reorg.status === "APPLIED"
        ? `Applied ${formatDate(reorg.appliedOn)}.`
        : reorg.status === "CANCELLED"
          ? "Cancelled: nothing of it was applied."
          : reorg.status === "FAILED"
            ? "Its scheduled apply was refused; nothing of it was applied."
            : applies
              ? "Draft: add steps, check the preview, then apply or schedule it."
              : "Proposal: add its steps inside the part of the organization you manage; a director or admin previews and applies it.";

  return (
    <>
      <Breadcrumb
        links={[
          { href: `/${slug}/teams`, label: "Teams" },
          { href: `/${slug}/teams/reorgs`, label: "Reorgs" },
        ]}
      />
      <PageHeader title={reorg.name} description={state} actions={<ReorgStatusBadge status={reorg.status} />} />
      {reorg.failure ? (
        <p role="alert" className="mb-6 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
          {reorg.failure}
        </p>
      ) : null}
      {!applies || reorg.status === "APPLIED" || reorg.status === "CANCELLED" ? null : (
        <div className="mb-8">
          <ReorgControls org={slug} reorg={ref} status={reorg.status} steps={reorg.steps.length} today={today} />
        </div>
      )}

      <section className="mb-8" aria-label="Steps">
        <h2 className="mb-3 text-lg font-semibold tracking-tight">Steps</h2>
        {reorg.steps.length === 0 ? (
          <p className="mb-4 text-sm text-muted-foreground">No steps yet.</p>
        ) : (
          <ol className="mb-4 divide-y divide-border rounded-lg border border-border">
            {reorg.steps.map((s) => (
              <li key={s.index} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span>
                  <span className="mr-2 tabular-nums text-muted-foreground">{s.index + 1}.</span>
                  <span className="font-medium">{s.verb}:</span> {s.text}
                </span>
                {reorg.status === "DRAFT" ? (
                  <RemoveStepButton org={slug} reorg={ref} index={s.index} text={`${s.verb}: ${s.text}`} />
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {reorg.status === "DRAFT" ? (
          <div className="rounded-lg border border-border p-4">
            <h3 className="mb-3 font-medium">Add a step</h3>
            <AddStepForm org={slug} reorg={ref} newUnits={reorg.newUnits} />
          </div>
        ) : null}
      </section>

      <section aria-label="Impact">
        <h2 className="mb-1 text-lg font-semibold tracking-tight">
          {reorg.status === "APPLIED" ? "What it changed" : "Preview: what applying it now would change"}
        </h2>
        {reorg.status === "APPLIED" && reorg.impact ? (
          <ReorgImpactView impact={reorg.impact} org={slug} currency={member.org.currency} applied />
        ) : preview?.ok ? (
          <>
            <p className="mb-4 text-sm text-muted-foreground">
              Measured by running the steps on today&apos;s data and undoing them. Money views show the current tree for every period
              (restated) once it is applied.
            </p>
            <ReorgImpactView impact={preview.impact} org={slug} currency={member.org.currency} applied={false} />
          </>
        ) : preview && !preview.ok ? (
          <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
            It cannot be applied as it stands. {preview.message}
          </p>
        ) : (
          <p className="text-sm text-muted-foreground">
            {!applies && live
              ? "A director or admin sees the preview of your proposal when they open it."
              : live
                ? "Add a step to see what it changes."
                : "Nothing was applied."}
          </p>
        )}
      </section>
    </>
  );
}
