import { z } from "zod";

import { defineUserAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { hashInviteToken } from "@/lib/settings/members";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

const ZJoinInvitationInput = z.object({ token: z.string().min(10, "This invitation link is incomplete.").max(200) });

const GONE = "This invitation has expired, was already used, or is for another account.";

// An existing account joins an org only by accepting its invitation, signed in as the invited
// email: membership is by consent, never added by another org's admin. The invitation is claimed
// with a conditional update (single use), and the org joined becomes the one sign-in lands in.
export const joinInvitation = defineUserAction({
  name: "invitation.join",
  revalidate: { path: "/", type: "layout" },
  input: ZJoinInvitationInput,
  async handler(ctx, input) {
    const user = await ctx.tx.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { id: true, email: true } });
    const invitation = await ctx.tx.invitation.findFirst({
      where: { tokenHash: hashInviteToken(input.token), acceptedAt: null, expiresAt: { gt: new Date() }, email: user.email },
      select: { id: true, orgId: true, role: true, scopeUnitId: true, org: { select: { slug: true } } },
    });
    // The same answer for an unknown token and another account's invitation.
    if (!invitation) throw new AppError("NOT_FOUND", GONE);
    const claimed = await ctx.tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) throw new AppError("CONFLICT", "This invitation was just used.");
    if (
      await ctx.tx.membership.findUnique({ where: { orgId_userId: { orgId: invitation.orgId, userId: user.id } }, select: { id: true } })
    ) {
      throw new AppError("CONFLICT", "You are already a member of this organization.");
    }
    const membership = await ctx.tx.membership.create({
      data: { orgId: invitation.orgId, userId: user.id, role: invitation.role, scopeUnitId: invitation.scopeUnitId },
      select: { id: true },
    });
    await ctx.tx.user.update({ where: { id: user.id }, data: { lastOrgId: invitation.orgId } });
    await ctx.audit({
      orgId: invitation.orgId,
      entityType: "Membership",
      entityId: membership.id,
      after: { email: user.email, role: invitation.role, invitationId: invitation.id },
    });
    await emitWebhookEvent(ctx.tx, invitation.orgId, "member.added", {
      membership: { id: membership.id, userId: user.id, role: invitation.role, email: user.email },
    });
    return { orgSlug: invitation.org.slug };
  },
});
