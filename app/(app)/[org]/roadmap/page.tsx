import { CircleCheck, Flag, Lightbulb, Target } from "lucide-react";

import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { InitiativesTable } from "@/components/roadmap/initiatives-table";
import { PageHeader } from "@/components/shell/page-header";
import { requireMember } from "@/lib/auth";
import { fiscalPeriod } from "@/lib/fiscal";
import { countInitiativesByStatus, listInitiatives } from "@/lib/roadmap/queries";

export const metadata = { title: "Roadmap" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const [initiatives, counts] = await Promise.all([listInitiatives(member.org.id), countInitiativesByStatus(member.org.id)]);
  const current = fiscalPeriod(new Date(), member.org.fiscalYearStartMonth);

  return (
    <>
      <PageHeader
        title="Roadmap"
        description={`Initiatives by fiscal period, with the health of the projects that deliver them. We are in ${current.label}.`}
      />
      <StatGrid>
        <StatCard label="Active" value={counts.ACTIVE} icon={Target} hint="Initiatives in delivery" />
        <StatCard label="Proposed" value={counts.PROPOSED} icon={Lightbulb} hint="Awaiting a decision" />
        <StatCard label="Done" value={counts.DONE} icon={CircleCheck} tone="success" hint={`${counts.CANCELLED} cancelled`} />
        <StatCard label="Current period" value={current.label} icon={Flag} hint={`Fiscal month ${current.month} of 12`} />
      </StatGrid>
      <InitiativesTable initiatives={initiatives} />
    </>
  );
}
