import type { Db } from "@/lib/db-factory";

// Failed sign-in throttling, kept in the database so it holds across restarts and instances.
//
// Model (docs/security.md, sign-in throttling):
//   - per account: the first MAX_FAILURES attempts within WINDOW_MS are evaluated freely; after
//     that each attempt is allowed only once the previous lock has run out, and every refused
//     password doubles the lock (BASE_LOCK_MS, 2x, … up to MAX_LOCK_MS): exponential backoff,
//     never a fixed lockout;
//   - a device that has signed in to the account before (a signed cookie, lib/auth/device.ts)
//     has its own counter for that account, so guesses from elsewhere cannot lock the real user
//     out;
//   - per client address only when the address is trustworthy (KEEL_TRUSTED_PROXIES, see
//     client-ip.ts); otherwise there is no address counter at all, and never one counter shared
//     by every visitor, which anyone could fill to lock out everyone;
//   - check and count are ONE statement (reserveAttempt): an attempt is counted before its
//     password is checked, so parallel guesses cannot get more evaluations than the limit. A
//     successful sign-in clears the account's counter and gives back its address attempt.
export const MAX_FAILURES = 5;
export const ADDRESS_MAX_FAILURES = 20;
const WINDOW_MS = 24 * 60 * 60_000;
export const BASE_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;

export type ThrottleKey = { key: string; max: number };

export const accountKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const deviceKey = (deviceId: string, email: string) => `device:${deviceId}:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `ip:${address}`;

/**
 * The counters a sign-in attempt is held to: the client address's when it is known (checked
 * first: a locked address must not also spend the account's attempts), then the account's —
 * or, from a known device, that device's own counter for the account.
 */
export function throttleKeys(email: string, address: string | null, knownDeviceId: string | null = null): ThrottleKey[] {
  const keys: ThrottleKey[] = [];
  if (address) keys.push({ key: addressKey(address), max: ADDRESS_MAX_FAILURES });
  keys.push({ key: knownDeviceId ? deviceKey(knownDeviceId, email) : accountKey(email), max: MAX_FAILURES });
  return keys;
}

/**
 * Counts one attempt against `key` unless the key is locked, in one statement (the row lock of
 * INSERT … ON CONFLICT DO UPDATE serialises parallel attempts). Returns false when locked. The
 * attempt that reaches the limit, and every later one, sets the next lock: BASE_LOCK_MS doubled
 * per attempt past the limit, capped at MAX_LOCK_MS.
 */
export async function reserveAttempt(db: Db, { key, max }: ThrottleKey, now = new Date()): Promise<boolean> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const rows = await db.$queryRaw<{ failures: number }[]>`
    WITH params AS (SELECT ${now}::timestamp AS now, ${windowStart}::timestamp AS window_start)
    INSERT INTO "AuthThrottle" AS t ("key", "failures", "windowStart", "lockedUntil")
    SELECT ${key}, 1, now, CASE WHEN 1 >= ${max}::int THEN now + make_interval(secs => ${BASE_LOCK_MS / 1000}::float8) END FROM params
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN t."windowStart" < ${windowStart}::timestamp THEN 1 ELSE t."failures" + 1 END,
      "windowStart" = CASE WHEN t."windowStart" < ${windowStart}::timestamp THEN ${now}::timestamp ELSE t."windowStart" END,
      "lockedUntil" = CASE
        WHEN (CASE WHEN t."windowStart" < ${windowStart}::timestamp THEN 1 ELSE t."failures" + 1 END) >= ${max}::int
        THEN ${now}::timestamp + make_interval(secs => LEAST(${MAX_LOCK_MS / 1000}::float8,
          ${BASE_LOCK_MS / 1000}::float8 * power(2, LEAST(30, (CASE WHEN t."windowStart" < ${windowStart}::timestamp THEN 1 ELSE t."failures" + 1 END) - ${max}::int))))
        ELSE NULL END
    WHERE t."lockedUntil" IS NULL OR t."lockedUntil" <= ${now}::timestamp
    RETURNING t."failures"`;
  return rows.length > 0;
}

/** After a successful sign-in: the account (or device) counter starts again; the address gets its attempt back. */
export async function recordSuccess(db: Db, keys: ThrottleKey[]): Promise<void> {
  for (const { key } of keys) {
    if (key.startsWith("ip:")) {
      await db.$executeRaw`UPDATE "AuthThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = ${key}`;
    } else {
      await db.authThrottle.deleteMany({ where: { key } });
    }
  }
}
