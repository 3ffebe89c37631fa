import { randomBytes } from "node:crypto";

import pg from "pg";

import { startEmbeddedDb } from "@/lib/embedded-db";
import { migrate } from "@/lib/migrate";

// Throwaway databases for a test run. On a machine with PostgreSQL (TEST_PG_ADMIN_URL, default
// the local server at 127.0.0.1:5432) each run creates uniquely named databases and drops them
// afterwards; with no server reachable it falls back to an in-memory embedded PGlite.

export type TestDb = { url: string; kind: "postgres" | "embedded"; drop: () => Promise<void> };

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function serverReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
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

export async function provisionTestDb(label: string): Promise<TestDb> {
  if (await serverReachable()) {
    const name = `keel_${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    await migrate(url.toString());
    return {
      url: url.toString(),
      kind: "postgres",
      drop: async () => {
        const c = new pg.Client({ connectionString: ADMIN_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const embedded = await startEmbeddedDb();
  await migrate(embedded.url);
  return { url: embedded.url, kind: "embedded", drop: embedded.stop };
}
