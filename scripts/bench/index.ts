// `npm run bench`: builds (if needed), generates large-org databases at scale 1 and 0.1 (reused
// while their marker matches), starts `next start` against each, signs in as the director and
// load-tests each key page at concurrency 8 next to its floors: the framework floor (a trivial
// signed-in page) and the SQL floor (the page's figures by hand-written SQL through `pg`). Then
// the statements each page sends per request (counted in-process by the server, statements.ts;
// they must not grow with the data), a 100,000-line CSV import through the app's import action, a
// 100 MB file imported in Keel's layout and mapped (time, peak RSS and heap), and first-load JS per route.
// Prints markdown; writes .bench/bench-<time>.json and .bench/latest.json.
//
// Then the "every page" table: every route once a user at a time, p50 and bytes (every-page.ts),
// and the CSV exports of the largest scale read to the end: time and peak RSS (exports.ts).
// With --fuzz-memory (or alone: --fuzz-memory-only, `npm run bench:fuzz-memory`), the production
// server's memory across passes of the query-string fuzz on the largest scale (fuzz-memory.ts);
// that run writes .bench/fuzz-memory-<time>.json and .bench/fuzz-memory-latest.json.
//
// Options: --scales 1,0.1 | --scale-only 1   --pages dashboard-org,finance-year   --requests 100
//          --every-page-only (just that table) | --no-every-page   --every-page-repeat 5
//          --lighthouse-only (just Lighthouse, on the largest scale) | --no-lighthouse
//          --lighthouse-runs 3 (median of each metric)   --lighthouse-out DIR (keep the reports)
//          --exports-only (just the exports, no server or build) | --no-exports
//          --import-only (just the imports, on the largest scale: no server or build) | --no-large-import
//          --no-writes (skip timing a plan cell, a status update and the stored figures' refreshes, and the
//          dashboard's first views after each: a server and a writing child on a copy of the database)
//          --concurrency 8   --warmup 8   --regen   --build   --no-import   --port 3305 (the "after a write"
//          rows' server, started with KEEL_FIGURES_MEMO=off, the statement-counting servers and the
//          views-after-writes server take the next four ports; without --port, free ports)
//          --fuzz-memory | --fuzz-memory-only   --fuzz-requests 1000   --fuzz-passes 5
//          --fuzz-concurrency 4   --fuzz-settle 15 (seconds before each reading)
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync, createWriteStream } from "node:fs";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { freePort } from "@/lib/embedded-db";
import { fiscalQuarterRange, fiscalPeriod, fiscalYearRange, toDateString } from "@/lib/fiscal";

import { firstLoadJsKb } from "./bundle";
import { everyPage } from "./every-page";
import { benchExports } from "./exports";
import { fuzzMemory } from "./fuzz-memory";
import { lighthouse } from "./lighthouse";
import { fnLoad, httpLoad } from "./load";
import { type BenchResult, markdown, type PageResult, type ScaleResult } from "./report";
import { dbUrl, ensureDb, signIn, startServer, stopServer } from "./setup";
import { type StatementTarget, statementsPerRequest } from "./statements";
import { benchWrites } from "./writes";
import { FLOOR_FRAMEWORK, type FloorInput, pageFloors, runFloor } from "./floors";

const argv = process.argv.slice(2);
const flag = (n: string) => argv.includes(`--${n}`);
const opt = (n: string, d: string) => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : d;
};
const scales = (argv.includes("--scale-only") ? opt("scale-only", "1") : opt("scales", "1,0.1")).split(",").map(Number);
const onlyPages = argv.includes("--pages") ? new Set(opt("pages", "").split(",")) : null;
const settings = {
  concurrency: Number(opt("concurrency", "8")),
  requests: Number(opt("requests", "100")),
  warmup: Number(opt("warmup", "8")),
};
const port = Number(opt("port", process.env.BENCH_PORT ?? "3305"));
// With --port, the bench's other servers take the next ports (a session given a port range stays
// in it); without, free ports.
const nextPort = (i: number) => (argv.includes("--port") ? Promise.resolve(port + i) : freePort());
const base = `http://127.0.0.1:${port}`;
const log = (s: string) => console.error(`[bench] ${s}`);

