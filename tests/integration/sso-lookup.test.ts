import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { SSO_LOOKUP_LIMIT, ssoLookupRoute } from "@/lib/sso/routes";
import { createOrg } from "@/tests/factories/org";
import { resetDb, testDb } from "@/tests/support/db";

// GET /api/auth/sso/lookup is public: it is counted per client address in PostgreSQL
// (lib/api/rate-limit.ts), so a script cannot walk a list of domains to learn which use SSO.

const db = testDb();

beforeAll(async () => {
  await resetDb();
  const org = await createOrg(db);
  await db.orgSso.create({
    data: { orgId: org.id, displayName: "Corp IdP", issuer: "https://idp.example", clientId: "c", clientSecretSealed: "v1.x" },
  });
  await db.ssoDomain.create({ data: { orgId: org.id, domain: "corp.example" } });
});

afterEach(() => {
  delete process.env.KEEL_TRUSTED_PROXIES;
});

const lookup = (email: string, forwardedFor?: string) =>
  ssoLookupRoute(
    new NextRequest(`http://keel.test/api/auth/sso/lookup?email=${encodeURIComponent(email)}`, {
      headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
    }),
  );

describe("the SSO lookup's rate limit", () => {
  it("answers each client address up to the limit, then 429 with Retry-After; another address is unaffected", async () => {
    process.env.KEEL_TRUSTED_PROXIES = "1";
    const first = await lookup("ann@corp.example", "203.0.113.7");
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ provider: "Corp IdP" });
    expect(first.headers.get("ratelimit-remaining")).toBeNull();
    for (let i = 1; i < SSO_LOOKUP_LIMIT; i++) expect((await lookup(`u${i}@d${i}.example`, "203.0.113.7")).status).toBe(200);
    const refused = await lookup("ann@corp.example", "203.0.113.7");
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ provider: null });
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    // The counter is the client's own: a forged left-hand entry does not give a fresh one, and
    // another client still gets its answer.
    expect((await lookup("ann@corp.example", "198.51.100.1, 203.0.113.7")).status).toBe(429);
    expect((await lookup("ann@corp.example", "203.0.113.8")).status).toBe(200);
    expect(await db.authThrottle.count({ where: { key: { startsWith: "sso-lookup:" } } })).toBe(2);
  });

  it("keeps no shared counter when the client address is not trustworthy", async () => {
    for (let i = 0; i <= SSO_LOOKUP_LIMIT; i++) expect((await lookup("ann@corp.example", "203.0.113.7")).status).toBe(200);
    expect(await db.authThrottle.count({ where: { key: { startsWith: "sso-lookup:" } } })).toBe(2);
  });
});
