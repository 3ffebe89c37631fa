import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";

// Runs `npm start`'s script (scripts/start.ts) as a real process group, reads its JSON log lines
// and answers the questions the lifecycle tests ask: is it listening, did it exit and how, is
// any of its processes or its port left behind.

type LogLine = Record<string, unknown> & { msg?: string; event?: string; level?: string; pid?: number };

export type Keel = {
  proc: ChildProcess;
  pid: number;
  port: number;
  lines: LogLine[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor: (pred: (l: LogLine) => boolean, what: string, timeoutMs?: number) => Promise<LogLine>;
  url: (path: string) => string;
};

// Settings of the test runner that must not leak into the Keel under test.
const STRIP = [
  "DATABASE_URL",
  "DATABASE_REPLICA_URL",
  "KEEL_DB_POOL_MAX",
  "KEEL_TEST_DATABASE_URL",
  "AUTH_SECRET",
  "NEXTAUTH_SECRET",
  "NEXTAUTH_URL",
  "KEEL_ENV",
  "KEEL_ENCRYPTION_KEY",
  "KEEL_JOBS_IN_PROCESS",
  "PORT",
  "NODE_ENV",
];

/** `viaNpm`: as an operator types it, `npm start` (npm, then the script it execs). */
export function startKeel(port: number, env: Record<string, string>, opts: { viaNpm?: boolean } = {}): Keel {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !STRIP.includes(k) && !k.startsWith("VITEST")));
  const [cmd, args] = opts.viaNpm ? ["npm", ["start", "--silent"]] : [process.execPath, ["--import", "tsx", "scripts/start.ts"]];
  const proc = spawn(cmd, args, {
    env: { ...base, PORT: String(port), LOG_LEVEL: "debug", NEXT_TELEMETRY_DISABLED: "1", ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: "nothing left behind" means no process in that group.
    detached: true,
  });
  const lines: LogLine[] = [];
  const waiters: { pred: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  let buffer = "";
  let err = "";
  proc.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let i;
    while ((i = buffer.indexOf("\n")) >= 0) {
      const text = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      let line: LogLine;
      try {
        line = JSON.parse(text);
      } catch {
        line = { msg: text, raw: true };
      }
      lines.push(line);
      for (const w of [...waiters])
        if (w.pred(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
    }
  });
  proc.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    proc,
    pid: proc.pid!,
    port,
    lines,
    stderr: () => err,
    exited,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    waitFor: (pred, what, timeoutMs = 90_000) => {
      const seen = lines.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `no log line ${what} within ${timeoutMs} ms; stderr: ${err.slice(-2000)}; last lines: ${JSON.stringify(lines.slice(-5))}`,
              ),
            ),
          timeoutMs,
        );
        const w = {
          pred,
          resolve: (l: LogLine) => {
            clearTimeout(timer);
            resolve(l);
          },
        };
        waiters.push(w);
        void exited.then(({ code, signal }) => {
          if (waiters.includes(w)) {
            clearTimeout(timer);
            reject(
              new Error(
                `exited (${code ?? signal}) before log line ${what}; stderr: ${err.slice(-2000)}; last lines: ${JSON.stringify(lines.slice(-5))}`,
              ),
            );
          }
        });
      });
    },
  };
}

export const listening = (k: Keel) => k.waitFor((l) => l.event === "server.listening", "server.listening");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Whether nothing listens on the port (binding it succeeds). */
export async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Pids still in the process group (zombies excluded). */
export function groupMembers(pgid: number): number[] {
  const out = spawnSync("ps", ["-e", "-o", "pid=,pgid=,stat="], { encoding: "utf8" }).stdout;
  return out
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length === 3 && Number(p[1]) === pgid && !p[2].startsWith("Z"))
    .map((p) => Number(p[0]));
}

/** Polls until `check` holds (at most `timeoutMs`): for things that happen after a process exits. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}
