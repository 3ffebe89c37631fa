import { createPrismaClient, type Db } from "@/lib/db-factory";

// Test helpers for integration tests: a client on the test database and a reset between
// files. TRUNCATE … CASCADE empties every tenant table in one statement (and, unlike DELETE,
// is allowed on the append-only AuditEvent table).
let client: Db | null = null;

export function testDb(): Db {
  client ??= createPrismaClient(process.env.DATABASE_URL);
  return client;
}

export async function resetDb(): Promise<void> {
  const db = testDb();
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`);
}

/** Row counts of every table, to prove that a refused action wrote nothing. */
export async function rowCounts(): Promise<Record<string, number>> {
  const db = testDb();
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'AuthThrottle')`;
  const out: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${tablename}"`);
    out[tablename] = Number(row.n);
  }
  return out;
}
