import Link from "next/link";
import { notFound } from "next/navigation";

import { ManagerNotes } from "@/components/managers/manager-notes";
import { ManagerView } from "@/components/managers/manager-view";
import { PageHeader } from "@/components/shell/page-header";
import { requireMember } from "@/lib/auth";
import { toDateString } from "@/lib/fiscal";
import { managerPageAccess } from "@/lib/managers/access";
import { getManagerFigures } from "@/lib/managers/figures";
import { getManagerProfile, listDirectReports, listManagerNotes } from "@/lib/managers/queries";

export const metadata = { title: "Manager" };

/**
 * One manager: their span, their team's heads, hiring, delivery and attrition, and — for the
 * people above them in the reporting line only — their private development notes and goals.
 * Directors and admins open every manager's page; anyone else only the pages of managers below
 * them (404 otherwise, as for a person of another org). Salary-safe: nothing here reads pay.
 */
export default async function ManagerPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org: slug, id } = await params;
  const member = await requireMember(slug);
  const manager = await getManagerProfile(member.org.id, id);
  if (!manager) notFound();
  const access = await managerPageAccess(member, manager.id);
  if (!access) notFound();
  const now = new Date();
  const today = toDateString(now);
  const [figures, reports, notes] = await Promise.all([
    getManagerFigures(
      member.org.id,
      member.org.fiscalYearStartMonth,
      { id: manager.id, unitId: manager.unitId, teamUnitId: manager.team.id, viewerUserId: member.user.id },
      now,
    ),
    listDirectReports(member.org.id, manager.id, today),
    access.notes ? listManagerNotes(member.org.id, manager.id, member.user.id) : null,
  ]);
  return (
    <>
      <PageHeader
        title={manager.name}
        description={
          <>
            {manager.title} ·{" "}
            <Link className="hover:underline" href={`/${slug}/teams/units/${manager.unitId}`}>
              {manager.unitName}
            </Link>
            {manager.managerName ? ` · reports to ${manager.managerName}` : ""}
            {manager.endDate ? ` · last day ${manager.endDate}` : ""}. Team: {manager.team.name} and every unit below it.
          </>
        }
        actions={
          <Link className="text-sm text-primary hover:underline" href={`/${slug}/people/${manager.id}`}>
            Person page
          </Link>
        }
      />
      <div className="space-y-6">
        <ManagerView org={slug} manager={manager} figures={figures} reports={reports} />
        {notes ? (
          <ManagerNotes org={slug} managerId={manager.id} managerName={manager.name} notes={notes} today={today} />
        ) : (
          <p className="text-sm text-muted-foreground">
            Development notes and goals are kept by the people above {manager.name} in the reporting line and are visible only to them.
          </p>
        )}
      </div>
    </>
  );
}
