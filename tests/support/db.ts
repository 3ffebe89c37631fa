import { expect } from "vitest";

import { createPrismaClient, type Db } from "@/lib/db-factory";

// Test helpers for integration tests: a client on the test database and a reset between
// files. TRUNCATE … CASCADE empties every tenant table in one statement; the append-only
// AuditEvent refuses TRUNCATE by a trigger, which a superuser on this throwaway database skips
// with session_replication_role = replica (for this transaction only).
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
  await db.$transaction([
    db.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
    db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`),
  ]);
}

// Not counted: AuthThrottle (sign-in attempts) and OrgDataVersion (the per-table versions that
// committed writes bump: a test's own setup writes bump them; a refused action commits nothing).
const UNCOUNTED = ["_prisma_migrations", "AuthThrottle", "OrgDataVersion"];
// Nor the one write a refusal leaves on purpose, after its rollback: the import-failed notice to
// the importer (lib/notifications/import-result.ts).
const REFUSAL_NOTICE = `NOT ("kind" = 'IMPORT_RESULT' AND "dedupeKey" LIKE 'import-failed:%')`;
const rowsOf = (table: string) => (table === "Notification" ? `(SELECT * FROM "Notification" WHERE ${REFUSAL_NOTICE})` : `"${table}"`);

/** Row counts of every table, to prove that a refused action wrote nothing. */
export async function rowCounts(): Promise<Record<string, number>> {
  const db = testDb();
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL(${UNCOUNTED})`;
  const out: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${rowsOf(tablename)} x`);
    out[tablename] = Number(row.n);
  }
  return out;
}

/**
 * Per table: row count and a hash of every row's full text. Equal fingerprints before and after
 * a call prove it inserted, deleted AND updated nothing (row counts alone miss an UPDATE).
 * Meant for the small databases of the matrix and fuzz tests.
 */
export async function tableFingerprints(): Promise<Record<string, string>> {
  const db = testDb();
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL(${UNCOUNTED}) ORDER BY tablename`;
  const parts = tables.map(
    ({ tablename: t }) =>
      `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS f FROM ${rowsOf(t)} x`,
  );
  const rows = await db.$queryRawUnsafe<{ t: string; f: string }[]>(parts.join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [r.t, r.f]));
}

/** Runs a call that must be refused and checks that no table changed; returns what the call returned. */
export async function refused(call: () => Promise<unknown>): Promise<unknown> {
  const before = await tableFingerprints();
  const result = await call();
  expect(await tableFingerprints(), `a refused call wrote: ${JSON.stringify(result)}`).toEqual(before);
  return result;
}
