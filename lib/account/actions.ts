"use server";

import { cookies } from "next/headers";

import { changePassword } from "@/lib/account/change-password";
import { endMySession } from "@/lib/account/end-session";
import { encodeSession } from "@/lib/auth/session-cookie";
import { sessionConfig, sessionCookie } from "@/lib/auth/session-policy";

// Thin server-action entry points: all checks live in the pipeline (lib/action.ts).

export async function changePasswordAction(input: unknown) {
  const result = await changePassword(input);
  if (!result.ok) return result;
  // The change ended every session that signed in before it, this one included: issue this
  // browser a fresh session (signed in now, after the change) so only the others are gone.
  const now = Date.now();
  const cookie = sessionCookie();
  (await cookies()).set(cookie.name, await encodeSession({ sub: result.data.userId, sid: result.data.sid, authAt: now, lastSeen: now }), {
    ...cookie.options,
    maxAge: Math.ceil(sessionConfig().maxAgeMs / 1000),
  });
  return { ok: true as const, data: { changedAt: result.data.changedAt } };
}

export async function endMySessionAction(input: unknown) {
  return endMySession(input);
}
