import { describe, expect, it } from "vitest";

import { sessionConfig, sessionCookie, sessionVerdict, signedInBeforePasswordChange } from "@/lib/auth/session-policy";

const MIN = 60_000;
const HOUR = 60 * MIN;
const config = { maxAgeMs: 12 * HOUR, idleMs: 30 * MIN };
const t0 = Date.UTC(2026, 10, 27, 9, 0, 0);

describe("session lifetime and idle timeout", () => {
  it.each([
    ["fresh session", { authAt: t0, lastSeen: t0 }, t0 + MIN, "ok"],
    ["used a minute before the idle limit", { authAt: t0, lastSeen: t0 + 2 * HOUR }, t0 + 2 * HOUR + 29 * MIN, "ok"],
    ["idle exactly the timeout", { authAt: t0, lastSeen: t0 + 2 * HOUR }, t0 + 2 * HOUR + 30 * MIN, "idle"],
    ["idle longer than the timeout", { authAt: t0, lastSeen: t0 }, t0 + 3 * HOUR, "idle"],
    ["active but past the absolute lifetime", { authAt: t0, lastSeen: t0 + 12 * HOUR - MIN }, t0 + 12 * HOUR, "expired"],
    ["no times (a token from before these rules)", {}, t0, "expired"],
    ["times as strings", { authAt: String(t0), lastSeen: String(t0) }, t0, "expired"],
    ["issued in the future", { authAt: t0 + HOUR, lastSeen: t0 + HOUR }, t0, "expired"],
    ["last seen before sign-in", { authAt: t0, lastSeen: t0 - MIN }, t0, "expired"],
  ] as const)("%s → %s", (_label, token, now, verdict) => {
    expect(sessionVerdict(token, now, config)).toBe(verdict);
  });

  it("reads the limits from the environment, with defaults and an idle timeout capped by the lifetime", () => {
    expect(sessionConfig({})).toEqual({ maxAgeMs: 12 * HOUR, idleMs: 60 * MIN });
    expect(sessionConfig({ KEEL_SESSION_MAX_AGE_HOURS: "8", KEEL_SESSION_IDLE_MINUTES: "15" })).toEqual({
      maxAgeMs: 8 * HOUR,
      idleMs: 15 * MIN,
    });
    expect(sessionConfig({ KEEL_SESSION_MAX_AGE_HOURS: "1", KEEL_SESSION_IDLE_MINUTES: "600" })).toEqual({ maxAgeMs: HOUR, idleMs: HOUR });
    // Invalid values are refused by the one env module (npm start checks them before starting), naming the variable.
    expect(() => sessionConfig({ KEEL_SESSION_MAX_AGE_HOURS: "-3" })).toThrow(/KEEL_SESSION_MAX_AGE_HOURS/);
    expect(() => sessionConfig({ KEEL_SESSION_IDLE_MINUTES: "soon" })).toThrow(/KEEL_SESSION_IDLE_MINUTES/);
  });

  it("ends sessions that signed in before a password change, and only those", () => {
    const changed = new Date(t0);
    expect(signedInBeforePasswordChange(t0 - 1, changed)).toBe(true);
    expect(signedInBeforePasswordChange(t0, changed)).toBe(false);
    expect(signedInBeforePasswordChange(t0 + MIN, changed)).toBe(false);
    expect(signedInBeforePasswordChange(undefined, changed)).toBe(true);
    expect(signedInBeforePasswordChange(t0 - HOUR, null)).toBe(false);
  });
});

describe("session cookie flags", () => {
  it("is httpOnly and SameSite=Lax always, Secure with the __Secure- prefix in production", () => {
    expect(sessionCookie({ KEEL_ENV: "production" })).toEqual({
      secure: true,
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
    expect(sessionCookie({ NEXTAUTH_URL: "https://keel.example.com" }).secure).toBe(true);
    expect(sessionCookie({ NEXTAUTH_URL: "http://localhost:3000" })).toEqual({
      secure: false,
      name: "next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
    });
  });
});
