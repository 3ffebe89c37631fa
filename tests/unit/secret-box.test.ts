import { randomBytes } from "node:crypto";

import { afterEach, describe, expect, it } from "vitest";

import { openSecret, sealSecret } from "@/lib/security/secret-box";

const saved = { key: process.env.KEEL_ENCRYPTION_KEY, env: process.env.KEEL_ENV };
afterEach(() => {
  for (const [name, value] of [
    ["KEEL_ENCRYPTION_KEY", saved.key],
    ["KEEL_ENV", saved.env],
  ] as const)
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
});

describe("secret box", () => {
  it("opens what it sealed, with a fresh nonce each time, and hides the secret", () => {
    process.env.KEEL_ENCRYPTION_KEY = randomBytes(32).toString("base64");
    const a = sealSecret("whsec_abc", "org1");
    const b = sealSecret("whsec_abc", "org1");
    expect(a).not.toBe(b);
    expect(a).not.toContain("abc");
    expect(openSecret(a, "org1")).toBe("whsec_abc");
  });

  it("refuses a tampered value, another context and another key", () => {
    process.env.KEEL_ENCRYPTION_KEY = randomBytes(32).toString("hex");
    const sealed = sealSecret("s3cret", "org1");
    const [v, nonce, body, tag] = sealed.split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(() => openSecret([v, nonce, flipped.toString("base64url"), tag].join("."), "org1")).toThrow();
    expect(() => openSecret(sealed, "org2")).toThrow();
    process.env.KEEL_ENCRYPTION_KEY = randomBytes(32).toString("hex");
    expect(() => openSecret(sealed, "org1")).toThrow();
  });

  it("derives a development key, but refuses to work without a key in production", () => {
    delete process.env.KEEL_ENCRYPTION_KEY;
    expect(openSecret(sealSecret("x"))).toBe("x");
    process.env.KEEL_ENV = "production";
    expect(() => sealSecret("x")).toThrow(/KEEL_ENCRYPTION_KEY/);
  });
});
