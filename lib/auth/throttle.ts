import { SHARED_IP_KEY } from "@/lib/auth/client-ip";
import type { Db } from "@/lib/db-factory";

// Failed sign-in throttling, per email and per client address, kept in the database so it holds
// across restarts and app instances. After a key's limit of failures within WINDOW_MS the key
// is locked for LOCK_MS. A successful sign-in clears the email key (not the address key: one
// good password must not reset a spray across many accounts).
export const MAX_FAILURES = 5;
/**
 * When Keel cannot tell clients apart (no KEEL_TRUSTED_PROXIES, see client-ip.ts) all failures
 * share one address key. It still caps a password spray across many accounts, at a limit high
 * enough that ordinary typos of a whole team do not lock everyone out.
 */
export const SHARED_MAX_FAILURES = 50;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

export type ThrottleKey = { key: string; max: number };

export function throttleKeys(email: string, address: string | null): ThrottleKey[] {
  const keys = [{ key: `email:${email.trim().toLowerCase()}`, max: MAX_FAILURES }];
  if (address) keys.push({ key: `ip:${address}`, max: address === SHARED_IP_KEY ? SHARED_MAX_FAILURES : MAX_FAILURES });
  return keys;
}

export async function isThrottled(db: Db, keys: ThrottleKey[], now = new Date()): Promise<boolean> {
  const locked = await db.authThrottle.count({ where: { key: { in: keys.map((k) => k.key) }, lockedUntil: { gt: now } } });
  return locked > 0;
}

export async function recordFailure(db: Db, keys: ThrottleKey[], now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const lockedUntil = new Date(now.getTime() + LOCK_MS);
  for (const { key, max } of keys) {
    // One statement per key: reset an expired window, count the failure, lock at the limit.
    await db.$executeRaw`
      INSERT INTO "AuthThrottle" ("key", "failures", "windowStart")
      VALUES (${key}, 1, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "AuthThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "AuthThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "AuthThrottle"."windowStart" < ${windowStart} THEN ${now} ELSE "AuthThrottle"."windowStart" END,
        "lockedUntil" = CASE
          WHEN "AuthThrottle"."windowStart" >= ${windowStart} AND "AuthThrottle"."failures" + 1 >= ${max}
          THEN ${lockedUntil} ELSE "AuthThrottle"."lockedUntil" END`;
  }
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.authThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
