// `npm start`: run Keel. With DATABASE_URL set, Keel uses that PostgreSQL (migrate it first with
// `npm run db:migrate`; this script also applies pending migrations). Without it, Keel starts an
// embedded PostgreSQL (PGlite) with its data under .data/, migrates it and, on first start only,
// seeds the demo org. Builds the app first when there is no production build yet.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { startEmbeddedDb, type EmbeddedDb } from "@/lib/embedded-db";
import { migrate } from "@/lib/migrate";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT) || 3000;
const dataDir = path.resolve(process.env.KEEL_DATA_DIR ?? ".data");
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const log = (line: string) => console.log(`[keel] ${line}`);

function authSecret(): string {
  const configured = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (configured) return configured;
  if (process.env.KEEL_ENV === "production") {
    console.error("[keel] AUTH_SECRET is required when KEEL_ENV=production (32+ random bytes, e.g. `openssl rand -base64 32`).");
    process.exit(1);
  }
  // Local and demo runs: generate once and keep it, so sessions survive restarts.
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
    log(`generated an auth secret in ${path.relative(process.cwd(), file)}`);
  }
  return readFileSync(file, "utf8").trim();
}

async function main() {
  // A fresh clone has no generated Prisma client yet (it is build output, not source).
  if (!existsSync(path.resolve("lib/generated/prisma/client.ts"))) {
    const gen = spawnSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: "inherit" });
    if (gen.status !== 0) process.exit(gen.status ?? 1);
  }
  const { createPrismaClient } = await import("@/lib/db-factory");

  let embedded: EmbeddedDb | null = null;
  const env = { ...process.env } as NodeJS.ProcessEnv;
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedDb(path.join(dataDir, "pglite"), Number(env.KEEL_EMBEDDED_DB_PORT) || undefined);
    env.DATABASE_URL = embedded.url;
    env.KEEL_DB_POOL_MAX = "1";
    process.env.DATABASE_URL = embedded.url;
    process.env.KEEL_DB_POOL_MAX = "1";
    log(`embedded PostgreSQL (PGlite) on ${embedded.url.replace(/:[^:@/]*@/, ":***@")}, data in .data/pglite`);
  }

  const { applied } = await migrate(env.DATABASE_URL!, undefined, log);
  if (applied.length === 0) log("database schema is up to date");

  if (embedded) {
    const db = createPrismaClient(env.DATABASE_URL);
    try {
      if ((await db.organization.count()) === 0) {
        log("empty database: seeding the demo org (first start only)…");
        const { seedDemo } = await import("@/lib/seed/index");
        await seedDemo(db, { log });
      }
    } finally {
      await db.$disconnect();
    }
  }

  env.AUTH_SECRET = authSecret();
  env.NEXTAUTH_SECRET = env.AUTH_SECRET;
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  // Next.js telemetry would try to reach the internet; Keel must run air-gapped.
  env.NEXT_TELEMETRY_DISABLED ??= "1";

  if (!dev && !existsSync(path.resolve(".next/BUILD_ID"))) {
    log("no production build yet: building (once)…");
    const gen = spawnSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: "inherit", env });
    const build = gen.status === 0 ? spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env }) : gen;
    if (build.status !== 0) {
      await embedded?.stop();
      process.exit(build.status ?? 1);
    }
  }

  log(`Keel on http://localhost:${port}`);
  if (embedded) {
    log("demo logins (password keel-demo): director@acme.example, manager@acme.example, finance@acme.example,");
    log("  viewer@acme.example, admin@acme.example, director@globex.example");
  }
  const child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(port)], { stdio: "inherit", env });
  const shutdown = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  child.on("exit", async (code) => {
    await embedded?.stop().catch(() => {});
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error("[keel] failed to start:", error);
  process.exit(1);
});
