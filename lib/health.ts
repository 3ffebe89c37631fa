import "server-only";

import path from "node:path";

import pg from "pg";

import { isDbUnavailable, reportDbUnavailable } from "@/lib/db-outage";
import { readEnv } from "@/lib/env";
import { migrationNames } from "@/lib/migrate";

// Readiness for load balancers and orchestrators (app/api/health/ready): the database answers
// and every migration this build ships is applied. The answer names which check failed, never
// a host, a port or an error text.

export type Readiness = {
  ready: boolean;
  checks: { database: "ok" | "unreachable"; migrations: "ok" | "pending" | "unknown" };
};

const TIMEOUT_MS = 3_000;
let shipped: Promise<string[]> | null = null;

export async function readiness(url = readEnv().DATABASE_URL): Promise<Readiness> {
  shipped ??= migrationNames(path.resolve("prisma/migrations"));
  const notReady: Readiness = { ready: false, checks: { database: "unreachable", migrations: "unknown" } };
  if (!url) return notReady;
  // Its own short-lived connection with a timeout: a probe must answer quickly even when the
  // app's pool is busy or waiting on a dead server.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS, query_timeout: TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.name));
    const pending = (await shipped).some((name) => !applied.has(name));
    return { ready: !pending, checks: { database: "ok", migrations: pending ? "pending" : "ok" } };
  } catch (error) {
    if (isDbUnavailable(error) || /timeout/i.test((error as Error).message ?? "")) {
      reportDbUnavailable(error, { route: "/api/health/ready" });
      return notReady;
    }
    // Reachable but no migrations table yet: not migrated.
    return { ready: false, checks: { database: "ok", migrations: "pending" } };
  } finally {
    await client.end().catch(() => {});
  }
}
