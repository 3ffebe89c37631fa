import type * as React from "react";

import { AppShell } from "@/components/shell/app-shell";
import { BELL_ITEMS } from "@/components/shell/bell-items";
import { NotificationBell } from "@/components/shell/notification-bell";
import { listMyOrgs, requireMember } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/permissions";
import { getNotifications } from "@/lib/projects/review";

export default async function OrgLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ org: string }>;
}) {
  const { org: slug } = await params;
  // Pages check access again themselves; this only keeps non-members from seeing the shell.
  const member = await requireMember(slug);
  const [memberships, notifications] = await Promise.all([listMyOrgs(member.user.id), getNotifications(member)]);

  return (
    <AppShell
      org={{ slug: member.org.slug, name: member.org.name, roleLabel: ROLE_LABELS[member.role] }}
      orgs={memberships.map((m) => ({ slug: m.org.slug, name: m.org.name, roleLabel: ROLE_LABELS[m.role] }))}
      user={{ name: member.user.name, email: member.user.email }}
      topBarActions={
        member.role === "MANAGER" || member.role === "DIRECTOR" ? (
          <NotificationBell items={notifications.slice(0, BELL_ITEMS)} total={notifications.length} reviewHref={`/${member.org.slug}/projects/review`} />
        ) : null
      }
    >
      {children}
    </AppShell>
  );
}
