import "server-only";

import { createPrismaClient, type Db } from "@/lib/db-factory";

export type { Db, Tx } from "@/lib/db-factory";

// The one Prisma client of the app, created on first use (so `next build` never needs a
// database) and cached on globalThis so dev-mode hot reloads do not open a new pool per edit.
// DATABASE_URL is set either by the operator (a real PostgreSQL) or by scripts/start.ts, which
// starts the embedded PGlite server first and exports its URL.
const globalForDb = globalThis as unknown as { keelPrisma?: Db };

function client(): Db {
  globalForDb.keelPrisma ??= createPrismaClient();
  return globalForDb.keelPrisma;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const c = client();
    const value = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});