if (!flag("exports-only") && !flag("import-only") && (flag("build") || !existsSync(".next/BUILD_ID"))) {
  log("building (next build) …");
  const b = spawnSync("npm", ["run", "build"], { stdio: ["ignore", "inherit", "inherit"] });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

type Target = { org: { id: string; startMonth: number }; deptId: string; projectId: string; directorId: string; financeId: string };

async function target(url: string): Promise<Target> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const org = (await c.query(`SELECT id, "fiscalYearStartMonth" AS m FROM "Organization" WHERE slug = 'large'`)).rows[0];
    const dept = (await c.query(`SELECT id FROM "OrgUnit" WHERE "orgId" = $1 AND depth = 2 ORDER BY code LIMIT 1`, [org.id])).rows[0];
    const project = (
      await c.query(`SELECT id FROM "Project" WHERE "orgId" = $1 AND status = 'ACTIVE' AND "archivedAt" IS NULL ORDER BY id LIMIT 1`, [
        org.id,
      ])
    ).rows[0];
    const users = (
      await c.query(`SELECT u.id, m.role FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE m."orgId" = $1`, [org.id])
    ).rows;
    return {
      org: { id: org.id, startMonth: org.m },
      deptId: dept.id,
      projectId: project.id,
      directorId: users.find((u) => u.role === "DIRECTOR").id,
      financeId: users.find((u) => u.role === "FINANCE").id,
    };
  } finally {
    await c.end();
  }
}

// `cold`: the same page on a second server started with KEEL_FIGURES_MEMO=off, which computes the
// memoized figures (lib/figures-memo.ts) on every request: the page as the first viewer after a
// change sees it. The other rows measure what every later viewer sees.
type BenchPage = { key: string; path: string; cold?: boolean; floor?: string };

function pagesFor(t: Target, fy: number): BenchPage[] {
  return [
    { key: "dashboard-org", path: "/large/dashboard" },
    { key: "dashboard-org-cold", path: "/large/dashboard", cold: true, floor: "dashboard-org" },
    { key: "dashboard-dept", path: `/large/dashboard?unit=${t.deptId}` },
    { key: "finance-year", path: `/large/budgets?fy=${fy}&period=year` },
    { key: "finance-year-cold", path: `/large/budgets?fy=${fy}&period=year`, cold: true, floor: "finance-year" },
    { key: "projects-filtered", path: "/large/projects?status=ACTIVE&health=AT_RISK" },
    { key: "roadmap", path: "/large/roadmap" },
    { key: "roadmap-board", path: "/large/roadmap?view=board" },
    { key: "headcount", path: "/large/headcount" },
    { key: "project-page", path: `/large/projects/${t.projectId}` },
    { key: "teams", path: "/large/teams" },
    { key: "teams-dept", path: `/large/teams?unit=${t.deptId}` },
    { key: "plan-grid", path: `/large/budgets/plan?fy=${fy}` },
    { key: "plan-grid-dept", path: `/large/budgets/plan?fy=${fy}&unit=${t.deptId}` },
    { key: "vendors", path: "/large/vendors" },
    { key: "members", path: "/large/settings" },
  ].filter((p) => !onlyPages || onlyPages.has(p.key));
}

/**
 * A session signed in just now, for one load test. The proxy re-issues the session cookie with a
 * new lastSeen once a minute (lib/auth/session-cookie.ts) and a browser keeps the new one, but
 * autocannon sends the same Cookie header throughout: with a cookie older than a minute, every
 * request of the test would re-encrypt it and touch the session record, work a browser causes
 * once a minute. Each load test lasts well under a minute.
 */
const signedIn = (base: string) => signIn(base, "director@large.example", "keel-demo");

