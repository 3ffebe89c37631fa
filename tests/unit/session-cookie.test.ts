import { beforeAll, describe, expect, it } from "vitest";

import { decodeSession, encodeSession, refreshedSessionCookie } from "@/lib/auth/session-cookie";

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
