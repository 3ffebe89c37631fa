import Link from "next/link";
import { notFound } from "next/navigation";

import { RecordHistory } from "@/components/audit/record-history";
import { PositionStatusBadge } from "@/components/headcount/position-status-badge";
import { AllocationForm } from "@/components/people/allocation-form";
import { DepartureRegretForm } from "@/components/people/departure-regret-form";
import { EndDateForm } from "@/components/people/end-date-form";
import { PersonEditForm } from "@/components/people/person-edit-form";
import { RemoveAllocationButton } from "@/components/people/remove-allocation-button";
import { FactsCard } from "@/components/ui/facts-card";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle, ListCard } from "@/components/ui/card";
import { readRecordPage, type RecordPageProps } from "@/lib/audit/record-page";
import { toDateString } from "@/lib/fiscal";
import { formatDate, humanize } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { getPersonDetail, listUnitChoices, staffableProjects } from "@/lib/people/detail";
import { grantScope } from "@/lib/scope";

export const metadata = { title: "Person" };

export default async function PersonPage(props: RecordPageProps) {
  const {
    member,
    record: person,
    changes,
  } = await readRecordPage(props, "Person", (m, personId) => getPersonDetail(m.org.id, personId, m));
  if (!person) notFound();
  const today = toDateString(new Date());
  const slug = member.org.slug;
  // Choices only where the member's grants reach (a manager: their subtree); the actions check again.
  const peopleScope = grantScope(member, "people:write");
  const projectsScope = grantScope(member, "projects:write");
  // No list of the org's people or projects here: the manager and project pickers search as
  // you type (SearchCombobox); the page only needs which projects this member may staff.
  const [units, projects] = await Promise.all([
    peopleScope ? listUnitChoices(peopleScope) : Promise.resolve([]),
    projectsScope
      ? staffableProjects(
          projectsScope,
          person.allocations.map((a) => a.projectId),
        )
      : Promise.resolve({ any: false, ids: new Set<string>() }),
  ]);
  const canEdit = peopleScope !== null && (peopleScope.unitId === null || units.some((u) => u.id === person.team.id));

  const facts: [string, React.ReactNode][] = [
    [
      "Team",
      <Link key="t" className="hover:underline" href={`/${slug}/teams?unit=${person.team.id}`}>
        {person.team.name} ({person.team.code})
      </Link>,
    ],
    [
      "Manager",
      person.manager ? (
        <Link key="m" className="hover:underline" href={`/${slug}/people/${person.manager.id}`}>
          {person.manager.name}
        </Link>
      ) : (
        "—"
      ),
    ],
    ["Level", person.level],
    ["Type", humanize(person.employmentType)],
    ["Started", formatDate(person.startDate)],
    ["Last day", person.endDate ? formatDate(person.endDate) : "—"],
    ["Location", person.location ?? "—"],
    ["Email", person.email ?? "—"],
  ];
  if (member.readsPay && person.annualCompCents !== undefined) {
    facts.push(["Annual pay", formatMoney(person.annualCompCents, member.org.currency)]);
    facts.push(["Loaded cost / month", formatMoney(person.monthlyLoadedCostCents ?? 0, member.org.currency)]);
  }
  const currentLoad = person.allocations
    .filter((a) => a.startDate <= today && (!a.endDate || a.endDate >= today))
    .reduce((n, a) => n + a.percent, 0);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/${slug}/teams`} className="text-muted-foreground hover:text-foreground">
          ← Teams
        </Link>
      </p>
      <PageHeader
        title={person.name}
        description={`${person.title} · ${person.team.name}`}
        actions={
          <>
            {person.endDate ? <Badge variant="warning">Leaves {formatDate(person.endDate)}</Badge> : null}
            {person.startDate > today ? <Badge variant="default">Starts {formatDate(person.startDate)}</Badge> : null}
            {person.overallocated.length ? <Badge variant="danger">Over-allocated</Badge> : null}
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          <FactsCard facts={facts}>
            {person.positions.length ? (
              <div className="mt-4 flex flex-wrap gap-2 text-sm">
                {person.positions.map((p) => (
                  <span key={p.id} className="flex items-center gap-1">
                    Position: {p.title} <PositionStatusBadge status={p.status} />
                  </span>
                ))}
              </div>
            ) : null}
          </FactsCard>
          <Card>
            <CardHeader>
              <CardTitle>Projects</CardTitle>
            </CardHeader>
            <CardContent className="space-y-3 text-sm">
              <p className="text-muted-foreground">
                Allocated today: <span className="font-medium text-foreground">{currentLoad}%</span>
              </p>
              {person.overallocated.length ? (
                <p role="status" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-destructive">
                  Over-allocated:{" "}
                  {person.overallocated
                    .map((p) => `${p.percent}% from ${formatDate(p.startDate)}${p.endDate ? ` to ${formatDate(p.endDate)}` : " on"}`)
                    .join("; ")}
                </p>
              ) : null}
              {person.allocations.length === 0 ? (
                <p className="text-muted-foreground">Not allocated to any project.</p>
              ) : (
                <ul className="divide-y divide-border">
                  {person.allocations.map((a) => (
                    <li key={a.id} className="flex items-center justify-between gap-3 py-2">
                      <Link className="font-medium hover:underline" href={`/${slug}/projects/${a.projectId}`}>
                        {a.projectName}
                      </Link>
                      <span className="flex items-center gap-2 text-muted-foreground tabular-nums">
                        {a.percent}% · {formatDate(a.startDate)} – {a.endDate ? formatDate(a.endDate) : "open-ended"}
                        {projects.ids.has(a.projectId) ? (
                          <RemoveAllocationButton org={slug} allocationId={a.id} label={a.projectName} />
                        ) : null}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
          <ListCard title={`Reports (${person.reports.length})`} empty="No direct reports." isEmpty={person.reports.length === 0}>
            <ul className="grid gap-1 sm:grid-cols-2">
              {person.reports.map((r) => (
                <li key={r.id}>
                  <Link className="hover:underline" href={`/${slug}/people/${r.id}`}>
                    {r.name}
                  </Link>{" "}
                  <span className="text-muted-foreground">{r.title}</span>
                </li>
              ))}
            </ul>
          </ListCard>
          <ListCard
            title="Units and managers over time"
            empty="No moves or manager changes recorded."
            isEmpty={person.history.length === 0}
          >
            <ol className="space-y-1">
              {person.history.map((h) => (
                <li key={h.id}>
                  <span className="tabular-nums text-muted-foreground">
                    {formatDate(h.effectiveFrom)} – {h.effectiveTo ? formatDate(h.effectiveTo) : "now"}
                  </span>{" "}
                  {h.unitName}
                  {h.managerName ? `, reporting to ${h.managerName}` : ""}
                </li>
              ))}
            </ol>
          </ListCard>
        </div>
        <div className="space-y-6">
          {canEdit ? (
            <Card>
              <CardHeader>
                <CardTitle>Edit or move</CardTitle>
              </CardHeader>
              <CardContent>
                <PersonEditForm
                  org={slug}
                  person={{ id: person.id, title: person.title, level: person.level, teamId: person.team.id, version: person.version }}
                  units={units}
                  manager={person.manager}
                  today={today}
                />
              </CardContent>
            </Card>
          ) : null}
          {projects.any ? (
            <Card>
              <CardHeader>
                <CardTitle>Allocate to a project</CardTitle>
              </CardHeader>
              <CardContent>
                <AllocationForm org={slug} who={{ personId: person.id }} today={today} />
              </CardContent>
            </Card>
          ) : null}
          {canEdit ? (
            <Card>
              <CardHeader>
                <CardTitle>Departure</CardTitle>
              </CardHeader>
              <CardContent>
                {person.endDate ? (
                  <DepartureRegretForm org={slug} personId={person.id} version={person.version} regretted={person.departureRegretted} />
                ) : (
                  <EndDateForm org={slug} personId={person.id} version={person.version} />
                )}
              </CardContent>
            </Card>
          ) : null}
        </div>
      </div>
      <div className="mt-6">
        <RecordHistory page={changes} recordLabel="person" />
      </div>
    </>
  );
}
