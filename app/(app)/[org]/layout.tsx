import type * as React from "react";
import { Suspense } from "react";

import { AppShell } from "@/components/shell/app-shell";
import { NotificationBell } from "@/components/shell/notification-bell";
import { listMyOrgs, type Member, requireMember } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/permissions";
import { getBell } from "@/lib/projects/bell";

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
  const memberships = await listMyOrgs(member.user.id);
  const reviewHref = `/${member.org.slug}/projects/review`;

  return (
    <AppShell
      org={{ slug: member.org.slug, name: member.org.name, roleLabel: ROLE_LABELS[member.role] }}
      orgs={memberships.map((m) => ({ slug: m.org.slug, name: m.org.name, roleLabel: ROLE_LABELS[m.role] }))}
      user={{ name: member.user.name, email: member.user.email }}
      topBarActions={
        member.role === "MANAGER" || member.role === "DIRECTOR" ? (
          // Streamed: the page does not wait for the bell's query.
          <Suspense fallback={<NotificationBell items={[]} total={0} reviewHref={reviewHref} />}>
            <Bell member={member} reviewHref={reviewHref} />
          </Suspense>
        ) : null
      }
    >
      {children}
    </AppShell>
  );
}

async function Bell({ member, reviewHref }: { member: Member; reviewHref: string }) {
  const bell = await getBell(member);
  return <NotificationBell items={bell.items} total={bell.total} reviewHref={reviewHref} />;
}
