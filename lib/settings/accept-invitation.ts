import { z } from "zod";

import { definePublicAction } from "@/lib/action";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblems, ZNewPassword } from "@/lib/auth/password-rules";
import { AppError, invalid } from "@/lib/errors";
import { hashInviteToken } from "@/lib/settings/members";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

const ZAcceptInvitationInput = z
  .object({
    token: z.string().min(10, "This invitation link is incomplete."),
    name: z.string().trim().min(2, "Enter your name.").max(120, "Name must be at most 120 characters."),
    password: ZNewPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });

// Authority comes from the single-use token: whoever holds it may create the account for the
// invited email, once. The invitation row is claimed with a conditional update so two
// concurrent submissions cannot both succeed.
export const acceptInvitation = definePublicAction({
  name: "invitation.accept",
  input: ZAcceptInvitationInput,
  async handler(ctx, input) {
    const tokenHash = hashInviteToken(input.token);
    const invitation = await ctx.tx.invitation.findFirst({
      where: { tokenHash, acceptedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, orgId: true, email: true, role: true, scopeUnitId: true, org: { select: { slug: true } } },
    });
    if (!invitation) throw new AppError("NOT_FOUND", "This invitation has expired or was already used.");
    // The email is known only once the token is resolved: the not-your-email rule is checked here.
    const problems = passwordProblems(input.password, invitation.email);
    if (problems.length) throw invalid({ password: problems });
    const claimed = await ctx.tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) throw new AppError("CONFLICT", "This invitation was just used.");
    if (await ctx.tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw invalid({ _form: ["An account with this email already exists: sign in with it to accept this invitation."] });
    }
    const user = await ctx.tx.user.create({
      data: { email: invitation.email, name: input.name, passwordHash: await hashPassword(input.password), lastOrgId: invitation.orgId },
      select: { id: true },
    });
    const membership = await ctx.tx.membership.create({
      data: { orgId: invitation.orgId, userId: user.id, role: invitation.role, scopeUnitId: invitation.scopeUnitId },
      select: { id: true },
    });
    await ctx.audit({
      orgId: invitation.orgId,
      actorId: user.id,
      entityType: "Membership",
      entityId: membership.id,
      after: { email: invitation.email, role: invitation.role, invitationId: invitation.id },
    });
    await emitWebhookEvent(ctx.tx, invitation.orgId, "member.added", {
      membership: { id: membership.id, userId: user.id, role: invitation.role, email: invitation.email, name: input.name },
    });
    return { orgSlug: invitation.org.slug, email: invitation.email };
  },
});
