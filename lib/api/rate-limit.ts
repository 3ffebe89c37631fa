import type { Db } from "@/lib/db-factory";

// Request rate limits kept in PostgreSQL in the sign-in throttle's table (AuthThrottle), so they
// hold across instances and restarts: a fixed window of WINDOW_S seconds per key, counted and
// checked in one statement. Keys: "api:<tokenId>" for the REST API's tokens, "sso-lookup:<address>"
// for the login page's single sign-on lookup (lib/sso/routes.ts).

const WINDOW_S = 60;
export const DEFAULT_LIMIT = 600;

export type RateLimit = { limit: number; remaining: number; resetS: number; allowed: boolean };

export const rateLimitKey = (tokenId: string) => `api:${tokenId}`;

function apiRateLimit(): number {
  const configured = Number(process.env.KEEL_API_RATE_LIMIT);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_LIMIT;
}

/** Counts one request of an API token against its limit. */
export const countTokenRequest = (db: Db, tokenId: string, now = new Date()) =>
  countRequest(db, rateLimitKey(tokenId), apiRateLimit(), now);

/** Counts one request under `key` in the current window; `allowed` is false past `limit`. */
export async function countRequest(db: Db, key: string, limit: number, now = new Date()): Promise<RateLimit> {
  const windowStart = new Date(now.getTime() - WINDOW_S * 1000);
  const [row] = await db.$queryRaw<{ failures: number; windowStart: Date }[]>`
    INSERT INTO "AuthThrottle" AS t ("key", "failures", "windowStart") VALUES (${key}, 1, ${now}::timestamp)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN t."windowStart" <= ${windowStart}::timestamp THEN 1 ELSE t."failures" + 1 END,
      "windowStart" = CASE WHEN t."windowStart" <= ${windowStart}::timestamp THEN ${now}::timestamp ELSE t."windowStart" END
    RETURNING t."failures", t."windowStart"`;
  const resetS = Math.max(0, Math.ceil((row.windowStart.getTime() + WINDOW_S * 1000 - now.getTime()) / 1000));
  return { limit, remaining: Math.max(0, limit - row.failures), resetS, allowed: row.failures <= limit };
}

export function rateLimitHeaders(r: RateLimit): Record<string, string> {
  return { "RateLimit-Limit": String(r.limit), "RateLimit-Remaining": String(r.remaining), "RateLimit-Reset": String(r.resetS) };
}
