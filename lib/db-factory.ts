import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";

import { countingAdapter } from "@/lib/db-statements";
import { isDbUnavailable, reportDbUnavailable } from "@/lib/db-outage";
import { readEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";

export type ClientOptions = {
  /** Called when a pooled connection dies (idle or in use). Default: one warning line. */
  onConnectionError?: (error: Error) => void;
};

// A PostgreSQL restart, failover or pg_terminate_backend kills pooled connections. pg reports it
// as an 'error' event on the dead client — unhandled, that event would crash the process. The
// adapter listens on the pool and on every connection it checks out, and pg drops the dead
// client, so the next request opens a fresh connection. A request that was using it fails (its
// transaction is rolled back by the server) and the action pipeline answers with a clean
// failure. tests/integration/db-resilience.test.ts proves each of these; `npm run loadtest`
// proves it end to end across a real restart. The hook only makes the event visible: as part
// of an outage (logged once, lib/db-outage.ts) or as one line for a single dropped connection.
function warnConnectionLost(error: Error) {
  if (isDbUnavailable(error)) return reportDbUnavailable(error);
  logger.warn({ err: error, event: "db.connection.lost" }, "a database connection was lost; it is dropped and replaced on the next query");
}

// How Keel builds its Prisma client, shared by the app (lib/db.ts) and by scripts and tests
// that run outside Next (seed, migrate, bench), which may not import the "server-only" module.
export function createPrismaClient(connectionString = readEnv().DATABASE_URL, options: ClientOptions = {}) {
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start Keel with `npm start` (embedded database) or set DATABASE_URL.");
  }
  // KEEL_DB_POOL_MAX=1 against the embedded single-backend PGlite (see lib/embedded-db.ts).
  const max = readEnv().KEEL_DB_POOL_MAX;
  const onError = options.onConnectionError ?? warnConnectionLost;
  // jit=off for every session: Keel's statements are OLTP-sized, and the few with high cost
  // estimates (the finance rollup at scale) spent longer compiling with LLVM than they then
  // saved. Sent as a startup option, so it costs no statement. (PGlite has no JIT and
  // ignores it; an `options` in DATABASE_URL takes precedence.)
  // Counting the statements of each request (lib/db-statements.ts) costs one lookup per statement.
  const adapter = countingAdapter(
    new PrismaPg(
      { connectionString, options: "-c jit=off", ...(max ? { max } : {}) },
      { onPoolError: onError, onConnectionError: onError },
    ),
  );
  return new PrismaClient({ adapter });
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * The primary client and, with DATABASE_REPLICA_URL (one URL, or several separated by commas),
 * a read-replica client through Prisma's read-replicas extension. `primary` is what everything
 * uses by default: writes, transactions and every read that must see the writes just made.
 * `replica` is only for reads that tolerate replication lag (the dashboards' aggregates); each
 * access picks one of the replicas. Without a replica URL both are the same client.
 */
export function createPrismaClients(
  url = readEnv().DATABASE_URL,
  replicaUrl = readEnv().DATABASE_REPLICA_URL,
): { primary: Db; replica: Db } {
  const base = createPrismaClient(url);
  const urls = (replicaUrl ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (urls.length === 0) return { primary: base, replica: base };
  const extended = base.$extends(readReplicas({ replicas: urls.map((u) => createPrismaClient(u)) }));
  // $primary() is the plain base client (no routing); $replica() picks a replica client.
  const primary = extended.$primary() as unknown as Db;
  const replica = new Proxy({} as Db, {
    get(_target, prop) {
      const c = extended.$replica() as unknown as Db;
      const value = Reflect.get(c, prop, c);
      return typeof value === "function" ? value.bind(c) : value;
    },
  });
  return { primary, replica };
}
