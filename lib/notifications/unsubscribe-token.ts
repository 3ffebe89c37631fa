import { createHmac, timingSafeEqual } from "node:crypto";

import { readEnv } from "@/lib/env";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";

// The one-click unsubscribe link of every email and Slack message: "<userId>.<kind>.<mac>", an
// HMAC-SHA256 under a key derived from AUTH_SECRET, so it works without signing in and names one
// user and one kind only. It does not expire: an old email's link keeps working (RFC 8058).

function key(): Buffer {
  const env = readEnv();
  const secret = env.authSecret ?? (env.production ? null : "keel development auth secret (not a secret)");
  if (!secret) throw new Error("AUTH_SECRET is not set: unsubscribe links cannot be signed.");
  return createHmac("sha256", secret).update("keel notification unsubscribe v1").digest();
}

const mac = (userId: string, kind: string) => createHmac("sha256", key()).update(`${userId}.${kind}`).digest("base64url");

export function unsubscribeToken(userId: string, kind: NotificationKind): string {
  return `${userId}.${kind}.${mac(userId, kind)}`;
}

/** The user and kind a token names, or null when it was not signed by Keel. */
export function readUnsubscribeToken(token: string): { userId: string; kind: NotificationKind } | null {
  const [userId, kind, given] = token.split(".");
  if (!userId || !given || !(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
  const expected = Buffer.from(mac(userId, kind));
  const got = Buffer.from(given);
  if (got.length !== expected.length || !timingSafeEqual(got, expected)) return null;
  return { userId, kind: kind as NotificationKind };
}
