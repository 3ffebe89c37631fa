import { decode, encode, type JWT } from "next-auth/jwt";

import { LAST_SEEN_REFRESH_MS, sessionConfig, sessionCookie, sessionVerdict } from "@/lib/auth/session-policy";

// Reading and writing the session cookie outside next-auth's own routes: proxy.ts moves
// lastSeen forward (the idle timeout counts from the last real request, not from the last time
// the client happened to poll), and the change-password action re-issues the caller's own
// session so that only the *other* sessions end. Same secret, name and options as lib/auth.ts.

function secret(): string {
  const value = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set");
  return value;
}

export type SessionToken = JWT & { sub: string; authAt: number; lastSeen: number };

export async function encodeSession(token: SessionToken): Promise<string> {
  return encode({ token, secret: secret(), maxAge: Math.ceil(sessionConfig().maxAgeMs / 1000) });
}

export async function decodeSession(value: string | undefined): Promise<SessionToken | null> {
  if (!value) return null;
  try {
    const token = await decode({ token: value, secret: secret() });
    return token && typeof token.sub === "string" ? (token as SessionToken) : null;
  } catch {
    return null;
  }
}

/**
 * The cookie to send back so this session's lastSeen becomes `now`, or null when there is
 * nothing to refresh (no session, a dead session, or refreshed less than a minute ago).
 */
export async function refreshedSessionCookie(value: string | undefined, now = Date.now()) {
  const token = await decodeSession(value);
  if (!token || sessionVerdict(token, now, sessionConfig()) !== "ok") return null;
  if (now - token.lastSeen < LAST_SEEN_REFRESH_MS) return null;
  const cookie = sessionCookie();
  return {
    name: cookie.name,
    value: await encodeSession({ sub: token.sub, authAt: token.authAt, lastSeen: now }),
    options: { ...cookie.options, maxAge: Math.ceil(sessionConfig().maxAgeMs / 1000) },
  };
}
