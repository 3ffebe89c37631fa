import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { demoSeedAllowed, EnvError, readEnv, startupRefusals, strongSecret } from "@/lib/env";

const SECRET = randomBytes(32).toString("base64");
const PROD = {
  KEEL_ENV: "production",
  DATABASE_URL: "postgresql://keel@db.example/keel",
  AUTH_SECRET: SECRET,
  NEXTAUTH_URL: "https://keel.example.com",
  KEEL_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};
const refusals = (raw: Record<string, string | undefined>) => startupRefusals(readEnv(raw));

describe("readEnv", () => {
  it("treats an empty DATABASE_URL as unset: the embedded database", () => {
    expect(readEnv({ DATABASE_URL: "  " }).embedded).toBe(true);
    expect(readEnv({ DATABASE_URL: "postgresql://x@y/z" }).embedded).toBe(false);
  });

  it("defaults and coerces", () => {
    const env = readEnv({ KEEL_DB_POOL_MAX: "4" });
    expect(env).toMatchObject({
      KEEL_ENV: "development",
      LOG_LEVEL: "info",
      KEEL_DATA_DIR: ".data",
      KEEL_DB_POOL_MAX: 4,
      production: false,
    });
  });

  it("names every invalid variable", () => {
    try {
      readEnv({ LOG_LEVEL: "loud", KEEL_DB_POOL_MAX: "0", KEEL_ENV: "prod" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      const lines = (e as EnvError).problems.join("\n");
      expect(lines).toMatch(/LOG_LEVEL/);
      expect(lines).toMatch(/KEEL_DB_POOL_MAX/);
      expect(lines).toMatch(/KEEL_ENV/);
    }
  });

  it("reads the session and proxy settings the auth modules use, refusing what is not a number", () => {
    expect(readEnv({ KEEL_SESSION_MAX_AGE_HOURS: "8", KEEL_SESSION_IDLE_MINUTES: "15", KEEL_TRUSTED_PROXIES: "1" })).toMatchObject({
      KEEL_SESSION_MAX_AGE_HOURS: 8,
      KEEL_SESSION_IDLE_MINUTES: 15,
      KEEL_TRUSTED_PROXIES: 1,
    });
    expect(readEnv({}).KEEL_TRUSTED_PROXIES).toBeUndefined();
    expect(() => readEnv({ KEEL_TRUSTED_PROXIES: "11" })).toThrow(/KEEL_TRUSTED_PROXIES/);
    expect(() => readEnv({ KEEL_SESSION_IDLE_MINUTES: "an hour" })).toThrow(/KEEL_SESSION_IDLE_MINUTES/);
  });
});

describe("production refusals", () => {
  it("accepts a complete production configuration", () => {
    expect(refusals(PROD)).toEqual([]);
  });

  it("refuses the embedded database unless allowed by name", () => {
    for (const DATABASE_URL of [undefined, ""]) {
      const lines = refusals({ ...PROD, DATABASE_URL });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/DATABASE_URL.*KEEL_ALLOW_EMBEDDED_IN_PRODUCTION=1/);
    }
    expect(refusals({ ...PROD, DATABASE_URL: "", KEEL_ALLOW_EMBEDDED_IN_PRODUCTION: "1" })).toEqual([]);
  });

  it("never seeds the demo in production unless allowed by name", () => {
    expect(demoSeedAllowed(readEnv(PROD))).toBe(false);
    expect(demoSeedAllowed(readEnv({ ...PROD, KEEL_ALLOW_DEMO_IN_PRODUCTION: "1" }))).toBe(true);
    expect(demoSeedAllowed(readEnv({}))).toBe(true);
  });

  it.each([
    ["missing", undefined, /needs AUTH_SECRET/],
    ["x", "x", /too weak/],
    ["a short phrase", "correct horse battery", /too weak/],
    ["32 bytes of one letter", "a".repeat(64), /too weak/],
    ["16 random bytes", randomBytes(16).toString("base64"), /too weak/],
  ])("refuses an AUTH_SECRET that is %s", (_name, AUTH_SECRET, message) => {
    const lines = refusals({ ...PROD, AUTH_SECRET });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).toMatch(/openssl rand -base64 32/);
  });

  it("reads NEXTAUTH_SECRET when AUTH_SECRET is unset, and refuses two different ones", () => {
    expect(refusals({ ...PROD, AUTH_SECRET: undefined, NEXTAUTH_SECRET: SECRET })).toEqual([]);
    expect(refusals({ ...PROD, NEXTAUTH_SECRET: randomBytes(32).toString("hex") })[0]).toMatch(/differ/);
  });

  it("refuses a missing or plain-http NEXTAUTH_URL", () => {
    expect(refusals({ ...PROD, NEXTAUTH_URL: undefined })[0]).toMatch(/needs NEXTAUTH_URL/);
    expect(refusals({ ...PROD, KEEL_ENCRYPTION_KEY: undefined })[0]).toMatch(/needs KEEL_ENCRYPTION_KEY/);
    expect(refusals({ ...PROD, KEEL_ENCRYPTION_KEY: "short" })[0]).toMatch(/exactly 32 random bytes/);
    expect(readEnv({}).KEEL_JOBS_IN_PROCESS).toBe("on");
    expect(() => readEnv({ KEEL_JOBS_IN_PROCESS: "maybe" })).toThrow(/KEEL_JOBS_IN_PROCESS/);
    expect(refusals({ ...PROD, NEXTAUTH_URL: "http://keel.example.com" })[0]).toMatch(/https:\/\//);
  });

  it("refuses a missing KEEL_ENCRYPTION_KEY in production, and a malformed one anywhere", () => {
    expect(refusals({ ...PROD, KEEL_ENCRYPTION_KEY: undefined })).toEqual([expect.stringMatching(/needs KEEL_ENCRYPTION_KEY/)]);
    expect(refusals({ ...PROD, KEEL_ENCRYPTION_KEY: randomBytes(32).toString("hex") })).toEqual([]);
    expect(refusals({ ...PROD, KEEL_ENCRYPTION_KEY: "too-short" })).toEqual([expect.stringMatching(/exactly 32 random bytes/)]);
    expect(refusals({ KEEL_ENCRYPTION_KEY: randomBytes(16).toString("base64") })).toEqual([
      expect.stringMatching(/exactly 32 random bytes/),
    ]);
    expect(refusals({})).toEqual([]);
  });

  it("lists every problem at once, one line each", () => {
    const lines = refusals({ KEEL_ENV: "production", AUTH_SECRET: "x", NEXTAUTH_URL: "http://k" });
    // embedded database, weak AUTH_SECRET, no KEEL_ENCRYPTION_KEY, plain-http NEXTAUTH_URL
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(l).not.toContain("\n");
  });

  it("asks nothing of a development machine", () => {
    expect(refusals({ AUTH_SECRET: "x" })).toEqual([]);
  });
});

describe("strongSecret", () => {
  it("accepts 32 random bytes as base64 or hex", () => {
    for (let i = 0; i < 500; i++) {
      expect(strongSecret(randomBytes(32).toString("base64"))).toBe(true);
      expect(strongSecret(randomBytes(32).toString("hex"))).toBe(true);
      expect(strongSecret(randomBytes(32).toString("base64url"))).toBe(true);
    }
  });
});

describe("documentation", () => {
  it("the configuration table of docs/operations.md names every variable lib/env.ts reads", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const source = readFileSync(path.join(root, "lib/env.ts"), "utf8");
    const schema = source.slice(source.indexOf("const ZEnv = z.object({"), source.indexOf("\n});", source.indexOf("const ZEnv")));
    const variables = [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    expect(variables.length).toBeGreaterThan(15);
    const docs = readFileSync(path.join(root, "docs/operations.md"), "utf8");
    const table = docs.slice(docs.indexOf("## Configuration"), docs.indexOf("\n## ", docs.indexOf("## Configuration") + 5));
    const documented = new Set(
      [...table.matchAll(/^\|([^|]+)\|/gm)].flatMap((m) => [...m[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((x) => x[1])),
    );
    expect(
      variables.filter((v) => !documented.has(v)),
      "variables missing from docs/operations.md#configuration",
    ).toEqual([]);
  });
});
