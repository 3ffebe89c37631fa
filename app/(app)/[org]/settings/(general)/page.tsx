import { History, KeyRound, Webhook } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";

import { MembersPanel } from "@/components/settings/members-panel";
import { OrgSettingsForm } from "@/components/settings/org-settings-form";
import { PayPrivacyForm } from "@/components/settings/pay-privacy-form";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth";
import { categoryList } from "@/lib/budgets/forecast-assumptions";
import { can } from "@/lib/permissions";
import { parseSearch, type SearchParams, zText } from "@/lib/search-params";
import { MONTHS, WEEKDAY_LABELS } from "@/lib/settings/labels";
import { Input } from "@/components/ui/input";
import { Pager } from "@/components/ui/pager";
import { getOrgSettings, listMembersPage, listMemberSessions, listPendingInvitations } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Settings" };

// ?mq= searches the members; their pages (?page=) are read by pageOf.
const ZSearch = z.object({ mq: zText(100) });

export default async function SettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const member = await requireMember((await params).org);
  const sp = await searchParams;
  const { mq } = parseSearch(ZSearch, sp);
  const canEditSettings = can(member.role, "org:settings");
  const canManageMembers = can(member.role, "members:manage");
  const canReadAudit = can(member.role, "audit:read");
  const canManageWebhooks = can(member.role, "webhooks:manage");
  const [settings, members, invitations, sessions] = await Promise.all([
    getOrgSettings(member.org.id),
    listMembersPage(member.org.id, mq, sp),
    canManageMembers ? listPendingInvitations(member.org.id) : Promise.resolve([]),
    canManageMembers ? listMemberSessions(member.org.id) : Promise.resolve({}),
  ]);
  const base = `/${member.org.slug}/settings`;

  return (
    <>
      <PageHeader
        title="Settings"
        description="How your organization runs in Keel: fiscal calendar, update cadence, forecast assumptions and who has access."
        actions={
          <>
            {canManageMembers ? (
              <Button asChild size="sm" variant="outline">
                <Link href={`/${member.org.slug}/settings/sso`}>
                  <KeyRound aria-hidden /> Single sign-on
                </Link>
              </Button>
            ) : null}
            {canManageWebhooks ? (
              <Button asChild size="sm" variant="outline">
                <Link href={`/${member.org.slug}/settings/webhooks`}>
                  <Webhook aria-hidden /> Webhooks
                </Link>
              </Button>
            ) : null}
            {can(member.role, "apitokens:manage") ? (
              <Button asChild size="sm" variant="outline">
                <Link href={`/${member.org.slug}/settings/api`}>API tokens</Link>
              </Button>
            ) : null}
            {canReadAudit ? (
              <Button asChild size="sm" variant="outline">
                <Link href={`/${member.org.slug}/settings/audit`}>
                  <History aria-hidden /> Audit log
                </Link>
              </Button>
            ) : null}
          </>
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
                  [
                    "Status updates are due",
                    `${settings.updateCadence === "WEEKLY" ? "Every week" : "Every two weeks"} on ${WEEKDAY_LABELS[settings.updateDueWeekday]}`,
                  ],
                  ["Grace period", `${settings.updateGraceDays} days`],
                  ["Position open too long after", `${settings.positionOpenAlertDays} days`],
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
              Who may read individual pay, and how small a group personnel figures are shown for to everyone else. Totals are the same for
              everyone; what would show one person&apos;s pay is shown as a dash.
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
        <Card id="members" className="scroll-mt-4">
          <CardHeader>
            <CardTitle>Members</CardTitle>
            <CardDescription>
              {canManageMembers
                ? "Invite people and set their role. Managers change only what is inside their scope."
                : `${members.paging.total} ${mq ? "matching " : ""}people have access. Admins manage membership.`}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <MembersPanel
              org={member.org.slug}
              members={members.rows}
              invitations={invitations}
              sessions={sessions}
              canManage={canManageMembers}
              currentUserEmail={member.user.email}
            >
              <form method="get" action={`${base}#members`} className="flex flex-wrap items-end gap-2" aria-label="Search members">
                <div className="flex flex-col gap-1">
                  <label htmlFor="members-q" className="text-xs font-medium text-muted-foreground">
                    Name or email
                  </label>
                  <Input id="members-q" name="mq" type="search" defaultValue={mq} placeholder="Search members" className="w-64" />
                </div>
                <Button type="submit" size="sm">
                  Search
                </Button>
                <p className="pb-2 text-sm text-muted-foreground">
                  {members.paging.total} {members.paging.total === 1 ? "member" : "members"}
                  {mq ? ` matching “${mq}”` : ""}
                </p>
              </form>
            </MembersPanel>
            <Pager info={members.paging} base={base} searchParams={sp} label="Members" />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
