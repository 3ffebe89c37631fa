import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";

import { SsoForm } from "@/components/settings/sso-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requireMember } from "@/lib/auth";
import { readEnv } from "@/lib/env";
import { can } from "@/lib/permissions";
import { ssoRedirectUri } from "@/lib/sso/flow";
import { getSsoSettings, listOrgAdmins } from "@/lib/sso/queries";

export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  // Who may join the org is the admins' to decide; everyone else gets the 404 of a missing page.
  if (!can(member.role, "members:manage")) notFound();
  const [settings, admins] = await Promise.all([getSsoSettings(member.org.id), listOrgAdmins(member.org.id)]);
  const h = await headers();
  const origin = readEnv().NEXTAUTH_URL ?? `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
  return (
    <>
      <PageHeader
        title="Single sign-on"
        description="Let members sign in with your company's identity provider (OpenID Connect): who may join, with which role, and whether passwords still work."
      />
      <Card>
        <CardContent className="pt-6">
          <SsoForm org={member.org.slug} settings={settings} admins={admins} redirectUri={ssoRedirectUri(origin)} />
        </CardContent>
      </Card>
    </>
  );
}
