import { beforeAll, describe, expect, it } from "vitest";

import { decode as nextAuthDecode, encode as nextAuthEncode } from "next-auth/jwt";

import { decodeJwt, decodeSession, encodeJwt, encodeSession, liveSession, refreshedSessionCookie } from "@/lib/auth/session-cookie";

const MIN = 60_000;

beforeAll(() => {
  process.env.AUTH_SECRET = "unit-test-secret-0123456789abcdef0123456789";
});

describe("proxy.ts session refresh", () => {
  it("moves lastSeen forward for a live session last seen over a minute ago, keeping authAt", async () => {
    const now = Date.now();
    const value = await encodeSession({ sub: "u1", authAt: now - 30 * MIN, lastSeen: now - 5 * MIN });
    const refreshed = await refreshedSessionCookie(value, now);
    expect(refreshed).toMatchObject({ name: "next-auth.session-token", options: { httpOnly: true, sameSite: "lax" } });
    expect(await decodeSession(refreshed!.value)).toMatchObject({ sub: "u1", authAt: now - 30 * MIN, lastSeen: now });
  });

  it("leaves alone a session seen within the minute, an idle one, an expired one and garbage", async () => {
    const now = Date.now();
    const recent = await encodeSession({ sub: "u1", authAt: now - MIN, lastSeen: now - 10_000 });
    const idle = await encodeSession({ sub: "u1", authAt: now - 3 * 60 * MIN, lastSeen: now - 2 * 60 * MIN });
    const expired = await encodeSession({ sub: "u1", authAt: now - 13 * 60 * MIN, lastSeen: now - 2 * MIN });
    for (const value of [recent, idle, expired, "not-a-jwt", undefined]) expect(await refreshedSessionCookie(value, now)).toBeNull();
  });

  it("does not accept a token made with another secret", async () => {
    const now = Date.now();
    const value = await encodeSession({ sub: "u1", authAt: now - 10 * MIN, lastSeen: now - 5 * MIN });
    process.env.AUTH_SECRET = "another-secret-0123456789abcdef0123456789ab";
    try {
      expect(await decodeSession(value)).toBeNull();
      expect(await refreshedSessionCookie(value, now)).toBeNull();
    } finally {
      process.env.AUTH_SECRET = "unit-test-secret-0123456789abcdef0123456789";
    }
  });
});

describe("Keel's session token format (lib/auth.ts hands encodeJwt/decodeJwt to next-auth)", () => {
  const secret = "unit-test-secret-0123456789abcdef0123456789";

  it("round-trips sessions and salted tokens; a salt is part of the key", async () => {
    const token = { sub: "u1", sid: "s1", authAt: 1, lastSeen: 2 };
    expect(await decodeJwt({ token: await encodeJwt({ token, secret }), secret })).toMatchObject(token);
    const salted = await encodeJwt({ token, secret, salt: "x" });
    expect(await decodeJwt({ token: salted, secret, salt: "x" })).toMatchObject(token);
    await expect(decodeJwt({ token: salted, secret })).rejects.toThrow();
  });

  it("is its own format: next-auth's internal token format is neither read nor written", async () => {
    const token = { sub: "u1", authAt: 1, lastSeen: 2 };
    await expect(decodeJwt({ token: await nextAuthEncode({ token, secret }), secret })).rejects.toThrow();
    await expect(nextAuthDecode({ token: await encodeJwt({ token, secret }), secret })).rejects.toThrow();
  });

  it("rejects an expired token, a tampered one and one made with another secret, also after the key is cached", async () => {
    const token = { sub: "u1", authAt: 1, lastSeen: 2 };
    const good = await encodeJwt({ token, secret });
    expect(await decodeJwt({ token: good, secret })).toMatchObject(token);
    await expect(decodeJwt({ token: await encodeJwt({ token, secret, maxAge: -60 }), secret })).rejects.toThrow();
    const parts = good.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    await expect(decodeJwt({ token: parts.join("."), secret })).rejects.toThrow();
    await expect(decodeJwt({ token: good, secret: `${secret}-other` })).rejects.toThrow();
  });

  it("liveSession applies the idle and absolute limits", async () => {
    const now = Date.now();
    expect(await liveSession(await encodeSession({ sub: "u1", authAt: now - 10 * MIN, lastSeen: now - 5 * MIN }), now)).toMatchObject({
      sub: "u1",
    });
    expect(await liveSession(await encodeSession({ sub: "u1", authAt: now - 3 * 60 * MIN, lastSeen: now - 2 * 60 * MIN }), now)).toBeNull();
    expect(await liveSession(await encodeSession({ sub: "u1", authAt: now - 13 * 60 * MIN, lastSeen: now - 2 * MIN }), now)).toBeNull();
    expect(await liveSession("garbage", now)).toBeNull();
  });
});
