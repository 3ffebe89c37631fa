import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";

import { PrismaClient } from "@/lib/generated/prisma/client";

// How Keel builds its Prisma client, shared by the app (lib/db.ts) and by scripts and tests
// that run outside Next (seed, migrate, bench), which may not import the "server-only" module.
export function createPrismaClient(connectionString = process.env.DATABASE_URL) {
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start Keel with `npm start` (embedded database) or set DATABASE_URL.");
  }
  // KEEL_DB_POOL_MAX=1 against the embedded single-backend PGlite (see lib/embedded-db.ts).
  const max = Number(process.env.KEEL_DB_POOL_MAX) || undefined;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, ...(max ? { max } : {}) }) });
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
export function createPrismaClients(url = process.env.DATABASE_URL, replicaUrl = process.env.DATABASE_REPLICA_URL): { primary: Db; replica: Db } {
  const base = createPrismaClient(url);
  const urls = (replicaUrl ?? "").split(",").map((s) => s.trim()).filter(Boolean);
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
