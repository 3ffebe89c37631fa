import type * as React from "react";

import { AppShell } from "@/components/shell/app-shell";
import { listMyOrgs, requireMember } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/permissions";

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

  return (
    <AppShell
      org={{ slug: member.org.slug, name: member.org.name, roleLabel: ROLE_LABELS[member.role] }}
      orgs={memberships.map((m) => ({ slug: m.org.slug, name: m.org.name, roleLabel: ROLE_LABELS[m.role] }))}
      user={{ name: member.user.name, email: member.user.email }}
    >
      {children}
    </AppShell>
  );
}
