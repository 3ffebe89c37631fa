import { randomBytes } from "node:crypto";

import { afterEach, describe, expect, it } from "vitest";

import { open, seal } from "@/lib/security/secret-box";

const saved = { key: process.env.KEEL_ENCRYPTION_KEY, auth: process.env.AUTH_SECRET, env: process.env.KEEL_ENV };
afterEach(() => {
  for (const [name, value] of [
    ["KEEL_ENCRYPTION_KEY", saved.key],
    ["AUTH_SECRET", saved.auth],
    ["KEEL_ENV", saved.env],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("secret box (AES-256-GCM with KEEL_ENCRYPTION_KEY)", () => {
  it("opens what it sealed; each seal differs; the plaintext is not in the sealed text", () => {
    process.env.KEEL_ENCRYPTION_KEY = randomBytes(32).toString("base64");
    const a = seal("client-secret-ÄÖ");
    const b = seal("client-secret-ÄÖ");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[\w-]+$/);
    expect(a).not.toContain("client-secret");
    expect(open(a)).toBe("client-secret-ÄÖ");
  });

  it("refuses an altered text and another key's text", () => {
    process.env.KEEL_ENCRYPTION_KEY = randomBytes(32).toString("hex");
    const sealed = seal("s3cret");
    const body = Buffer.from(sealed.slice(3), "base64url");
    body[body.length - 1] ^= 1;
    expect(() => open(`v1.${body.toString("base64url")}`)).toThrow();
    expect(() => open("v2.abc")).toThrow(/Not a sealed secret/);
    process.env.KEEL_ENCRYPTION_KEY = randomBytes(32).toString("hex");
    expect(() => open(sealed)).toThrow();
  });

  it("derives a development key from AUTH_SECRET, and refuses to in production", () => {
    delete process.env.KEEL_ENCRYPTION_KEY;
    process.env.AUTH_SECRET = "a-development-secret-0123456789abcdef";
    expect(open(seal("x"))).toBe("x");
    process.env.KEEL_ENV = "production";
    expect(() => seal("x")).toThrow(/KEEL_ENCRYPTION_KEY is not set/);
  });
});
