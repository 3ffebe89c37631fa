import { cookies } from "next/headers";
import { z } from "zod";

import { defineUserAction } from "@/lib/action";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { MAX_PASSWORD_LENGTH, passwordProblems, ZNewPassword } from "@/lib/auth/password-rules";
import { sessionConfig, sessionCookie } from "@/lib/auth/session-policy";
import { encodeSession } from "@/lib/auth/session-cookie";
import { endUserSessions, startSession } from "@/lib/auth/sessions";
import { MAX_FAILURES, recordSuccess, reserveAttempt } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { AppError, invalid } from "@/lib/errors";

const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(1024, "Enter your current password."),
    newPassword: ZNewPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });

// The signed-in user changes their own password. The current password is required (a session
// left open on someone's desk must not be enough to take the account over) and a wrong one
// counts against a throttle of its own (lib/auth/throttle.ts), so this form cannot be used to
// guess it faster.
// passwordChangedAt ends every other session (lib/auth.ts); the calling session is re-issued
// after the commit (afterCommit), when the change comes from a browser.
export const changePassword = defineUserAction({
  name: "account.password.change",
  input: ZChangePasswordInput,
  async handler(ctx, input) {
    const user = await ctx.tx.user.findUniqueOrThrow({
      where: { id: ctx.user.id },
      select: { id: true, email: true, passwordHash: true },
    });
    // Its own counter (not the sign-in one, which anyone can fill from outside), checked and
    // counted in one statement outside the transaction: a refusal rolls back, the count stays.
    const key = { key: `password-change:${user.id}`, max: MAX_FAILURES };
    if (!(await reserveAttempt(db, key))) throw new AppError("RATE_LIMITED");
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw invalid({ currentPassword: ["Your current password is not correct."] });
    }
    await recordSuccess(db, [key]);
    const problems = passwordProblems(input.newPassword, user.email);
    if (input.newPassword.length <= MAX_PASSWORD_LENGTH && (await verifyPassword(input.newPassword, user.passwordHash))) {
      problems.push("Choose a password different from your current one.");
    }
    if (problems.length) throw invalid({ newPassword: problems });

    const changedAt = new Date();
    await ctx.tx.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: changedAt },
    });
    // Every session of the user ends now, on every device; the browser that made the change
    // gets a new one (its cookie is issued after the commit, below).
    await endUserSessions(ctx.tx, user.id);
    const sid = await startSession(ctx.tx, user.id);
    // Never the hash, old or new: the audit trail records that and when, nothing more.
    await ctx.audit({ entityType: "User", entityId: user.id, after: { passwordChangedAt: changedAt.toISOString() } });
    return { userId: user.id, sid, changedAt: changedAt.toISOString() };
  },
  // The change ended every session that signed in before it, this one included: issue this
  // browser a fresh session (signed in now, after the change) so only the others are gone.
  async afterCommit({ userId, sid, changedAt }) {
    const now = Date.now();
    const cookie = sessionCookie();
    (await cookies()).set(cookie.name, await encodeSession({ sub: userId, sid, authAt: now, lastSeen: now }), {
      ...cookie.options,
      maxAge: Math.ceil(sessionConfig().maxAgeMs / 1000),
    });
    return { changedAt };
  },
});
