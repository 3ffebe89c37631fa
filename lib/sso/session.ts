import { encodeSession } from "@/lib/auth/session-cookie";
import { sessionConfig, sessionCookie } from "@/lib/auth/session-policy";
import { startSession } from "@/lib/auth/sessions";
import { rememberOrg } from "@/lib/auth/landing";
import type { Db } from "@/lib/db-factory";

/**
 * Keel's session cookie for a user the org's provider signed in: the same record, token and
 * cookie as a password sign-in (next-auth's jwt callback makes the same claims), with the session
 * record bound to the org (lib/auth/sessions.ts).
 */
export async function ssoSessionCookie(db: Db, userId: string, orgId: string, userAgent: string) {
  const sid = await startSession(db, userId, userAgent, orgId);
  await rememberOrg(db, userId, orgId);
  const now = Date.now();
  const cookie = sessionCookie();
  return {
    name: cookie.name,
    value: await encodeSession({ sub: userId, sid, authAt: now, lastSeen: now }),
    options: { ...cookie.options, maxAge: Math.ceil(sessionConfig().maxAgeMs / 1000) },
  };
}
