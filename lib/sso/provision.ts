import { auditRow } from "@/lib/action/audit-row";
import type { Db } from "@/lib/db-factory";
import type { Role } from "@/lib/generated/prisma/enums";
import { emailDomain, type SsoConfig } from "@/lib/sso/config";
import { SsoError } from "@/lib/sso/oidc";

// Just-in-time membership for a user the org's provider vouched for (docs/sso.md):
// - the email's domain must be one of the org's SSO domains;
// - a new user gets an account (no usable password) and a membership with the role of the first
//   mapped group they have, else the default role (VIEWER unless the admin chose another);
// - an existing member keeps the role set in Keel: roles from groups apply when the membership is
//   created, so a change an admin makes in Keel is not undone at the next sign-in;
// - an existing account with no membership here but memberships elsewhere is refused: another
//   org's provider must not be able to attach a user it does not own (ask for an invitation).

export type VerifiedIdentity = { email: string; name: string; claims: Record<string, unknown> };

/** A stored password no password can match: the account signs in by SSO only. */
export const NO_PASSWORD = "sso-only";

export function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === "string");
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/** The first mapping (in the admin's order) whose group the user has, else the default role. */
export function mappedRole(config: Pick<SsoConfig, "groupRoles" | "defaultRole">, groups: string[]): { role: Role; unitCode?: string } {
  const hit = config.groupRoles.find((m) => groups.includes(m.group));
  return hit ? { role: hit.role, unitCode: hit.unitCode } : { role: config.defaultRole };
}

export async function provisionSsoUser(
  db: Db,
  config: SsoConfig,
  identity: VerifiedIdentity,
): Promise<{ userId: string; joined: boolean; note?: string }> {
  const domain = emailDomain(identity.email);
  const allowed = await db.ssoDomain.findFirst({ where: { domain, orgId: config.orgId }, select: { domain: true } });
  if (!allowed) throw new SsoError("domain", `${domain} is not one of the organization's SSO email domains.`);

  const claim = identity.claims[config.groupsClaim];
  const notes: string[] = [];
  if (claim === undefined && config.groupRoles.length > 0)
    notes.push(`The id token for ${identity.email} had no “${config.groupsClaim}” claim: the default role applies.`);
  const { role, unitCode } = mappedRole(config, groupsOf(claim));

  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email: identity.email },
      select: { id: true, memberships: { select: { orgId: true } } },
    });
    if (user?.memberships.some((m) => m.orgId === config.orgId)) return { userId: user.id, joined: false };
    if (user && user.memberships.length > 0)
      throw new SsoError("account", `${identity.email} already has a Keel account in another organization: invite it to join.`);

    let scopeUnitId: string | null = null;
    if (unitCode) {
      const unit = await tx.orgUnit.findFirst({ where: { orgId: config.orgId, code: unitCode, closedOn: null }, select: { id: true } });
      if (unit) scopeUnitId = unit.id;
      else notes.push(`No open org unit has the code ${unitCode}: ${identity.email} joined without a scope unit.`);
    }
    const userId =
      user?.id ?? (await tx.user.create({ data: { email: identity.email, name: identity.name, passwordHash: NO_PASSWORD } })).id;
    const membership = await tx.membership.create({
      data: { orgId: config.orgId, userId, role, scopeUnitId },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: auditRow(config.orgId, userId, "sso.join", {
        action: "sso.join",
        entityType: "Membership",
        entityId: membership.id,
        after: { email: identity.email, role, scopeUnitId },
      }),
    });
    return { userId, joined: true, note: notes.join(" ") || undefined };
  });
}