async function benchScale(scale: number): Promise<ScaleResult> {
  const db = await ensureDb(scale, flag("regen"), log);
  await storeFigures(db.url, scale);
  const t = await target(db.url);
  const now = new Date();
  const fp = fiscalPeriod(now, t.org.startMonth);
  const fy = fiscalYearRange(fp.fiscalYear, t.org.startMonth);
  const qr = fiscalQuarterRange(fp.fiscalYear, fp.quarter, t.org.startMonth);
  const floorInput: FloorInput = {
    orgId: t.org.id,
    deptId: t.deptId,
    projectId: t.projectId,
    today: toDateString(now),
    qStart: toDateString(qr.start),
    qEnd: toDateString(qr.end),
    fyStart: toDateString(fy.start),
    fyEnd: toDateString(fy.end),
  };
  // KEEL_BENCH_FLOOR=1: /keel-bench/floor, the bare Next.js page (no proxy, no session, one SELECT 1).
  const server = await startServer(db.url, port, { KEEL_BENCH_FLOOR: "1" });
  let cold: { server: ChildProcess; base: string; cookie: string } | null = null;
  // The floors run with the app's session settings (jit=off, lib/db-factory.ts): with JIT on,
  // LLVM compilation of the money floors alone cost more than the queries themselves.
  const pool = new pg.Pool({ connectionString: db.url, max: 10, options: "-c jit=off" });
  try {
    const cookie = await signIn(base, "director@large.example", "keel-demo");
    // Lighthouse on the largest scale only (about a minute per page): --no-lighthouse skips it.
    const browser = async () =>
      flag("no-lighthouse") || scale !== Math.max(...scales)
        ? undefined
        : lighthouse(
            base,
            [
              { page: "director dashboard", path: "/large/dashboard", cookie },
              { page: "finance dashboard", path: "/large/dashboard?view=finance", cookie },
              { page: "manager dashboard", path: "/large/dashboard", cookie: await signIn(base, "manager@large.example", "keel-demo") },
              { page: "projects list", path: "/large/projects", cookie },
              { page: "project page", path: `/large/projects/${t.projectId}`, cookie },
            ],
            log,
            Number(opt("lighthouse-runs", "3")),
            argv.includes("--lighthouse-out") ? path.resolve(opt("lighthouse-out", ".bench/lighthouse")) : undefined,
          );
    if (flag("lighthouse-only")) {
      const none = { requests: 0, p50: NaN, p95: NaN, max: NaN, rps: NaN, errors: 0 };
      return {
        scale,
        db: db.name,
        generatedSeconds: db.generatedSeconds,
        reused: db.reused,
        day: db.day,
        framework: none,
        pages: [],
        lighthouse: await browser(),
      };
    }
    if (flag("every-page-only")) {
      const every = await everyPage(base, cookie, db.url, fp.fiscalYear, Number(opt("every-page-repeat", "5")), log);
      const none = { requests: 0, p50: NaN, p95: NaN, max: NaN, rps: NaN, errors: 0 };
      return {
        scale,
        db: db.name,
        generatedSeconds: db.generatedSeconds,
        reused: db.reused,
        day: db.day,
        framework: none,
        pages: [],
        everyPage: every,
      };
    }
    const load = { connections: settings.concurrency, amount: settings.requests, warmup: settings.warmup };
    // Both floors warmed alike first: measured first after the start, the bare page paid for the
    // server's warm-up (first run: bare 153 ms, Keel's floor after it 123 ms).
    const keelCookie = await signedIn(base);
    for (let i = 0; i < 3; i++) {
      await httpLoad(`${base}/keel-bench/floor`, "", { ...load, amount: Math.ceil(settings.requests / 2), warmup: 0 });
      await httpLoad(`${base}/large/me`, keelCookie, { ...load, amount: Math.ceil(settings.requests / 2), warmup: 0 });
    }
    log(`scale ${scale}: bare Next.js floor …`);
    const bare = await httpLoad(`${base}/keel-bench/floor`, "", load);
    log(`scale ${scale}: framework floor …`);
    const framework = await httpLoad(`${base}/large/me`, await signedIn(base), load);
    const floors = pageFloors(floorInput);
    const pages: PageResult[] = [];
    const counted: StatementTarget[] = [
      { key: "bare", path: "/keel-bench/floor" },
      { key: "framework", path: "/large/me" },
    ];
    for (const p of pagesFor(t, fp.fiscalYear)) {
      log(`scale ${scale}: ${p.key} …`);
      let page;
      if (p.cold) {
        if (!cold) {
          const coldPort = await nextPort(1);
          cold = {
            server: await startServer(db.url, coldPort, { KEEL_FIGURES_MEMO: "off" }),
            base: `http://127.0.0.1:${coldPort}`,
            cookie: "",
          };
          cold.cookie = await signIn(cold.base, "director@large.example", "keel-demo");
        }
        page = await httpLoad(cold.base + p.path, await signedIn(cold.base), load);
      } else {
        page = await httpLoad(base + p.path, await signedIn(base), load);
      }
      counted.push({ key: p.key, path: p.path, cold: p.cold });
      const floor = floors[p.floor ?? p.key];
      const sqlFloor = floor ? await fnLoad(() => runFloor(pool, floor), load) : null;
      const ratio = sqlFloor ? Math.round((page.p95 / (framework.p95 + sqlFloor.p95)) * 100) / 100 : null;
      pages.push({ key: p.key, path: p.path, page, sqlFloor, ratio });
    }
    log(`scale ${scale}: statements per request …`);
    const statements = await statementsPerRequest(db.url, counted, log, [await nextPort(2), await nextPort(3)]);
    pages.forEach((p) => (p.statements = statements[p.key]));
    const every = flag("no-every-page")
      ? undefined
      : await everyPage(base, cookie, db.url, fp.fiscalYear, Number(opt("every-page-repeat", "5")), log);
    const lighthouseRows = await browser();
    // The framework floor's SQL, for reference: what its one cheap query costs at the same load.
    void FLOOR_FRAMEWORK;
    return {
      scale,
      db: db.name,
      generatedSeconds: db.generatedSeconds,
      reused: db.reused,
      day: db.day,
      framework,
      bare,
      bareStatements: statements.bare,
      frameworkStatements: statements.framework,
      pages,
      everyPage: every,
      lighthouse: lighthouseRows,
    };
  } finally {
    await pool.end();
    await stopServer(server);
    if (cold) await stopServer(cold.server);
  }
}

