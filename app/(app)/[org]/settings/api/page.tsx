import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ApiTokensPanel } from "@/components/settings/api-tokens-panel";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listOrgApiTokens } from "@/lib/api/token-queries";
import { requireMember } from "@/lib/auth";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "API tokens" };

// The org's API tokens: admins only (apitokens:manage); for anyone else the page does not exist.
export default async function ApiTokensPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  if (!can(member.role, "apitokens:manage")) notFound();
  const tokens = await listOrgApiTokens(member.org.id);
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens for integrations that read this organization through the REST API. Each acts as the organization, read only, within its scopes."
      />
      <Card>
        <CardHeader>
          <CardTitle>Organization tokens</CardTitle>
          <CardDescription>
            Send a token as <code>Authorization: Bearer keel_…</code>. Operations: the{" "}
            <Link className="underline" href={`/${member.org.slug}/api-reference`}>
              API reference
            </Link>
            . To change data through the API, people use personal tokens from their account page.
          </CardDescription>
          <CardDescription>
            For user provisioning by your identity provider (Okta, Entra ID), create a token with the <code>scim</code> scope and give the
            provider the SCIM base URL <code>/api/scim/v2</code> of this server.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ApiTokensPanel org={member.org.slug} kind="ORG" tokens={tokens} />
        </CardContent>
      </Card>
    </>
  );
}
