import type * as React from "react";

import { AppShell } from "@/components/shell/app-shell";
import { NotificationBell } from "@/components/shell/notification-bell";
import { listMyOrgs, requireMember } from "@/lib/auth";
import { can, ROLE_LABELS } from "@/lib/permissions";

export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  // Pages check access again themselves; this only keeps non-members from seeing the shell.
  const member = await requireMember(slug);
  const reachable = await listMyOrgs();
  const reviewHref = `/${member.org.slug}/projects/review`;

  return (
    <AppShell
      org={{ slug: member.org.slug, name: member.org.name, roleLabel: ROLE_LABELS[member.role] }}
      orgs={reachable.map((o) => ({ slug: o.slug, name: o.name, roleLabel: ROLE_LABELS[o.role] }))}
      user={{ name: member.user.name, email: member.user.email }}
      topBarActions={
        can(member.role, "updates:acknowledge") ? (
          // Loaded by the browser after the page (app/(app)/[org]/notifications/route.ts): no page
          // waits for, or streams, the bell's statement. A new id per render makes the bell ask
          // again when an action revalidates the layout.
          <NotificationBell source={`/${member.org.slug}/notifications`} renderId={crypto.randomUUID()} reviewHref={reviewHref} />
        ) : null
      }
    >
      {children}
    </AppShell>
  );
}
