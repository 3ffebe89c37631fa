import pg from "pg";

import { readEnv } from "@/lib/env";
import { logger } from "@/lib/log";

// A database outage is one event, not one log line per failed request: the first failure that
// says "unreachable" logs once and starts a probe; the probe logs once more when the database
// answers again, with how long it was gone and how many failures it absorbed. Users see
// DB_UNAVAILABLE_MESSAGE, never "invalid password" and never a host or port.

export const DB_UNAVAILABLE_MESSAGE = "Keel cannot reach its database; try again shortly.";

// Node socket errors, PostgreSQL's connection-exception class (08) and shutdown codes (57P0x),
// and Prisma's "can't reach" codes; the driver adapter's own kinds below.
const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "P1001",
  "P1002",
  "P1017",
]);
const KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES =
  /can't reach database server|connection terminated|server closed the connection|terminating connection due to administrator command|the database system is (starting up|shutting down)|connection refused/i;

/** Whether an error (or one it wraps) says the database could not be reached, rather than refused a query. */
export function isDbUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: string } } };
    errors?: unknown[];
  };
  if (typeof e.code === "string" && CODES.has(e.code)) return true;
  const kind = e.meta?.driverAdapterError?.cause?.kind;
  if (kind && KINDS.has(kind)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDbUnavailable(x, depth + 1))) return true;
  return isDbUnavailable(e.cause, depth + 1);
}

type Outage = { since: number; failures: number; probe: NodeJS.Timeout | null };
const g = globalThis as unknown as { keelDbOutage?: Outage | null };

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether an outage is in progress (since the first failure, until the probe gets through). */
export function dbOutageInProgress(): boolean {
  return Boolean(g.keelDbOutage);
}

/**
 * Records a failure to reach the database. The first one of an outage logs; later ones are only
 * counted. A probe (once a second) ends the outage and logs its duration.
 */
export function reportDbUnavailable(error: unknown, context: Record<string, unknown> = {}): void {
  const current = g.keelDbOutage;
  if (current) {
    current.failures++;
    return;
  }
  const outage: Outage = { since: Date.now(), failures: 1, probe: null };
  g.keelDbOutage = outage;
  logger.error({ ...context, err: error, event: "db.outage.start" }, "database unreachable: requests that need it fail until it is back");
  const url = readEnv().DATABASE_URL;
  if (!url) return;
  const tick = async () => {
    if (g.keelDbOutage !== outage) return;
    if (await reachable(url)) {
      g.keelDbOutage = null;
      logger.warn(
        { event: "db.outage.end", durationMs: Date.now() - outage.since, failedRequests: outage.failures },
        `database reachable again after ${((Date.now() - outage.since) / 1000).toFixed(1)} s`,
      );
      return;
    }
    outage.probe = setTimeout(tick, 1_000);
    outage.probe.unref();
  };
  outage.probe = setTimeout(tick, 1_000);
  outage.probe.unref();
}
