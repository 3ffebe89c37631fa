// `npm start`: run Keel. With DATABASE_URL set, Keel uses that PostgreSQL (this script applies
// pending migrations, waiting for the server when it is not up yet). Without it, Keel starts an
// embedded PostgreSQL (PGlite) with its data under .data/ (KEEL_DATA_DIR), locked against a
// second start, migrates it and, on first start only, seeds the demo org. Builds the app first
// when there is no production build yet. Then it runs the web server (scripts/server.ts) as its
// child and supervises it: SIGTERM/SIGINT are passed on and it exits once the server has
// drained; if the server dies, the database is closed and this exits non-zero, so a supervisor
// restarts the whole rather than half a service.
//
// The settings are checked first (lib/env.ts): a production start with demo settings is refused
// before any database is touched, one line per problem.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import pg from "pg";

import { DataDirLockedError, startEmbeddedDb, type EmbeddedDb } from "@/lib/embedded-db";
import { demoSeedAllowed, EnvError, readEnv, startupRefusals, type KeelEnv } from "@/lib/env";
import { logger, scrubSecrets } from "@/lib/log";
import { migrate } from "@/lib/migrate";

// Everything this process and its children create is private to the user (the embedded
// database's files, the generated auth secret, build output).
process.umask(0o077);

const dev = process.argv.includes("--dev");
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const log = (line: string) => logger.info(line);

function refuse(lines: string[]): never {
  for (const line of lines) process.stderr.write(`keel: refusing to start: ${line}\n`);
  process.exit(1);
}

function settings(): KeelEnv {
  try {
    const env = readEnv();
    const refusals = startupRefusals(env);
    if (refusals.length) refuse(refusals);
    return env;
  } catch (error) {
    if (error instanceof EnvError) refuse(error.problems);
    throw error;
  }
}

function authSecret(env: KeelEnv, dataDir: string): string {
  if (env.authSecret) return env.authSecret;
  // Only outside production (startupRefusals): generate once and keep it, so sessions survive restarts.
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
    log(`generated an auth secret in ${file}`);
  }
  return readFileSync(file, "utf8").trim();
}

/** Waits for PostgreSQL with growing pauses (0.5 s, 1 s, 2 s … 8 s) up to `seconds`; throws after. */
async function waitForDatabase(url: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (let pause = 500; ; pause = Math.min(pause * 2, 8_000)) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      if (Date.now() + pause > deadline)
        throw new Error(
          `the database is still unreachable after ${seconds} s (KEEL_DB_WAIT_SECONDS): ${scrubSecrets((error as Error).message)}`,
        );
      logger.warn({ err: error, retryInMs: pause }, `database not reachable yet; retrying in ${pause / 1000} s`);
      await new Promise((r) => setTimeout(r, pause));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

async function main() {
  const env = settings();
  const dataDir = path.resolve(env.KEEL_DATA_DIR);
  const port = env.PORT ?? 3000;

  // A fresh clone has no generated Prisma client yet (it is build output, not source).
  if (!existsSync(path.resolve("lib/generated/prisma/client.ts"))) {
    const gen = spawnSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: "inherit" });
    if (gen.status !== 0) process.exit(gen.status ?? 1);
  }
  const { createPrismaClient } = await import("@/lib/db-factory");

  let embedded: EmbeddedDb | null = null;
  const childEnv = { ...process.env } as NodeJS.ProcessEnv;
  if (env.embedded) {
    try {
      embedded = await startEmbeddedDb(path.join(dataDir, "pglite"), env.KEEL_EMBEDDED_DB_PORT, dataDir);
    } catch (error) {
      if (error instanceof DataDirLockedError) refuse([error.message]);
      throw error;
    }
    for (const e of [childEnv, process.env]) {
      e.DATABASE_URL = embedded.url;
      e.KEEL_DB_POOL_MAX = "1";
    }
    log(`embedded PostgreSQL (PGlite) on ${scrubSecrets(embedded.url)}, data in ${embedded.dataDir}`);
  } else {
    await waitForDatabase(env.DATABASE_URL!, env.KEEL_DB_WAIT_SECONDS);
  }

  const { applied } = await migrate(childEnv.DATABASE_URL!, undefined, log);
  if (applied.length === 0) log("database schema is up to date");

  if (embedded) {
    const db = createPrismaClient(childEnv.DATABASE_URL);
    try {
      if ((await db.organization.count()) === 0) {
        if (demoSeedAllowed(env)) {
          log("empty database: seeding the demo org (first start only)…");
          const { seedDemo } = await import("@/lib/seed/index");
          await seedDemo(db, { log });
        } else {
          log("empty database: no demo org in production (KEEL_ALLOW_DEMO_IN_PRODUCTION is not set)");
        }
      }
    } finally {
      await db.$disconnect();
    }
  }

  childEnv.AUTH_SECRET = authSecret(env, dataDir);
  childEnv.NEXTAUTH_SECRET = childEnv.AUTH_SECRET;
  childEnv.NEXTAUTH_URL = env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  childEnv.PORT = String(port);
  // Next.js telemetry would try to reach the internet; Keel must run air-gapped.
  childEnv.NEXT_TELEMETRY_DISABLED ??= "1";

  if (!dev && !existsSync(path.resolve(".next/BUILD_ID"))) {
    log("no production build yet: building (once)…");
    const gen = spawnSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: "inherit", env: childEnv });
    const build = gen.status === 0 ? spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: childEnv }) : gen;
    if (build.status !== 0) {
      await embedded?.stop();
      process.exit(build.status ?? 1);
    }
  }

  log(`Keel on http://localhost:${port}`);
  if (embedded && demoSeedAllowed(env)) {
    log(
      "demo logins (password keel-demo): director@acme.example, manager@acme.example, finance@acme.example, viewer@acme.example, admin@acme.example, director@globex.example",
    );
  }
  supervise(
    spawn(process.execPath, ["--import", "tsx", "scripts/server.ts", ...(dev ? ["--dev"] : [])], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: childEnv,
    }),
    embedded,
  );
}

function supervise(child: ChildProcess, embedded: EmbeddedDb | null) {
  let stopping: NodeJS.Signals | null = null;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = signal;
    logger.info({ signal, event: "shutdown" }, `${signal}: stopping the web server, then the database`);
    child.kill(signal);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // Under `npm start` (which execs this script and passes SIGTERM on), npm itself may be killed
  // without a signal to pass: being handed to another parent then means "stop" too.
  if (process.env.npm_lifecycle_event) {
    const parent = process.ppid;
    setInterval(() => process.ppid !== parent && stop("SIGTERM"), 500).unref();
  }
  child.on("exit", async (code, signal) => {
    try {
      await embedded?.stop();
    } catch (error) {
      logger.error({ err: error }, "the embedded database did not close cleanly");
      code = code || 1;
    }
    if (stopping && code === 0) {
      logger.info({ event: "shutdown.done" }, "stopped");
      process.exit(0);
    }
    logger.fatal({ code, signal, event: "server.died" }, "the web server exited unexpectedly: stopping Keel so it can be restarted whole");
    process.exit(code || 1);
  });
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "Keel failed to start");
  process.exit(1);
});
