import type { Metadata } from "next";
import Link from "next/link";

import { ChangePasswordForm } from "@/components/account/change-password-form";
import { NotificationSettingsForm } from "@/components/account/notification-settings-form";
import { ApiTokensPanel } from "@/components/settings/api-tokens-panel";
import { MySessions } from "@/components/account/my-sessions";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listMySessions } from "@/lib/account/my-sessions";
import { listMyApiTokens } from "@/lib/api/token-queries";
import { requireMember } from "@/lib/auth";
import { sessionConfig } from "@/lib/auth/session-policy";
import { getNotificationSettings } from "@/lib/notifications/queries";
import { ROLE_LABELS } from "@/lib/permissions";

export const metadata: Metadata = { title: "Your account" };

// The signed-in user's own account. It lives under /[org] for the app shell; the password it
// changes is the user's, across every org they belong to.
export default async function AccountPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const { maxAgeMs, idleMs } = sessionConfig();
  const [sessions, tokens, notifications] = await Promise.all([
    listMySessions(member.user.id),
    listMyApiTokens(member.org.id, member.user.id),
    getNotificationSettings(member.user.id),
  ]);
  return (
    <>
      <PageHeader title="Your account" description="Your sign-in details. They apply to every organization you belong to." />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader>
            <CardTitle>Change password</CardTitle>
            <CardDescription>After the change, every other browser signed in to your account is signed out.</CardDescription>
          </CardHeader>
          <CardContent>
            <ChangePasswordForm />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Profile</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="space-y-3 text-sm">
              {[
                ["Name", member.user.name],
                ["Email", member.user.email],
                [`Role in ${member.org.name}`, ROLE_LABELS[member.role]],
                [
                  "Sessions",
                  `End after ${Math.round(idleMs / 60_000)} minutes without use, and ${Math.round(maxAgeMs / 3_600_000)} hours after sign-in.`,
                ],
              ].map(([label, value]) => (
                <div key={label}>
                  <dt className="text-muted-foreground">{label}</dt>
                  <dd className="font-medium break-words">{value}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Notifications</CardTitle>
            <CardDescription>
              What Keel tells you, and where. Every email and Slack message also has a link that turns its kind off. The weekly digest
              arrives on Monday morning, at most one a day.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <NotificationSettingsForm settings={notifications} />
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Where you are signed in</CardTitle>
            <CardDescription>Sign out a browser you no longer use; it needs your password to come back.</CardDescription>
          </CardHeader>
          <CardContent>
            <MySessions sessions={sessions} nowIso={new Date().toISOString()} />
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Personal API tokens</CardTitle>
            <CardDescription>
              A personal token acts as you in {member.org.name}, with your role; its scopes limit it further. See the{" "}
              <Link className="underline" href={`/${member.org.slug}/api-reference`}>
                API reference
              </Link>
              .
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ApiTokensPanel org={member.org.slug} kind="PERSONAL" tokens={tokens} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
