import { Pencil } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";

import { AcknowledgeButton } from "@/components/projects/acknowledge-button";
import { RecordHistory } from "@/components/audit/record-history";
import { DeliverySignalsCard } from "@/components/delivery-signals/delivery-signals-card";
import { DependencyEditor } from "@/components/projects/dependency-editor";
import { Markdown } from "@/components/projects/markdown";
import { MilestoneList } from "@/components/projects/milestone-editor";
import { ProjectFormDialog } from "@/components/projects/project-form-dialog";
import { ProjectStaffing } from "@/components/projects/project-staffing";
import { ProjectStatusBadge } from "@/components/projects/project-status-badge";
import { ProjectStatusControls } from "@/components/projects/project-status-controls";
import { StatusUpdateForm } from "@/components/projects/status-update-form";
import { UpdateAuthorActions } from "@/components/projects/update-author-actions";
import { UpdateStateBadge } from "@/components/projects/update-state-badge";
import { FactsCard } from "@/components/ui/facts-card";
import { PageHeader } from "@/components/shell/page-header";
import { Badge, HealthBadge } from "@/components/ui/badge";
import { HEALTH_LABELS } from "@/lib/projects/health-labels";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { readRecordPage, type RecordPageProps } from "@/lib/audit/record-page";
import { formatDate, formatRelative } from "@/lib/format";
import { updateDraft } from "@/lib/delivery-signals/draft";
import { getDeliverySignals } from "@/lib/delivery-signals/queries";
import { centsToDecimalString, formatMoney } from "@/lib/money";
import { canInUnit } from "@/lib/projects/access";
import { getProjectStaffing } from "@/lib/headcount/staffing";
import { getProjectDetail, type StatusUpdateDto } from "@/lib/projects/detail";
import type { ChosenHealth } from "@/lib/projects/health-rules";
import { editableUntil, withinEditWindow } from "@/lib/projects/own-update";

export const metadata = { title: "Project" };

