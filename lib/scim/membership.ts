import { endUserSessions } from "@/lib/auth/sessions";
import type { Tx } from "@/lib/db";
import { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";
import { scimRefusal } from "@/lib/scim/errors";
import type { ScimAuthority } from "@/lib/scim/principal";
import type { GroupRole } from "@/lib/sso/schemas";
import { mappedRole } from "@/lib/sso/provision";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

// What a SCIM user's state means for the Keel membership (docs/scim.md):
// - active → a membership whose role comes from the user's SCIM groups through the org's SSO
//   group → role mapping (first match in the admin's order), else the default role (VIEWER);
// - inactive or deleted → no membership, and the user's sessions that reach this org end at once:
//   those opened through this org's SSO, and every session when this org was the user's only
//   one. Sessions of a user who belongs to other orgs stay open for those orgs; the request
//   check reads the membership, so they no longer reach this org.

const ADMIN_ROLES = Object.values(Role).filter((r) => can(r, "members:manage"));

async function mappingOf(tx: Tx, orgId: string): Promise<{ groupRoles: GroupRole[]; defaultRole: Role }> {
  const sso = await tx.orgSso.findUnique({ where: { orgId }, select: { groupRoles: true, defaultRole: true } });
  return { groupRoles: Array.isArray(sso?.groupRoles) ? (sso.groupRoles as GroupRole[]) : [], defaultRole: sso?.defaultRole ?? "VIEWER" };
}

/** The role (and scope unit) a SCIM user's groups give them in the org. */
async function roleFor(tx: Tx, orgId: string, scimUserId: string): Promise<{ role: Role; scopeUnitId: string | null }> {
  const [mapping, groups] = await Promise.all([
    mappingOf(tx, orgId),
    tx.scimGroupMember.findMany({ where: { orgId, scimUserId }, select: { group: { select: { displayName: true } } } }),
  ]);
  const { role, unitCode } = mappedRole(
    mapping,
    groups.map((g) => g.group.displayName),
  );
  if (!unitCode) return { role, scopeUnitId: null };
  const unit = await tx.orgUnit.findFirst({ where: { orgId, code: unitCode, closedOn: null }, select: { id: true } });
  return { role, scopeUnitId: unit?.id ?? null };
}

async function assertAdminRemains(tx: Tx, orgId: string, membershipId: string, field: string) {
  const others = await tx.membership.count({ where: { orgId, role: { in: ADMIN_ROLES }, id: { not: membershipId } } });
  if (others === 0)
    throw scimRefusal(400, "mutability", field, "The organization must keep at least one admin: this change would remove the last one.");
}

/** Gives an active SCIM user their membership (when missing) with the role of their groups. */
export async function activateMember(tx: Tx, auth: ScimAuthority, scimUser: { id: string; userId: string }): Promise<void> {
  const existing = await tx.membership.findUnique({
    where: { orgId_userId: { orgId: auth.orgId, userId: scimUser.userId } },
    select: { id: true },
  });
  if (existing) return;
  const { role, scopeUnitId } = await roleFor(tx, auth.orgId, scimUser.id);
  const membership = await tx.membership.create({
    data: { orgId: auth.orgId, userId: scimUser.userId, role, scopeUnitId },
    select: { id: true, user: { select: { email: true } } },
  });
  await auth.audit({
    action: "scim.member.add",
    entityType: "Membership",
    entityId: membership.id,
    after: { userId: scimUser.userId, role, scopeUnitId },
  });
  await emitWebhookEvent(tx, auth.orgId, "member.added", {
    membership: { id: membership.id, userId: scimUser.userId, role, email: membership.user.email },
  });
}

/** Ends the user's membership here and the sessions that reach this org; other orgs untouched. */
export async function deactivateMember(tx: Tx, auth: ScimAuthority, userId: string): Promise<void> {
  const membership = await tx.membership.findUnique({
    where: { orgId_userId: { orgId: auth.orgId, userId } },
    select: { id: true, role: true, scopeUnitId: true },
  });
  if (!membership) return;
  if (ADMIN_ROLES.includes(membership.role)) await assertAdminRemains(tx, auth.orgId, membership.id, "active");
  await tx.membership.delete({ where: { id: membership.id } });
  const elsewhere = await tx.membership.count({ where: { userId } });
  const { count: ssoEnded } = await tx.userSession.updateMany({
    where: { userId, ssoOrgId: auth.orgId, endedAt: null },
    data: { endedAt: new Date() },
  });
  const ended = ssoEnded + (elsewhere === 0 ? await endUserSessions(tx, userId) : 0);
  await auth.audit({
    action: "member.remove",
    entityType: "Membership",
    entityId: membership.id,
    before: { ...membership, userId },
    after: { sessionsEnded: ended },
  });
  await emitWebhookEvent(tx, auth.orgId, "member.removed", { membership: { id: membership.id, userId, role: membership.role } });
}

/** Re-derives the role of these SCIM users from their groups (after a group changed). */
export async function syncRoles(tx: Tx, auth: ScimAuthority, scimUserIds: string[]): Promise<void> {
  if (scimUserIds.length === 0) return;
  const users = await tx.scimUser.findMany({
    where: { orgId: auth.orgId, id: { in: scimUserIds }, active: true },
    select: { id: true, userId: true },
    orderBy: { id: "asc" },
  });
  for (const u of users) {
    const membership = await tx.membership.findUnique({
      where: { orgId_userId: { orgId: auth.orgId, userId: u.userId } },
      select: { id: true, role: true, scopeUnitId: true },
    });
    if (!membership) continue;
    const next = await roleFor(tx, auth.orgId, u.id);
    if (next.role === membership.role && next.scopeUnitId === membership.scopeUnitId) continue;
    if (ADMIN_ROLES.includes(membership.role) && !ADMIN_ROLES.includes(next.role))
      await assertAdminRemains(tx, auth.orgId, membership.id, "members");
    await tx.membership.update({ where: { id: membership.id }, data: next });
    await auth.audit({
      action: "member.role.change",
      entityType: "Membership",
      entityId: membership.id,
      before: membership,
      after: { id: membership.id, ...next },
    });
  }
}
