import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

import { readEnv } from "@/lib/env";

// The "known device" cookie: set after a successful sign-in, it names a random device id and
// is signed (HMAC with the app's secret) together with the account's email. A sign-in attempt
// for that email carrying a valid cookie is throttled on the device's own counter
// (lib/auth/throttle.ts), so an attacker guessing passwords elsewhere cannot lock the real user
// out. Bound to the email so that signing in to one's own account yields no cookie that helps
// against another.

export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

export function deviceCookieName(raw?: Record<string, string | undefined>): string {
  const env = readEnv(raw);
  const secure = env.production || (env.NEXTAUTH_URL ?? "").startsWith("https://");
  return `${secure ? "__Secure-" : ""}keel-device`;
}

function secret(): string {
  const value = readEnv().authSecret;
  if (!value) throw new Error("AUTH_SECRET is not set");
  return value;
}

function signature(deviceId: string, email: string, key: string): string {
  return createHmac("sha256", key).update(`keel-device\u0000${deviceId}\u0000${email.trim().toLowerCase()}`).digest("base64url");
}

export function deviceCookieValue(deviceId: string, email: string, key = secret()): string {
  return `${deviceId}.${signature(deviceId, email, key)}`;
}

/** The device id if the cookie was signed by us for this email, else null. */
export function knownDeviceId(value: string | undefined | null, email: string, key = secret()): string | null {
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value ?? "");
  if (!match) return null;
  const expected = Buffer.from(signature(match[1], email, key));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : null;
}

export const newDeviceId = () => randomBytes(16).toString("base64url");

/** The id in a cookie value (signed for some email), to keep one id per device across accounts. */
export function deviceIdOf(value: string | undefined | null): string | null {
  return /^([A-Za-z0-9_-]{22})\./.exec(value ?? "")?.[1] ?? null;
}

/** Reads one cookie from a raw Cookie header. */
export function cookieFromHeader(header: string | string[] | undefined | null, name: string): string | null {
  const raw = Array.isArray(header) ? header.join("; ") : (header ?? "");
  for (const part of raw.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
