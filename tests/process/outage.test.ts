import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { startEmbeddedDb, type EmbeddedDb } from "@/lib/embedded-db";

import { eventually, freePort, listening, startKeel } from "./keel";

// Keel against a database server that goes away and comes back (an embedded PostgreSQL served
// from this test process on a fixed port, stopped and restarted on the same files): readiness
// follows it, sign-in says the database is unreachable (never "invalid password", never a host),
// and the outage is logged once, with its duration, however many requests failed during it.

const dir = mkdtempSync(path.join(tmpdir(), "keel-outage-"));
let db: EmbeddedDb | null = null;
afterAll(async () => {
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("a database outage", () => {
  it("makes readiness false and sign-in say so while the database is down, true again after; logged once with its duration", async () => {
    const dbPort = await freePort();
    const up = () => startEmbeddedDb(path.join(dir, "pglite"), dbPort, dir);
    db = await up();
    const keel = startKeel(await freePort(), { DATABASE_URL: db.url, KEEL_DB_POOL_MAX: "1", KEEL_DATA_DIR: path.join(dir, "keel") });
    await listening(keel);
    const ready = () => fetch(keel.url("/api/health/ready"));
    expect((await ready()).status).toBe(200);

    await db.stop();
    db = null;
    const down = await ready();
    expect(down.status).toBe(503);
    const body = await down.text();
    expect(JSON.parse(body)).toEqual({ status: "not ready", database: "unreachable", migrations: "unknown" });
    expect(body).not.toMatch(new RegExp(`127\\.0\\.0\\.1|${dbPort}`));

    // Sign-in as the login form does it (next-auth's CSRF token, then the credentials callback).
    const csrf = await fetch(keel.url("/api/auth/csrf"));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const signIn = await fetch(keel.url("/api/auth/callback/credentials"), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ email: "director@acme.example", password: "keel-demo", csrfToken, json: "true" }),
      redirect: "manual",
    });
    const answer = `${signIn.headers.get("location") ?? ""} ${await signIn.text()}`;
    expect(answer).toContain("error=unavailable");
    expect(answer).not.toMatch(new RegExp(`127\\.0\\.0\\.1|${dbPort}|CredentialsSignin`));
    for (let i = 0; i < 3; i++) expect((await ready()).status).toBe(503);

    db = await up();
    expect(await eventually(async () => (await ready()).status === 200, 20_000)).toBe(true);
    const end = await keel.waitFor((l) => l.event === "db.outage.end", "db.outage.end", 20_000);
    expect(keel.lines.filter((l) => l.event === "db.outage.start")).toHaveLength(1);
    expect(keel.lines.filter((l) => l.event === "db.outage.end")).toHaveLength(1);
    expect(end.durationMs).toBeGreaterThan(0);
    expect(end.failedRequests).toBeGreaterThanOrEqual(5);
    // The job worker runs after the outage, also when the database went away while it started.
    await keel.waitFor((l) => l.event === "jobs.worker.started", "jobs.worker.started", 20_000);
    // No stack trace per failed request: the outage is the only error logged.
    expect(keel.lines.filter((l) => l.level === "error" && l.event !== "db.outage.start")).toEqual([]);

    process.kill(keel.pid, "SIGTERM");
    expect((await keel.exited).code).toBe(0);
  });
});
