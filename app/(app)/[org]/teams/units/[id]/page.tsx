import Link from "next/link";
import { notFound } from "next/navigation";

import { RecordHistory } from "@/components/audit/record-history";
import { ActingLeadDialog } from "@/components/org/acting-lead-dialog";
import { CloseUnitDialog, EditUnitDialog, LeadDialog, MergeUnitDialog, MoveUnitDialog, NewUnitDialog } from "@/components/org/unit-dialogs";
import { UnitHistory } from "@/components/org/unit-history";
import { FactsCard } from "@/components/ui/facts-card";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { readRecordPage, type RecordPageProps } from "@/lib/audit/record-page";
import { formatDate, humanize } from "@/lib/format";
import { describeContents } from "@/lib/org/unit-contents";
import { getUnitDetail } from "@/lib/org/unit-detail";
import { can } from "@/lib/permissions";

export const metadata = { title: "Org unit" };

/** One org unit: where it sits, what is inside, its history, and (directors, admins) its edits. */
export default async function UnitPage(props: RecordPageProps) {
  const { member, record: unit, changes } = await readRecordPage(props, "OrgUnit", (m, id) => getUnitDetail(m.org.id, id));
  if (!unit) notFound();
  const slug = member.org.slug;
  const canEdit = can(member.role, "orgtree:write") && !unit.closedOn;
  const inside = describeContents(unit.contents);
  const parent = unit.path.at(-1) ?? null;
  const dto = { id: unit.id, name: unit.name, code: unit.code, kind: unit.kind, version: unit.version, lead: unit.lead };

  const facts: [string, React.ReactNode][] = [
    [
      "Cost-centre code",
      <span key="c" className="font-mono">
        {unit.code}
      </span>,
    ],
    ["Kind", humanize(unit.kind)],
    [
      "Lead",
      unit.lead ? (
        <Link key="l" className="hover:underline" href={`/${slug}/people/${unit.lead.id}`}>
          {unit.lead.name}
        </Link>
      ) : (
        "No lead"
      ),
    ],
    [
      "Acting lead",
      unit.actingLead ? (
        <Link key="al" className="hover:underline" href={`/${slug}/people/${unit.actingLead.id}`}>
          {unit.actingLead.name}
        </Link>
      ) : (
        "None"
      ),
    ],
    ["Inside", inside || "Nothing live"],
  ];

  return (
    <>
      <Breadcrumb
        links={[
          { href: `/${slug}/teams`, label: "Teams" },
          ...unit.path.map((p) => ({ href: `/${slug}/teams/units/${p.id}`, label: p.name })),
        ]}
      />
      <PageHeader
        title={unit.name}
        description={`${humanize(unit.kind)} · ${unit.code}`}
        actions={
          unit.closedOn ? (
            <Badge variant="warning">Closed {formatDate(unit.closedOn)}</Badge>
          ) : (
            <Link className="text-sm underline" href={`/${slug}/teams?unit=${unit.id}#people`}>
              People in this unit
            </Link>
          )
        }
      />
      {canEdit ? (
        <div className="mb-6 flex flex-wrap gap-2" role="group" aria-label="Edit this unit">
          <EditUnitDialog org={slug} unit={dto} />
          <LeadDialog org={slug} unit={dto} />
          <ActingLeadDialog org={slug} unit={dto} actingLead={unit.actingLead} />
          <MoveUnitDialog org={slug} unit={dto} parent={parent} />
          <MergeUnitDialog org={slug} unit={dto} siblings={unit.siblings} inside={inside} />
          <CloseUnitDialog org={slug} unit={dto} inside={inside} />
          <NewUnitDialog org={slug} parent={{ id: unit.id, name: unit.name, code: unit.code }} />
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <div className="space-y-6">
          <FactsCard facts={facts} />
          <Card>
            <CardHeader>
              <CardTitle>Units below ({unit.children.length})</CardTitle>
            </CardHeader>
            <CardContent className="text-sm">
              {unit.children.length === 0 ? (
                <p className="text-muted-foreground">No open units below this one.</p>
              ) : (
                <ul className="space-y-1">
                  {unit.children.map((c) => (
                    <li key={c.id}>
                      <Link className="hover:underline" href={`/${slug}/teams/units/${c.id}`}>
                        {c.name}
                      </Link>{" "}
                      <span className="font-mono text-xs text-muted-foreground">{c.code}</span>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>
        <UnitHistory org={slug} history={unit.history} people={unit.people} />
      </div>
      <div className="mt-6">
        <RecordHistory page={changes} recordLabel="unit" />
      </div>
    </>
  );
}
