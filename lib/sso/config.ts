import type { Db, Tx } from "@/lib/db-factory";
import type { Role } from "@/lib/generated/prisma/enums";
import { openSecret as openSealed } from "@/lib/security/secret-box";
import { SsoError } from "@/lib/sso/oidc";
import type { GroupRole } from "@/lib/sso/schemas";

// An org's SSO configuration as the sign-in flow reads it (the secret opened only here).

export type SsoConfig = {
  orgId: string;
  orgSlug: string;
  orgName: string;
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  groupsClaim: string;
  groupRoles: GroupRole[];
  defaultRole: Role;
  enabled: boolean;
};

export async function ssoConfigOf(db: Db | Tx, orgId: string): Promise<SsoConfig | null> {
  const row = await db.orgSso.findUnique({ where: { orgId }, include: { org: { select: { slug: true, name: true } } } });
  if (!row) return null;
  return {
    orgId,
    orgSlug: row.org.slug,
    orgName: row.org.name,
    displayName: row.displayName,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecret: openSecret(row.clientSecretSealed),
    scopes: row.scopes,
    groupsClaim: row.groupsClaim,
    groupRoles: Array.isArray(row.groupRoles) ? (row.groupRoles as GroupRole[]) : [],
    defaultRole: row.defaultRole,
    enabled: row.enabled,
  };
}

/** The stored secret, or a refusal the admin can act on when it no longer opens (a new key). */
function openSecret(sealed: string): string {
  try {
    return openSealed(sealed);
  } catch {
    throw new SsoError("client", "The stored client secret cannot be decrypted (was KEEL_ENCRYPTION_KEY changed?): enter it again.");
  }
}

export const emailDomain = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/** The enabled SSO an email's domain signs in with, for the login page: org and provider name. */
export async function ssoForEmail(db: Db, email: string): Promise<{ orgId: string; displayName: string } | null> {
  const normalized = email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(normalized)) return null;
  const row = await db.ssoDomain.findUnique({
    where: { domain: emailDomain(normalized) },
    select: { org: { select: { id: true, sso: { select: { displayName: true, enabled: true } } } } },
  });
  const sso = row?.org.sso;
  return row && sso?.enabled ? { orgId: row.org.id, displayName: sso.displayName } : null;
}

/** Problems the admin should see on the settings page (a failed sign-in, a missing claim). */
export async function recordSsoProblem(db: Db, orgId: string, problem: string): Promise<void> {
  // Raw SQL: Prisma would move updatedAt, which the settings form's concurrency check compares.
  await db.$executeRaw`UPDATE "OrgSso" SET "lastProblem" = ${problem.slice(0, 500)}, "lastProblemAt" = now() WHERE "orgId" = ${orgId}`;
}
