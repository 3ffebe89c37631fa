import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { freePort, startKeel } from "./keel";

// KEEL_ENV=production refuses demo settings before it touches any database: the data directory
// is never created, and a DATABASE_URL that nothing answers is never tried (no "waiting for the
// database" line). Each refusal is one line saying what to set.

const root = mkdtempSync(path.join(tmpdir(), "keel-prod-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const GOOD = {
  KEEL_ENV: "production",
  DATABASE_URL: "postgresql://keel@127.0.0.1:1/keel",
  AUTH_SECRET: randomBytes(32).toString("base64"),
  NEXTAUTH_URL: "https://keel.example.com",
  KEEL_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};

describe("production start refusals", () => {
  it.each([
    ["no DATABASE_URL (the embedded demo database)", { DATABASE_URL: "" }, /needs DATABASE_URL.*KEEL_ALLOW_EMBEDDED_IN_PRODUCTION=1/],
    ["no AUTH_SECRET", { AUTH_SECRET: "" }, /needs AUTH_SECRET.*openssl rand -base64 32/],
    ["AUTH_SECRET=x", { AUTH_SECRET: "x" }, /AUTH_SECRET is too weak/],
    ["no NEXTAUTH_URL", { NEXTAUTH_URL: "" }, /needs NEXTAUTH_URL/],
    ["no KEEL_ENCRYPTION_KEY", { KEEL_ENCRYPTION_KEY: "" }, /needs KEEL_ENCRYPTION_KEY/],
    ["a plain-http NEXTAUTH_URL", { NEXTAUTH_URL: "http://keel.example.com" }, /NEXTAUTH_URL must start with https:\/\//],
    ["no KEEL_ENCRYPTION_KEY", { KEEL_ENCRYPTION_KEY: "" }, /needs KEEL_ENCRYPTION_KEY/],
    ["an invalid LOG_LEVEL", { LOG_LEVEL: "chatty" }, /LOG_LEVEL must be one of/],
  ])("refuses %s in one line, before any database", async (_name, change, message) => {
    const dataDir = path.join(root, randomBytes(4).toString("hex"));
    const keel = startKeel(await freePort(), { ...GOOD, KEEL_DATA_DIR: dataDir, ...change });
    const { code } = await keel.exited;
    expect(code).toBe(1);
    const lines = keel.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^keel: refusing to start: /);
    expect(lines[0]).toMatch(message);
    expect(existsSync(dataDir)).toBe(false);
    expect(keel.lines.filter((l) => /database|migration/i.test(String(l.msg)))).toEqual([]);
  });

  it("starts with a complete production configuration, and waits for an unreachable database with growing pauses", async () => {
    const keel = startKeel(await freePort(), {
      ...GOOD,
      DATABASE_URL: "postgresql://keel:hunter2hunter2@127.0.0.1:1/keel",
      KEEL_DB_WAIT_SECONDS: "3",
      KEEL_DATA_DIR: path.join(root, "unused"),
    });
    const { code } = await keel.exited;
    expect(code).toBe(1);
    expect(keel.stderr()).toBe("");
    const retries = keel.lines.filter((l) => String(l.msg).startsWith("database not reachable yet"));
    expect(retries.map((l) => l.retryInMs)).toEqual([500, 1000]);
    expect(keel.lines.at(-1)).toMatchObject({ level: "fatal" });
    expect(JSON.stringify(keel.lines.at(-1))).toMatch(/still unreachable after 3 s/);
    expect(JSON.stringify(keel.lines)).not.toContain("hunter2");
  });
});
