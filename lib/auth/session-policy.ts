// Session lifetime rules, kept free of Next and next-auth so they can be tested directly.
//
// The session is a JWT in an httpOnly cookie. Besides the user id it carries two times (ms):
//   authAt   — when the user signed in (or re-proved their password): the absolute lifetime
//              counts from here, and a password change rejects tokens with an older authAt;
//   lastSeen — the last request made with it: a session unused for longer than the idle
//              timeout is over. proxy.ts moves lastSeen forward on page loads and actions.

import { readEnv } from "@/lib/env";

export type SessionConfig = { maxAgeMs: number; idleMs: number };

const HOUR = 60 * 60_000;
const MINUTE = 60_000;

/** KEEL_SESSION_MAX_AGE_HOURS (default 12) and KEEL_SESSION_IDLE_MINUTES (default 60), validated by lib/env.ts. */
export function sessionConfig(raw?: Record<string, string | undefined>): SessionConfig {
  const env = readEnv(raw);
  const maxAgeMs = (env.KEEL_SESSION_MAX_AGE_HOURS ?? 12) * HOUR;
  const idleMs = Math.min((env.KEEL_SESSION_IDLE_MINUTES ?? 60) * MINUTE, maxAgeMs);
  return { maxAgeMs, idleMs };
}

export type SessionTimes = { authAt?: unknown; lastSeen?: unknown; [key: string]: unknown };
export type SessionVerdict = "ok" | "expired" | "idle";

/**
 * Whether a token's session is still alive at `now`. A token without both times (issued
 * before these rules existed, or forged without them) is treated as expired: fail closed.
 */
export function sessionVerdict(token: SessionTimes, now: number, config: SessionConfig): SessionVerdict {
  const { authAt, lastSeen } = token;
  if (typeof authAt !== "number" || typeof lastSeen !== "number") return "expired";
  // A token dated in the future was not made by this server's clock: refuse it.
  if (authAt > now + MINUTE || lastSeen > now + MINUTE || lastSeen < authAt) return "expired";
  if (now - authAt >= config.maxAgeMs) return "expired";
  if (now - lastSeen >= config.idleMs) return "idle";
  return "ok";
}

/** A password change ends every session that signed in before it. */
export function signedInBeforePasswordChange(authAt: unknown, passwordChangedAt: Date | null): boolean {
  if (!passwordChangedAt) return false;
  return typeof authAt !== "number" || authAt < passwordChangedAt.getTime();
}

/** Re-issuing the cookie on every request would be wasteful: once a minute is precise enough. */
export const LAST_SEEN_REFRESH_MS = MINUTE;

/**
 * Session cookie settings. Secure (and the __Secure- name prefix browsers enforce) in
 * production or whenever the public URL is https; httpOnly and SameSite=Lax always.
 */
export function sessionCookie(raw?: Record<string, string | undefined>) {
  const env = readEnv(raw);
  const secure = env.production || (env.NEXTAUTH_URL ?? "").startsWith("https://");
  return {
    secure,
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

export class SessionEndedError extends Error {
  static readonly PREFIX = "keel session ended";
  constructor(readonly verdict: Exclude<SessionVerdict, "ok"> | "ended") {
    super(`${SessionEndedError.PREFIX}: ${verdict}`);
  }
}
