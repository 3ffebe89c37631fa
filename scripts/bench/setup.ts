import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import pg from "pg";

import { seedLarge } from "@/lib/seed-large";

// Bench plumbing: generated databases (reused while their marker matches), the production
// server, and a signed-in cookie.

export const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PREFIX = process.env.BENCH_DB_PREFIX ?? "keel_bench";

/** The URL of database `name` on the bench's server. */
export function dbUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fingerprint of the generator and the migrations: a database made by other code is regenerated. */
function generatorVersion(): string {
  const h = createHash("sha256");
  for (const dir of ["lib/seed-large", "prisma/migrations"]) {
    const walk = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    for (const f of walk(dir).sort()) h.update(f).update(readFileSync(f));
  }
  return h.digest("hex").slice(0, 12);
}

export type BenchDb = { url: string; name: string; generatedSeconds: number | null; reused: boolean; day: string };

export async function ensureDb(scale: number, regen: boolean, log: (s: string) => void): Promise<BenchDb> {
  const name = `${PREFIX}_s${String(scale).replace(".", "_")}`;
  const marker = `keel-bench scale=${scale} gen=${generatorVersion()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ c: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = $1`,
      [name],
    );
    const comment = rows[0]?.c ?? "";
    if (!regen && comment.startsWith(marker)) {
      const seconds = Number(/seconds=([\d.]+)/.exec(comment)?.[1] ?? NaN);
      const day = /day=(\S+)/.exec(comment)?.[1] ?? "?";
      log(`scale ${scale}: reusing ${name} (generated ${day} in ${seconds}s; --regen to rebuild)`);
      return { url: dbUrl(name), name, generatedSeconds: Number.isFinite(seconds) ? seconds : null, reused: true, day };
    }
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  log(`scale ${scale}: generating ${name} …`);
  const day = new Date().toISOString().slice(0, 10);
  const { seconds } = await seedLarge(dbUrl(name), { scale, log });
  log(`scale ${scale}: generated in ${seconds.toFixed(1)}s`);
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(`COMMENT ON DATABASE "${name}" IS '${marker} seconds=${seconds.toFixed(1)} day=${day}'`);
  await c.end();
  return { url: dbUrl(name), name, generatedSeconds: seconds, reused: false, day };
}

// Servers this process started: stopped again if the bench is interrupted or fails.
const started = new Set<ChildProcess>();
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    for (const c of started) c.kill("SIGTERM");
    process.exit(130);
  });
}
process.once("exit", () => {
  for (const c of started) c.kill("SIGTERM");
});

// BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server (Node refuses
// --cpu-prof in NODE_OPTIONS); the profile is written when the server exits.
const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];

/**
 * `next start` on the build, or with `keel` the web server as `npm start` runs it (scripts/server.ts:
 * Next's request handler plus request logging and draining), whose pid is the child's own.
 */
export async function startServer(
  url: string,
  port: number,
  extraEnv: Record<string, string> = {},
  opts: { keel?: boolean; nodeArgs?: string[] } = {},
): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extraEnv,
    DATABASE_URL: url,
    PORT: String(port),
    AUTH_SECRET: "keel-bench-secret-not-for-production-0123456789",
    NEXTAUTH_SECRET: "keel-bench-secret-not-for-production-0123456789",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    HOSTNAME: "127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  Object.assign(env, { NODE_ENV: "production" });
  const args = opts.keel
    ? ["--import", "tsx", "scripts/server.ts"]
    : ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...(opts.nodeArgs ?? []), ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(child);
  child.once("exit", () => started.delete(child));
  // Unread, a full pipe would stall the server at its next log line (scripts/server.ts logs
  // every request); a caller that wants the lines adds its own listener.
  child.stdout?.resume();
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr = (stderr + d).slice(-4000)));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/login`);
      if (res.ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill();
  throw new Error(`next start did not answer on port ${port} within 60s: ${stderr}`);
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** next-auth credentials sign-in over HTTP: csrf token, then the callback; returns the Cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: base }).toString(),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${email} failed: HTTP ${res.status}`);
  return header();
}
