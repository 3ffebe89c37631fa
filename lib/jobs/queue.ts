import { PgBoss } from "pg-boss";

import { readEnv } from "@/lib/env";
import { logger } from "@/lib/log";

// Keel's job queue: pg-boss in its own `pgboss` schema of Keel's database (DATABASE_URL, or the
// embedded database whose URL `npm start` exports), so jobs commit, survive restarts and are
// shared by every worker process without another service. One instance per process, created and
// started on first use (it installs or upgrades its schema then).

const JOBS_SCHEMA = "pgboss";

/** A new pg-boss instance on `url`, started. Workers and tests that need their own use this. */
export async function createJobQueue(url: string, opts: { max?: number } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: JOBS_SCHEMA,
    application_name: "keel-jobs",
    // The embedded PGlite serves one statement at a time: a pool of two keeps the worker's poll
    // from waiting behind its own job's queries. A server gets a few more.
    max: opts.max ?? (readEnv().KEEL_DB_POOL_MAX === 1 ? 2 : 4),
  });
  // pg-boss reports its polling and maintenance failures here, every few seconds while the database
  // is unreachable: a warning at most once a minute (the outage itself is logged once, lib/db-outage.ts).
  let lastLogged = 0;
  boss.on("error", (error: Error) => {
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    logger.warn({ err: error, event: "jobs.error" }, "job queue error (repeats within a minute are not logged)");
  });
  await boss.start();
  return boss;
}

const g = globalThis as unknown as { keelJobQueue?: Promise<PgBoss> };

/** The process's queue, started on first call. */
export function jobQueue(): Promise<PgBoss> {
  if (!g.keelJobQueue) {
    const url = readEnv().DATABASE_URL;
    if (!url) return Promise.reject(new Error("the job queue needs DATABASE_URL (npm start sets it for the embedded database)"));
    g.keelJobQueue = createJobQueue(url).catch((error: unknown) => {
      g.keelJobQueue = undefined;
      throw error;
    });
  }
  return g.keelJobQueue;
}

/** Stops the process's queue, letting running jobs finish for up to `timeoutMs`. */
export async function stopJobQueue(timeoutMs = 10_000): Promise<void> {
  const pending = g.keelJobQueue;
  g.keelJobQueue = undefined;
  if (!pending) return;
  const boss = await pending.catch(() => null);
  await boss?.stop({ graceful: true, timeout: timeoutMs, close: true });
}
