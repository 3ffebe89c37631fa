import "server-only";

import { createPrismaClients, type Db } from "@/lib/db-factory";

export type { Db, Tx } from "@/lib/db-factory";

// The one Prisma client of the app, created on first use (so `next build` never needs a
// database) and cached on globalThis so dev-mode hot reloads do not open a new pool per edit.
// DATABASE_URL is set either by the operator (a real PostgreSQL) or by scripts/start.ts, which
// starts the embedded PGlite server first and exports its URL. With DATABASE_REPLICA_URL the
// same client also reaches read replicas (lib/db-factory.ts): `replicaDb` is for dashboard
// aggregates that tolerate replication lag; everything else stays on the primary via `db`.
const globalForDb = globalThis as unknown as { keelPrisma?: Db; keelReplica?: Db };

function clients(): { primary: Db; replica: Db } {
  if (!globalForDb.keelPrisma || !globalForDb.keelReplica) {
    const c = createPrismaClients();
    globalForDb.keelPrisma = c.primary;
    globalForDb.keelReplica = c.replica;
  }
  return { primary: globalForDb.keelPrisma, replica: globalForDb.keelReplica };
}

function lazy(pick: () => Db): Db {
  return new Proxy({} as Db, {
    get(_target, prop) {
      const c = pick();
      const value = Reflect.get(c, prop, c);
      return typeof value === "function" ? value.bind(c) : value;
    },
  });
}

export const db: Db = lazy(() => clients().primary);
/** Reads that may lag the primary by a moment: the dashboards. The primary when no replica is configured. */
export const replicaDb: Db = lazy(() => clients().replica);
