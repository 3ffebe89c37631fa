import { PrismaPg } from "@prisma/adapter-pg";

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
