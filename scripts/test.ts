// `npm test`: every check — type-check, lint, format, unused code, unit tests, integration tests
// against a real PostgreSQL (a throwaway database per run; embedded PGlite when no server is
// reachable), production build, process tests of `npm start` (tests/process), Playwright
// end-to-end tests in Debian's Chromium against a seeded copy, and a short load-and-restart run
// against the build (scripts/loadtest).
// Stages that do not depend on each other run side by side (see docs/testing.md); a stage that
// runs beside others has its output held and printed whole when it ends. Runs every stage even
// after a failure (so one run reports everything) and exits non-zero if any stage failed.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism } from "node:os";

import { hasDebianWrappers } from "./loadtest/cluster";
import { provisionTestDb, type TestDb } from "@/tests/support/test-db";

type Stage = { name: string; ok: boolean; seconds: number; skipped?: boolean; failures?: string[] };
const stages: Stage[] = [];
const only = process.env.KEEL_TEST_ONLY?.split(",");
const wanted = (name: string) => !only || only.includes(name);

/** A stage that did not run; `ok` says whether that counts as a failure. */
function notRun(name: string, ok: boolean) {
  stages.push({ name, ok, seconds: 0, skipped: true });
}

function run(
  name: string,
  cmd: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  { beside = false } = {},
): Promise<boolean> {
  if (!wanted(name)) {
    notRun(name, true);
    return Promise.resolve(true);
  }
  const stage: Stage = { name, ok: false, seconds: 0 };
  stages.push(stage);
  const header = `\n━━ ${name}: ${cmd} ${args.join(" ")}`;
  console.log(beside ? `\n━━ ${name}: started beside other stages (its output follows when it ends)` : header);
  const started = Date.now();
  const output: Buffer[] = [];
  const child = spawn(cmd, args, {
    stdio: beside ? ["ignore", "pipe", "pipe"] : "inherit",
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
  });
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) => {
    child.on("error", (e) => output.push(Buffer.from(`${e.message}\n`)));
    child.on("close", (code) => {
      stage.ok = code === 0;
      stage.seconds = (Date.now() - started) / 1000;
      if (beside) {
        console.log(`${header}   [ran beside other stages, ${stage.seconds.toFixed(1)}s]`);
        process.stdout.write(Buffer.concat(output));
        if (!stage.ok) stage.failures = failureLines(Buffer.concat(output).toString("utf8"));
      }
      resolve(stage.ok);
    });
  });
}

/**
 * The lines of a failed stage's output that say what failed (vitest's FAIL and × lines, errors,
 * source locations), at most 40: repeated next to the summary, so that a log read from its end
 * (as CI shows it) names the failing test even when the stage's output was printed long before.
 */
function failureLines(text: string): string[] {
  const wanted = /(^|\s)(FAIL|×|✗)\s|Error:|❯ \S+:\d+|expected /;
  const lines = text.split("\n").map((line) => line.replace(/\x1b\[[0-9;]*m/g, "").trimEnd());
  return [...new Set(lines.filter((line) => wanted.test(line)))].slice(0, 40);
}

/** Runs the tasks in the order given, at most `limit` at a time. */
async function atMost(limit: number, tasks: (() => Promise<unknown>)[]): Promise<void> {
  const queue = [...tasks];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let task = queue.shift(); task; task = queue.shift()) await task();
    }),
  );
}

const runStarted = Date.now();
const bin = (name: string) => `node_modules/.bin/${name}`;
const beside = { beside: true };

await run("generate", process.execPath, ["scripts/prisma-generate.mjs"]);
// The static checks and the unit tests need only the generated client, and each is one
// single-threaded process: one per core, longest first. Before the build, so that the
// type-check never reads a half-written .next/types.
await atMost(Math.max(2, availableParallelism()), [
  // With the route types `next build` would generate (.next/types): the build then skips its own
  // type-check (KEEL_TYPES_CHECKED, next.config.ts), the same tsc run over the same files.
  () => run("typecheck", "sh", ["-c", `${bin("next")} typegen && ${bin("tsc")} --noEmit`], {}, beside),
  () => run("lint", bin("eslint"), [".", "--max-warnings=0"], {}, beside),
  () => run("unit", bin("vitest"), ["run", "--project", "unit"], {}, beside),
  // Unused files, exports and dependencies fail the run (knip.json says what the entry points are).
  () =>
    run(
      "knip",
      bin("knip"),
      ["--no-progress"],
      { E2E_DATABASE_URL: process.env.E2E_DATABASE_URL ?? "postgresql://unused-by-knip" },
      beside,
    ),
  // Formatting is Prettier's (.prettierrc.json); `npm run format` fixes what this finds.
  () => run("format", bin("prettier"), ["--check", ".", "--log-level=warn"], {}, beside),
]);