type ChildImport = {
  ms: number;
  inserted: number;
  batchId: string;
  peakRssMb: number;
  peakHeapMb: number;
  peakLiveHeapMb: number | null;
  baseLiveHeapMb: number | null;
  cpuMs: number;
  warmupMs: number;
};

/**
 * Imports `file` in a child process (import-child.ts: through the app's import action, or the
 * mapped one with `mapping`), then leaves the database as generated: the imported lines and
 * their batch are dropped again. `liveHeap`: the child also reads its heap after a forced full
 * collection every 2 s (which lowers its RSS a little).
 */
async function importInChild(
  url: string,
  file: string,
  userId: string,
  o: { mapping?: object; liveHeap?: boolean } = {},
): Promise<ChildImport> {
  const { mapping, liveHeap } = o;
  const args = [
    ...(liveHeap ? ["--expose-gc"] : []),
    "--conditions=react-server",
    "--import",
    "tsx",
    "scripts/bench/import-child.ts",
    file,
    "large",
    userId,
  ];
  if (mapping) {
    const mappingFile = `${file}.mapping.json`;
    writeFileSync(mappingFile, JSON.stringify(mapping));
    args.push(mappingFile);
  }
  const child = spawn(process.execPath, args, { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout.on("data", (d) => (stdout += d));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`import child exited ${code}`);
  const res = JSON.parse(stdout.trim().split("\n").at(-1)!) as ChildImport;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DELETE FROM "ActualEntry" WHERE "importBatchId" = $1`, [res.batchId]);
  await c.query(`DELETE FROM "ImportBatch" WHERE id = $1`, [res.batchId]);
  // Without this the dead rows stay in the ledger's indexes until autovacuum gets to them, and
  // the next run's range reads (and its import) pay for them.
  await c.query(`VACUUM ANALYZE "ActualEntry", "ActualMonthly", "MoneyMonthly"`);
  await c.end();
  return res;
}

/** Stores the figures the writers keep (scripts/bench/store-figures.ts) before any page is measured. */
async function storeFigures(url: string, scale: number): Promise<void> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/store-figures.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.on("data", (d) => (stdout += d));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`store-figures child exited ${code}`);
  const r = JSON.parse(stdout.trim().split("\n").at(-1)!) as { stored: number; ms: number };
  log(`scale ${scale}: stored figures of ${r.stored} org figure(s) in ${r.ms} ms`);
}

/** Writes `lines()` to `file` as it goes (never the whole text in memory); returns its size in MB. */
async function writeLines(file: string, lines: Iterable<string>): Promise<number> {
  mkdirSync(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  let bytes = 0;
  for (const line of lines) {
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return bytes / 1024 / 1024;
}

async function benchImport(url: string): Promise<BenchResult["import"]> {
  const t = await target(url);
  const lines = 100_000;
  const file = path.resolve(".bench/import-100k.csv");
  const run = Date.now().toString(36);
  const cats = ["Software", "Cloud", "Travel", "Hardware", "Training", "Other"];
  await writeLines(
    file,
    (function* () {
      yield "date,cost centre code,category,amount,vendor,memo,external reference\n";
      for (let i = 1; i <= lines; i++) {
        const day = `2026-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
        yield `${day},CC${String(1 + (i % 50)).padStart(5, "0")},${cats[i % cats.length]},${(i % 9000) + 12.34},${i % 3 ? "" : `Vendor ${String(1 + (i % 20)).padStart(4, "0")}`},bench line ${i},BENCH-${run}-${i}\n`;
      }
    })(),
  );
  log("import of 100,000 lines …");
  const res = await importInChild(url, file, t.financeId);
  return {
    lines,
    seconds: res.ms / 1000,
    peakRssMb: res.peakRssMb,
    inserted: res.inserted,
    cpuSeconds: res.cpuMs / 1000,
    warmupSeconds: res.warmupMs / 1000,
  };
}

