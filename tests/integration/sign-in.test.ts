import { beforeEach, describe, expect, it } from "vitest";

import { clientAddress } from "@/lib/auth/client-ip";
import { checkCredentials } from "@/lib/auth/credentials";
import { deviceCookieValue, knownDeviceId, newDeviceId } from "@/lib/auth/device";
import { hashPassword } from "@/lib/auth/password";
import { accountKey, ADDRESS_MAX_FAILURES, BASE_LOCK_MS, MAX_FAILURES, MAX_LOCK_MS } from "@/lib/auth/throttle";
import { resetDb, testDb } from "@/tests/support/db";

const db = testDb();
const SECRET = "test-secret-for-device-cookies-0123456789";

beforeEach(async () => {
  await resetDb();
  await db.authThrottle.deleteMany();
  await db.user.create({ data: { email: "ann@test.example", name: "Ann", passwordHash: await hashPassword("right-password") } });
  await db.user.create({ data: { email: "bob@test.example", name: "Bob", passwordHash: await hashPassword("bobs-password") } });
});

/** Moves an account's lock into the past, as if its wait had run out. */
async function waitOut(key: string) {
  await db.authThrottle.update({ where: { key }, data: { lockedUntil: new Date(Date.now() - 1000) } });
}

async function lockMs(key: string): Promise<number> {
  const row = await db.authThrottle.findUniqueOrThrow({ where: { key } });
  return row.lockedUntil ? row.lockedUntil.getTime() - Date.now() : 0;
}

describe("sign-in credentials", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const result = await checkCredentials(db, "  Ann@Test.Example ", "right-password", "10.0.0.1");
    expect(result).toMatchObject({ ok: true, user: { email: "ann@test.example", name: "Ann" } });
    expect(JSON.stringify(result)).not.toContain("scrypt");
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    expect(await checkCredentials(db, "ann@test.example", "wrong", "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(db, "nobody@test.example", "wrong", "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
  });

  it("clears the account counter after a successful sign-in", async () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) await checkCredentials(db, "ann@test.example", "wrong", null);
    expect((await checkCredentials(db, "ann@test.example", "right-password", null)).ok).toBe(true);
    expect((await checkCredentials(db, "ann@test.example", "wrong", null)).ok).toBe(false);
    expect((await checkCredentials(db, "ann@test.example", "right-password", null)).ok).toBe(true);
  });
});

