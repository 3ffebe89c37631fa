// `npm run loadtest`: the load and fault test (not part of `npm test`). Builds if needed,
// creates a generated database on a PostgreSQL cluster of its own, starts the production server
// on loopback, signs in N sessions, runs them for a bounded time (80% page reads, 15% status
// updates, 5% plan-cell edits, all through the real server actions over HTTP), restarts
// PostgreSQL in the middle, then checks that the app recovered by itself, that no request failed
// outside the restart window, and that every acknowledged write is in the database.
//
// Flags: --duration=SECONDS (75) --sessions=N (50) --restart-at=SECONDS (40% of duration)
//        --think-ms=MS (a session pauses a random 0..MS between requests, like a person; 10000)
//        --timeout-ms=MS (a request unanswered by then is an error; 60000) --grace-ms=MS (2000)
// It uses the existing production build (.next); run `npm run build` after changing the code.
// Env:   LOADTEST_PORT (3304), LOADTEST_DB (keel_load), LOADTEST_PG_CLUSTER (keelload),
//        LOADTEST_PG_PORT (5433), LOADTEST_PG_VERSION, or LOADTEST_PG_ADMIN_URL +
//        LOADTEST_PG_RESTART_CMD where there is no pg_ctlcluster (see scripts/loadtest/cluster.ts).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";

import { actionIds, Session } from "./client";
import { prepareCluster } from "./cluster";
import { checkDurability, restartWindow, summarize, type Restart } from "./report";
import { runSession, type BudgetWrite, type Sample } from "./run";
import { createFixture } from "./setup";

function flag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.split("=")[1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  return value;
}

const seconds = flag("duration", 75);
const sessions = flag("sessions", 50);
const restartAt = flag("restart-at", Math.round(seconds * 0.4));
const thinkMs = flag("think-ms", 10_000);
const graceMs = flag("grace-ms", 2000);
const timeoutMs = flag("timeout-ms", 60_000);
const port = Number(process.env.LOADTEST_PORT) || 3304;
const dbName = process.env.LOADTEST_DB ?? "keel_load";
const base = `http://127.0.0.1:${port}`;
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const log = (line: string) => console.log(`[loadtest] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForServer(alive: () => boolean): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until && alive()) {
    try {
      if ((await fetch(`${base}/login`, { signal: AbortSignal.timeout(5000) })).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`the server did not answer on ${base} (see its log)`);
}

async function postmasterStart(adminUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query<{ t: string }>("SELECT pg_postmaster_start_time()::text AS t")).rows[0].t;
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  if (!/^keel_load\w*$/.test(dbName)) throw new Error("LOADTEST_DB must start with keel_load (it is dropped and recreated).");
  if (restartAt >= seconds) throw new Error("--restart-at must be inside --duration");
  if (!existsSync(".next/BUILD_ID")) {
    log("no production build: running `npm run build`…");
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) return 1;
  }
  const ids = actionIds();
  const statusActionId = ids["lib/projects/actions.ts#postStatusUpdateAction"];
  const budgetActionId = ids["lib/budgets/actions.ts#setBudgetCellAction"];
  if (!statusActionId || !budgetActionId)
    throw new Error("server actions not found in .next/server/server-reference-manifest.json: rebuild");

  const cluster = prepareCluster(log);
  log(`PostgreSQL: ${cluster.label}`);
  const fixture = await createFixture(cluster.adminUrl, dbName, sessions, log);

  const serverLog = path.join(tmpdir(), `keel-loadtest-server-${port}.log`);
  const out = createWriteStream(serverLog);
  const secret = randomBytes(32).toString("base64");
  const server = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: fixture.url,
      AUTH_SECRET: secret,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.pipe(out);
  server.stderr.pipe(out);
  let serverAlive = true;
  server.on("exit", (code, signal) => {
    serverAlive = false;
    log(`server exited (code ${code}, signal ${signal})`);
  });
  try {
    await waitForServer(() => serverAlive);
    log(`production server on ${base} (pid ${server.pid}), log: ${serverLog}`);

    const signedIn: { session: Session; user: (typeof fixture.users)[number] }[] = [];
    for (let i = 0; i < fixture.users.length; i += 5) {
      await Promise.all(
        fixture.users.slice(i, i + 5).map(async (user) => {
          const session = new Session(base, timeoutMs);
          await session.signIn(user.email, fixture.password);
          signedIn.push({ session, user });
        }),
      );
    }
    // Warm-up, and a yardstick for the summary: each page once cold, then once timed, alone.
    const solo: string[] = [];
    for (const pathname of fixture.readPaths.slice(0, 10)) {
      await signedIn[0].session.page(pathname);
      const t = Date.now();
      const r = await signedIn[0].session.page(pathname);
      solo.push(
        `${pathname.replace("/acme/", "").replace(/projects\/[0-9a-f-]{36}$/, "projects/[id]")} ${Date.now() - t}${r.ok ? "" : "!"}`,
      );
    }
    log(`one session alone, ms per page: ${solo.join(", ")}`);
    log(`${signedIn.length} sessions signed in; running ${seconds} s, PostgreSQL restart at ${restartAt} s (${cpus().length} CPUs)`);

    const postmasterBefore = await postmasterStart(cluster.adminUrl);
    const samples: Sample[] = [];
    const budgetWrites: BudgetWrite[] = [];
    const started = Date.now();
    const workload = {
      readPaths: fixture.readPaths,
      statusActionId,
      budgetActionId,
      deadline: started + seconds * 1000,
      thinkMs,
      samples,
      budgetWrites,
    };
    const restart: Restart = { start: 0, end: 0 };
    const restarting = (async () => {
      await sleep(restartAt * 1000);
      log(`restarting PostgreSQL (${cluster.label})…`);
      restart.start = Date.now();
      try {
        await cluster.restart();
      } catch (error) {
        restart.error = error instanceof Error ? error.message : String(error);
      }
      restart.end = Date.now();
      log(`PostgreSQL restart command returned after ${((restart.end - restart.start) / 1000).toFixed(1)} s`);
    })();
    await Promise.all([...signedIn.map(({ session, user }) => runSession(session, user, workload)), restarting]);

    // Proof that PostgreSQL really went down and came back (a new postmaster).
    restart.restarted = (await postmasterStart(cluster.adminUrl)) !== postmasterBefore;
    const window = restartWindow(samples, restart, graceMs);
    const durability = await checkDurability(fixture.url, samples, budgetWrites);
    const verdict = summarize({ samples, restart, window, durability, serverAlive, seconds, sessions: signedIn.length });
    console.log(`\n━━ load test summary (${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} CPUs, PostgreSQL ${cluster.label})`);
    console.log(`one session alone, ms per page: ${solo.join(", ")}`);
    for (const line of verdict.lines) console.log(line);
    return verdict.pass ? 0 : 1;
  } finally {
    server.kill("SIGTERM");
    cluster.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error("[loadtest] failed:", error);
    process.exit(1);
  },
);
