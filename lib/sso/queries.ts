import "server-only";

import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { formatGroupRoles, type GroupRole } from "@/lib/sso/schemas";

export type SsoSettingsDto = {
  displayName: string;
  issuer: string;
  clientId: string;
  scopes: string;
  emailDomains: string;
  groupsClaim: string;
  groupRoles: string;
  defaultRole: Role;
  enabled: boolean;
  requireSso: boolean;
  breakGlassUserId: string;
  updatedAt: string;
  lastTest: { at: string; ok: boolean; message: string } | null;
  lastProblem: { at: string; message: string } | null;
};

/** The org's SSO settings for its admins' form (never the secret), or null before the first save. */
export async function getSsoSettings(orgId: string): Promise<SsoSettingsDto | null> {
  const row = await db.orgSso.findUnique({ where: { orgId } });
  if (!row) return null;
  const domains = await db.ssoDomain.findMany({ where: { orgId }, select: { domain: true }, orderBy: { domain: "asc" } });
  return {
    displayName: row.displayName,
    issuer: row.issuer,
    clientId: row.clientId,
    scopes: row.scopes,
    emailDomains: domains.map((d) => d.domain).join(", "),
    groupsClaim: row.groupsClaim,
    groupRoles: formatGroupRoles(Array.isArray(row.groupRoles) ? (row.groupRoles as GroupRole[]) : []),
    defaultRole: row.defaultRole,
    enabled: row.enabled,
    requireSso: row.requireSso,
    breakGlassUserId: row.breakGlassUserId ?? "",
    updatedAt: row.updatedAt.toISOString(),
    lastTest: row.lastTestAt ? { at: row.lastTestAt.toISOString(), ok: Boolean(row.lastTestOk), message: row.lastTestMessage ?? "" } : null,
    lastProblem: row.lastProblemAt ? { at: row.lastProblemAt.toISOString(), message: row.lastProblem ?? "" } : null,
  };
}

/** The org's admins, for the break-glass choice. */
export async function listOrgAdmins(orgId: string): Promise<{ userId: string; label: string }[]> {
  const rows = await db.membership.findMany({
    where: { orgId, role: "ADMIN" },
    select: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { email: "asc" } },
  });
  return rows.map((r) => ({ userId: r.user.id, label: `${r.user.name} (${r.user.email})` }));
}