describe("throttling that cannot lock a tenant out (issue 18, finding 3)", () => {
  it("failures with made-up emails lock nobody else out: there is no shared counter", async () => {
    // Before: 50 failures from untrusted addresses locked every user of every org for 15 minutes.
    for (let i = 0; i < 60; i++) {
      expect(
        await checkCredentials(db, `made-up-${i}@test.example`, "guess", clientAddress({ "x-forwarded-for": `10.8.0.${i}` }, 0)),
      ).toEqual({ ok: false, reason: "invalid" });
    }
    expect((await checkCredentials(db, "ann@test.example", "right-password", clientAddress({}, 0))).ok).toBe(true);
    expect(await db.authThrottle.count({ where: { key: { startsWith: "ip:" } } })).toBe(0);
  });

  it("an account backs off exponentially instead of a fixed lock", async () => {
    for (let i = 0; i < MAX_FAILURES; i++)
      expect(await checkCredentials(db, "ann@test.example", `wrong-${i}`, null)).toEqual({ ok: false, reason: "invalid" });
    // Held off even with the right password while the wait runs…
    expect(await checkCredentials(db, "ann@test.example", "right-password", null)).toEqual({ ok: false, reason: "throttled" });
    const key = accountKey("ann@test.example");
    expect(await lockMs(key)).toBeGreaterThan(BASE_LOCK_MS - 5_000);
    expect(await lockMs(key)).toBeLessThanOrEqual(BASE_LOCK_MS);
    // …each further wrong password doubles the wait, up to the cap…
    await waitOut(key);
    expect(await checkCredentials(db, "ann@test.example", "wrong-again", null)).toEqual({ ok: false, reason: "invalid" });
    expect(await lockMs(key)).toBeGreaterThan(2 * BASE_LOCK_MS - 5_000);
    for (let i = 0; i < 10; i++) {
      await waitOut(key);
      await checkCredentials(db, "ann@test.example", "wrong-again", null);
    }
    expect(await lockMs(key)).toBeLessThanOrEqual(MAX_LOCK_MS);
    expect(await lockMs(key)).toBeGreaterThan(MAX_LOCK_MS - 5_000);
    // …and once the wait is over the right password works and the counter starts again.
    await waitOut(key);
    expect((await checkCredentials(db, "ann@test.example", "right-password", null)).ok).toBe(true);
    expect(await db.authThrottle.count({ where: { key } })).toBe(0);
    // Another account was never affected.
    expect((await checkCredentials(db, "bob@test.example", "bobs-password", null)).ok).toBe(true);
  });

  it("a device that signed in before is not locked out by guesses from elsewhere", async () => {
    const device = newDeviceId();
    const cookie = deviceCookieValue(device, "ann@test.example", SECRET);
    for (let i = 0; i < MAX_FAILURES + 3; i++) await checkCredentials(db, "ann@test.example", `attacker-${i}`, null);
    expect(await checkCredentials(db, "ann@test.example", "right-password", null)).toEqual({ ok: false, reason: "throttled" });
    // Ann on her own laptop: the signed cookie names her device for her email.
    const known = knownDeviceId(cookie, "ann@test.example", SECRET);
    expect(known).toBe(device);
    expect((await checkCredentials(db, "ann@test.example", "right-password", null, known)).ok).toBe(true);
  });

  it("a device cookie helps only the account it was signed for, and only if we signed it", async () => {
    const mine = deviceCookieValue(newDeviceId(), "mallory@test.example", SECRET);
    expect(knownDeviceId(mine, "ann@test.example", SECRET)).toBeNull();
    expect(knownDeviceId(mine, "mallory@test.example", "another-secret")).toBeNull();
    expect(knownDeviceId(`${newDeviceId()}.${"A".repeat(43)}`, "ann@test.example", SECRET)).toBeNull();
    expect(knownDeviceId("garbage", "ann@test.example", SECRET)).toBeNull();
  });

  it("40 parallel guesses: the limit is checked and counted in one statement, so at most the limit are evaluated", async () => {
    // Before: check and increment were separate statements, and 12 of 40 were evaluated.
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => checkCredentials(db, "ann@test.example", `parallel-${i}`, null)),
    );
    const evaluated = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(evaluated).toBe(MAX_FAILURES);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(40 - MAX_FAILURES);
  });

  it("a trusted client address that sprays many accounts is held off; other addresses are not", async () => {
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) await checkCredentials(db, `spray-${i}@test.example`, "guess", "10.6.6.6");
    expect(await checkCredentials(db, "ann@test.example", "right-password", "10.6.6.6")).toEqual({ ok: false, reason: "throttled" });
    expect((await checkCredentials(db, "ann@test.example", "right-password", "10.7.7.7")).ok).toBe(true);
  });
});

describe("which address a failed sign-in counts against", () => {
  it("ignores X-Forwarded-For unless Keel is told it sits behind trusted proxies", () => {
    expect(clientAddress({ "x-forwarded-for": "10.1.1.1" }, 0)).toBeNull();
    expect(clientAddress({ "x-forwarded-for": "10.1.1.1" }, 1)).toBe("10.1.1.1");
  });

  it("behind N proxies takes the N-th address from the right: what a client prepends is ignored", () => {
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4, 10.1.1.1" }, 1)).toBe("10.1.1.1");
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4, 10.1.1.1, 172.16.0.2" }, 2)).toBe("10.1.1.1");
    expect(clientAddress({ "x-forwarded-for": ["1.2.3.4", "2001:db8::1"] }, 1)).toBe("2001:db8::1");
  });

  it("no address when the header is missing, too short for the chain, or not an address", () => {
    expect(clientAddress({}, 1)).toBeNull();
    expect(clientAddress(undefined, 1)).toBeNull();
    expect(clientAddress({ "x-forwarded-for": "10.1.1.1" }, 2)).toBeNull();
    expect(clientAddress({ "x-forwarded-for": "<script>" }, 1)).toBeNull();
  });
});
