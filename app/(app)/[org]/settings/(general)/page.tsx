import { History } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { MembersPanel } from "@/components/settings/members-panel";
import { OrgSettingsForm } from "@/components/settings/org-settings-form";
import { PayPrivacyForm } from "@/components/settings/pay-privacy-form";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth";
import { categoryList } from "@/lib/budgets/forecast-assumptions";
import { can } from "@/lib/permissions";
import { MONTHS, WEEKDAY_LABELS } from "@/lib/settings/labels";
import { listUnitTree } from "@/lib/org/queries";
import { getOrgSettings, listMembers, listMemberSessions, listPendingInvitations } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const canEditSettings = can(member.role, "org:settings");
  const canManageMembers = can(member.role, "members:manage");
  const canReadAudit = can(member.role, "audit:read");
  const [settings, members, invitations, units, sessions] = await Promise.all([
    getOrgSettings(member.org.id),
    listMembers(member.org.id),
    canManageMembers ? listPendingInvitations(member.org.id) : Promise.resolve([]),
    canManageMembers ? listUnitTree(member.org.id) : Promise.resolve([]),
    canManageMembers ? listMemberSessions(member.org.id) : Promise.resolve({}),
  ]);

  return (
    <>
      <PageHeader
        title="Settings"
        description="How your organization runs in Keel: fiscal calendar, update cadence, forecast assumptions and who has access."
        actions={
          canReadAudit ? (
            <Button asChild size="sm" variant="outline">
              <Link href={`/${member.org.slug}/settings/audit`}>
                <History aria-hidden /> Audit log
              </Link>
            </Button>
          ) : null
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>Organization</CardTitle>
            <CardDescription>
              {canEditSettings ? "Changes apply to everyone in the organization." : "Only admins and directors can change these settings."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {canEditSettings ? (
              <OrgSettingsForm org={member.org.slug} settings={settings} />
            ) : (
              <dl className="grid max-w-2xl gap-4 text-sm sm:grid-cols-2">
                {[
                  ["Organization name", settings.name],
                  ["Reporting currency", settings.currency],
                  ["Fiscal year starts in", MONTHS[settings.fiscalYearStartMonth - 1]],
                  ["Status updates are due", `${settings.updateCadence === "WEEKLY" ? "Every week" : "Every two weeks"} on ${WEEKDAY_LABELS[settings.updateDueWeekday]}`],
                  ["Grace period", `${settings.updateGraceDays} days`],
                  ["Loaded-cost multiplier", settings.loadedCostMultiplier],
                  ["Hiring delay", `${settings.hiringDelayDays} days`],
                  ["Run-rate window", `${settings.forecastRunRateMonths} months`],
                  ["Forecast from the plan (lumpy categories)", categoryList(settings.forecastLumpyCategories)],
                ].map(([label, value]) => (
                  <div key={label}>
                    <dt className="text-muted-foreground">{label}</dt>
                    <dd className="font-medium">{value}</dd>
                  </div>
                ))}
              </dl>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Pay privacy</CardTitle>
            <CardDescription>
              Who may read individual pay, and how small a group personnel figures are shown for to everyone else. Totals are the same for everyone; what would
              show one person&apos;s pay is shown as a dash.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {canEditSettings ? (
              <PayPrivacyForm org={member.org.slug} settings={settings} />
            ) : (
              <dl className="grid max-w-2xl gap-4 text-sm sm:grid-cols-2">
                <div>
                  <dt className="text-muted-foreground">Minimum group</dt>
                  <dd className="font-medium">{settings.payMinGroupSize} people</dd>
                </div>
                <div>
                  <dt className="text-muted-foreground">Finance reads individual pay</dt>
                  <dd className="font-medium">{settings.financeReadsPay ? "Yes" : "No"}</dd>
                </div>
              </dl>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Members</CardTitle>
            <CardDescription>
              {canManageMembers
                ? "Invite people and set their role. Managers change only what is inside their scope."
                : `${members.length} people have access. Admins manage membership.`}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <MembersPanel
              org={member.org.slug}
              members={members}
              invitations={invitations}
              sessions={sessions}
              units={units}
              canManage={canManageMembers}
              currentUserEmail={member.user.email}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
