import type { Db } from "@/lib/db-factory";

// Failed sign-in throttling, per email and per client IP, kept in the database so it holds
// across restarts and app instances. After MAX_FAILURES within WINDOW_MS the key is locked for
// LOCK_MS. A successful sign-in clears the email key (not the IP key: one good password must
// not reset a spray across many accounts).
export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

export function throttleKeys(email: string, ip: string | null): string[] {
  const keys = [`email:${email.trim().toLowerCase()}`];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

export async function isThrottled(db: Db, keys: string[], now = new Date()): Promise<boolean> {
  const locked = await db.authThrottle.count({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  return locked > 0;
}

export async function recordFailure(db: Db, keys: string[], now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const lockedUntil = new Date(now.getTime() + LOCK_MS);
  for (const key of keys) {
    // One statement per key: reset an expired window, count the failure, lock at the limit.
    await db.$executeRaw`
      INSERT INTO "AuthThrottle" ("key", "failures", "windowStart")
      VALUES (${key}, 1, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "AuthThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "AuthThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "AuthThrottle"."windowStart" < ${windowStart} THEN ${now} ELSE "AuthThrottle"."windowStart" END,
        "lockedUntil" = CASE
          WHEN "AuthThrottle"."windowStart" >= ${windowStart} AND "AuthThrottle"."failures" + 1 >= ${MAX_FAILURES}
          THEN ${lockedUntil} ELSE "AuthThrottle"."lockedUntil" END`;
  }
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.authThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
