import { randomBytes } from "node:crypto";

import type { Db, Tx } from "@/lib/db-factory";
import { sessionConfig } from "@/lib/auth/session-policy";

// Server-side session records. The cookie (an encrypted JWT) names its record by `sid`; every
// request checks that the record exists, belongs to the token's user and has not ended
// (lib/auth.ts), so ending the record ends the session at once: sign-out, a password change
// (every other session of the user) and an admin's "sign out everywhere" (all of a member's).

const newSessionId = () => randomBytes(18).toString("base64url");

/**
 * Records a new session for the user; returns its id for the cookie. `ssoOrgId`: opened through
 * that org's single sign-on, so the session reaches that org only (lib/auth.ts memberOf).
 */
export async function startSession(db: Db | Tx, userId: string, userAgent = "", ssoOrgId: string | null = null): Promise<string> {
  const id = newSessionId();
  await db.userSession.create({ data: { id, userId, userAgent: userAgent.slice(0, 300), ssoOrgId } });
  return id;
}

export async function endSession(db: Db | Tx, sid: unknown): Promise<void> {
  if (typeof sid !== "string") return;
  await db.userSession.updateMany({ where: { id: sid, endedAt: null }, data: { endedAt: new Date() } });
}

/** Ends every open session of the user (but `exceptSid`); returns how many ended. */
export async function endUserSessions(db: Db | Tx, userId: string, exceptSid: string | null = null): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, endedAt: null, ...(exceptSid ? { id: { not: exceptSid } } : {}) },
    data: { endedAt: new Date() },
  });
  return count;
}

/** Moves the record's lastSeenAt forward (for the admins' session list); at most once a minute per session. */
export async function touchSession(db: Db, sid: string, now = new Date()): Promise<void> {
  await db.userSession.updateMany({
    where: { id: sid, endedAt: null, lastSeenAt: { lt: new Date(now.getTime() - 60_000) } },
    data: { lastSeenAt: now },
  });
}

export type ActiveSession = { id: string; createdAt: string; lastSeenAt: string; device: string };

/**
 * The sessions of these users that can still be used: not ended, not idle past the timeout,
 * not past the absolute lifetime (the same limits the cookie is held to).
 */
export async function activeSessionsOf(db: Db, userIds: string[], now = new Date()): Promise<Map<string, ActiveSession[]>> {
  const { maxAgeMs, idleMs } = sessionConfig();
  const rows = await db.userSession.findMany({
    where: {
      userId: { in: userIds },
      endedAt: null,
      createdAt: { gt: new Date(now.getTime() - maxAgeMs) },
      lastSeenAt: { gt: new Date(now.getTime() - idleMs - 60_000) },
    },
    select: { id: true, userId: true, createdAt: true, lastSeenAt: true, userAgent: true },
    orderBy: { lastSeenAt: "desc" },
  });
  const out = new Map<string, ActiveSession[]>();
  for (const r of rows) {
    const list = out.get(r.userId) ?? [];
    list.push({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      device: describeAgent(r.userAgent),
    });
    out.set(r.userId, list);
  }
  return out;
}

/** "Chrome on Linux"-style label from a User-Agent header; never the raw header. */
export function describeAgent(ua: string): string {
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : "";
  const os = /Windows/.test(ua)
    ? "Windows"
    : /Android/.test(ua)
      ? "Android"
      : /iPhone|iPad/.test(ua)
        ? "iOS"
        : /Mac OS X/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : "";
  if (browser && os) return `${browser} on ${os}`;
  return browser || os || "Unknown device";
}
