import { z } from "zod";

import { defineUserAction } from "@/lib/action";
import { describeAgent } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";

const ZEndMySessionInput = z.object({
  sessionId: z.string().trim().min(1, "Choose a session to sign out.").max(64, "Choose a session to sign out."),
});

// The signed-in user ends one of their own sessions (a phone left behind, a shared computer).
// The record is matched by id and owner together, so another user's session id finds nothing.
export const endMySession = defineUserAction({
  name: "account.session.end",
  input: ZEndMySessionInput,
  async handler(ctx, input) {
    const session = await ctx.tx.userSession.findFirst({
      where: { id: input.sessionId, userId: ctx.user.id, endedAt: null },
      select: { id: true, userAgent: true },
    });
    if (!session) throw new AppError("NOT_FOUND", "That session has already ended.");
    await ctx.tx.userSession.update({ where: { id: session.id }, data: { endedAt: new Date() } });
    const device = describeAgent(session.userAgent);
    await ctx.audit({ entityType: "User", entityId: ctx.user.id, after: { sessionEnded: device } });
    return { device };
  },
});
