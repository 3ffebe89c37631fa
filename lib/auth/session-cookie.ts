import { hkdf, randomUUID } from "node:crypto";

import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

import { LAST_SEEN_REFRESH_MS, sessionConfig, sessionCookie, sessionVerdict } from "@/lib/auth/session-policy";
import { readEnv } from "@/lib/env";

// Reading and writing the session cookie outside next-auth's own routes: proxy.ts moves
// lastSeen forward (the idle timeout counts from the last real request, not from the last time
// the client happened to poll), and the change-password action re-issues the caller's own
// session so that only the *other* sessions end. Same secret, name and options as lib/auth.ts.
//
// The token format is next-auth v4's own (an encrypted JWT: JWE "dir" + A256GCM, with a key
// derived from the secret by HKDF-SHA256, 15 s clock tolerance), and lib/auth.ts hands these
// two functions to next-auth as its jwt.encode/decode, so every session cookie is made and
// read here. The one difference: next-auth derives the key again on every call (three HKDF runs
// per signed-in request: proxy, page, and the re-encode getServerSession does), which was the
// largest single item in a profile of a trivial signed-in page. The derived key depends only
// on the secret, so it is derived once per process and secret (a changed secret gets its own).

const keys = new Map<string, Promise<Uint8Array>>();

function derivedKey(secret: string | Buffer, salt: string): Promise<Uint8Array> {
  const id = `${salt}\u0000${typeof secret === "string" ? secret : `base64:${secret.toString("base64")}`}`;
  let key = keys.get(id);
  if (!key) {
    key = new Promise((resolve, reject) =>
      hkdf("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32, (error, bytes) =>
        error ? reject(error) : resolve(new Uint8Array(bytes)),
      ),
    );
    keys.set(id, key);
    key.catch(() => keys.delete(id));
  }
  return key;
}

/** next-auth's jwt.encode, with the derived key cached. */
export async function encodeJwt({ token = {}, secret, maxAge = 30 * 24 * 60 * 60, salt = "" }: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(await derivedKey(secret, salt));
}

/** next-auth's jwt.decode, with the derived key cached. Throws on a bad token, as next-auth's does. */
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
