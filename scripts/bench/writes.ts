// The writes section of `npm run bench` (index.ts): the writes users make most, timed on a copy of
// the largest database (time-writes.ts), then the whole-org dashboard's first views after each
// write on the same copy (write-child.ts makes the writes).
import { spawn } from "node:child_process";
import { once } from "node:events";

import pg from "pg";

import { percentile } from "./load";
import type { ViewAfterWriteRow, WriteRow } from "./report";
import { ADMIN_URL, dbUrl, signIn, startServer, stopServer } from "./setup";

type Options = {
  /** The "at once" of the concurrent views. */
  concurrency: number;
  /** A port for the views' server. */
  port: () => Promise<number>;
  log: (s: string) => void;
};

/**
 * The writes users make most (scripts/bench/time-writes.ts: a plan cell saved, a status update
 * posted, and the stored figures' refreshes), timed in a child process on a copy of the database
 * (they write), which is dropped afterwards. Run when no server holds the database open.
 */
export async function benchWrites(
  name: string,
  o: Options,
): Promise<{ writes: WriteRow[]; views: ViewAfterWriteRow[] | { error: string } }> {
  const copy = `${name}_writes`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${copy}" TEMPLATE "${name}"`);
    o.log("writes: a plan cell, a status update, the stored figures' refreshes …");
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/time-writes.ts", "15"], {
      env: { ...process.env, DATABASE_URL: dbUrl(copy) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    const [code] = await once(child, "exit");
    if (code !== 0) throw new Error(`writes child exited ${code}`);
    const writes = JSON.parse(stdout.trim().split("\n").at(-1)!) as WriteRow[];
    o.log("writes: the dashboard's first views after each write …");
    // A failure of the views leaves the writes' times standing.
    const views = await viewsAfterWrites(dbUrl(copy), o).catch((e: Error) => ({ error: e.message }));
    return { writes, views };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

/**
 * The whole-org dashboard as its viewers get it after a real write (issue 23: "the first view
 * after a write"): a server with the memo on, over the copy of the database; a child process
 * (write-child.ts) makes one write through the app's actions, then `at` viewers request the
 * dashboard at once, and again after the next write. The write moves only the tables it writes,
 * so the figures that read others stay memoized and the viewers of one write share its
 * computation, as they would in use. Also the same views with no write before them (memoized).
 */
async function viewsAfterWrites(url: string, o: Options, rounds = 12): Promise<ViewAfterWriteRow[]> {
  const p = await o.port();
  const server = await startServer(url, p);
  const writer = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/write-child.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  // The child's next answer; a child that exits, or takes over two minutes, fails the section
  // instead of leaving the bench waiting forever.
  const exited = once(writer, "exit");
  type Reply = { ok?: boolean; ready?: boolean; error?: string };
  const reply = () => {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      once(writer, "message").then(([m]) => m as Reply),
      exited.then(([code]) => Promise.reject(new Error(`write child exited (${code})`))),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("write child: no answer in 120 s")), 120_000))),
    ]).finally(() => clearTimeout(timer));
  };
  try {
    if (!(await reply()).ready) throw new Error("write child did not start");
    const base = `http://127.0.0.1:${p}`;
    const cookie = await signIn(base, "director@large.example", "keel-demo");
    const view = async () => {
      const t = performance.now();
      const res = await fetch(`${base}/large/dashboard`, { headers: { cookie, accept: "text/html" } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`dashboard: HTTP ${res.status}`);
      return performance.now() - t;
    };
    for (let i = 0; i < 3; i++) await view();
    let n = 0;
    const rows: ViewAfterWriteRow[] = [];
    for (const kind of ["none", "status", "plan"] as const) {
      for (const at of [...new Set([1, o.concurrency])]) {
        const ms: number[] = [];
        for (let r = 0; r < rounds; r++) {
          if (kind !== "none") {
            writer.send({ kind, i: ++n });
            const m = await reply();
            if (!m.ok) throw new Error(`write: ${m.error}`);
          }
          ms.push(...(await Promise.all(Array.from({ length: at }, view))));
        }
        ms.sort((a, b) => a - b);
        const pct = (q: number) => Math.round(percentile(ms, q));
        rows.push({ after: kind, at, views: ms.length, p50: pct(50), p95: pct(95), max: Math.round(ms.at(-1)!) });
      }
    }
    return rows;
  } finally {
    if (writer.exitCode === null && writer.signalCode === null) {
      if (writer.connected) writer.send("exit");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (writer.exitCode === null) writer.kill("SIGKILL");
    }
    await stopServer(server);
  }
}