const LARGE_FILE_MB = 100;

/**
 * A 100 MB file of one ledger, twice: in Keel's layout through the import action, and as a
 * QuickBooks-shaped GL detail export (title lines, US dates, debit/credit with thousands
 * separators, a total line) through its mapping. Both must stream: memory independent of the
 * file's length. Every line is distinct, except each 1,000th, repeated in the file as an export
 * repeats two identical charges.
 */
async function benchLargeImports(url: string): Promise<BenchResult["largeImports"]> {
  const t = await target(url);
  const run = Date.now().toString(36);
  const accounts = ["6100 Software", "6200 Cloud Hosting", "6300 Travel", "6400 Hardware", "6500 Training", "6900 Other"];
  const categories = ["SOFTWARE", "CLOUD", "TRAVEL", "HARDWARE", "TRAINING", "OTHER"];
  const limit = LARGE_FILE_MB * 1024 * 1024;
  const rows = function* (line: (i: number, day: string, cc: string, cents: number, vendor: string) => string) {
    let bytes = 0;
    for (let i = 1; bytes < limit; i++) {
      const n = i % 1000 === 0 ? i - 1 : i; // each 1,000th line repeats the one before
      const day = `2026-${String(1 + (n % 12)).padStart(2, "0")}-${String(1 + (n % 28)).padStart(2, "0")}`;
      const vendor = n % 3 ? "" : `Vendor ${String(1 + (n % 20)).padStart(4, "0")}`;
      const text = line(n, day, `CC${String(1 + (n % 50)).padStart(5, "0")}`, (n % 900_000) + 1234, vendor);
      bytes += text.length;
      yield text;
    }
  };
  const money = (cents: number) => `${Math.floor(cents / 100).toLocaleString("en-US")}.${String(cents % 100).padStart(2, "0")}`;
  const out: NonNullable<BenchResult["largeImports"]> = [];
  const measure = async (kind: "own layout" | "mapped", file: string, mb: number, mapping?: object) => {
    log(`import of a ${mb.toFixed(0)} MB file, ${kind} …`);
    try {
      const res = await importInChild(url, file, t.financeId, { mapping, liveHeap: true });
      out.push({
        kind,
        mb,
        lines: res.inserted,
        seconds: res.ms / 1000,
        peakRssMb: res.peakRssMb,
        peakHeapMb: res.peakHeapMb,
        peakLiveHeapMb: res.peakLiveHeapMb,
        baseLiveHeapMb: res.baseLiveHeapMb,
      });
    } catch (e) {
      out.push({ kind, mb, error: (e as Error).message });
    }
  };

  const own = path.resolve(".bench/import-100mb.csv");
  const ownMb = await writeLines(
    own,
    (function* () {
      yield "date,cost centre code,category,amount,vendor,memo,external reference\n";
      yield* rows(
        (i, day, cc, cents, vendor) =>
          `${day},${cc},${categories[i % 6]},${(cents / 100).toFixed(2)},${vendor},bench line ${i} of run ${run} for the large file,BENCH-${run}-${i}\n`,
      );
    })(),
  );
  await measure("own layout", own, ownMb);

  const mapped = path.resolve(".bench/import-100mb-gl.csv");
  const mappedMb = await writeLines(
    mapped,
    (function* () {
      yield "General Ledger\nKeel Bench Co.\n";
      yield '"Date","Account","Department","Vendor","Memo","Debit","Credit"\n';
      yield* rows((i, day, cc, cents, vendor) => {
        const [y, m, d] = day.split("-");
        const amount = `"${money(cents)}"`;
        return `${m}/${d}/${y},${accounts[i % 6]},${cc},${vendor},bench line ${i} of run ${run},${i % 50 ? amount : ""},${i % 50 ? "" : amount}\n`;
      });
      yield '"Total",,,,,,\n';
    })(),
  );
  await measure("mapped", mapped, mappedMb, {
    encoding: "utf-8",
    dateFormat: "MDY",
    columns: {
      date: "Date",
      account: "Account",
      costCentre: "Department",
      vendor: "Vendor",
      memo: "Memo",
      debit: "Debit",
      credit: "Credit",
    },
    accounts: accounts.map((value, i) => ({ value, category: categories[i] })),
    costCentres: [],
  });
  return out;
}

