import { CircleCheck, CirclePause, FolderKanban, ListChecks, ListTodo, Plus } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";

import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { ProjectFiltersForm } from "@/components/projects/project-filters";
import { ProjectFormDialog } from "@/components/projects/project-form-dialog";
import { ProjectsTable } from "@/components/projects/projects-table";
import { projectTableRows } from "@/components/projects/projects-table-rows";
import { PageHeader } from "@/components/shell/page-header";
import { PageSkeleton } from "@/components/shell/page-skeleton";
import { Button } from "@/components/ui/button";
import { ExportLink } from "@/components/ui/export-link";
import { HowCounted } from "@/components/ui/how-counted";
import { Pager } from "@/components/ui/pager";
import { requireMember, type Member } from "@/lib/auth";
import type { FigureId } from "@/lib/figures/definitions";
import {
  countProjectsByStatus,
  getProjectFilterOptions,
  listProjectsPage,
  parseProjectFilters,
  parseProjectSort,
} from "@/lib/projects/queries";
import { grantScope } from "@/lib/scope";

export const metadata = { title: "Projects" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: SearchParams }) {
  const member = await requireMember((await params).org);
  const sp = await searchParams;
  const canCreate = grantScope(member, "projects:write") !== null;
  const query = new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (typeof v === "string" && v ? [[k, v]] : []))).toString();
  const base = `/${member.org.slug}/projects`;

  // The header is part of the first HTML the server sends (no loading.tsx here: its boundary would
  // hold the header back like the rest) and the list streams after it: the list's queries take
  // the most time at a large org, and the header is what a phone paints first (its largest text).
  return (
    <>
      <PageHeader
        title="Projects"
        description={`Every project across ${member.org.name}: who leads it, how healthy it is and when it last reported.`}
        actions={
          <>
            <Button asChild size="sm" variant="outline">
              <Link href={`${base}/review`}>
                <ListChecks aria-hidden /> Delivery review
              </Link>
            </Button>
            <ExportLink href={`${base}/export${query ? `?${query}` : ""}`} />
            {canCreate ? (
              <ProjectFormDialog
                org={member.org.slug}
                trigger={
                  <Button size="sm">
                    <Plus aria-hidden /> New project
                  </Button>
                }
              />
            ) : null}
          </>
        }
      />
      <Suspense fallback={<PageSkeleton header={false} />}>
        <ProjectsList member={member} sp={sp} base={base} />
      </Suspense>
    </>
  );
}

async function ProjectsList({ member, sp, base }: { member: Member; sp: Awaited<SearchParams>; base: string }) {
  const filters = parseProjectFilters(sp);
  const sort = parseProjectSort(sp);
  const now = new Date();
  const [{ rows: projects, paging }, counts, options] = await Promise.all([
    listProjectsPage(member.org.id, filters, sp, now, sort),
    countProjectsByStatus(member.org.id),
    getProjectFilterOptions(member.org.id, filters),
  ]);
  // A dashboard figure's link (status=ACTIVE, a health, stale=1) says how that figure is counted.
  const counted: FigureId[] = filters.stale
    ? ["stale"]
    : filters.status === "ACTIVE"
      ? filters.health
        ? [({ ON_TRACK: "on-track", AT_RISK: "at-risk", OFF_TRACK: "off-track", UNKNOWN: "unknown-health" } as const)[filters.health]]
        : ["active-projects"]
      : [];
  // One page of the filtered list, sorted by the database (?sort=…&dir=…), is read and rendered
  // (a large org has 10,000 projects); the pager keeps the sort and the filters. The CSV export
  // has every matching row in the same order.
  return (
    <>
      <StatGrid>
        <StatCard label="Active" value={counts.ACTIVE} icon={FolderKanban} hint="In delivery now" />
        <StatCard label="Planned" value={counts.PLANNED} icon={ListTodo} hint="Not started yet" />
        <StatCard label="Paused" value={counts.PAUSED} icon={CirclePause} tone="warning" hint="On hold" />
        <StatCard label="Done" value={counts.DONE} icon={CircleCheck} tone="success" hint={`${counts.CANCELLED} cancelled`} />
      </StatGrid>
      <ProjectFiltersForm org={member.org.slug} action={base} filters={filters} sort={sort} options={options} />
      {counted.length ? (
        <div className="mb-3">
          <HowCounted figures={counted} note={`This list: ${paging.total} ${paging.total === 1 ? "project" : "projects"}.`} />
        </div>
      ) : null}
      <ProjectsTable
        org={member.org.slug}
        projects={projectTableRows(projects, member.org.currency, now)}
        sort={sort}
        filtered={Object.values(filters).some(Boolean)}
        clearHref={base}
      />
      <Pager info={paging} base={base} searchParams={sp} label="Projects" />
    </>
  );
}