export default async function ProjectPage(props: RecordPageProps) {
  // Staffing and history need no project row first: the reads run side by side.
  const { member, record, changes } = await readRecordPage(props, "Project", (m, projectId) =>
    Promise.all([getProjectDetail(m.org.id, projectId), getProjectStaffing(m.org.id, projectId), getDeliverySignals(m.org.id, projectId)]),
  );
  const [project, staffing, signals] = record ?? [];
  if (!project || !staffing || !signals) notFound();
  // The edit form loads its choices when it opens (app/(app)/[org]/projects/form-options).
  const [canEdit, canPost, canAck, canConnect] = await Promise.all([
    canInUnit(member, "projects:write", project.team.id),
    canInUnit(member, "updates:write", project.team.id),
    canInUnit(member, "updates:acknowledge", project.team.id),
    canInUnit(member, "delivery:connect", project.team.id),
  ]);
  const now = new Date().toISOString();
  const today = now.slice(0, 10);
  const slug = member.org.slug;
  const [latest, ...history] = project.updates;
  const ackable = (u: StatusUpdateDto) => canAck && !u.acknowledgedAt && u.authorId !== member.user.id;
  // The author may correct or withdraw an update for a day (lib/projects/own-update.ts checks again).
  const nowDate = new Date(now);
  const authorActions = (u: StatusUpdateDto) =>
    canPost && !project.archivedAt && u.authorId === member.user.id && withinEditWindow(new Date(u.createdAt), nowDate) ? (
      // Keyed: a deleted update's result line must not stay beside the update shown in its place.
      <UpdateAuthorActions
        key={u.id}
        org={slug}
        projectId={project.id}
        projectName={project.name}
        update={{ id: u.id, health: u.health as ChosenHealth, summary: u.summary, body: u.body, overrideReason: u.overrideReason }}
        editableUntil={editableUntil(new Date(u.createdAt)).toISOString()}
        suggestion={project.suggestion}
      />
    ) : null;
  const postedThisCycle = project.updateState.state === "current";

  const facts: [string, React.ReactNode][] = [
    ["Team", `${project.team.name} (${project.team.code})`],
    ["Lead", project.lead ? `${project.lead.name}, ${project.lead.title}` : "—"],
    ["Reviewer", project.reviewer?.name ?? "—"],
    ["Initiative", project.initiative?.name ?? "—"],
    ["Start", formatDate(project.startDate)],
    ["Target", formatDate(project.targetDate)],
    ["Budget", project.budgetCents === null ? "—" : formatMoney(project.budgetCents, member.org.currency)],
    ["Spent", project.spentCents === null ? "No tagged actuals" : formatMoney(project.spentCents, member.org.currency)],
    [
      "Health since",
      project.healthChangedAt ? `${formatDate(project.healthChangedAt)} (${formatRelative(project.healthChangedAt, now)})` : "—",
    ],
    ["Last update", formatRelative(project.lastUpdateAt, now)],
  ];

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/${slug}/projects`} className="text-muted-foreground hover:text-foreground">
          ← Projects
        </Link>
      </p>
      <PageHeader
        title={project.name}
        description={project.description || undefined}
        actions={
          <>
            {project.archivedAt ? <Badge variant="secondary">Archived</Badge> : null}
            <UpdateStateBadge state={project.updateState} />
            <ProjectStatusBadge status={project.status} />
            <HealthBadge health={project.health} />
            {project.healthChangedAt ? (
              <span className="text-xs text-muted-foreground">since {formatDate(project.healthChangedAt)}</span>
            ) : null}
            {canEdit ? (
              <>
                <ProjectStatusControls
                  org={slug}
                  id={project.id}
                  version={project.version}
                  status={project.status}
                  archived={!!project.archivedAt}
                />
                <ProjectFormDialog
                  org={slug}
                  project={{
                    id: project.id,
                    version: project.version,
                    name: project.name,
                    description: project.description,
                    orgUnitId: project.team.id,
                    lead: project.lead ? { id: project.lead.id, name: project.lead.name } : null,
                    initiativeId: project.initiative?.id ?? null,
                    startDate: project.startDate,
                    targetDate: project.targetDate,
                    budget: project.budgetCents === null ? "" : centsToDecimalString(project.budgetCents),
                    capex: project.capex,
                  }}
                  trigger={
                    <Button size="sm" variant="outline">
                      <Pencil aria-hidden /> Edit project
                    </Button>
                  }
                />
              </>
            ) : null}
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          {canPost && !project.archivedAt ? (
            <Card>
              <CardHeader>
                <CardTitle>{postedThisCycle ? "Add another update" : "Post this cycle\u2019s update"}</CardTitle>
              </CardHeader>
              <CardContent>
                <StatusUpdateForm
                  org={slug}
                  projectId={project.id}
                  suggestion={project.suggestion}
                  current={project.health === "UNKNOWN" ? null : project.health}
                  postedThisCycle={postedThisCycle}
                  draft={updateDraft(signals.draft)}
                />
              </CardContent>
            </Card>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle>Status updates</CardTitle>
            </CardHeader>
            <CardContent className="space-y-6">
              {latest ? (
                <section aria-label="Latest update">
                  <h3 className="mb-2 text-xs font-medium text-muted-foreground uppercase">Latest</h3>
                  <UpdateEntry
                    org={slug}
                    projectName={project.name}
                    u={latest}
                    canAck={ackable(latest)}
                    actions={authorActions(latest)}
                    full
                  />
                </section>
              ) : (
                <EmptyState title="No updates yet" description="The project lead posts a status update every cycle." />
              )}
              {history.length ? (
                <section aria-label="Update history">
                  <h3 className="mb-2 text-xs font-medium text-muted-foreground uppercase">History ({history.length})</h3>
                  <ol className="space-y-5">
                    {history.map((u) => (
                      <li key={u.id}>
                        <UpdateEntry org={slug} projectName={project.name} u={u} canAck={ackable(u)} actions={authorActions(u)} />
                      </li>
                    ))}
                  </ol>
                </section>
              ) : null}
            </CardContent>
          </Card>
          <DeliverySignalsCard
            org={slug}
            projectId={project.id}
            signals={signals}
            milestones={project.milestones.map((m) => ({ id: m.id, name: m.name }))}
            canConnect={canConnect && !project.archivedAt}
            now={now}
          />
          <RecordHistory page={changes} recordLabel="project" />
        </div>
        <div className="space-y-6">
          <FactsCard facts={facts} />
          <ProjectStaffing orgSlug={member.org.slug} staffing={staffing} />
          {/* The update form shows the same suggestion beside it: once on the page is enough. */}
          {canPost && !project.archivedAt ? null : (
            <Card>
              <CardHeader>
                <CardTitle>Suggested health</CardTitle>
              </CardHeader>
              <CardContent className="space-y-2 text-sm">
                <p className="flex items-center gap-2">
                  Rules suggest <HealthBadge health={project.suggestion.health} />
                </p>
                {project.suggestion.reasons.length ? (
                  <ul className="list-disc space-y-1 pl-4 text-muted-foreground">
                    {project.suggestion.reasons.map((r) => (
                      <li key={r.rule}>{r.message}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-muted-foreground">No rule flags a risk.</p>
                )}
              </CardContent>
            </Card>
          )}
          <Card>
            <CardHeader>
              <CardTitle>Milestones</CardTitle>
            </CardHeader>
            <CardContent>
              <MilestoneList org={slug} projectId={project.id} milestones={project.milestones} today={today} canEdit={canEdit} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Dependencies</CardTitle>
            </CardHeader>
            <CardContent>
              <DependencyEditor org={slug} projectId={project.id} blockedBy={project.blockedBy} blocks={project.blocks} canEdit={canEdit} />
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}

function UpdateEntry({
  org,
  projectName,
  u,
  canAck,
  actions,
  full = false,
}: {
  org: string;
  projectName: string;
  u: StatusUpdateDto;
  canAck: boolean;
  actions: React.ReactNode;
  full?: boolean;
}) {
  return (
    <article className="border-l-2 border-border pl-4" aria-label={`Update: ${u.summary}`}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <HealthBadge health={u.health} />
        <span className="font-medium">{u.summary}</span>
      </div>
      <p className="mt-1 text-xs text-muted-foreground">
        {u.author} · {formatDate(u.createdAt)}
        {u.editedAt ? <span title={`Edited ${formatDate(u.editedAt)}`}> · edited</span> : null}
        {u.acknowledgedAt ? ` · acknowledged by ${u.acknowledgedBy ?? "a reviewer"}` : " · not acknowledged"}
      </p>
      {u.suggestedHealth && u.suggestedHealth !== u.health ? (
        <p className="mt-1 text-xs text-muted-foreground">
          Rules suggested {HEALTH_LABELS[u.suggestedHealth]}
          {u.overrideReason ? <> — reason: &ldquo;{u.overrideReason}&rdquo;</> : null}
        </p>
      ) : null}
      {u.body ? (
        <Markdown
          className={full ? undefined : "markdown line-clamp-6 space-y-1 text-sm text-muted-foreground [&_li]:ml-5 [&_ul]:list-disc"}
        >
          {u.body}
        </Markdown>
      ) : null}
      {canAck || actions ? (
        <div className="mt-2 flex flex-wrap gap-2">
          {canAck ? <AcknowledgeButton org={org} updateId={u.id} projectName={projectName} /> : null}
          {actions}
        </div>
      ) : null}
    </article>
  );
}
