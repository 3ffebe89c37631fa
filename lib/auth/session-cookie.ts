import { hkdf, randomUUID } from "node:crypto";

import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

import { LAST_SEEN_REFRESH_MS, sessionConfig, sessionCookie, sessionVerdict } from "@/lib/auth/session-policy";
import { readEnv } from "@/lib/env";

// Keel's session cookie, owned here: next-auth runs the sign-in flow and its providers, and
// lib/auth.ts hands it these two functions through its public `jwt.encode`/`jwt.decode`
// options, so every session cookie is made and read by this module (proxy.ts moves lastSeen
// forward; the change-password action re-issues the caller's own session).
//
// Format, version 1: a JWE (compact, "dir" + A256GCM) whose 256-bit key is derived from
// AUTH_SECRET by HKDF-SHA256 with the label below, carrying the claims of SessionToken plus
// iat/exp/jti; 15 s clock tolerance. The key depends only on the secret, so it is derived once
// per process and secret. Changing the label or the claims is a format change: every cookie
// of the old format is refused and its holder signs in again.

const KEY_LABEL = "Keel session cookie v1";

const keys = new Map<string, Promise<Uint8Array>>();

function derivedKey(secret: string | Buffer, salt: string): Promise<Uint8Array> {
  const id = `${salt}\u0000${typeof secret === "string" ? secret : `base64:${secret.toString("base64")}`}`;
  let key = keys.get(id);
  if (!key) {
    key = new Promise((resolve, reject) =>
      hkdf("sha256", secret, salt, `${KEY_LABEL}${salt ? ` (${salt})` : ""}`, 32, (error, bytes) =>
        error ? reject(error) : resolve(new Uint8Array(bytes)),
      ),
    );
    keys.set(id, key);
    key.catch(() => keys.delete(id));
  }
  return key;
}

/** Seals a token (next-auth's jwt.encode option). */
export async function encodeJwt({ token = {}, secret, maxAge = 30 * 24 * 60 * 60, salt = "" }: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(await derivedKey(secret, salt));
}

/** Opens a token (next-auth's jwt.decode option); throws on a bad, expired or foreign one. */
export async function decodeJwt({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await derivedKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}

function secret(): string {
  const value = readEnv().authSecret;
  if (!value) throw new Error("AUTH_SECRET is not set");
  return value;
}

/** sid: the server-side session record (lib/auth/sessions.ts) every request checks. */
export type SessionToken = JWT & { sub: string; sid?: string; authAt: number; lastSeen: number };

export async function encodeSession(token: SessionToken): Promise<string> {
  return encodeJwt({ token, secret: secret(), maxAge: Math.ceil(sessionConfig().maxAgeMs / 1000) });
}

export async function decodeSession(value: string | undefined): Promise<SessionToken | null> {
  if (!value) return null;
  try {
    const token = await decodeJwt({ token: value, secret: secret() });
    return token && typeof token.sub === "string" ? (token as SessionToken) : null;
  } catch {
    return null;
  }
}

/**
 * The session in this cookie if it is still alive at `now` (not idle, not past its absolute
 * lifetime, see session-policy.ts), else null. The same test next-auth's jwt callback applies.
 */
export async function liveSession(value: string | undefined, now = Date.now()): Promise<SessionToken | null> {
  const token = await decodeSession(value);
  return token && sessionVerdict(token, now, sessionConfig()) === "ok" ? token : null;
}

/**
 * The cookie to send back so this session's lastSeen becomes `now`, or null when there is
 * nothing to refresh (no session, a dead session, or refreshed less than a minute ago).
 */
export async function refreshedSessionCookie(value: string | undefined, now = Date.now()) {
  const token = await liveSession(value, now);
  if (!token) return null;
  if (now - token.lastSeen < LAST_SEEN_REFRESH_MS) return null;
  const cookie = sessionCookie();
  return {
    name: cookie.name,
    value: await encodeSession({ sub: token.sub, sid: token.sid, authAt: token.authAt, lastSeen: now }),
    options: { ...cookie.options, maxAge: Math.ceil(sessionConfig().maxAgeMs / 1000) },
  };
}