const dbs: TestDb[] = [];
try {
  const it = await provisionTestDb("it");
  dbs.push(it);
  console.log(`\n(test databases: ${it.kind === "postgres" ? "PostgreSQL server" : "embedded PGlite — no server reachable"})`);
  const poolEnv = it.kind === "embedded" ? { KEEL_DB_POOL_MAX: "1" } : {};

  // The integration tests use only their database; beside them: the build, then what uses the
  // build but no browser (process tests, load test), and the e2e database's seed.
  const integration = run(
    "integration",
    bin("vitest"),
    ["run", "--project", "integration"],
    { KEEL_TEST_DATABASE_URL: it.url, ...poolEnv },
    beside,
  );
  const afterBuild = (async () => {
    const typesChecked = stages.some((s) => s.name === "typecheck" && !s.skipped);
    const built = await run(
      "build",
      bin("next"),
      ["build"],
      { NEXT_TELEMETRY_DISABLED: "1", ...(typesChecked ? { KEEL_TYPES_CHECKED: "1" } : {}) },
      beside,
    );
    // Whole `npm start` processes on that build (tests/process): start, refuse, stop, fail.
    if (built) await run("process", bin("vitest"), ["run", "--project", "process"], {}, beside);
    else notRun("process", false);
    await loadtest(built);
    return built;
  })();
  const seeded = wanted("e2e") && existsSync("/usr/bin/chromium") ? seedE2e() : Promise.resolve(null);
  const [built, e2e] = await Promise.all([afterBuild, seeded, integration]);

  if (!existsSync("/usr/bin/chromium")) {
    console.error("\n/usr/bin/chromium is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this.");
    stages.push({ name: "e2e", ok: false, seconds: 0 });
  } else if (!built) {
    notRun("e2e", false);
  } else if (e2e === "failed") {
    stages.push({ name: "e2e", ok: false, seconds: 0 });
  } else if (e2e) {
    // Alone: the browser and the server it drives get the whole machine.
    // KEEL_E2E_ARGS narrows the run while working on a few specs ("tests/e2e/x.spec.ts -g name").
    await run("e2e", bin("playwright"), ["test", ...(process.env.KEEL_E2E_ARGS?.split(" ").filter(Boolean) ?? [])], {
      E2E_DATABASE_URL: e2e.url,
      // The web server sends its email there; the spec that reads mail listens on it (docs/testing.md).
      E2E_SMTP_PORT: String(await freePort()),
      ...(e2e.kind === "embedded" ? { KEEL_DB_POOL_MAX: "1" } : {}),
    });
  } else {
    notRun("e2e", true);
  }
} finally {
  for (const db of dbs) await db.drop().catch((e) => console.error("could not drop test database:", e));
}

/** A TCP port nobody listens on now (the OS's choice). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway database with the demo data, for the e2e stage ("failed" if it could not be made). */
async function seedE2e(): Promise<TestDb | "failed"> {
  try {
    const e2e = await provisionTestDb("e2e");
    dbs.push(e2e);
    // Imported only now: the Prisma client is generated by the first stage.
    const { createPrismaClient } = await import("@/lib/db-factory");
    const { seedDemo } = await import("@/lib/seed/index");
    const db = createPrismaClient(e2e.url);
    try {
      await seedDemo(db);
    } finally {
      await db.$disconnect();
    }
    return e2e;
  } catch (e) {
    console.error("\ncould not seed the e2e database:", e);
    return "failed";
  }
}

// The load-and-restart test in its short form (scripts/loadtest): sessions reading pages and
// writing through the real server actions while PostgreSQL restarts, then every acknowledged
// write checked. It needs a PostgreSQL it may restart: a cluster of its own where Debian's
// pg_ctlcluster exists, or LOADTEST_PG_ADMIN_URL + LOADTEST_PG_RESTART_CMD.
async function loadtest(built: boolean): Promise<void> {
  if (!wanted("loadtest")) notRun("loadtest", true);
  else if (!built) notRun("loadtest", false);
  else if (!hasDebianWrappers() && !process.env.LOADTEST_PG_ADMIN_URL) {
    console.log("\n━━ loadtest: skipped (no pg_ctlcluster here and no LOADTEST_PG_ADMIN_URL/LOADTEST_PG_RESTART_CMD)");
    notRun("loadtest", true);
  } else {
    const args = ["scripts/loadtest/index.ts", "--duration=30", "--sessions=20", "--think-ms=3000", "--restart-at=12"];
    await run("loadtest", bin("tsx"), args, {}, beside);
  }
}

for (const s of stages.filter((stage) => stage.failures?.length)) {
  console.log(`\n━━ what failed in ${s.name} (its whole output is above)`);
  for (const line of s.failures ?? []) console.log(`  ${line}`);
}
console.log("\n━━ summary");
for (const s of stages) console.log(`${s.skipped ? "SKIP" : s.ok ? "PASS" : "FAIL"}  ${s.name.padEnd(12)} ${s.seconds.toFixed(1)}s`);
const failed = stages.filter((s) => !s.ok).length;
const passed = stages.filter((s) => s.ok && !s.skipped).length;
console.log(`stages: ${passed} passed, ${failed} failed, in ${((Date.now() - runStarted) / 1000).toFixed(0)}s`);
process.exit(failed ? 1 : 0);
