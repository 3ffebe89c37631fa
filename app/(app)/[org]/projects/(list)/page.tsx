import { CircleCheck, CirclePause, FolderKanban, ListTodo } from "lucide-react";

import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { ProjectsTable } from "@/components/projects/projects-table";
import { PageHeader } from "@/components/shell/page-header";
import { requireMember } from "@/lib/auth";
import { STALE_AFTER_DAYS } from "@/lib/dashboard/queries";
import { countProjectsByStatus, listProjects } from "@/lib/projects/queries";

export const metadata = { title: "Projects" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const [projects, counts] = await Promise.all([listProjects(member.org.id), countProjectsByStatus(member.org.id)]);

  return (
    <>
      <PageHeader
        title="Projects"
        description={`Every project across ${member.org.name}: who leads it, how healthy it is and when it last reported.`}
      />
      <StatGrid>
        <StatCard label="Active" value={counts.ACTIVE} icon={FolderKanban} hint="In delivery now" />
        <StatCard label="Planned" value={counts.PLANNED} icon={ListTodo} hint="Not started yet" />
        <StatCard label="Paused" value={counts.PAUSED} icon={CirclePause} tone="warning" hint="On hold" />
        <StatCard label="Done" value={counts.DONE} icon={CircleCheck} tone="success" hint={`${counts.CANCELLED} cancelled`} />
      </StatGrid>
      <ProjectsTable
        org={member.org.slug}
        projects={projects}
        currency={member.org.currency}
        now={new Date().toISOString()}
        staleAfterDays={STALE_AFTER_DAYS}
      />
    </>
  );
}
