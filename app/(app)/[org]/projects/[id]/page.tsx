import Link from "next/link";
import { notFound } from "next/navigation";

import { ProjectStaffing } from "@/components/projects/project-staffing";
import { ProjectStatusBadge } from "@/components/projects/project-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { HealthBadge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireMember } from "@/lib/auth";
import { formatDate, formatRelative } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { getProjectDetail, type ProjectDetailDto } from "@/lib/projects/detail";

export const metadata = { title: "Project" };

export default async function ProjectPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org);
  const project = await getProjectDetail(member.org.id, id);
  if (!project) notFound();
  const now = new Date().toISOString();
  const today = now.slice(0, 10);

  const facts: [string, React.ReactNode][] = [
    ["Team", `${project.team.name} (${project.team.code})`],
    ["Lead", project.lead ? `${project.lead.name}, ${project.lead.title}` : "—"],
    ["Initiative", project.initiative?.name ?? "—"],
    ["Start", formatDate(project.startDate)],
    ["Target", formatDate(project.targetDate)],
    ["Budget", project.budgetCents === null ? "—" : formatMoney(project.budgetCents, member.org.currency)],
    ["Health since", project.healthChangedAt ? formatRelative(project.healthChangedAt, now) : "—"],
    ["Last update", formatRelative(project.lastUpdateAt, now)],
  ];

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/${member.org.slug}/projects`} className="text-muted-foreground hover:text-foreground">
          ← Projects
        </Link>
      </p>
      <PageHeader
        title={project.name}
        description={project.description || undefined}
        actions={
          <>
            <ProjectStatusBadge status={project.status} />
            <HealthBadge health={project.health} />
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Status updates</CardTitle>
            </CardHeader>
            <CardContent>
              {project.updates.length === 0 ? (
                <EmptyState title="No updates yet" description="The project lead posts a status update every cycle." />
              ) : (
                <ol className="space-y-5">
                  {project.updates.map((u) => (
                    <li key={u.id} className="border-l-2 border-border pl-4">
                      <div className="flex flex-wrap items-center gap-2 text-sm">
                        <HealthBadge health={u.health} />
                        <span className="font-medium">{u.summary}</span>
                      </div>
                      <p className="mt-1 text-xs text-muted-foreground">
                        {u.author} · {formatDate(u.createdAt)}
                        {u.acknowledgedAt ? ` · acknowledged by ${u.acknowledgedBy ?? "a reviewer"}` : " · not acknowledged"}
                      </p>
                      {/* Shown as plain text until the sanitizing markdown renderer lands. */}
                      {u.body ? <p className="mt-2 line-clamp-4 text-sm whitespace-pre-line text-muted-foreground">{u.body}</p> : null}
                    </li>
                  ))}
                </ol>
              )}
            </CardContent>
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
                {facts.map(([label, value]) => (
                  <div key={label} className="contents">
                    <dt className="text-muted-foreground">{label}</dt>
                    <dd className="font-medium">{value}</dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
          <ProjectStaffing orgId={member.org.id} orgSlug={member.org.slug} projectId={project.id} />
          <Card>
            <CardHeader>
              <CardTitle>Milestones</CardTitle>
            </CardHeader>
            <CardContent>
              {project.milestones.length === 0 ? (
                <p className="text-sm text-muted-foreground">No milestones.</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {project.milestones.map((m) => {
                    const overdue = !m.doneDate && m.dueDate < today;
                    return (
                      <li key={m.id} className="flex justify-between gap-3">
                        <span className={m.doneDate ? "text-muted-foreground line-through" : undefined}>{m.name}</span>
                        <span className={overdue ? "font-medium text-destructive" : "text-muted-foreground"}>
                          {m.doneDate ? `Done ${formatDate(m.doneDate)}` : `${overdue ? "Overdue · " : ""}${formatDate(m.dueDate)}`}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Dependencies</CardTitle>
            </CardHeader>
            <CardContent className="space-y-3 text-sm">
              <DependencyList label="Waiting on" org={member.org.slug} projects={project.blockedBy} />
              <DependencyList label="Blocking" org={member.org.slug} projects={project.blocks} />
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}

function DependencyList({ label, org, projects }: { label: string; org: string; projects: ProjectDetailDto["blocks"] }) {
  return (
    <div>
      <p className="mb-1 text-xs font-medium text-muted-foreground uppercase">{label}</p>
      {projects.length === 0 ? (
        <p className="text-muted-foreground">None</p>
      ) : (
        <ul className="space-y-1">
          {projects.map((d) => (
            <li key={d.id} className="flex items-center justify-between gap-2">
              <Link className="hover:underline" href={`/${org}/projects/${d.id}`}>
                {d.name}
              </Link>
              <HealthBadge health={d.health} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