const result: BenchResult = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "?", node: process.version, loadavg: os.loadavg() },
  settings,
  scales: [],
  firstLoadJsKb: {},
};
const fuzzOnly = flag("fuzz-memory-only");
const exportsOnly = flag("exports-only");
const importOnly = flag("import-only");
if (exportsOnly) {
  for (const s of scales) {
    const db = await ensureDb(s, flag("regen"), log);
    const t = await target(db.url);
    const fy = fiscalPeriod(new Date(), t.org.startMonth).fiscalYear;
    result.scales.push({
      scale: s,
      db: db.name,
      generatedSeconds: db.generatedSeconds,
      reused: db.reused,
      day: db.day,
      framework: { requests: 0, p50: NaN, p95: NaN, max: NaN, rps: NaN, errors: 0 },
      pages: [],
      exports: await benchExports(db.url, s, fy, log),
    });
  }
} else if (!fuzzOnly && !importOnly) {
  for (const s of scales) result.scales.push(await benchScale(s));
}
if (!fuzzOnly && !importOnly && !flag("no-exports") && !exportsOnly && !flag("every-page-only") && !flag("lighthouse-only")) {
  const big = [...result.scales].sort((a, b) => b.scale - a.scale)[0];
  const t = await target(dbUrl(big.db));
  big.exports = await benchExports(dbUrl(big.db), big.scale, fiscalPeriod(new Date(), t.org.startMonth).fiscalYear, log);
}
if (fuzzOnly || flag("fuzz-memory")) {
  const scale = Math.max(...scales);
  result.fuzzMemory = await fuzzMemory({
    scale,
    db: await ensureDb(scale, flag("regen") && fuzzOnly, log),
    port,
    log,
    requests: Number(opt("fuzz-requests", "1000")),
    passes: Number(opt("fuzz-passes", "5")),
    concurrency: Number(opt("fuzz-concurrency", "4")),
    settleSeconds: Number(opt("fuzz-settle", "15")),
  });
}
if (!flag("no-import") && !flag("every-page-only") && !flag("lighthouse-only") && !exportsOnly && !fuzzOnly) {
  const big = importOnly
    ? await ensureDb(Math.max(...scales), flag("regen"), log)
    : { name: [...result.scales].sort((a, b) => b.scale - a.scale)[0].db };
  result.import = await benchImport(dbUrl(big.name)).catch((e: Error) => ({ error: e.message }));
  if (!flag("no-large-import")) result.largeImports = await benchLargeImports(dbUrl(big.name));
}
if (!flag("no-writes") && !flag("every-page-only") && !flag("lighthouse-only") && !exportsOnly && !fuzzOnly && !importOnly) {
  const big = [...result.scales].sort((a, b) => b.scale - a.scale)[0];
  const w = await benchWrites(big.db, { concurrency: settings.concurrency, port: () => nextPort(4), log }).catch((e: Error) => ({
    error: e.message,
  }));
  result.writes = "error" in w ? w : w.writes;
  result.viewsAfterWrites = "error" in w ? w : w.views;
}
for (const route of exportsOnly || fuzzOnly || importOnly
  ? []
  : [
      "/(app)/[org]/dashboard",
      "/(app)/[org]/budgets",
      "/(app)/[org]/projects/(list)",
      "/(app)/[org]/projects/[id]",
      "/(app)/[org]/roadmap",
      "/(app)/[org]/headcount",
      "/(plain)/[org]/me",
    ]) {
  result.firstLoadJsKb[route] = firstLoadJsKb(route);
}
mkdirSync(".bench", { recursive: true });
const stamp = result.at.replace(/[:.]/g, "-");
// A fuzz-memory-only run keeps its own files, so latest.json stays the last full bench.
const kind = fuzzOnly ? "fuzz-memory" : "bench";
writeFileSync(`.bench/${kind}-${stamp}.json`, JSON.stringify(result, null, 2));
writeFileSync(fuzzOnly ? ".bench/fuzz-memory-latest.json" : ".bench/latest.json", JSON.stringify(result, null, 2));
console.log(markdown(result));
