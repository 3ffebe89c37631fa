import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { alive, eventually, freePort, groupMembers, listening, portFree, startKeel, type Keel } from "./keel";

// `npm start` with the embedded database, as an operator meets it: one start per data directory,
// private files, request ids in the logs, SIGTERM stops everything, and half a service never
// stays up. Needs a production build (scripts/test.ts runs this stage after `build`).

const dataDir = mkdtempSync(path.join(tmpdir(), "keel-proc-"));
const started: Keel[] = [];
const start = (port: number, env: Record<string, string> = {}, viaNpm = false) => {
  const k = startKeel(port, { KEEL_DATA_DIR: dataDir, ...env }, { viaNpm });
  started.push(k);
  return k;
};

afterAll(() => {
  for (const k of started) for (const pid of groupMembers(k.pid)) process.kill(pid, "SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

function loosePaths(dir: string): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    const st = lstatSync(p);
    if ((st.mode & 0o077) !== 0) out.push(`${p} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const n of readdirSync(p)) visit(path.join(p, n));
  };
  visit(dir);
  return out;
}

describe("embedded start, stop and failure", () => {
  it("refuses a second start on the same data directory while the first keeps serving; files are private; requests are logged with their id; SIGTERM leaves nothing behind", async () => {
    const port = await freePort();
    const first = start(port);
    const server = await listening(first);

    expect(loosePaths(dataDir)).toEqual([]);
    expect(readdirSync(path.join(dataDir, "pglite")).length).toBeGreaterThan(5);

    const second = start(await freePort());
    const { code } = await second.exited;
    expect(code).toBe(1);
    expect(second.stderr()).toContain(`${dataDir} is in use by another Keel process (pid ${first.pid})`);
    expect(second.stderr().trim().split("\n")).toHaveLength(1);

    const ready = await fetch(first.url("/api/health/ready"));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", database: "ok", migrations: "ok" });

    const login = await fetch(first.url("/login?callbackUrl=%2Fsecret-path"), { headers: { "X-Request-Id": "proc-test-42" } });
    expect(login.status).toBe(200);
    expect(login.headers.get("x-request-id")).toBe("proc-test-42");
    const line = await first.waitFor((l) => l.reqId === "proc-test-42" && l.msg === "request", "request log");
    expect(line).toMatchObject({ level: "info", method: "GET", route: "/login", status: 200 });
    expect(typeof line.durationMs).toBe("number");
    expect(Date.parse(String(line.time))).not.toBeNaN();

    const live = await fetch(first.url("/api/health/live"));
    expect(live.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const secret = readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim();
    expect(first.lines.some((l) => JSON.stringify(l).includes(secret))).toBe(false);
    expect(first.lines.every((l) => !l.raw)).toBe(true);

    process.kill(first.pid, "SIGTERM");
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.lines.some((l) => l.event === "server.stopped")).toBe(true);
    expect(await eventually(() => groupMembers(first.pid).length === 0)).toBe(true);
    expect(alive(server.pid!)).toBe(false);
    expect(await portFree(port)).toBe(true);
  });

  it("kill -9 of the process hosting the database stops the web server; a web server that dies stops the start, non-zero", async () => {
    const port = await freePort();
    const host = start(port);
    const server = await listening(host);
    process.kill(host.pid, "SIGKILL");
    await host.exited;
    expect(await eventually(() => !alive(server.pid!))).toBe(true);
    expect(host.lines.some((l) => l.event === "server.orphaned" && l.level === "fatal")).toBe(true);
    expect(await eventually(() => portFree(port))).toBe(true);

    // The kernel dropped the lock with the killed process: the next start needs no clean-up.
    const again = start(port);
    const web = await listening(again);
    process.kill(web.pid!, "SIGKILL");
    const exit = await again.exited;
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    expect(again.lines.some((l) => l.event === "server.died")).toBe(true);
    expect(await eventually(() => groupMembers(again.pid).length === 0)).toBe(true);
    expect(await portFree(port)).toBe(true);
  });

  it("SIGTERM to `npm start` (what a container stop sends) stops every process and frees the port", async () => {
    const port = await freePort();
    const npm = start(port, {}, true);
    const server = await listening(npm);
    process.kill(npm.pid, "SIGTERM");
    await npm.exited;
    expect(await eventually(() => groupMembers(npm.pid).length === 0)).toBe(true);
    expect(alive(server.pid!)).toBe(false);
    // The last line can still be in the pipe when the processes are gone (npm exits first).
    expect(await eventually(() => npm.lines.some((l) => l.event === "shutdown.done"), 5_000)).toBe(true);
    expect(await portFree(port)).toBe(true);
  });
});
