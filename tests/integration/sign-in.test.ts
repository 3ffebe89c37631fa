import { beforeEach, describe, expect, it } from "vitest";

import { checkCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { MAX_FAILURES } from "@/lib/auth/throttle";
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
