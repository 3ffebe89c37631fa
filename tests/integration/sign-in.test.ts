import { beforeEach, describe, expect, it } from "vitest";

import { clientAddress, SHARED_IP_KEY } from "@/lib/auth/client-ip";
import { checkCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { MAX_FAILURES, SHARED_MAX_FAILURES } from "@/lib/auth/throttle";
import { resetDb, testDb } from "@/tests/support/db";

const db = testDb();

beforeEach(async () => {
  await resetDb();
  await db.authThrottle.deleteMany();
  await db.user.create({ data: { email: "ann@test.example", name: "Ann", passwordHash: await hashPassword("right-password") } });
});

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

  it("locks an email after repeated failures, even for the right password, from any IP", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect((await checkCredentials(db, "ann@test.example", `wrong-${i}`, `10.0.0.${i}`)).ok).toBe(false);
    }
    expect(await checkCredentials(db, "ann@test.example", "right-password", "10.9.9.9")).toEqual({ ok: false, reason: "throttled" });
  });

  it("locks an IP that sprays many accounts", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) {
      await checkCredentials(db, `spray-${i}@test.example`, "guess", "10.6.6.6");
    }
    expect(await checkCredentials(db, "ann@test.example", "right-password", "10.6.6.6")).toEqual({ ok: false, reason: "throttled" });
    expect((await checkCredentials(db, "ann@test.example", "right-password", "10.7.7.7")).ok).toBe(true);
  });

  it("clears the email counter after a successful sign-in", async () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) await checkCredentials(db, "ann@test.example", "wrong", null);
    expect((await checkCredentials(db, "ann@test.example", "right-password", null)).ok).toBe(true);
    expect((await checkCredentials(db, "ann@test.example", "wrong", null)).ok).toBe(false);
    expect((await checkCredentials(db, "ann@test.example", "right-password", null)).ok).toBe(true);
  });
});

describe("which address a failed sign-in counts against", () => {
  it("ignores X-Forwarded-For unless Keel is told it sits behind trusted proxies", () => {
    expect(clientAddress({ "x-forwarded-for": "10.1.1.1" }, 0)).toBe(SHARED_IP_KEY);
    expect(clientAddress({ "x-forwarded-for": "10.1.1.1" }, 1)).toBe("10.1.1.1");
  });

  it("behind N proxies takes the N-th address from the right: what a client prepends is ignored", () => {
    // The client forged "1.2.3.4"; the one trusted proxy appended the address it really saw.
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4, 10.1.1.1" }, 1)).toBe("10.1.1.1");
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4, 10.1.1.1, 172.16.0.2" }, 2)).toBe("10.1.1.1");
    expect(clientAddress({ "x-forwarded-for": ["1.2.3.4", "2001:db8::1"] }, 1)).toBe("2001:db8::1");
  });

  it("falls back to the shared key when the header is missing, too short for the chain, or not an address", () => {
    expect(clientAddress({}, 1)).toBe(SHARED_IP_KEY);
    expect(clientAddress(undefined, 1)).toBe(SHARED_IP_KEY);
    expect(clientAddress({ "x-forwarded-for": "10.1.1.1" }, 2)).toBe(SHARED_IP_KEY);
    expect(clientAddress({ "x-forwarded-for": "<script>" }, 1)).toBe(SHARED_IP_KEY);
  });

  it("without trusted proxies a forged header per request gets no fresh counter: all share one key", async () => {
    // An attacker rotating X-Forwarded-For on every request still lands on the shared key.
    for (let i = 0; i < SHARED_MAX_FAILURES; i++) {
      const address = clientAddress({ "x-forwarded-for": `10.8.${i >> 8}.${i & 255}` }, 0);
      expect((await checkCredentials(db, `spray-${i}@test.example`, "guess", address)).ok).toBe(false);
    }
    expect(await checkCredentials(db, "ann@test.example", "right-password", SHARED_IP_KEY)).toEqual({ ok: false, reason: "throttled" });
    const row = await db.authThrottle.findUniqueOrThrow({ where: { key: `ip:${SHARED_IP_KEY}` } });
    expect(row.failures).toBe(SHARED_MAX_FAILURES);
  });

  it("the shared key tolerates more failures than a single address before it locks", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await checkCredentials(db, `typo-${i}@test.example`, "guess", SHARED_IP_KEY);
    expect((await checkCredentials(db, "ann@test.example", "right-password", SHARED_IP_KEY)).ok).toBe(true);
  });

  it("a success clears the email counter but not the address counter", async () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) await checkCredentials(db, `spray-${i}@test.example`, "guess", "10.5.5.5");
    expect((await checkCredentials(db, "ann@test.example", "right-password", "10.5.5.5")).ok).toBe(true);
    expect((await checkCredentials(db, "nobody@test.example", "guess", "10.5.5.5")).ok).toBe(false);
    expect(await checkCredentials(db, "ann@test.example", "right-password", "10.5.5.5")).toEqual({ ok: false, reason: "throttled" });
  });
});
