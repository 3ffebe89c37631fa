import { createHash, randomBytes } from "node:crypto";

import { defineAction, type ActionContext } from "@/lib/action";
import { endUserSessions } from "@/lib/auth/sessions";
import { AppError, invalid } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";
import { hasScopedGrant } from "@/lib/scope";
import { ZChangeMemberRoleInput, ZInviteMemberInput, ZRemoveMemberInput } from "@/lib/settings/schemas";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

const INVITE_TTL_MS = 14 * 24 * 60 * 60_000;

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A scope must be an org unit of this org; only roles with a grant limited to it carry one. */
async function resolveScope(ctx: ActionContext, role: Role, scopeUnitId: string | null | undefined) {
  if (!hasScopedGrant(role)) return null;
  if (!scopeUnitId) throw invalid({ scopeUnitId: ["Managers need a scope: choose the org unit they manage."] });
  const unit = await ctx.tx.orgUnit.findFirst({ where: { id: scopeUnitId, orgId: ctx.org.id, closedOn: null }, select: { id: true } });
  if (!unit) throw invalid({ scopeUnitId: ["That org unit does not exist in this organization."] });
  return unit.id;
}

/** A membership of this org by id: one from another org is not found (404). */
async function membershipOrThrow(ctx: ActionContext, membershipId: string) {
  const membership = await ctx.tx.membership.findFirst({
    where: { id: membershipId, orgId: ctx.org.id },
    select: { id: true, role: true, userId: true, scopeUnitId: true },
  });
  if (!membership) throw new AppError("NOT_FOUND");
  return membership;
}

/** Roles that manage members (the permission table's admins). */
const ADMIN_ROLES = Object.values(Role).filter((r) => can(r, "members:manage"));
const isAdmin = (role: Role) => can(role, "members:manage");

/** The org must always keep an admin, or nobody could manage members again. */
async function assertAdminRemains(ctx: ActionContext, leavingMembershipId: string) {
  const admins = await ctx.tx.membership.count({
    where: { orgId: ctx.org.id, role: { in: ADMIN_ROLES }, id: { not: leavingMembershipId } },
  });
  if (admins === 0)
    throw new AppError("VALIDATION", "The organization must keep at least one admin.", {
      role: ["The organization must keep at least one admin."],
    });
}

// Who manages members, and the page that lists them (every member action alike).
const MEMBERS = { permission: "members:manage", revalidate: { path: "/{org}/settings" } } as const;

export const inviteMember = defineAction({
  name: "member.invite",
  ...MEMBERS,
  input: ZInviteMemberInput,
  async handler(ctx, input) {
    const scopeUnitId = await resolveScope(ctx, input.role, input.scopeUnitId);
    // Already a member of this org: the admin can see that in the member list anyway.
    const member = await ctx.tx.membership.findFirst({ where: { orgId: ctx.org.id, user: { email: input.email } }, select: { id: true } });
    if (member) throw invalid({ email: ["This person is already a member."] });
    // Always a single-use invitation that the invitee accepts, whether or not the email has an
    // account (an existing account joins only by accepting, signed in, lib/settings/join-invitation.ts),
    // and the same answer either way, so it never tells the admin whether an account exists.
    // Only the token's hash is stored; the link is shown once to the admin, who passes it on.
    const token = randomBytes(24).toString("base64url");
    const invitation = await ctx.tx.invitation.create({
      data: {
        orgId: ctx.org.id,
        email: input.email,
        role: input.role,
        scopeUnitId,
        tokenHash: hashInviteToken(token),
        invitedById: ctx.actor.userId,
        expiresAt: new Date(Date.now() + INVITE_TTL_MS),
      },
      select: { id: true },
    });
    await ctx.audit({ entityType: "Invitation", entityId: invitation.id, after: { email: input.email, role: input.role, scopeUnitId } });
    return { kind: "invited" as const, invitationId: invitation.id, invitePath: `/invite/${token}` };
  },
});

export const changeMemberRole = defineAction({
  name: "member.role.change",
  ...MEMBERS,
  input: ZChangeMemberRoleInput,
  async handler(ctx, input) {
    const { userId: _userId, ...before } = await membershipOrThrow(ctx, input.membershipId);
    const scopeUnitId = await resolveScope(ctx, input.role, input.scopeUnitId);
    if (isAdmin(before.role) && !isAdmin(input.role)) await assertAdminRemains(ctx, before.id);
    const after = await ctx.tx.membership.update({
      where: { id: before.id },
      data: { role: input.role, scopeUnitId },
      select: { id: true, role: true, scopeUnitId: true },
    });
    await ctx.audit({ entityType: "Membership", entityId: after.id, before, after });
    return { membershipId: after.id, role: after.role };
  },
});

export const removeMember = defineAction({
  name: "member.remove",
  ...MEMBERS,
  input: ZRemoveMemberInput,
  async handler(ctx, input) {
    const before = await membershipOrThrow(ctx, input.membershipId);
    if (isAdmin(before.role)) await assertAdminRemains(ctx, before.id);
    await ctx.tx.membership.delete({ where: { id: before.id } });
    await ctx.audit({ entityType: "Membership", entityId: before.id, before });
    await emitWebhookEvent(ctx.tx, ctx.org.id, "member.removed", {
      membership: { id: before.id, userId: before.userId, role: before.role },
    });
    return { membershipId: before.id };
  },
});

/**
 * "Sign out everywhere" for a member: every session of their account ends at once (each
 * request checks its session record, lib/auth/sessions.ts). For a stolen laptop or a departing
 * member; their membership is untouched.
 */
export const signOutMemberEverywhere = defineAction({
  name: "member.sessions.end",
  ...MEMBERS,
  input: ZRemoveMemberInput,
  async handler(ctx, input) {
    const membership = await membershipOrThrow(ctx, input.membershipId);
    const ended = await endUserSessions(ctx.tx, membership.userId);
    await ctx.audit({ entityType: "Membership", entityId: membership.id, after: { sessionsEnded: ended } });
    return { membershipId: membership.id, ended };
  },
});
